package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamingTest {
  private final Naming naming = new Naming("acme-fargate-web", "prod");

  @Test
  void joinsProjectEnvironmentAndComponentInLowercase() {
    assertEquals("acme-fargate-web-prod-backend", naming.name("Backend", NameLimit.ECS_SERVICE));
    assertEquals("/acme-fargate-web/prod/backend", naming.path("backend"));
  }

  @Test
  void longNamesAreCutToTheServiceLimitWithAStableHash() {
    String alb = naming.name("frontend-public", NameLimit.LOAD_BALANCER);
    assertEquals(32, alb.length());
    assertTrue(alb.startsWith("acme-fargate-web-prod-fro-"), alb);
    assertEquals(alb, naming.name("frontend-public", NameLimit.LOAD_BALANCER), "the same input gives the same name");
    assertNotEquals(alb, naming.name("frontend-private", NameLimit.LOAD_BALANCER), "distinct inputs stay distinct");
    assertTrue(naming.name("x".repeat(80), NameLimit.S3_BUCKET).length() <= 63);
    assertTrue(naming.name("backend-tg", NameLimit.TARGET_GROUP).length() <= 32);
  }

  @Test
  void globalNamesCarryTheAccountAndRegionAndFitS3sLimit() {
    assertEquals("acme-fargate-web-prod-alb-logs-123456789012-eu-west-1",
        naming.globalName("alb-logs", "123456789012", "eu-west-1"));
    String cut = naming.globalName("x".repeat(60), "123456789012", "ap-southeast-2");
    assertEquals(63, cut.length(), cut);
    assertTrue(cut.endsWith("-123456789012-ap-southeast-2"), cut);
    String token = "${data.aws_caller_identity.CallerIdentity.account_id}";
    assertTrue(naming.globalName("alb-logs", token, "us-east-1").endsWith("-alb-logs-" + token + "-us-east-1"));
    var e = assertThrows(IllegalArgumentException.class, () -> naming.globalName("alb-logs", "123456789012", "US-EAST-1"));
    assertTrue(e.getMessage().startsWith("region = \"US-EAST-1\" is invalid"), e.getMessage());
  }

  @Test
  void cutNeverEndsInAHyphenBeforeTheHash() {
    String name = Naming.fit("abcdefghijklmnopqrstuvwxy--zzzzzzzzzzzz", 32);
    assertTrue(!name.contains("--"), name);
  }

  @Test
  void componentMustBeNameSafe() {
    var e = assertThrows(IllegalArgumentException.class, () -> naming.name("back end", NameLimit.GENERIC));
    assertTrue(e.getMessage().startsWith("component = \"back end\" is invalid"), e.getMessage());
  }
}
