package dev.blueprints.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.hashicorp.cdktf.TerraformStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.policy.rules.RulePacks;
import dev.blueprints.testing.Fixtures;
import java.util.List;

/** Runs one rule of the pack on a stack and asserts its verdict, printing every finding when it misses. */
final class PolicyAssert {
  private PolicyAssert() {}

  /** A fresh stack {@code test-dev-policy} (environment dev). */
  static BlueprintStack dev() {
    return Fixtures.stack("policy");
  }

  /** A fresh stack {@code test-prod-policy} (environment prod). */
  static BlueprintStack prod() {
    return Fixtures.stack(Fixtures.app(), "test-prod-policy", Fixtures.prod());
  }

  static List<Finding> findings(TerraformStack stack, String ruleId) {
    assertNotNull(RulePacks.blueprints().byId(ruleId), "no rule " + ruleId);
    return Policy.check(stack).of(ruleId);
  }

  /** The rule reports nothing on the stack. */
  static void passes(TerraformStack stack, String ruleId) {
    List<Finding> found = findings(stack, ruleId);
    if (!found.isEmpty()) fail(ruleId + " should pass but found: " + found.stream().map(Finding::line).toList());
    RuleCoverageTest.record(ruleId, true);
  }

  /** The rule reports exactly one finding at {@code address} whose message contains {@code message}. */
  static Finding fails(TerraformStack stack, String ruleId, String address, String message) {
    List<Finding> found = findings(stack, ruleId);
    List<Finding> matching = found.stream().filter(f -> f.address().equals(address) && f.message().contains(message)).toList();
    if (matching.size() != 1) {
      fail(ruleId + " should report \"" + message + "\" on " + address + " once; found: " + found.stream().map(Finding::line).toList());
    }
    Finding f = matching.get(0);
    assertEquals(RulePacks.blueprints().byId(ruleId).severity(), f.severity());
    RuleCoverageTest.record(ruleId, false);
    assertEquals(stack.getNode().getPath(), f.stack());
    assertTrue(f.path().startsWith(stack.getNode().getPath() + "/") || f.address().equals("terraform"), f.path());
    return f;
  }

  /**
   * Checks one rule on one resource through a series of changes:
   * {@code rule(stack, "BP-KMS-001", "aws_kms_key.Key").passes().after(key::resetEnableKeyRotation).fails("... absent")}.
   */
  static Steps rule(TerraformStack stack, String ruleId, String address) {
    return new Steps(stack, ruleId, address);
  }

  /** The steps of {@link #rule}: each verdict is asserted as {@link #passes} and {@link #fails} assert it. */
  record Steps(TerraformStack stack, String ruleId, String address) {
    Steps passes() {
      PolicyAssert.passes(stack, ruleId);
      return this;
    }

    Steps fails(String message) {
      PolicyAssert.fails(stack, ruleId, address, message);
      return this;
    }

    /** Makes {@code change} to the stack's resources before the next verdict. */
    Steps after(Runnable change) {
      change.run();
      return this;
    }
  }
}
