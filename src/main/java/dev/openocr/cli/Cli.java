package dev.openocr.cli;

import ai.djl.engine.Engine;

/** Small helpers shared by commands. */
final class Cli {
  private Cli() {}

  /** The first GPU the native engine finds, else the CPU. */
  static String defaultDevice() {
    return Engine.getInstance().getGpuCount() > 0 ? "gpu:0" : "cpu";
  }
}
