package dev.blueprints.blueprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** End-to-end wiring checks shared by the blueprint tests. */
public final class BlueprintAssertions {
  private BlueprintAssertions() {}

  /** The texts of a JSON array. */
  public static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The security group ids a resource is placed in (load balancers, services, instances, databases, caches). */
  static List<String> securityGroupsOf(JsonNode resource) {
    List<String> out = new ArrayList<>();
    for (String path : List.of("security_groups", "vpc_security_group_ids", "security_group_ids",
        "network_configuration.security_groups", "network_interfaces.0.security_groups")) {
      Synthesized.at(resource, path).forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** The single security group of a resource, as the producer's own expression ({@code ${aws_security_group.x.id}}). */
  static String groupOf(AppSynth app, String stack, JsonNode resource) {
    List<String> groups = securityGroupsOf(resource);
    if (groups.size() != 1) fail("expected one security group on " + resource + ", found " + groups);
    return app.resolve(stack, groups.get(0));
  }

  /**
   * Asserts an ingress rule exists in {@code stack} letting {@code source} reach {@code target} on {@code port}
   * (both as producer expressions), and its mirrored egress rule.
   */
  static void assertPath(AppSynth app, String stack, String source, String target, int port) {
    Synthesized json = app.stack(stack);
    boolean ingress = json.resources("aws_vpc_security_group_ingress_rule").values().stream().anyMatch(r ->
        app.resolve(stack, r.path("security_group_id").asText()).equals(target)
            && app.resolve(stack, r.path("referenced_security_group_id").asText()).equals(source)
            && r.path("from_port").asInt() == port);
    boolean egress = json.resources("aws_vpc_security_group_egress_rule").values().stream().anyMatch(r ->
        app.resolve(stack, r.path("security_group_id").asText()).equals(source)
            && app.resolve(stack, r.path("referenced_security_group_id").asText()).equals(target)
            && r.path("to_port").asInt() == port);
    assertTrue(ingress, stack + ": no ingress " + source + " -> " + target + ":" + port);
    assertTrue(egress, stack + ": no egress " + source + " -> " + target + ":" + port);
  }

  /**
   * {@code source} reaches {@code target} on {@code port} ({@link #assertPath}) and nothing else in the stack's
   * environment ({@code <blueprint>-<env>-}) does ({@link #assertOnlyReachableFrom}).
   */
  static void assertOnlyPath(AppSynth app, String stack, String source, String target, int port) {
    assertPath(app, stack, source, target, port);
    assertOnlyReachableFrom(app, stack.substring(0, stack.lastIndexOf('-') + 1), target, List.of(source));
  }

  /** Asserts nothing but {@code allowedSources} reaches {@code target}: every ingress rule on it names one of them. */
  static void assertOnlyReachableFrom(AppSynth app, String prefix, String target, List<String> allowedSources) {
    app.stacks().forEach((id, json) -> {
      if (!id.startsWith(prefix)) return;
      json.resources("aws_vpc_security_group_ingress_rule").forEach((name, r) -> {
        if (!app.resolve(id, r.path("security_group_id").asText()).equals(target)) return;
        assertTrue(r.path("cidr_ipv4").isMissingNode(), id + ": " + name + " opens " + target + " to a CIDR");
        String source = app.resolve(id, r.path("referenced_security_group_id").asText());
        assertTrue(allowedSources.contains(source), id + ": " + name + " lets " + source + " reach " + target);
      });
    });
  }

  /** The internet reaches only load balancers, and never port 22. */
  static void assertOnlyLoadBalancersArePublic(AppSynth app, String prefix) {
    app.stacks().forEach((id, json) -> {
      if (!id.startsWith(prefix)) return;
      List<String> lbGroups = new ArrayList<>();
      json.resources("aws_lb").values().forEach(lb -> securityGroupsOf(lb).forEach(g -> lbGroups.add(app.resolve(id, g))));
      json.resources("aws_vpc_security_group_ingress_rule").forEach((name, r) -> {
        assertTrue(r.path("from_port").asInt(-1) != 22 && r.path("to_port").asInt(-1) != 22, id + ": " + name + " opens SSH");
        if (!r.path("cidr_ipv4").asText().equals("0.0.0.0/0")) return;
        assertTrue(lbGroups.contains(app.resolve(id, r.path("security_group_id").asText())),
            id + ": " + name + " opens a non-load-balancer group to the internet");
        int port = r.path("from_port").asInt();
        assertTrue(port == 80 || port == 443, id + ": " + name + " opens port " + port + " to the internet");
      });
    });
  }

  /** Every resource-type count of a stack. */
  static void assertCounts(Synthesized json, Map<String, Integer> expected) {
    expected.forEach((type, count) -> assertEquals(count, json.count(type), json.name() + ": count of " + type + " in " + json.inventory()));
  }

  /** A listener of {@code lb} forwards (directly) to {@code targetGroup}. */
  static void assertListenerForwards(Synthesized json, JsonNode lb, JsonNode targetGroup) {
    String lbArn = json.ref("aws_lb", lb, "arn");
    String tgArn = json.ref("aws_lb_target_group", targetGroup, "arn");
    boolean found = json.where("aws_lb_listener", Map.of("load_balancer_arn", lbArn)).stream()
        .anyMatch(l -> Synthesized.at(l, "default_action.0.target_group_arn").asText().equals(tgArn));
    assertTrue(found, json.name() + ": no listener of " + lbArn + " forwards to " + tgArn);
  }
}
