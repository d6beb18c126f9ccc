package dev.blueprints.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.cost.CostReport.StackCost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prices hand-built stack JSON against a small fixture price table; every expected figure is worked out by
 * hand in the test (730 hours a month), so the arithmetic is pinned independently of AWS's current prices.
 */
class CostEstimatorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final double CENT = 0.005;

  /** The fixture table: the figures of the repository's us-east-1 rows, plus eu-west-1 for the NAT gateway. */
  static final PriceTable PRICES = table("""
      {"currency": "USD", "hoursPerMonth": 730, "note": "fixture", "dimensions": {
        "vpc.nat-gateway": {"unit": "gateway-hour", "source": "https://aws.amazon.com/vpc/pricing/", "recorded": "2026-11-30",
          "prices": {"us-east-1": 0.045, "eu-west-1": 0.048}},
        "vpc.public-ipv4": {"unit": "address-hour", "source": "https://aws.amazon.com/vpc/pricing/", "recorded": "2026-11-30",
          "prices": {"us-east-1": 0.005, "eu-west-1": 0.005}},
        "elb.alb": {"unit": "load-balancer-hour", "source": "https://aws.amazon.com/elasticloadbalancing/pricing/", "recorded": "2026-12-01",
          "prices": {"us-east-1": 0.0225}},
        "elb.alb-lcu": {"unit": "LCU-hour", "source": "https://aws.amazon.com/elasticloadbalancing/pricing/", "recorded": "2026-12-01",
          "prices": {"us-east-1": 0.008}},
        "rds.instance.postgres": {"unit": "instance-hour", "source": "https://aws.amazon.com/rds/postgresql/pricing/", "recorded": "2026-12-02",
          "prices": {"us-east-1": {"db.t3.medium": 0.072}}},
        "rds.storage": {"unit": "GB-month", "source": "https://aws.amazon.com/rds/postgresql/pricing/", "recorded": "2026-12-02",
          "prices": {"us-east-1": {"gp3": 0.115}}},
        "secretsmanager.secret": {"unit": "secret-month", "source": "https://aws.amazon.com/secrets-manager/pricing/", "recorded": "2026-12-02",
          "prices": {"us-east-1": 0.40}},
        "fargate.vcpu.x86": {"unit": "vCPU-hour", "source": "https://aws.amazon.com/fargate/pricing/", "recorded": "2026-12-03",
          "prices": {"us-east-1": 0.04048}},
        "fargate.memory.x86": {"unit": "GB-hour", "source": "https://aws.amazon.com/fargate/pricing/", "recorded": "2026-12-03",
          "prices": {"us-east-1": 0.004445}},
        "memorydb.node.redis": {"unit": "node-hour", "source": "https://aws.amazon.com/memorydb/pricing/", "recorded": "2026-12-03",
          "prices": {"us-east-1": {"db.t4g.small": 0.047}}},
        "ec2.instance": {"unit": "instance-hour", "source": "https://aws.amazon.com/ec2/pricing/on-demand/", "recorded": "2026-12-03",
          "prices": {"us-east-1": {"t3.small": 0.0208}}},
        "ebs.gp3": {"unit": "GB-month", "source": "https://aws.amazon.com/ebs/pricing/", "recorded": "2026-12-03",
          "prices": {"us-east-1": 0.08}}
      }}""");
  static final CostEstimator ESTIMATOR = new CostEstimator(PRICES);

  static PriceTable table(String json) {
    try {
      return new PriceTable(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stack in {@code region} (null: no region) whose {@code "resource"} object is {@code resources}. */
  static JsonNode stack(String region, String resources) {
    String provider = region == null ? "{}" : "{\"region\": \"" + region + "\"}";
    try {
      return JSON.readTree("{\"provider\": {\"aws\": [" + provider + "]}, \"resource\": {" + resources + "}}");
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static StackCost price(String resources) {
    return ESTIMATOR.estimateStack("shop-dev-app", stack("us-east-1", resources));
  }

  @Test
  void natGatewayAndItsElasticIp() {
    StackCost s = price("""
        "aws_eip": {"NatEip": {"domain": "vpc"}},
        "aws_nat_gateway": {"Nat": {"allocation_id": "${aws_eip.NatEip.allocation_id}", "subnet_id": "subnet-1"}}""");
    // NAT 0.045 x 730 = 32.85; its address 0.005 x 730 = 3.65
    assertEquals(32.85 + 3.65, s.monthlyDesired(), CENT);
    assertEquals(36.50, s.monthlyMax(), CENT);
    assertEquals(2, s.lines().size());
    assertTrue(s.unpriced().isEmpty(), s.unpriced().toString());
    assertTrue(s.usage().stream().anyMatch(u -> u.address().equals("aws_nat_gateway.Nat") && u.charge().startsWith("data processed")),
        "the NAT's data processing is listed as usage: " + s.usage());
  }

  @Test
  void internetFacingAlbPaysForOneAddressPerAzAndTheLcuBaseline() {
    StackCost s = price("""
        "aws_lb": {
          "Public": {"load_balancer_type": "application", "internal": false, "subnets": ["subnet-a", "subnet-b"]},
          "Private": {"internal": true, "subnets": ["subnet-a", "subnet-b"]}}""");
    // each: 0.0225 x 730 = 16.425 hourly + 1 LCU 0.008 x 730 = 5.84; the public one 2 x 0.005 x 730 = 7.30 more
    assertEquals(16.425 + 5.84 + 7.30 + 16.425 + 5.84, s.monthlyDesired(), CENT);
    assertEquals(5, s.lines().size());
    assertTrue(s.usage().stream().anyMatch(u -> u.charge().contains("above the baseline of 1")), s.usage().toString());
  }

  @Test
  void multiAzDatabasePaysForTwoInstancesAndTwoCopiesOfItsStorage() {
    StackCost s = price("""
        "aws_db_instance": {"Db": {"engine": "postgres", "instance_class": "db.t3.medium", "multi_az": true,
          "allocated_storage": 50, "max_allocated_storage": 100, "storage_type": "gp3", "manage_master_user_password": true}}""");
    // instances 2 x 0.072 x 730 = 105.12; storage 2 x 50 GB x 0.115 = 11.50 (at the autoscaling maximum 2 x 100 x 0.115 = 23.00);
    // the RDS-managed password secret 0.40
    assertEquals(105.12 + 11.50 + 0.40, s.monthlyDesired(), CENT);
    assertEquals(105.12 + 23.00 + 0.40, s.monthlyMax(), CENT);
    var instance = s.lines().get(0);
    assertEquals(2, instance.quantityDesired());
    assertTrue(instance.what().contains("Multi-AZ"), instance.what());
    assertEquals(100, s.lines().get(1).quantityDesired());
  }

  @Test
  void fargateServiceAtDesiredCountAndAtTheScalingMaximum() {
    StackCost s = price("""
        "aws_ecs_task_definition": {"Task": {"cpu": "1024", "memory": "2048", "requires_compatibilities": ["FARGATE"]}},
        "aws_ecs_service": {"Web": {"launch_type": "FARGATE", "desired_count": 2, "task_definition": "${aws_ecs_task_definition.Task.arn}"}},
        "aws_appautoscaling_target": {"WebScaling": {"min_capacity": 2, "max_capacity": 6,
          "resource_id": "service/${aws_ecs_cluster.C.name}/${aws_ecs_service.Web.name}", "scalable_dimension": "ecs:service:DesiredCount",
          "service_namespace": "ecs"}}""");
    // per task: 1 vCPU x 0.04048 + 2 GB x 0.004445 = 0.04937 an hour; x 730 = 36.0401
    assertEquals(2 * 36.0401, s.monthlyDesired(), CENT);   // 72.08
    assertEquals(6 * 36.0401, s.monthlyMax(), CENT);       // 216.24
    assertEquals(2, s.free().get("aws_appautoscaling_target") + s.free().get("aws_ecs_task_definition"));
  }

  @Test
  void ecsServiceOnEc2CapacityIsPricedWithItsInstancesNotTwice() {
    StackCost s = price("""
        "aws_ecs_service": {"Api": {"capacity_provider_strategy": [{"capacity_provider": "${aws_ecs_capacity_provider.Cp.name}", "weight": 1}],
          "desired_count": 1}}""");
    assertEquals(0, s.monthlyMax(), CENT);
    assertEquals(1, s.free().get("aws_ecs_service"));
  }

  @Test
  void memoryDbPaysForEveryNodeOfEveryShard() {
    StackCost s = price("""
        "aws_memorydb_cluster": {"Cache": {"node_type": "db.t4g.small", "num_shards": 2, "num_replicas_per_shard": 1}}""");
    // 2 shards x (1 primary + 1 replica) = 4 nodes x 0.047 x 730 = 137.24
    assertEquals(137.24, s.monthlyDesired(), CENT);
    assertEquals(4, s.lines().get(0).quantityDesired());
    // Terraform's defaults: 1 shard, 1 replica per shard
    assertEquals(2 * 0.047 * 730, price("\"aws_memorydb_cluster\": {\"C\": {\"node_type\": \"db.t4g.small\"}}").monthlyDesired(), CENT);
  }

  @Test
  void autoScalingGroupAtDesiredCapacityAndAtMaxSize() {
    StackCost s = price("""
        "aws_launch_template": {"Lt": {"instance_type": "t3.small",
          "block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"volume_size": 20, "volume_type": "gp3"}}]}},
        "aws_autoscaling_group": {"Fleet": {"desired_capacity": 2, "min_size": 1, "max_size": 5,
          "launch_template": {"id": "${aws_launch_template.Lt.id}", "version": "$Latest"}}}""");
    // per instance: 0.0208 x 730 = 15.184 + 20 GB x 0.08 = 1.60 -> 16.784
    assertEquals(2 * 16.784, s.monthlyDesired(), CENT);    // 33.57
    assertEquals(5 * 16.784, s.monthlyMax(), CENT);        // 83.92
    // without desired_capacity the group starts at min_size
    StackCost atMin = price("""
        "aws_launch_template": {"Lt": {"instance_type": "t3.small"}},
        "aws_autoscaling_group": {"Fleet": {"min_size": 1, "max_size": 3, "launch_template": {"id": "${aws_launch_template.Lt.id}"}}}""");
    assertEquals(15.184, atMin.monthlyDesired(), CENT);
    assertEquals(3 * 15.184, atMin.monthlyMax(), CENT);
    assertTrue(atMin.usage().stream().anyMatch(u -> u.assumption().contains("AMI")), "a root volume without size is usage: " + atMin.usage());
  }

  @Test
  void unknownTypesAndClassesAreReportedUnpricedNotGuessed() {
    StackCost s = price("""
        "aws_quantum_computer": {"Q": {"qubits": 64}},
        "aws_elasticache_replication_group": {"Cache": {"node_type": "cache.t4g.small"}},
        "aws_db_instance": {"Db": {"engine": "postgres", "instance_class": "db.x9.huge", "allocated_storage": 20, "storage_type": "gp3"}},
        "aws_security_group": {"Sg": {}}, "aws_subnet": {"A": {}, "B": {}}, "aws_iam_role": {"R": {}}, "aws_route_table": {"Rt": {}}""");
    assertTrue(reason(s, "aws_quantum_computer.Q").contains("unknown to the estimator"), s.unpriced().toString());
    assertTrue(reason(s, "aws_elasticache_replication_group.Cache").contains("not in the estimator's price table"), s.unpriced().toString());
    assertTrue(reason(s, "aws_db_instance.Db").contains("db.x9.huge"), s.unpriced().toString());
    assertEquals(20 * 0.115, s.monthlyDesired(), CENT, "the storage it can price is still priced");
    assertEquals(1, s.free().get("aws_security_group"));
    assertEquals(2, s.free().get("aws_subnet"));
    assertEquals(1, s.free().get("aws_iam_role"));
    assertEquals(1, s.free().get("aws_route_table"));
  }

  @Test
  void unresolvedReferencesAreCountedFromLiteralsOrReported() {
    StackCost s = price("""
        "aws_eip": {"Literal": {"count": 3}, "FromVariable": {"count": "${var.zones}"}},
        "aws_lb": {"Alb": {"subnets": "${data.terraform_remote_state.net.outputs.public_subnets}"}},
        "aws_launch_template": {"Lt": {"instance_type": "${var.instance_type}"}},
        "aws_autoscaling_group": {"Fleet": {"min_size": 1, "max_size": "${var.max}", "launch_template": {"id": "${aws_launch_template.Lt.id}"}}}""");
    // 3 literal copies of the address: 3 x 3.65; the ALB's hourly and LCU baseline: 16.425 + 5.84
    assertEquals(3 * 3.65 + 16.425 + 5.84, s.monthlyDesired(), CENT);
    assertTrue(reason(s, "aws_eip.FromVariable").contains("${var.zones}"), s.unpriced().toString());
    assertTrue(reason(s, "aws_lb.Alb").contains("number of subnets"), s.unpriced().toString());
    assertTrue(reason(s, "aws_autoscaling_group.Fleet").contains("max_size"), s.unpriced().toString());
  }

  @Test
  void regionComesFromTheAwsProvider() {
    String nat = "\"aws_nat_gateway\": {\"Nat\": {}}";
    assertEquals(0.048 * 730, ESTIMATOR.estimateStack("s", stack("eu-west-1", nat)).monthlyDesired(), CENT);
    StackCost noRegion = ESTIMATOR.estimateStack("s", stack(null, nat));
    assertEquals(0, noRegion.monthlyDesired());
    assertTrue(reason(noRegion, "aws_nat_gateway.Nat").contains("region unknown"), noRegion.unpriced().toString());
    StackCost elsewhere = ESTIMATOR.estimateStack("s", stack("ap-south-2", nat));
    assertTrue(reason(elsewhere, "aws_nat_gateway.Nat").contains("ap-south-2 is not in the price table"), elsewhere.unpriced().toString());
  }

  @Test
  void theReportCarriesEachPricesSourceAndDate() {
    CostReport report = new CostReport(PRICES, List.of(price("\"aws_nat_gateway\": {\"Nat\": {}}, \"aws_eip\": {\"Ip\": {}}")));
    JsonNode json = report.toJson();
    assertEquals(List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"),
        JSON.convertValue(json.path("prices").path("recorded"), List.class));
    JsonNode line = json.path("stacks").path(0).path("priced").path(0);
    assertEquals("2026-11-30", line.path("recorded").asText());
    assertEquals("https://aws.amazon.com/vpc/pricing/", line.path("source").asText());
    assertEquals(32.85, line.path("monthlyDesired").asDouble(), 1e-9);
    assertTrue(report.table().contains("recorded 2026-11-30, 2026-12-01, 2026-12-02, 2026-12-03"), report.table());
  }

  @Test
  void stacksAreGroupedByBlueprintAndEnvironmentAndReadFromAnOutputDirectory() throws IOException {
    Path outdir = Path.of("target", "cost-test", "out");
    Files.createDirectories(outdir);
    Files.writeString(outdir.resolve("manifest.json"), """
        {"version": "0.19.2", "stacks": {
          "shop-dev-network": {"synthesizedStackPath": "stacks/shop-dev-network/cdk.tf.json"},
          "shop-dev-app": {"synthesizedStackPath": "stacks/shop-dev-app/cdk.tf.json"},
          "shop-prod-network": {"synthesizedStackPath": "stacks/shop-prod-network/cdk.tf.json"},
          "standalone": {"synthesizedStackPath": "stacks/standalone/cdk.tf.json"}}}""");
    for (String id : List.of("shop-dev-network", "shop-dev-app", "shop-prod-network", "standalone")) {
      Files.createDirectories(outdir.resolve("stacks").resolve(id));
      Files.writeString(outdir.resolve("stacks").resolve(id).resolve("cdk.tf.json"),
          JSON.writeValueAsString(stack("us-east-1", id.endsWith("app") ? "\"aws_eip\": {\"Ip\": {}}" : "\"aws_nat_gateway\": {\"Nat\": {}}")));
    }
    CostReport report = ESTIMATOR.estimateOutput(outdir);
    assertEquals(List.of("shop-dev", "shop-prod", "standalone"), report.groups().stream().map(CostReport.Group::name).toList());
    assertEquals(32.85 + 3.65, report.group("shop-dev").monthlyDesired(), CENT);
    assertEquals("shop", report.group("shop-prod").blueprint());
    assertEquals("", report.group("standalone").environment());
    assertEquals("""
        | blueprint | dev desired | dev maximum | prod desired | prod maximum |
        |---|---:|---:|---:|---:|
        | shop | $36.50 | $36.50 | $32.85 | $32.85 |
        """, report.markdown(List.of("dev", "prod")));
    Path file = report.write(outdir);
    JsonNode written = JSON.readTree(file.toFile());
    assertEquals(4, written.path("stacks").size());
    assertEquals(36.5, written.path("groups").path(0).path("monthlyDesired").asDouble(), 1e-9);
  }

  @Test
  void theRepositoryTableCoversTheRegionsAndNamesEverySourceAndDate() {
    PriceTable aws = PriceTable.aws();
    assertEquals(730, aws.hoursPerMonth());
    for (String region : List.of("us-east-1", "us-east-2", "ca-central-1", "us-west-2", "eu-west-1")) {
      for (String dimension : List.of("vpc.nat-gateway", "vpc.public-ipv4", "elb.alb", "elb.nlb", "fargate.vcpu.x86", "kms.key")) {
        assertTrue(aws.find(dimension, region).isPresent(), dimension + " in " + region);
      }
      assertTrue(aws.find("ec2.instance", region, "t3.medium").isPresent(), "t3.medium in " + region);
      assertTrue(aws.find("rds.instance.postgres", region, "db.t3.micro").isPresent(), "db.t3.micro in " + region);
    }
    for (PriceTable.Source s : aws.sources()) {
      assertTrue(s.source().startsWith("https://aws.amazon.com/"), s.toString());
      assertTrue(s.recorded().matches("\\d{4}-\\d{2}-\\d{2}"), s.toString());
      assertTrue(!s.unit().isEmpty() && !s.what().isEmpty(), s.toString());
    }
  }

  static String reason(StackCost s, String address) {
    return s.unpriced().stream().filter(u -> u.address().equals(address)).map(CostReport.Unpriced::reason).findFirst()
        .orElseThrow(() -> new AssertionError(address + " not reported unpriced: " + s.unpriced()));
  }
}
