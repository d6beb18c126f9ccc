package dev.blueprints.blueprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import dev.blueprints.app.BlueprintsApp;
import dev.blueprints.app.Main;
import dev.blueprints.app.Selection;
import dev.blueprints.blueprints.threetier.ThreeTierBlueprint;
import dev.blueprints.blueprints.threetier.ThreeTierComputeStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.AppSynth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blueprint changed to break a rule no longer synthesizes, and says why. */
class BlueprintPolicyTest {
  @Test
  void sshOpenedToTheInternetInThreeTierStopsTheSynth(@TempDir Path out) {
    App app = BlueprintsApp.newApp(out);
    List<LayerStack> stacks = BlueprintsApp.build(app,
        new Selection(List.of(ThreeTierBlueprint.ID), List.of("dev"), AppSynth.SETTINGS_DIR));
    BlueprintStack compute = stacks.stream().filter(s -> s.getNode().getId().equals("three-tier-dev-compute")).findFirst().orElseThrow();
    // The seed's shortcut: port 22 from anywhere on the frontend instances.
    String frontendGroup = ((ThreeTierComputeStack) compute).frontend().securityGroup().id();
    VpcSecurityGroupIngressRule.Builder.create(compute, "SshFromAnywhere").securityGroupId(frontendGroup)
        .ipProtocol("tcp").fromPort(22).toPort(22).cidrIpv4("0.0.0.0/0").description("ssh").build();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.synth(app, out, System.out, new PrintStream(err));

    assertEquals(Main.POLICY_VIOLATION, status);
    String text = err.toString();
    assertTrue(text.contains("BP-NET-001  stack three-tier-dev-compute  aws_vpc_security_group_ingress_rule.SshFromAnywhere"), text);
    assertTrue(text.contains("fix: "), text);
    assertFalse(Files.exists(out.resolve("stacks/three-tier-dev-compute/cdk.tf.json")), "nothing deployable is left behind");
    assertTrue(Files.exists(out.resolve("policy-report.json")));
  }
}
