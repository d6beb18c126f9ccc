package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSizeTest {
  private static String fargateError(int cpu, int memory) {
    return assertThrows(IllegalArgumentException.class, () -> TaskSize.of(cpu, memory).requireFargate()).getMessage();
  }

  @Test
  void everyDocumentedFargatePairIsAccepted() {
    assertEquals(List.of(512, 1024, 2048), TaskSize.fargateMemoryOptions(256));
    assertEquals(List.of(1024, 2048, 3072, 4096), TaskSize.fargateMemoryOptions(512));
    assertEquals(7, TaskSize.fargateMemoryOptions(1024).size());
    assertEquals(13, TaskSize.fargateMemoryOptions(2048).size());
    assertEquals(23, TaskSize.fargateMemoryOptions(4096).size());
    assertEquals(List.of(16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440), TaskSize.fargateMemoryOptions(8192));
    assertEquals(12, TaskSize.fargateMemoryOptions(16384).size());
    assertEquals(122880, TaskSize.fargateMemoryOptions(16384).get(11));
    int pairs = 0;
    for (var entry : TaskSize.FARGATE.entrySet()) {
      for (int memory : entry.getValue()) {
        TaskSize.of(entry.getKey(), memory).requireFargate();
        pairs++;
      }
    }
    assertEquals(3 + 4 + 7 + 13 + 23 + 12 + 12, pairs);
  }

  @Test
  void pairsFargateRejectsListTheAllowedMemory() {
    assertEquals("memory = 4096 is invalid: Fargate with cpu 256 allows memory 512, 1024, 2048 (MiB)", fargateError(256, 4096));
    assertEquals("memory = 1536 is invalid: Fargate with cpu 512 allows memory 1024, 2048, 3072, 4096 (MiB)", fargateError(512, 1536));
    assertTrue(fargateError(8192, 18432).startsWith("memory = 18432 is invalid: Fargate with cpu 8192 allows memory 16384, 20480,"));
    assertTrue(fargateError(16384, 36864).contains("32768, 40960"));
    assertEquals("cpu = 768 is invalid: Fargate allows cpu 256, 512, 1024, 2048, 4096, 8192, 16384", fargateError(768, 2048));
  }

  @Test
  void ec2TaskSizesOnlyNeedToBeInRange() {
    assertEquals(768, TaskSize.of(768, 3000).cpu());
    assertEquals("cpu = 64 is invalid: allowed range is 128..196608",
        assertThrows(IllegalArgumentException.class, () -> TaskSize.of(64, 512)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TaskSize.of(256, 0)).getMessage().startsWith("memory = 0 is invalid"));
  }
}
