package dev.blueprints.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.policy.rules.RulePacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * Two tests per rule of the pack, generated from the pack itself: the rule failed on a stack built to break it,
 * and passed on one built to satisfy it, somewhere in the rule tests ({@link PolicyAssert#fails} and
 * {@link PolicyAssert#passes} record each). Runs after every other test class of the module
 * (the surefire configuration orders classes by {@code @Order}); a rule added without both cases fails here.
 */
@Order(Integer.MAX_VALUE)
class RuleCoverageTest {
  private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
  private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();

  static void record(String ruleId, boolean passed) {
    (passed ? PASSED : FAILED).add(ruleId);
  }

  @TestFactory
  List<DynamicTest> everyRuleHasAFailingAndAPassingCase() {
    // Run alone (-Dtest=...), no rule test recorded anything: nothing to judge.
    Assumptions.assumeFalse(FAILED.isEmpty() && PASSED.isEmpty(), "the rule tests did not run in this JVM");
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : RulePacks.blueprints().rules()) {
      tests.add(DynamicTest.dynamicTest(rule.id() + " fails a stack that breaks it",
          () -> assertTrue(FAILED.contains(rule.id()), rule.id() + " has no failing case: add one with PolicyAssert.fails")));
      tests.add(DynamicTest.dynamicTest(rule.id() + " passes a stack that satisfies it",
          () -> assertTrue(PASSED.contains(rule.id()), rule.id() + " has no passing case: add one with PolicyAssert.passes")));
    }
    return tests;
  }
}
