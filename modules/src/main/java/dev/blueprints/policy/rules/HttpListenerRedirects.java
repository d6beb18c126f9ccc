package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Plain HTTP listeners only redirect to HTTPS. */
public final class HttpListenerRedirects extends Rule {
  public HttpListenerRedirects() {
    super("BP-LB-003", Severity.WARNING, List.of("aws_lb_listener", "aws_alb_listener"),
        "HTTP listeners only redirect to HTTPS instead of forwarding plain-text traffic.",
        "Give the HTTP listener a default_action of type redirect with protocol HTTPS, and serve on an HTTPS listener.",
        List.of("CKV_AWS_2", "AVD-AWS-0054"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String protocol = r.text("protocol");
    if (protocol != null && !protocol.equals("HTTP")) return ok();
    for (var action : r.blocks("default_action")) {
      ResourceView a = new ResourceView(r.type(), r.name(), action);
      if (!"redirect".equals(a.text("type")) || !"HTTPS".equals(a.text("redirect.protocol"))) {
        return fail("the HTTP listener's default action is " + a.show("type") + ", serving plain HTTP");
      }
    }
    return ok();
  }
}
