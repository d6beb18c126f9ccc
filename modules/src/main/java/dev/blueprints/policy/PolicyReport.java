package dev.blueprints.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.core.JsonReports;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of one policy run over a set of stacks: written to {@code policy-report.json} in the
 * output directory and summarized on the console.
 *
 * @param rules    the rules that ran
 * @param stacks   the stacks checked, in synth order
 * @param findings every finding, suppressed ones included
 */
public record PolicyReport(List<Rule> rules, List<String> stacks, List<Finding> findings) {
  public static final String FILE_NAME = "policy-report.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public PolicyReport {
    rules = List.copyOf(rules);
    stacks = List.copyOf(stacks);
    findings = List.copyOf(findings);
  }

  /** Unsuppressed errors: any of them fails synth. */
  public List<Finding> blocking() {
    return findings.stream().filter(Finding::blocking).toList();
  }

  public boolean failed() {
    return !blocking().isEmpty();
  }

  /** Unsuppressed warnings. */
  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING && !f.suppressed()).toList();
  }

  public List<Finding> suppressed() {
    return findings.stream().filter(Finding::suppressed).toList();
  }

  /** Findings of one rule. */
  public List<Finding> of(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  /** The report as JSON: rules run, counts, and every finding with its suppression. */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ObjectNode summary = root.putObject("summary");
    summary.put("rules", rules.size());
    summary.put("stacks", stacks.size());
    summary.put("errors", blocking().size());
    summary.put("warnings", warnings().size());
    summary.put("suppressed", suppressed().size());
    summary.put("passed", !failed());
    ArrayNode stackList = root.putArray("stacks");
    stacks.forEach(stackList::add);
    ArrayNode ruleList = root.putArray("rules");
    for (Rule rule : rules) {
      ObjectNode r = ruleList.addObject();
      r.put("id", rule.id());
      r.put("severity", rule.severity().name());
      r.put("description", rule.description());
      r.put("fix", rule.fix());
      rule.resourceTypes().forEach(r.putArray("resourceTypes")::add);
      rule.publicIds().forEach(r.putArray("publicIds")::add);
    }
    // Every component of a finding, in order; reason is null unless suppressed.
    ArrayNode list = root.putArray("findings");
    findings.forEach(f -> list.add(JSON.valueToTree(f)));
    return root;
  }

  /** Writes {@value #FILE_NAME} into {@code outdir}; returns the file. */
  public Path write(Path outdir) {
    return JsonReports.write(outdir, FILE_NAME, toJson());
  }

  /** The console summary: counts, then each unsuppressed warning and each suppression with its reason. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("policy: %d rules on %d stacks: %d errors, %d warnings, %d suppressed%n",
        rules.size(), stacks.size(), blocking().size(), warnings().size(), suppressed().size()));
    for (Finding f : blocking()) out.append("  ").append(f.line()).append('\n');
    for (Finding f : warnings()) out.append("  ").append(f.line()).append('\n');
    for (Finding f : suppressed()) {
      out.append("  suppressed ").append(f.ruleId()).append(' ').append(f.stack()).append(' ').append(f.address())
          .append(": ").append(f.reason()).append('\n');
    }
    return out.toString();
  }

  /** Why synth stopped: every unsuppressed error with its stack, address, construct path, rule and fix. */
  public String failure() {
    List<Finding> errors = blocking();
    StringBuilder out = new StringBuilder();
    out.append(String.format("policy: synth stopped by %d unsuppressed ERROR finding%s:%n", errors.size(),
        errors.size() == 1 ? "" : "s"));
    for (Finding f : errors) {
      out.append("  ").append(f.ruleId()).append("  stack ").append(f.stack()).append("  ").append(f.address())
          .append("  (").append(f.path()).append(")\n");
      out.append("      ").append(f.message()).append('\n');
      out.append("      fix: ").append(f.fix()).append('\n');
    }
    out.append("Fix the configuration, or suppress with a reason: Policy.suppress(construct, \"<rule id>\", \"<why>\").\n");
    return out.toString();
  }
}
