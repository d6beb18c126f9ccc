package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Ingress rules of every shape Terraform has: inline blocks, aws_security_group_rule, aws_vpc_security_group_ingress_rule. */
final class SecurityGroups {
  static final List<String> ANY = List.of("0.0.0.0/0", "::/0");

  /** One ingress permission: its sources, ports and the group it opens. */
  record Ingress(List<String> cidrs, Integer from, Integer to, String protocol, String groupRef) {
    boolean fromAnywhere() {
      return cidrs.stream().anyMatch(ANY::contains);
    }

    String ports() {
      if ("-1".equals(protocol) || "all".equals(protocol)) return "all ports";
      if (from == null || to == null) return "ports " + from + "-" + to;
      return from.equals(to) ? "port " + from : "ports " + from + "-" + to;
    }

    /** Only 80 and/or 443, exactly. */
    boolean webOnly() {
      if ("-1".equals(protocol) || "all".equals(protocol) || from == null || to == null) return false;
      return from.equals(to) && (from == 80 || from == 443);
    }
  }

  private SecurityGroups() {}

  static List<Ingress> ingress(ResourceView r) {
    List<Ingress> out = new ArrayList<>();
    switch (r.type()) {
      case "aws_security_group" -> {
        for (JsonNode block : r.blocks("ingress")) {
          List<String> cidrs = new ArrayList<>(ResourceView.strings(block.path("cidr_blocks")));
          cidrs.addAll(ResourceView.strings(block.path("ipv6_cidr_blocks")));
          out.add(new Ingress(cidrs, integer(block.path("from_port")), integer(block.path("to_port")),
              block.path("protocol").asText(""), r.refPrefix() + "id}"));
        }
      }
      case "aws_security_group_rule" -> {
        if ("ingress".equals(r.text("type"))) {
          List<String> cidrs = new ArrayList<>(ResourceView.strings(r.at("cidr_blocks")));
          cidrs.addAll(ResourceView.strings(r.at("ipv6_cidr_blocks")));
          out.add(new Ingress(cidrs, r.integer("from_port"), r.integer("to_port"), r.text("protocol"), r.text("security_group_id")));
        }
      }
      case "aws_vpc_security_group_ingress_rule" -> {
        List<String> cidrs = new ArrayList<>();
        if (r.text("cidr_ipv4") != null) cidrs.add(r.text("cidr_ipv4"));
        if (r.text("cidr_ipv6") != null) cidrs.add(r.text("cidr_ipv6"));
        out.add(new Ingress(cidrs, r.integer("from_port"), r.integer("to_port"), r.text("ip_protocol"), r.text("security_group_id")));
      }
      default -> { }
    }
    return out;
  }

  /** True when a load balancer of the stack uses the group {@code groupRef} (e.g. {@code ${aws_security_group.x.id}}). */
  static boolean onLoadBalancer(StackView stack, String groupRef) {
    if (groupRef == null) return false;
    for (String type : List.of("aws_lb", "aws_alb")) {
      for (ResourceView lb : stack.resources(type)) {
        if (ResourceView.strings(lb.at("security_groups")).contains(groupRef)) return true;
      }
    }
    return false;
  }

  private static Integer integer(JsonNode value) {
    if (value.isNumber()) return value.asInt();
    if (value.isTextual() && value.asText().matches("-?\\d+")) return Integer.parseInt(value.asText());
    return null;
  }
}
