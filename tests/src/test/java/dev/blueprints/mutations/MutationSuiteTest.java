package dev.blueprints.mutations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.app.Selection;
import dev.blueprints.policy.Finding;
import dev.blueprints.policy.Policy;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.RulePack;
import dev.blueprints.policy.rules.RulePacks;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pack's own mutation suite: every change of {@link Mutations#ALL} is applied, one at a time, to a copy of each
 * blueprint's synthesized prod JSON (at the first resource it fits that its rule does not already flag) and the
 * pack is run on the result; the change is caught when the rule that owns it reports a finding the unchanged
 * stack does not have. A change no rule catches fails the suite with its name. The figure (caught / total) is
 * kept in the README next to the rule table.
 */
class MutationSuiteTest {
  private static final Path README = Path.of("..", "README.md");
  private static final RulePack PACK = RulePacks.blueprints();

  /** One mutation applied to one blueprint. */
  record Case(Mutation mutation, String blueprint, String stack, String address, List<String> newFindings) {
    boolean caught() {
      return newFindings.stream().anyMatch(line -> line.contains(" " + mutation.ruleId() + " "));
    }
  }

  private static final Map<String, List<String>> BASELINE = new ConcurrentHashMap<>();
  private static List<Case> cases;

  /** three-tier with an account per environment (settings in main's test resources): the account guard's case. */
  static final String MULTI_ACCOUNT = "three-tier (accounts)";

  @BeforeAll
  static void run() {
    AppSynth committed = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    AppSynth accounts = AppSynth.of(new Selection(List.of("three-tier"), List.of("dev", "prod"),
        Path.of("..", "main", "src", "test", "resources", "multi-account")));
    cases = new ArrayList<>();
    for (String blueprint : Blueprints.ids()) {
      for (Mutation mutation : Mutations.ALL) tryOn(committed, blueprint, blueprint, mutation, owner(mutation)).ifPresent(cases::add);
    }
    for (Mutation mutation : Mutations.ALL) {
      if (mutation.type().equals(Mutation.PROVIDER)) {
        tryOn(accounts, MULTI_ACCOUNT, "three-tier", mutation, owner(mutation)).ifPresent(cases::add);
      }
    }
  }

  /**
   * The pack of the one rule that owns {@code mutation}. Whether a change is caught depends on that rule's findings
   * only (rules are independent of each other), so the suite runs it alone on each changed copy: the same verdicts
   * as the whole pack, at a fraction of the work.
   */
  static RulePack owner(Mutation mutation) {
    return RulePack.of(mutation.ruleId(), PACK.byId(mutation.ruleId()));
  }

  /**
   * The mutation applied to the first resource of the blueprint's prod stacks it fits, checked with {@code pack};
   * empty when none fits.
   */
  static Optional<Case> tryOn(AppSynth app, String name, String blueprint, Mutation mutation, RulePack pack) {
    List<String> stacks = app.stacks().keySet().stream().filter(id -> id.startsWith(blueprint + "-prod-")).toList();
    for (String stack : stacks) {
      JsonNode root = app.stack(stack).root();
      List<String> before = BASELINE.computeIfAbsent(pack.name() + " " + name + " " + stack, id -> lines(stack, root, root, pack));
      for (String target : targets(root, mutation)) {
        String address = switch (mutation.type()) {
          case Mutation.STACK, Mutation.PROVIDER -> "terraform";
          default -> mutation.type() + "." + target;
        };
        String flagged = severityOf(mutation) + " " + mutation.ruleId() + " " + stack + " " + address + ":";
        if (!(mutation.change() instanceof Mutation.Copy) && before.stream().anyMatch(line -> line.startsWith(flagged))) {
          continue; // already flagged there: a change cannot add what is already reported
        }
        ObjectNode copy = root.deepCopy();
        ObjectNode body = (ObjectNode) switch (mutation.type()) {
          case Mutation.STACK -> copy.path("terraform");
          case Mutation.PROVIDER -> copy.path("provider").path("aws").path(0);
          default -> copy.path("resource").path(mutation.type()).path(target);
        };
        mutation.change().apply(copy, target, body);
        return Optional.of(new Case(mutation, name, stack, address, added(before, lines(stack, root, copy, pack))));
      }
    }
    return Optional.empty();
  }

  private static String severityOf(Mutation mutation) {
    return PACK.byId(mutation.ruleId()).severity().name();
  }

  private static List<String> targets(JsonNode root, Mutation mutation) {
    List<String> out = new ArrayList<>();
    if (mutation.type().equals(Mutation.STACK)) {
      if (mutation.where().test(root.path("terraform"))) out.add("terraform");
      return out;
    }
    if (mutation.type().equals(Mutation.PROVIDER)) {
      if (mutation.where().test(root.path("provider").path("aws").path(0))) out.add("aws");
      return out;
    }
    root.path("resource").path(mutation.type()).fields().forEachRemaining(e -> {
      if (mutation.where().test(e.getValue())) out.add(e.getKey());
    });
    return out;
  }

  /**
   * Every finding of the pack on the stack, suppressed or not, as lines. The accounts the settings declared are
   * those the unchanged stack's provider lists ({@code original}): a change must not change what was declared.
   */
  private static List<String> lines(String stack, JsonNode original, JsonNode root, RulePack pack) {
    Set<String> declared = new TreeSet<>();
    original.path("provider").path("aws").path(0).path("allowed_account_ids").forEach(id -> declared.add(id.asText()));
    return Policy.check(stack, root, declared, List.of(pack), List.of()).findings().stream().map(Finding::line).toList();
  }

  /** Lines of {@code after} beyond those of {@code before} (as multisets). */
  private static List<String> added(List<String> before, List<String> after) {
    Map<String, Integer> remaining = new HashMap<>();
    for (String line : before) remaining.merge(line, 1, Integer::sum);
    List<String> out = new ArrayList<>();
    for (String line : after) {
      if (remaining.getOrDefault(line, 0) > 0) remaining.merge(line, -1, Integer::sum);
      else out.add(line);
    }
    return out;
  }

  @Test
  void everyChangeIsCaughtByTheRuleThatOwnsIt() {
    List<String> missed = cases.stream().filter(c -> !c.caught())
        .map(c -> "\"" + c.mutation().name() + "\" on " + c.stack() + " " + c.address() + ": no new " + c.mutation().ruleId()
            + " finding").toList();
    assertTrue(missed.isEmpty(), missed.size() + " of " + cases.size() + " single changes pass the pack:\n" + String.join("\n", missed));
  }

  @Test
  void aChangeNoRuleCatchesIsReportedAsMissed() {
    Mutation harmless = Mutation.of("tag a subnet", "BP-NET-004", "aws_subnet", Mutation.set("tags.Owner", "platform"));
    Case c = tryOn(AppSynth.of(Blueprints.ids(), List.of("dev", "prod")), "api-ecs", "api-ecs", harmless, PACK).orElseThrow();
    assertEquals(List.of(), c.newFindings());
    assertTrue(!c.caught(), "a change with no new finding is missed");
    Mutation otherRule = Mutation.of("security group loses its description", "BP-NET-001", "aws_security_group",
        Mutation.remove("description"));
    Case wrongOwner = tryOn(AppSynth.of(Blueprints.ids(), List.of("dev", "prod")), "api-ecs", "api-ecs", otherRule, PACK).orElseThrow();
    assertTrue(wrongOwner.newFindings().stream().anyMatch(line -> line.contains(" BP-NET-002 ")), wrongOwner.newFindings().toString());
    assertTrue(!wrongOwner.caught(), "a finding of another rule does not catch a change owned by " + otherRule.ruleId());
  }

  @Test
  void everyChangeAppliesToSomeBlueprint() {
    Set<String> applied = new LinkedHashSet<>();
    for (Case c : cases) applied.add(c.mutation().name());
    List<String> unused = Mutations.ALL.stream().map(Mutation::name).filter(n -> !applied.contains(n)).toList();
    assertEquals(List.of(), unused, "changes that fit no resource of any blueprint's prod stacks");
    assertEquals(Mutations.ALL.size(), Mutations.ALL.stream().map(Mutation::name).distinct().count(), "change names are unique");
  }

  @Test
  void everyRuleOwnsAChangeThatIsTried() {
    Set<String> tried = new TreeSet<>();
    for (Case c : cases) tried.add(c.mutation().ruleId());
    List<String> without = PACK.rules().stream().map(Rule::id).filter(id -> !tried.contains(id)).toList();
    assertEquals(List.of(), without, "rules of the pack with no change in the mutation suite");
    for (Mutation m : Mutations.ALL) assertTrue(PACK.byId(m.ruleId()) != null, m.name() + " names an unknown rule " + m.ruleId());
  }

  @Test
  void theReadmeStatesTheFigure() throws IOException {
    String readme = Files.readString(README);
    Pattern section = Pattern.compile("(<!-- mutations:begin -->\n)(.*?)(<!-- mutations:end -->)", Pattern.DOTALL);
    Matcher m = section.matcher(readme);
    assertTrue(m.find(), "README.md has no section <!-- mutations:begin --> ... <!-- mutations:end -->");
    String updated = readme.substring(0, m.start()) + m.group(1) + report() + m.group(3) + readme.substring(m.end());
    if (Golden.updating()) {
      Files.writeString(README, updated);
      return;
    }
    assertEquals(readme, updated, "README.md's mutation figure is out of date: " + Golden.howToUpdate("tests", "MutationSuiteTest"));
  }

  /** The README section: the figure, then each change with its rule and the blueprints it was tried on. */
  static String report() {
    long caught = cases.stream().filter(Case::caught).count();
    Map<Mutation, List<String>> byMutation = new LinkedHashMap<>();
    for (Mutation mutation : Mutations.ALL) byMutation.put(mutation, new ArrayList<>());
    for (Case c : cases) byMutation.get(c.mutation()).add(c.blueprint() + (c.caught() ? "" : " (missed)"));
    StringBuilder out = new StringBuilder();
    out.append("**Mutation suite: ").append(caught).append(" / ").append(cases.size()).append(" single changes caught** (")
        .append(Mutations.ALL.size()).append(" changes, each tried on every blueprint whose prod stacks have a resource it fits; ")
        .append(cases.stream().filter(Case::caught).map(c -> c.mutation().ruleId()).distinct().count()).append(" of ")
        .append(PACK.rules().size()).append(" rules catch at least one).\n\n");
    out.append("<details><summary>The changes</summary>\n\n");
    out.append("| change | caught by | blueprints |\n|---|---|---|\n");
    byMutation.forEach((mutation, blueprints) -> out.append("| ").append(mutation.name()).append(" | ").append(mutation.ruleId())
        .append(" | ").append(String.join(", ", blueprints)).append(" |\n"));
    out.append("\n</details>\n");
    return out.toString();
  }
}
