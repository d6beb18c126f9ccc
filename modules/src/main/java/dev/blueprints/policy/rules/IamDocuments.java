package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import java.util.ArrayList;
import java.util.List;

/** Reads IAM policy documents out of the JSON-string attributes that carry them. */
final class IamDocuments {
  /** Identity policies: resource type to the attribute holding the document. */
  static final List<String> IDENTITY_POLICY_TYPES = List.of(
      "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role");

  private IamDocuments() {}

  /** The identity-policy documents of a resource: {@code policy}, or a role's inline policies. */
  static List<JsonNode> identityDocuments(ResourceView resource) {
    List<JsonNode> out = new ArrayList<>();
    if (resource.type().equals("aws_iam_role")) {
      for (JsonNode inline : resource.blocks("inline_policy")) {
        new ResourceView(resource.type(), resource.name(), inline).json("policy").ifPresent(out::add);
      }
    } else {
      resource.json("policy").ifPresent(out::add);
    }
    return out;
  }

  static List<JsonNode> statements(JsonNode document) {
    return ResourceView.elements(document.path("Statement"));
  }

  static boolean allows(JsonNode statement) {
    return "Allow".equals(statement.path("Effect").asText());
  }

  static List<String> actions(JsonNode statement) {
    return ResourceView.strings(statement.path("Action"));
  }

  static List<String> resources(JsonNode statement) {
    return ResourceView.strings(statement.path("Resource"));
  }

  static boolean hasCondition(JsonNode statement) {
    JsonNode condition = statement.path("Condition");
    return condition.isObject() && condition.size() > 0;
  }
}
