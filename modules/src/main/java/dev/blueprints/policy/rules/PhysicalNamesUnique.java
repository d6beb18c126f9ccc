package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No two resources of the app claim one physical name where AWS requires it unique: per account and region, or
 * per account (IAM), or worldwide (S3); and no two stacks of one region set the account's API Gateway settings. The second {@code terraform apply} would otherwise fail with "already
 * exists" after the first stack took the name, or two stacks would fight over one object.
 */
public final class PhysicalNamesUnique extends Rule {
  /** The name attribute of each resource type whose names AWS keeps unique. */
  static final Map<String, String> NAME_ATTRIBUTES = Map.ofEntries(
      Map.entry("aws_lb", "name"), Map.entry("aws_lb_target_group", "name"),
      Map.entry("aws_iam_role", "name"), Map.entry("aws_iam_instance_profile", "name"), Map.entry("aws_iam_policy", "name"),
      Map.entry("aws_db_instance", "identifier"), Map.entry("aws_db_subnet_group", "name"), Map.entry("aws_db_parameter_group", "name"),
      Map.entry("aws_memorydb_cluster", "name"), Map.entry("aws_memorydb_user", "user_name"), Map.entry("aws_memorydb_acl", "name"),
      Map.entry("aws_memorydb_subnet_group", "name"), Map.entry("aws_memorydb_parameter_group", "name"),
      Map.entry("aws_s3_bucket", "bucket"), Map.entry("aws_secretsmanager_secret", "name"), Map.entry("aws_ecr_repository", "name"),
      Map.entry("aws_ecs_cluster", "name"), Map.entry("aws_cloudwatch_metric_alarm", "alarm_name"),
      Map.entry("aws_cloudwatch_log_group", "name"), Map.entry("aws_cloudwatch_dashboard", "dashboard_name"),
      Map.entry("aws_sns_topic", "name"), Map.entry("aws_kms_alias", "name"), Map.entry("aws_launch_template", "name"),
      Map.entry("aws_autoscaling_group", "name"), Map.entry("aws_api_gateway_vpc_link", "name"),
      Map.entry("aws_cloudwatch_event_rule", "name"), Map.entry("aws_sfn_state_machine", "name"),
      Map.entry("aws_efs_file_system", "creation_token"), Map.entry("aws_dynamodb_table", "name"));
  /** Names unique in the whole account (IAM) or in every account (S3), whatever the region. */
  private static final Set<String> GLOBAL = Set.of("aws_iam_role", "aws_iam_instance_profile", "aws_iam_policy", "aws_s3_bucket");

  public PhysicalNamesUnique() {
    super("BP-NAME-001", Severity.ERROR, NAME_ATTRIBUTES.keySet().stream().sorted().toList(),
        "No two resources of the app claim one physical name where AWS keeps names unique (per region, per account for IAM, "
            + "worldwide for S3).",
        "Give one of the two constructs another id or name; with several blueprints or environments in one account, keep the "
            + "blueprint and environment in the name (the naming helper does).",
        List.of());
  }

  @Override
  public List<AppProblem> checkApp(List<StackView> stacks) {
    Map<String, String> owners = new HashMap<>();
    List<AppProblem> out = new ArrayList<>();
    for (StackView stack : stacks) {
      String region = region(stack);
      // Stacks whose providers are pinned to different accounts never share a name or the account's settings.
      String account = account(stack);
      for (var entry : NAME_ATTRIBUTES.entrySet()) {
        for (ResourceView r : stack.resources(entry.getKey())) {
          String name = r.text(entry.getValue());
          if (name == null || ResourceView.expression(name)) continue;
          String scope = GLOBAL.contains(entry.getKey()) ? (entry.getKey().equals("aws_s3_bucket") ? "every account" : "the account")
              : "region " + region;
          String key = account + " " + entry.getKey() + " " + scope + " " + name;
          String owner = stack.id() + " " + r.address();
          String previous = owners.putIfAbsent(key, owner);
          if (previous != null) {
            out.add(new AppProblem(stack, r, entry.getValue() + " \"" + name + "\" is already claimed by " + previous
                + " (unique in " + scope + ")"));
          }
        }
      }
      // The account's API Gateway settings (the CloudWatch role) are one object per account and region: two stacks
      // setting it would overwrite each other on every apply.
      for (ResourceView r : stack.resources("aws_api_gateway_account")) {
        String owner = stack.id() + " " + r.address();
        String previous = owners.putIfAbsent(account + " aws_api_gateway_account region " + region, owner);
        if (previous != null) {
          out.add(new AppProblem(stack, r, "the account's API Gateway settings in region " + region + " are already set by "
              + previous + " (one per account and region): let one stack hold them (accountCloudWatchRole false in the other)"));
        }
      }
    }
    return out;
  }

  /** The account the stack's provider is pinned to ({@code allowed_account_ids}), empty when it is not pinned. */
  private static String account(StackView stack) {
    for (JsonNode provider : ResourceView.elements(stack.root().path("provider").path("aws"))) {
      JsonNode ids = provider.path("allowed_account_ids");
      if (provider.path("alias").isMissingNode() && ids.isArray() && ids.size() == 1) return ids.get(0).asText();
    }
    return "";
  }

  private static String region(StackView stack) {
    for (JsonNode provider : ResourceView.elements(stack.root().path("provider").path("aws"))) {
      if (provider.path("alias").isMissingNode() && provider.path("region").isTextual()) return provider.path("region").asText();
    }
    return "?";
  }
}
