package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** HTTPS and TLS listeners negotiate TLS 1.2 or newer only. */
public final class ListenerTlsPolicy extends Rule {
  private static final List<String> MODERN = List.of(
      "ELBSecurityPolicy-TLS13-", "ELBSecurityPolicy-TLS-1-2-", "ELBSecurityPolicy-FS-1-2-");

  public ListenerTlsPolicy() {
    super("BP-LB-002", Severity.ERROR, List.of("aws_lb_listener", "aws_alb_listener"),
        "HTTPS and TLS listeners use a security policy that allows only TLS 1.2 and newer.",
        "Set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (or another TLS13-/TLS-1-2-/FS-1-2- policy).",
        List.of("CKV_AWS_103", "AVD-AWS-0047"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String protocol = r.text("protocol");
    if (!"HTTPS".equals(protocol) && !"TLS".equals(protocol)) return ok();
    String policy = r.text("ssl_policy");
    if (policy != null && (ResourceView.expression(policy) || MODERN.stream().anyMatch(policy::startsWith))) return ok();
    return fail("ssl_policy is " + (policy == null ? "absent (default ELBSecurityPolicy-2016-08 allows TLS 1.0)" : policy
        + ", which allows TLS older than 1.2"));
  }
}
