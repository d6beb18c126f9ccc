package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;
import software.constructs.IConstruct;

/** The Java-side answers of {@link Stacks} must be exactly what the construct tree says through the bridge. */
class StacksTest {
  private static void assertAnswersLikeTheTree(IConstruct construct) {
    String what = construct.getNode().getPath();
    assertEquals(construct.getNode().getPath(), String.join("/", Stacks.path(construct)), what);
    assertEquals(construct.getNode().getId(), Stacks.id(construct), what);
    assertSame(TerraformStack.of(construct), Stacks.of(construct), what);
    assertSame(construct.getNode().getRoot(), Stacks.root(construct), what);
  }

  @Test
  void aStackAnswersItsRegionEnvironmentAndNamingFromItsSettings() {
    BlueprintStack stack = new BlueprintStack(Fixtures.app(), "acme-prod-data",
        Fixtures.prod().withRegion("eu-central-1", List.of("eu-central-1a", "eu-central-1b")));
    assertEquals("eu-central-1", stack.region());
    assertEquals("prod", stack.environment().name());
    assertEquals("acme-prod-uploads", stack.naming().name("uploads", NameLimit.S3_BUCKET));
  }

  @Test
  void placedConstructsNestedInEachOtherAnswerLikeTheTree() {
    BlueprintStack stack = Fixtures.stack();
    Network network = Fixtures.network(stack);
    LoadBalancer lb = new LoadBalancer(network, "Web",
        LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, network.vpcId(), network.subnets(SubnetTier.PRIVATE)).build());
    TargetGroup group = lb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    for (IConstruct c : List.of(stack, network, lb, lb.securityGroup(), group, group.resource(), lb.resource())) {
      assertAnswersLikeTheTree(c);
    }
  }

  @Test
  void constructsNobodyPlacedAreAskedThroughTheBridge() {
    App app = Fixtures.app();
    TerraformStack plain = new TerraformStack(app, "plain");
    Construct unplaced = new Construct(plain, "Group");
    Construct inside = new Construct(unplaced, "Inner");
    for (IConstruct c : List.of(plain, unplaced, inside)) assertAnswersLikeTheTree(c);
  }

  @Test
  void aPlacedConstructInsideAConsumersConstructAsksOnlyForTheUnplacedPart() {
    BlueprintStack stack = Fixtures.stack();
    Construct wrapper = new Construct(stack, "Wrapper");
    Network network = new Network(wrapper, "Network", NetworkProps.builder(Fixtures.AZS).build());
    for (IConstruct c : List.of(wrapper, network, network.resource())) assertAnswersLikeTheTree(c);
  }

  @Test
  void aStackCreatedInsideAConstructAnswersLikeTheTree() {
    App app = Fixtures.app();
    Construct group = new Construct(app, "Stage");
    BlueprintStack stack = Fixtures.stack(group, "test-dev-nested", Fixtures.dev());
    Network network = Fixtures.network(stack);
    for (IConstruct c : List.of(stack, network, network.resource())) assertAnswersLikeTheTree(c);
  }

  @Test
  void stacksCompareByTheOrderTheyWereAddedToTheApp() {
    App app = Fixtures.app();
    BlueprintStack first = Fixtures.stack(app, "test-dev-network", Fixtures.dev());
    TerraformStack unplaced = new TerraformStack(app, "middle");
    BlueprintStack last = Fixtures.stack(app, "test-dev-compute", Fixtures.dev());
    assertTrue(Stacks.addedAfter(last, first));
    assertFalse(Stacks.addedAfter(first, last));
    assertTrue(Stacks.addedAfter(unplaced, first), "an unplaced stack is compared through the app's children");
    assertTrue(Stacks.addedAfter(last, unplaced));
  }
}
