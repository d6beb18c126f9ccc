package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU units (1024 = one vCPU) and memory (MiB) of an ECS task.
 *
 * <p>Fargate accepts only the combinations in {@link #FARGATE}; {@link #requireFargate()} checks them so a
 * bad pair fails at synth with the memory values that would work, instead of at apply time.
 *
 * @param cpu    CPU units. Default (in {@link TaskDefinitionProps}): {@link TaskDefinitionProps#DEFAULT_TASK_SIZE}
 * @param memory memory in MiB. Default (in {@link TaskDefinitionProps}): {@link TaskDefinitionProps#DEFAULT_TASK_SIZE}
 */
public record TaskSize(int cpu, int memory) {
  /** Fargate's allowed memory values (MiB) per CPU value, as documented by AWS for Linux tasks. */
  public static final Map<Integer, List<Integer>> FARGATE = fargateTable();

  public TaskSize {
    // EC2 tasks: ECS accepts 128 CPU units up to 192 vCPU; the memory floor is ECS's own minimum of 6 MiB.
    Validate.range("cpu", cpu, 128, 196_608);
    Validate.range("memory", memory, 6, 4_000_000);
  }

  public static TaskSize of(int cpu, int memory) {
    return new TaskSize(cpu, memory);
  }

  /** The memory values Fargate accepts for {@code cpu}; empty when Fargate has no such CPU size. */
  public static List<Integer> fargateMemoryOptions(int cpu) {
    return FARGATE.getOrDefault(cpu, List.of());
  }

  /** Fails unless Fargate accepts this CPU and memory pair; the message lists the allowed values. */
  public TaskSize requireFargate() {
    if (!FARGATE.containsKey(cpu)) {
      throw Validate.invalid("cpu", cpu, "Fargate allows cpu " + join(List.copyOf(FARGATE.keySet())));
    }
    List<Integer> allowed = FARGATE.get(cpu);
    if (!allowed.contains(memory)) {
      throw Validate.invalid("memory", memory, "Fargate with cpu " + cpu + " allows memory " + join(allowed) + " (MiB)");
    }
    return this;
  }

  private static String join(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static Map<Integer, List<Integer>> fargateTable() {
    Map<Integer, List<Integer>> table = new LinkedHashMap<>();
    table.put(256, List.of(512, 1024, 2048));
    table.put(512, steps(1024, 4096, 1024));
    table.put(1024, steps(2048, 8192, 1024));
    table.put(2048, steps(4096, 16384, 1024));
    table.put(4096, steps(8192, 30720, 1024));
    table.put(8192, steps(16384, 61440, 4096));
    table.put(16384, steps(32768, 122880, 8192));
    return java.util.Collections.unmodifiableMap(table);
  }

  private static List<Integer> steps(int from, int to, int step) {
    List<Integer> out = new ArrayList<>();
    for (int value = from; value <= to; value += step) out.add(value);
    return List.copyOf(out);
  }
}
