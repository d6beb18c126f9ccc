package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** API Gateway stages trace requests with X-Ray. */
public final class ApiStageTracing extends AttributeRule {
  public ApiStageTracing() {
    super("BP-APIGW-002", Severity.WARNING, List.of("aws_api_gateway_stage"), enabled("xray_tracing_enabled", ""),
        "API Gateway stages trace requests with X-Ray.",
        "Set xray_tracing_enabled = true.",
        List.of("CKV_AWS_73", "AVD-AWS-0003"));
  }
}
