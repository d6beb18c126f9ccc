package dev.blueprints.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy document rendered to JSON in Java. References to other resources stay as tokens inside
 * the string and resolve to {@code ${...}} interpolations at synth, so no data source is needed.
 */
public final class PolicyDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocument() {}

  public static String json(List<PolicyStatement> statements) {
    if (statements.isEmpty()) throw new IllegalArgumentException("a policy document needs at least one statement");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements.stream().map(PolicyStatement::toMap).toList());
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String json(PolicyStatement... statements) {
    return json(List.of(statements));
  }

  /** A trust policy letting the given AWS services assume a role, limited to this account's resources. */
  public static String assumeRoleBy(List<String> servicePrincipals, String accountId) {
    PolicyStatement trust = new PolicyStatement(null, PolicyStatement.Effect.Allow, List.of("sts:AssumeRole"), null,
        Map.of("Service", servicePrincipals), null);
    if (accountId != null) trust = trust.withCondition("StringEquals", "aws:SourceAccount", List.of(accountId));
    return json(trust);
  }
}
