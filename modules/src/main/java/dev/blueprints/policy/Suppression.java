package dev.blueprints.policy;

/**
 * A rule switched off for every resource under a construct path (a resource, a module construct or a
 * whole stack), with the reason a reviewer reads in the report.
 *
 * @param path   construct path; covers that construct and everything below it
 * @param ruleId the rule
 * @param reason why the finding is accepted
 */
public record Suppression(String path, String ruleId, String reason) {
  public Suppression {
    if (ruleId == null || RulePack.byId(ruleId) == null) {
      throw new IllegalArgumentException("ruleId = " + (ruleId == null ? "null" : "\"" + ruleId + "\"")
          + " is invalid: a rule id of the pack, e.g. " + RulePack.all().get(0).id());
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason = " + (reason == null ? "null" : "\"" + reason + "\"")
          + " is invalid: suppressing " + ruleId + " on " + path + " needs a reason a reviewer can accept");
    }
    reason = reason.strip();
  }

  /** True for the construct at {@code path} and everything below it. */
  public boolean covers(String resourcePath, String rule) {
    return ruleId.equals(rule) && (resourcePath.equals(path) || resourcePath.startsWith(path + "/"));
  }
}
