package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.testing.Fixtures;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
  @Test
  void computesOnFirstUseOnly() {
    AtomicInteger calls = new AtomicInteger();
    Memo<String> memo = Memo.of(() -> "value" + calls.incrementAndGet());
    assertEquals(0, calls.get(), "nothing is computed before the first get");
    assertEquals("value1", memo.get());
    assertEquals("value1", memo.get());
    assertEquals(1, calls.get());
  }

  @Test
  void aMissingComputationIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Memo.of(null));
    assertTrue(e.getMessage().contains("compute"), e.getMessage());
  }

  @Test
  void wrappersHandOutOneTokenPerAttributeInsteadOfCrossingTheBridgeAgain() {
    BlueprintStack stack = Fixtures.stack("memo");
    Network network = new Network(stack, "Network", NetworkProps.builder(Fixtures.AZS).build());
    SecurityGroup group = new SecurityGroup(stack, "Group", SecurityGroupProps.builder(network.vpcId(), "bp-memo-group", "memo test").build());
    // A second read through jsii would return a new token string for the same reference.
    assertSame(network.vpcId(), network.vpcId());
    assertSame(group.id(), group.id());
    assertTrue(network.vpcId().contains("TOKEN"), network.vpcId());
  }
}
