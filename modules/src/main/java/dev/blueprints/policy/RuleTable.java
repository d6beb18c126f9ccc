package dev.blueprints.policy;

import java.util.List;

/** The rule pack as a Markdown table for the README (id, severity, what it checks, public ids). */
public final class RuleTable {
  private RuleTable() {}

  public static String markdown(List<Rule> rules) {
    StringBuilder out = new StringBuilder();
    out.append("| id | severity | checks | resource types | public ids |\n");
    out.append("|---|---|---|---|---|\n");
    for (Rule rule : rules) {
      out.append("| ").append(rule.id())
          .append(" | ").append(rule.severity())
          .append(" | ").append(escape(rule.description()))
          .append(" | ").append(rule.resourceTypes().isEmpty() ? "(stack)" : "`" + String.join("`, `", rule.resourceTypes()) + "`")
          .append(" | ").append(rule.publicIds().isEmpty() ? "—" : String.join(", ", rule.publicIds()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
