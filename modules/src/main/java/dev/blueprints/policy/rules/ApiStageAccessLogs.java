package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** API Gateway stages write access logs. */
public final class ApiStageAccessLogs extends AttributeRule {
  public ApiStageAccessLogs() {
    super("BP-APIGW-001", Severity.ERROR, List.of("aws_api_gateway_stage"),
        new Expectation((r, stack) -> r.has("access_log_settings.destination_arn"),
            r -> "access_log_settings is " + r.show("access_log_settings")),
        "API Gateway stages write access logs.",
        "Set access_log_settings { destination_arn = <log group arn>, format = <json format> }.",
        List.of("CKV_AWS_76", "AwsSolutions-APIG1"));
  }
}
