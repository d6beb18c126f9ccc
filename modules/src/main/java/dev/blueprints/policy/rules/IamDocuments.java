package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one reader of policy documents: every IAM policy document the synthesized JSON can hold (identity
 * policies, role trust policies, resource policies on keys, topics, buckets, secrets, repositories, file
 * systems and queues), parsed out of the JSON-string attribute that carries it, with its statements'
 * effect, principals, actions, resources and conditions.
 */
final class IamDocuments {
  /** Identity policies: resource types whose {@code policy} (a role: its inline policies) grants a principal. */
  static final List<String> IDENTITY_POLICY_TYPES = List.of(
      "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role");

  /** Resource policies: resource type to the attribute holding the document. */
  static final Map<String, String> RESOURCE_POLICY_ATTRIBUTES = Map.ofEntries(
      Map.entry("aws_kms_key", "policy"),
      Map.entry("aws_sns_topic", "policy"),
      Map.entry("aws_sns_topic_policy", "policy"),
      Map.entry("aws_s3_bucket", "policy"),
      Map.entry("aws_s3_bucket_policy", "policy"),
      Map.entry("aws_secretsmanager_secret", "policy"),
      Map.entry("aws_secretsmanager_secret_policy", "policy"),
      Map.entry("aws_ecr_repository_policy", "policy"),
      Map.entry("aws_efs_file_system_policy", "policy"),
      Map.entry("aws_sqs_queue", "policy"),
      Map.entry("aws_sqs_queue_policy", "policy"),
      Map.entry("aws_api_gateway_rest_api", "policy"),
      Map.entry("aws_api_gateway_rest_api_policy", "policy"),
      Map.entry("aws_cloudwatch_log_resource_policy", "policy_document"));

  /** Every type that carries a document that names principals: roles (trust) and the resource-policy types. */
  static final List<String> PRINCIPAL_POLICY_TYPES = List.of("aws_iam_role", "aws_kms_key", "aws_sns_topic",
      "aws_sns_topic_policy", "aws_s3_bucket", "aws_s3_bucket_policy", "aws_secretsmanager_secret",
      "aws_secretsmanager_secret_policy", "aws_ecr_repository_policy", "aws_efs_file_system_policy", "aws_sqs_queue",
      "aws_sqs_queue_policy", "aws_api_gateway_rest_api", "aws_api_gateway_rest_api_policy",
      "aws_cloudwatch_log_resource_policy");

  /** What a document is for. */
  enum Kind {
    /** Grants the role, user or group it is attached to. */
    IDENTITY,
    /** A role's {@code assume_role_policy}: who may assume it. */
    TRUST,
    /** Grants the principals it names access to the resource it is attached to. */
    RESOURCE
  }

  /** One parsed document and where it came from ({@code policy}, {@code inline_policy.0.policy}, ...). */
  record Document(Kind kind, String attribute, JsonNode json) {
    List<JsonNode> statements() {
      return IamDocuments.statements(json);
    }
  }

  /**
   * Condition keys that narrow a statement to one account, organization, source or network: a {@code "*"}
   * principal under one of them is not anyone.
   */
  static final List<String> NARROWING_CONDITION_KEYS = List.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceowner",
      "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
      "aws:principalarn", "aws:sourcevpc", "aws:sourcevpce", "kms:calleraccount");

  private IamDocuments() {}

  /** Every document of a resource, of any kind; empty for types that hold none or for unparsed expressions. */
  static List<Document> documents(ResourceView resource) {
    List<Document> out = new ArrayList<>();
    if (resource.type().equals("aws_iam_role")) {
      resource.json("assume_role_policy").ifPresent(d -> out.add(new Document(Kind.TRUST, "assume_role_policy", d)));
    }
    if (IDENTITY_POLICY_TYPES.contains(resource.type())) {
      for (JsonNode document : identityDocuments(resource)) out.add(new Document(Kind.IDENTITY, "policy", document));
    }
    String attribute = RESOURCE_POLICY_ATTRIBUTES.get(resource.type());
    if (attribute != null) resource.json(attribute).ifPresent(d -> out.add(new Document(Kind.RESOURCE, attribute, d)));
    return out;
  }

  /** The documents of {@code kind} of a resource. */
  static List<Document> documents(ResourceView resource, Kind kind) {
    return documents(resource).stream().filter(d -> d.kind() == kind).toList();
  }

  /** The Allow statements with no Condition in the documents of {@code kind} of a resource. */
  static List<JsonNode> unconditionalAllows(ResourceView resource, Kind kind) {
    List<JsonNode> out = new ArrayList<>();
    for (Document document : documents(resource, kind)) {
      for (JsonNode statement : document.statements()) {
        if (allows(statement) && !hasCondition(statement)) out.add(statement);
      }
    }
    return out;
  }

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

  /**
   * The principals a statement names, as {@code type:value} ({@code AWS:*}, {@code Service:ecs-tasks.amazonaws.com});
   * {@code "Principal": "*"} reads as {@code *:*}.
   */
  static List<String> principals(JsonNode statement) {
    List<String> out = new ArrayList<>();
    JsonNode principal = statement.path("Principal");
    if (principal.isTextual()) {
      out.add("*:" + principal.asText());
    } else if (principal.isObject()) {
      principal.fields().forEachRemaining(e -> {
        for (String value : ResourceView.strings(e.getValue())) out.add(e.getKey() + ":" + value);
      });
    }
    return out;
  }

  /** Services named as principals ({@code Principal.Service}). */
  static List<String> services(JsonNode statement) {
    return ResourceView.strings(statement.path("Principal").path("Service"));
  }

  /** True when the statement's principal is anyone: {@code "*"}, {@code {"AWS": "*"}} or {@code {"AWS": ["*"]}}. */
  static boolean anyPrincipal(JsonNode statement) {
    for (String principal : principals(statement)) {
      if (principal.equals("*:*") || principal.equals("AWS:*")) return true;
    }
    return false;
  }

  /** True when a condition key of the statement narrows who can use it (see {@link #NARROWING_CONDITION_KEYS}). */
  static boolean narrowedByCondition(JsonNode statement) {
    for (JsonNode operator : statement.path("Condition")) {
      for (var it = operator.fieldNames(); it.hasNext(); ) {
        if (NARROWING_CONDITION_KEYS.contains(it.next().toLowerCase(Locale.ROOT))) return true;
      }
    }
    return false;
  }

  /** True when an IAM action pattern ({@code s3:Get*}, {@code *}) covers {@code action}; case-insensitive like IAM. */
  static boolean covers(String pattern, String action) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') regex.append(".*");
      else if (c == '?') regex.append('.');
      else regex.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }
}
