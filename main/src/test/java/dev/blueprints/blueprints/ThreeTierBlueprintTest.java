package dev.blueprints.blueprints;

import dev.blueprints.app.Blueprints;
import static dev.blueprints.blueprints.BlueprintAssertions.assertOnlyLoadBalancersArePublic;
import static dev.blueprints.blueprints.BlueprintAssertions.assertOnlyPath;
import static dev.blueprints.blueprints.BlueprintAssertions.assertPath;
import static dev.blueprints.blueprints.BlueprintAssertions.groupOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ThreeTierBlueprintTest {
  private static final String DEV = "three-tier-dev-";
  // The whole app, synthesized once for every test class that reads it.
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  @Test
  void networkUsesTheSeedsSubnetLayoutAndNatPerAzInProd() {
    Synthesized dev = app.stack(DEV + "network");
    assertEquals(new TreeSet<>(List.of("10.0.1.0/24", "10.0.2.0/24", "10.0.11.0/24", "10.0.12.0/24", "10.0.21.0/24", "10.0.22.0/24")),
        new TreeSet<>(dev.resources("aws_subnet").values().stream().map(s -> s.path("cidr_block").asText()).toList()));
    assertEquals(1, dev.count("aws_nat_gateway"), "dev shares one NAT gateway");
    Synthesized prod = app.stack("three-tier-prod-network");
    assertEquals(prod.count("aws_subnet") / 3, prod.count("aws_nat_gateway"), "prod has a NAT gateway per AZ");
    // Database subnets: no route to NAT (the seed routes them there; RDS needs none).
    JsonNode isolated = dev.only("aws_route_table", "tags.Name", "bp-three-tier-dev-network-isolated");
    assertTrue(dev.where("aws_route", Map.of("route_table_id", dev.ref("aws_route_table", isolated, "id"))).isEmpty());
  }

  @Test
  void securityGroupChainRunsAlbFrontendInternalAlbBackendDatabase() {
    String stack = DEV + "compute";
    Synthesized compute = app.stack(stack);
    String publicLb = groupOf(app, stack, compute.byPath("aws_lb", "PublicLoadBalancer/"));
    String internalLb = groupOf(app, stack, compute.byPath("aws_lb", "InternalLoadBalancer/"));
    String frontend = groupOf(app, stack, compute.byPath("aws_launch_template", "Frontend/"));
    String backend = groupOf(app, stack, compute.byPath("aws_launch_template", "Backend/"));
    String database = groupOf(app, DEV + "data", app.stack(DEV + "data").only("aws_db_instance"));
    assertPath(app, stack, publicLb, frontend, 5000);
    assertPath(app, stack, frontend, internalLb, 80);
    assertOnlyPath(app, stack, internalLb, backend, 5001);
    assertOnlyPath(app, stack, backend, database, 3306);
    assertOnlyLoadBalancersArePublic(app, DEV);
    assertOnlyLoadBalancersArePublic(app, "three-tier-prod-");
    assertTrue(compute.byPath("aws_lb", "InternalLoadBalancer/").path("internal").asBoolean());
  }

  @Test
  void targetGroupsUseTheSeedsHealthCheck() {
    Synthesized compute = app.stack(DEV + "compute");
    for (String[] tier : List.of(new String[] {"PublicLoadBalancer/", "5000"}, new String[] {"InternalLoadBalancer/", "5001"})) {
      JsonNode tg = compute.byPath("aws_lb_target_group", tier[0]);
      assertEquals(Integer.parseInt(tier[1]), tg.path("port").asInt());
      assertEquals("/health", Synthesized.at(tg, "health_check.path").asText());
      assertEquals(30, Synthesized.at(tg, "health_check.interval").asInt());
      assertEquals(2, Synthesized.at(tg, "health_check.healthy_threshold").asInt());
      assertEquals(2, Synthesized.at(tg, "health_check.unhealthy_threshold").asInt());
      assertEquals(5, Synthesized.at(tg, "health_check.timeout").asInt());
    }
  }

  @Test
  void mysqlIsEncryptedGp3WithBackupsAndTheBackendMayReadItsSecret() {
    JsonNode db = app.stack(DEV + "data").only("aws_db_instance");
    assertEquals("mysql", db.path("engine").asText());
    assertEquals("8.0", db.path("engine_version").asText());
    assertEquals("gp3", db.path("storage_type").asText());
    assertTrue(db.path("storage_encrypted").asBoolean());
    assertEquals(7, db.path("backup_retention_period").asInt());

    String stack = DEV + "compute";
    Synthesized compute = app.stack(stack);
    String secretRead = compute.resources("aws_iam_role_policy").values().stream()
        .map(p -> p.path("policy").asText()).filter(p -> p.contains("secretsmanager:GetSecretValue")).findFirst().orElseThrow();
    assertTrue(secretRead.contains("terraform_remote_state"), "the secret ARN comes from the data stack: " + secretRead);
    // Instance roles: SSM Session Manager and the CloudWatch agent, no SSH anywhere.
    assertTrue(compute.where("aws_iam_role_policy_attachment", Map.of("policy_arn", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")).size() >= 2);
    assertTrue(compute.where("aws_iam_role_policy_attachment", Map.of("policy_arn", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy")).size() >= 2);
  }
}
