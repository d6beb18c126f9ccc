package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** API Gateway stages trace requests with X-Ray. */
public final class ApiStageTracing extends Rule {
  public ApiStageTracing() {
    super("BP-APIGW-002", Severity.WARNING, List.of("aws_api_gateway_stage"),
        "API Gateway stages trace requests with X-Ray.",
        "Set xray_tracing_enabled = true.",
        List.of("CKV_AWS_73", "AVD-AWS-0003"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("xray_tracing_enabled", false), "xray_tracing_enabled is " + r.show("xray_tracing_enabled"));
  }
}
