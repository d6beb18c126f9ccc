package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Every stage limits request rates, so a burst cannot exhaust the backend or the account quota. */
public final class ApiStageThrottling extends Rule {
  public ApiStageThrottling() {
    super("BP-APIGW-004", Severity.ERROR, List.of("aws_api_gateway_stage"),
        "API Gateway stages set throttling: an aws_api_gateway_method_settings for the stage with rate and burst"
            + " limits, or a usage plan with throttle settings.",
        "Add aws_api_gateway_method_settings { method_path = \"*/*\", settings { throttling_rate_limit = <n>,"
            + " throttling_burst_limit = <n> } } for the stage.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String stageName = r.text("stage_name");
    for (ResourceView settings : stack.resources("aws_api_gateway_method_settings")) {
      String name = settings.text("stage_name");
      boolean forStage = settings.refersTo("stage_name", r) || (name != null && name.equals(stageName)
          && settings.text("rest_api_id") != null && settings.text("rest_api_id").equals(r.text("rest_api_id")));
      if (forStage && settings.has("settings.throttling_rate_limit") && settings.has("settings.throttling_burst_limit")) return ok();
    }
    for (ResourceView plan : stack.resources("aws_api_gateway_usage_plan")) {
      boolean forStage = false;
      for (JsonNode apiStage : plan.blocks("api_stage")) forStage |= ResourceView.mentions(apiStage, r.refPrefix())
          || (stageName != null && stageName.equals(apiStage.path("stage").asText()));
      if (forStage && plan.has("throttle_settings")) return ok();
    }
    return fail("no throttling limits for stage " + r.show("stage_name"));
  }
}
