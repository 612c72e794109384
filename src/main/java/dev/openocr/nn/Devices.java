package dev.openocr.nn;

import ai.djl.Device;

/** Maps the device strings of the options ({@code cpu}, {@code gpu:N}) to DJL devices. */
public final class Devices {
  private Devices() {}

  public static Device of(String device) {
    if (device == null || device.equals("cpu")) {
      return Device.cpu();
    }
    if (device.matches("gpu:\\d+")) {
      return Device.gpu(Integer.parseInt(device.substring(4)));
    }
    throw new IllegalArgumentException("Invalid device: " + device + " (cpu or gpu:N)");
  }
}
