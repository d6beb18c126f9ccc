package dev.blueprints.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import dev.blueprints.app.BlueprintsApp;
import dev.blueprints.app.Selection;
import dev.blueprints.testing.AppSynth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values AWS would refuse at plan or apply, written into a copy of the committed dev settings as a new user would:
 * each stops the run with one message naming the settings path, the value and what is allowed.
 */
class BadSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private String error(String blueprint, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(AppSynth.SETTINGS_DIR.resolve("dev.json").toFile());
    change.accept(root);
    Files.writeString(dir.resolve("dev.json"), root.toString());
    return assertThrows(IllegalArgumentException.class,
        () -> BlueprintsApp.build(new App(), new Selection(List.of(blueprint), List.of("dev"), dir))).getMessage();
  }

  private static ObjectNode options(ObjectNode root, String blueprint) {
    return (ObjectNode) root.path("blueprints").path(blueprint);
  }

  @Test
  void aRegionThatDoesNotExist() throws Exception {
    String message = error("asg-web", r -> {
      r.put("region", "us-east-7");
      r.remove("availabilityZones");
      ((ObjectNode) r.path("state")).put("region", "us-east-1");
    });
    assertTrue(message.startsWith("region = \"us-east-7\" is invalid: an AWS region that exists, such as us-east-1"), message);
  }

  @Test
  void aZoneLetterTheRegionDoesNotHave() throws Exception {
    String message = error("asg-web", r -> {
      r.put("region", "ca-central-1");
      r.putArray("availabilityZones").add("ca-central-1a").add("ca-central-1c");
    });
    assertEquals("availabilityZones = \"ca-central-1c\" is invalid: an availability zone of region ca-central-1: "
        + "ca-central-1a, ca-central-1b, ca-central-1d", message);
  }

  @Test
  void anInstanceTypeThatDoesNotExist() throws Exception {
    assertEquals("blueprints.asg-web.instanceType = \"t3.4xlarge\" is invalid: burstable t3 comes in sizes "
        + "[nano, micro, small, medium, large, xlarge, 2xlarge]", error("asg-web", r -> options(r, "asg-web").put("instanceType", "t3.4xlarge")));
    assertTrue(error("ecs-cluster", r -> options(r, "ecs-cluster").put("instanceType", "m9.large"))
        .startsWith("blueprints.ecs-cluster.instanceType = \"m9.large\" is invalid: an EC2 instance family that exists"));
    assertTrue(error("api-ecs", r -> options(r, "api-ecs").put("instanceType", "c6i.micro"))
        .startsWith("blueprints.api-ecs.instanceType = \"c6i.micro\" is invalid: c6i starts at medium or large"));
  }

  @Test
  void tagKeysAwsReserves() throws Exception {
    String message = error("asg-web", r -> ((ObjectNode) r.path("tags")).put("aws:cost", "x"));
    assertEquals("tags.aws:cost = \"x\" is invalid: tag keys starting with \"aws:\" are reserved by AWS", message);
  }

  @Test
  void sizesAreReportedUnderTheSettingsFieldTheUserWrote() throws Exception {
    assertEquals("blueprints.asg-web.minInstances = 7 is greater than blueprints.asg-web.maxInstances = 6: "
        + "blueprints.asg-web.minInstances must be <= blueprints.asg-web.maxInstances",
        error("asg-web", r -> options(r, "asg-web").put("minInstances", 7)));
    assertEquals("blueprints.asg-web.maxInstances = 0 is invalid: allowed range is 1..1000",
        error("asg-web", r -> options(r, "asg-web").put("maxInstances", 0)));
  }

  @Test
  void aCertificateOfAnotherRegionThanTheLoadBalancer() throws Exception {
    String message = error("asg-web", r -> options(r, "asg-web").put("certificateArn",
        "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"));
    assertTrue(message.startsWith("blueprints.asg-web.certificateArn = \"arn:aws:acm:eu-west-1:"), message);
    assertTrue(message.endsWith("is invalid: a certificate in us-east-1, the region of the blueprint's load balancers (ACM certificates are regional)"), message);
  }

  @Test
  void anImageReferenceWithWhitespace() throws Exception {
    String message = error("ecs-cluster", r -> ((ObjectNode) options(r, "ecs-cluster").path("images").path("app")).put("tag", "1.0.0 "));
    assertTrue(message.startsWith("blueprints.ecs-cluster.images.app.tag = \"1.0.0 \" is invalid"), message);
  }

  @Test
  void anEngineVersionRdsDoesNotOffer() throws Exception {
    assertEquals("blueprints.ecs-cluster.engineVersion = \"12.9\" is invalid: postgres accepts a PostgreSQL major version 13 to 17, "
        + "optionally with a minor version: \"15\" or \"15.4\"", error("ecs-cluster", r -> options(r, "ecs-cluster").put("engineVersion", "12.9")));
  }

  @Test
  void aConstructFieldErrorStillNamesTheSettingsObjectItCameFrom() throws Exception {
    String message = error("api-ecs", r -> options(r, "api-ecs").putArray("corsOrigins").add("http://app.example.com"));
    assertTrue(message.contains("dev.json: blueprints.api-ecs (environment dev): cors = \"http://app.example.com\" is invalid"), message);
  }

  @Test
  void anAlarmTopicOfAnotherRegion() throws Exception {
    String message = error("asg-web", r -> r.put("alarmTopicArn", "arn:aws:sns:eu-west-1:123456789012:ops"));
    assertTrue(message.startsWith("alarmTopicArn = \"arn:aws:sns:eu-west-1:123456789012:ops\" is invalid: a topic in region us-east-1"), message);
  }

  @Test
  void aBlueprintRegionOrZoneIsReportedUnderTheBlueprintsPath() throws Exception {
    assertTrue(error("api-ecs", r -> options(r, "api-ecs").put("region", "us-south-1"))
        .startsWith("blueprints.api-ecs.region = \"us-south-1\" is invalid: an AWS region that exists"));
    String zone = error("fargate-web", r -> options(r, "fargate-web").putArray("availabilityZones").add("ca-central-1a").add("ca-central-1c"));
    assertTrue(zone.endsWith("dev.json: blueprints.fargate-web.availabilityZones = \"ca-central-1c\" is invalid: an availability zone "
        + "of region ca-central-1: ca-central-1a, ca-central-1b, ca-central-1d"), zone);
  }
}
