package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

class DeviceChooserTest {
  @Test
  void usesTheGpuSparkAssignedToTheTask() {
    // What TaskContext.resources() holds with spark.task.resource.gpu.amount=1 on a GPU node.
    Map<String, ResourceInformation> gpuTask =
        Map.of("gpu", new ResourceInformation("gpu", new String[] {"3"}));
    assertThat(DeviceChooser.choose(gpuTask)).isEqualTo("gpu:3");
    Map<String, ResourceInformation> twoGpus =
        Map.of("gpu", new ResourceInformation("gpu", new String[] {"1", "2"}));
    assertThat(DeviceChooser.choose(twoGpus)).isEqualTo("gpu:1");
  }

  @Test
  void fallsBackToCpu() {
    assertThat(DeviceChooser.choose(Map.of())).isEqualTo("cpu");
    assertThat(DeviceChooser.choose(null)).isEqualTo("cpu");
    assertThat(DeviceChooser.choose(
        Map.of("fpga", new ResourceInformation("fpga", new String[] {"0"})))).isEqualTo("cpu");
    assertThat(DeviceChooser.choose(
        Map.of("gpu", new ResourceInformation("gpu", new String[0])))).isEqualTo("cpu");
  }
}
