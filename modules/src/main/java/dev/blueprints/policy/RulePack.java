package dev.blueprints.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named set of rules, attached to an app as a value ({@link Policy#attach}). A team builds its own pack
 * from its own rules, or extends another: {@code RulePack.of("shop", RulePacks.blueprints(), new MyRule())}.
 *
 * @param name  shown in the report
 * @param rules in the order the report lists them; ids are unique within the pack
 */
public record RulePack(String name, List<Rule> rules) {
  public RulePack {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name = " + name + " is invalid: a pack needs a name");
    rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("rules of pack " + name + " are invalid: rule id " + rule.id() + " appears twice");
      }
    }
  }

  public static RulePack of(String name, Rule... rules) {
    return new RulePack(name, List.of(rules));
  }

  /** {@code base}'s rules followed by {@code more}. */
  public static RulePack of(String name, RulePack base, Rule... more) {
    List<Rule> all = new ArrayList<>(base.rules());
    all.addAll(List.of(more));
    return new RulePack(name, all);
  }

  /** The rule with {@code id}, or null. */
  public Rule byId(String id) {
    for (Rule rule : rules) if (rule.id().equals(id)) return rule;
    return null;
  }
}
