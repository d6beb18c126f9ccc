package dev.blueprints.policy;

import dev.blueprints.core.Suppressions;
import java.util.ArrayList;
import java.util.List;

/** Runs rules over the synthesized JSON of a stack and applies suppressions. */
public final class PolicyEngine {
  private final List<Rule> rules;

  public PolicyEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Every finding for {@code stack}, suppressed ones included (marked, with their reason). */
  public List<Finding> check(StackView stack, List<Suppressions.Entry> suppressions) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : rules) {
      for (String message : rule.checkStack(stack)) {
        out.add(finding(stack, rule, "terraform", stack.id(), message, suppressions));
      }
      for (String type : rule.resourceTypes()) {
        for (ResourceView resource : stack.resources(type)) {
          for (String message : rule.check(resource, stack)) {
            out.add(finding(stack, rule, resource.address(), resource.path(), message, suppressions));
          }
        }
      }
    }
    return out;
  }

  /** Every finding of the rules that look across stacks ({@link Rule#checkApp}). */
  public List<Finding> checkApp(List<StackView> stacks, List<Suppressions.Entry> suppressions) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : rules) {
      for (Rule.AppProblem p : rule.checkApp(stacks)) {
        out.add(finding(p.stack(), rule, p.resource().address(), p.resource().path(), p.message(), suppressions));
      }
    }
    return out;
  }

  private static Finding finding(StackView stack, Rule rule, String address, String path, String message,
      List<Suppressions.Entry> suppressions) {
    Suppressions.Entry match = null;
    for (Suppressions.Entry s : suppressions) {
      if (s.covers(path, rule.id())) {
        match = s;
        break;
      }
    }
    return new Finding(stack.id(), address, path, rule.id(), rule.severity(), message, rule.fix(), rule.publicIds(),
        match != null, match == null ? null : match.reason());
  }
}
