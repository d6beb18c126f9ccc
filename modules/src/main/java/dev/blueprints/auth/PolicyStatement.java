package dev.blueprints.auth;

import dev.blueprints.core.Validate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IAM policy statement. Allow statements must name their actions and resources; an action
 * {@code "*"} on resource {@code "*"} is refused (grant what the workload calls, on what it touches).
 *
 * @param sid        statement id (letters and digits), may be null
 * @param effect     allow or deny
 * @param actions    service actions such as {@code secretsmanager:GetSecretValue}
 * @param resources  ARNs or references to them
 * @param principals principal type to values (resource and trust policies only), e.g. {@code Service -> [ecs-tasks.amazonaws.com]}
 * @param conditions conditions, operator to key to values
 */
public record PolicyStatement(
    String sid,
    Effect effect,
    List<String> actions,
    List<String> resources,
    Map<String, List<String>> principals,
    List<Condition> conditions) {

  public enum Effect { Allow, Deny }

  /** {@code "Condition": {operator: {key: values}}}. */
  public record Condition(String operator, String key, List<String> values) {
    public Condition {
      Validate.notBlank("condition.operator", operator);
      Validate.notBlank("condition.key", key);
      values = List.copyOf(Validate.notNull("condition.values", values));
    }
  }

  public PolicyStatement {
    Validate.notNull("effect", effect);
    actions = List.copyOf(Validate.notNull("actions", actions));
    resources = List.copyOf(resources == null ? List.of() : resources);
    principals = principals == null ? Map.of() : Map.copyOf(principals);
    conditions = List.copyOf(conditions == null ? List.of() : conditions);
    if (actions.isEmpty()) throw Validate.invalid("actions", actions, "at least one action");
    if (sid != null && !sid.matches("[A-Za-z0-9]+")) throw Validate.invalid("sid", sid, "letters and digits only");
    if (effect == Effect.Allow && actions.contains("*") && (resources.isEmpty() || resources.contains("*"))) {
      throw Validate.invalid("actions", actions, "an Allow of every action (\"*\") on every resource is not permitted; list the actions and resources");
    }
  }

  public static PolicyStatement allow(List<String> actions, List<String> resources) {
    return new PolicyStatement(null, Effect.Allow, actions, resources, null, null);
  }

  public static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return new PolicyStatement(sid, Effect.Allow, actions, resources, null, null);
  }

  public PolicyStatement withPrincipals(Map<String, List<String>> value) {
    return new PolicyStatement(sid, effect, actions, resources, value, conditions);
  }

  public PolicyStatement withCondition(String operator, String key, List<String> values) {
    var all = new java.util.ArrayList<>(conditions);
    all.add(new Condition(operator, key, values));
    return new PolicyStatement(sid, effect, actions, resources, principals, all);
  }

  /** The statement as the ordered map that {@link PolicyDocument} serializes. */
  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (sid != null) out.put("Sid", sid);
    out.put("Effect", effect.name());
    if (!principals.isEmpty()) {
      Map<String, Object> p = new LinkedHashMap<>();
      principals.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> p.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue()));
      out.put("Principal", p);
    }
    out.put("Action", actions.size() == 1 ? actions.get(0) : actions);
    if (!resources.isEmpty()) out.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
    if (!conditions.isEmpty()) {
      Map<String, Map<String, Object>> c = new LinkedHashMap<>();
      for (Condition condition : conditions) {
        c.computeIfAbsent(condition.operator(), k -> new LinkedHashMap<>())
            .put(condition.key(), condition.values().size() == 1 ? condition.values().get(0) : condition.values());
      }
      out.put("Condition", c);
    }
    return out;
  }
}
