package dev.openocr.spark;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;

/** Picks the device a task runs its models on from the resources Spark assigned to it. */
public final class DeviceChooser {
  /** Spark's resource name for GPUs ({@code spark.task.resource.gpu.amount}). */
  public static final String GPU = "gpu";

  private DeviceChooser() {}

  /**
   * {@code gpu:N} for the first GPU address Spark gave the task ({@code TaskContext.resources()}),
   * {@code cpu} when it gave none or the address is not a device number.
   */
  public static String choose(Map<String, ResourceInformation> resources) {
    ResourceInformation gpu = resources == null ? null : resources.get(GPU);
    if (gpu == null || gpu.addresses() == null || gpu.addresses().length == 0) {
      return "cpu";
    }
    String a = gpu.addresses()[0].trim();
    return a.matches("\\d+") ? "gpu:" + Integer.parseInt(a) : "cpu";
  }
}
