package dev.blueprints.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link ContainerSpec}s into the task definition's {@code container_definitions} JSON. References
 * (image URLs, secret ARNs, log group names) stay as tokens inside the string and resolve at synth, as in
 * {@code PolicyDocument}.
 */
final class ContainerDefinitions {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The awslogs stream prefix: streams are named {@code ecs/<container>/<task id>}. */
  static final String STREAM_PREFIX = "ecs";

  private ContainerDefinitions() {}

  /**
   * @param logGroups container name to its log group's name
   */
  static String json(List<ContainerSpec> containers, NetworkMode mode, Map<String, String> logGroups, String region) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ContainerSpec c : containers) out.add(definition(c, mode, logGroups.get(c.name()), region));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> definition(ContainerSpec c, NetworkMode mode, String logGroup, String region) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", c.name());
    d.put("image", c.image());
    d.put("essential", c.essential());
    d.put("readonlyRootFilesystem", c.readonlyRootFilesystem());
    d.put("privileged", false);
    if (c.user() != null) d.put("user", c.user());
    if (c.cpu() != null) d.put("cpu", c.cpu());
    if (c.memory() != null) d.put("memory", c.memory());
    if (c.memoryReservation() != null) d.put("memoryReservation", c.memoryReservation());
    if (c.command() != null) d.put("command", c.command());
    List<Map<String, Object>> ports = new ArrayList<>();
    for (int port : c.ports()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("containerPort", port);
      // Bridge mode maps to a dynamic host port so several tasks (and a rolling deployment) fit one instance.
      p.put("hostPort", mode == NetworkMode.BRIDGE ? 0 : port);
      p.put("protocol", "tcp");
      ports.add(p);
    }
    d.put("portMappings", ports);
    d.put("environment", c.environment().entrySet().stream()
        .map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
        .map(ContainerDefinitions::nameFirst).toList());
    d.put("secrets", c.secrets().stream()
        .map(s -> Map.of("name", s.name(), "valueFrom", s.valueFrom()))
        .map(ContainerDefinitions::nameFirst).toList());
    d.put("mountPoints", c.mountPoints().stream().map(m -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("sourceVolume", m.volumeName());
      p.put("containerPath", m.containerPath());
      p.put("readOnly", m.readOnly());
      return p;
    }).toList());
    d.put("volumesFrom", List.of());
    if (c.healthCheck() != null) {
      ContainerSpec.HealthCheck h = c.healthCheck();
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("command", h.command());
      check.put("interval", h.interval());
      check.put("timeout", h.timeout());
      check.put("retries", h.retries());
      check.put("startPeriod", h.startPeriod());
      d.put("healthCheck", check);
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("awslogs-group", logGroup);
    options.put("awslogs-region", region);
    options.put("awslogs-stream-prefix", STREAM_PREFIX);
    Map<String, Object> logging = new LinkedHashMap<>();  // ordered maps only: synth output must be stable
    logging.put("logDriver", "awslogs");
    logging.put("options", options);
    d.put("logConfiguration", logging);
    return d;
  }

  private static Map<String, Object> nameFirst(Map<String, String> pair) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", pair.get("name"));
    pair.forEach((k, v) -> { if (!k.equals("name")) out.put(k, v); });
    return out;
  }
}
