package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** API Gateway methods require authorization (CORS preflight OPTIONS excepted). */
public final class ApiMethodAuthorized extends AttributeRule {
  public ApiMethodAuthorized() {
    super("BP-APIGW-003", Severity.ERROR, List.of("aws_api_gateway_method"),
        new Expectation((r, stack) -> {
          String authorization = r.text("authorization");
          return authorization != null && !authorization.equals("NONE") || r.isTrue("api_key_required");
        }, r -> "authorization is " + r.show("authorization") + ": anyone can call " + r.show("http_method"))
            .when((r, stack) -> !"OPTIONS".equals(r.text("http_method"))),
        "API Gateway methods require authorization (CORS preflight OPTIONS excepted).",
        "Set authorization = \"COGNITO_USER_POOLS\" (or AWS_IAM / CUSTOM) with an authorizer; suppress with a reason for a deliberately public method.",
        List.of("CKV_AWS_59", "AVD-AWS-0004", "AwsSolutions-APIG4"));
  }
}
