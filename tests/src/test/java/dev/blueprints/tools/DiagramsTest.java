package dev.blueprints.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagrams over a small hand-written cdktf.out (three stacks of one blueprint with cross-stack references,
 * every kind of security-group user, plus a second blueprint and the bootstrap), then over the real app.
 */
class DiagramsTest {
  static final String NET = "shop-dev-network";
  static final String DATA = "shop-dev-data";
  static final String APP = "shop-dev-compute";
  static final String FROM_NET = "${data.terraform_remote_state.cross-stack-reference-input-shop-dev-network.outputs.";
  static final String FROM_DATA = "${data.terraform_remote_state.data_state.outputs.";

  @TempDir static Path outdir;
  static List<Diagrams.Diagram> diagrams;

  static String provider(String blueprint, String env) {
    return "\"provider\": {\"aws\": [{\"region\": \"eu-west-1\", \"default_tags\": [{\"tags\": {\"Blueprint\": \"" + blueprint
        + "\", \"Environment\": \"" + env + "\"}}]}]}";
  }

  static void stack(String id, String body) throws IOException {
    Path dir = Files.createDirectories(outdir.resolve("stacks").resolve(id));
    Files.writeString(dir.resolve("cdk.tf.json"), "{" + body + "}");
    JsonNode parsed = Synthesized.JSON.readTree(dir.resolve("cdk.tf.json").toFile());
    assertTrue(parsed.isObject(), id);
  }

  @BeforeAll
  static void fixture() throws IOException {
    Files.writeString(outdir.resolve("manifest.json"), """
        {"version": "0.19.2", "stacks": {
          "state-bootstrap": {"synthesizedStackPath": "stacks/state-bootstrap/cdk.tf.json", "dependencies": []},
          "shop-dev-network": {"synthesizedStackPath": "stacks/shop-dev-network/cdk.tf.json", "dependencies": []},
          "shop-dev-data": {"synthesizedStackPath": "stacks/shop-dev-data/cdk.tf.json", "dependencies": ["shop-dev-network"]},
          "shop-dev-compute": {"synthesizedStackPath": "stacks/shop-dev-compute/cdk.tf.json", "dependencies": ["shop-dev-network", "shop-dev-data"]},
          "other-dev-network": {"synthesizedStackPath": "stacks/other-dev-network/cdk.tf.json", "dependencies": []}
        }}""");
    stack("state-bootstrap", provider("state", "shared") + """
        , "resource": {"aws_s3_bucket": {"StateBucket": {"bucket": "acme-tfstate"}}}""");
    stack("other-dev-network", provider("other", "dev") + """
        , "resource": {"aws_vpc": {"Network": {"cidr_block": "10.1.0.0/16"}}}""");
    stack(NET, provider("shop", "dev") + """
        , "resource": {
          "aws_vpc": {"Network": {"cidr_block": "10.0.0.0/16", "//": {"metadata": {"path": "shop-dev-network/Network/Resource"}}}},
          "aws_security_group": {"LbSg": {"name": "lb"}, "EndpointSg": {"name": "endpoints"}},
          "aws_lb": {
            "Alb": {"internal": false, "security_groups": ["${aws_security_group.LbSg.id}"], "//": {"metadata": {"path": "shop-dev-network/Web/Resource"}}},
            "Nlb": {"internal": true, "load_balancer_type": "network"}},
          "aws_vpc_endpoint": {"Ecr": {"service_name": "com.amazonaws.eu-west-1.ecr.api", "security_group_ids": ["${aws_security_group.EndpointSg.id}"]},
                               "S3": {"service_name": "com.amazonaws.eu-west-1.s3"}},
          "aws_vpc_security_group_ingress_rule": {
            "LbFromAnywhere": {"security_group_id": "${aws_security_group.LbSg.id}", "cidr_ipv4": "0.0.0.0/0", "ip_protocol": "tcp", "from_port": 443, "to_port": 443}}
        },
        "output": {
          "cross-stack-output-aws_security_groupLbSgid": {"value": "${aws_security_group.LbSg.id}", "sensitive": true},
          "cross-stack-output-aws_security_groupEndpointSgid": {"value": "${aws_security_group.EndpointSg.id}", "sensitive": true},
          "cross-stack-output-aws_lbNlbarn": {"value": "${aws_lb.Nlb.arn}", "sensitive": true}
        }""");
    stack(DATA, provider("shop", "dev") + """
        , "data": {"terraform_remote_state": {"cross-stack-reference-input-shop-dev-network": {"backend": "s3", "config": {"key": "acme/shop-dev-network.tfstate"}}}},
        "resource": {
          "aws_security_group": {"DbSg": {}, "CacheSg": {}, "FilesSg": {}},
          "aws_db_instance": {"Db": {"engine": "postgres", "vpc_security_group_ids": ["${aws_security_group.DbSg.id}"]}},
          "aws_memorydb_cluster": {"Cache": {"security_group_ids": ["${aws_security_group.CacheSg.id}"]}},
          "aws_efs_file_system": {"Files": {}},
          "aws_efs_mount_target": {"Files0": {"file_system_id": "${aws_efs_file_system.Files.id}", "security_groups": ["${aws_security_group.FilesSg.id}"]}},
          "aws_s3_bucket": {"Assets": {}}
        },
        "output": {
          "db-sg": {"value": "${aws_security_group.DbSg.id}"},
          "cache-sg": {"value": "${aws_security_group.CacheSg.id}"},
          "files-sg": {"value": "${aws_security_group.FilesSg.id}"}
        }""");
    stack(APP, provider("shop", "dev") + """
        , "data": {"terraform_remote_state": {
            "cross-stack-reference-input-shop-dev-network": {"backend": "s3", "config": {"key": "acme/shop-dev-network.tfstate"}},
            "data_state": {"backend": "s3", "config": {"key": "acme/shop-dev-data.tfstate"}}}},
        "resource": {
          "aws_security_group": {"ServiceSg": {}, "FleetSg": {}, "OrphanSg": {}},
          "aws_ecs_service": {"Web": {"launch_type": "FARGATE", "network_configuration": {"security_groups": ["${aws_security_group.ServiceSg.id}"], "subnets": []}}},
          "aws_launch_template": {
            "FleetLt": {"vpc_security_group_ids": ["${aws_security_group.FleetSg.id}"]},
            "WorkerLt": {"network_interfaces": [{"security_groups": ["${aws_security_group.ServiceSg.id}"]}]}},
          "aws_autoscaling_group": {
            "Fleet": {"launch_template": {"id": "${aws_launch_template.FleetLt.id}", "version": "$Latest"}},
            "Workers": {"launch_template": [{"id": "${aws_launch_template.WorkerLt.id}"}]}},
          "aws_api_gateway_rest_api": {"Api": {"endpoint_configuration": {"types": ["REGIONAL"]}}},
          "aws_api_gateway_vpc_link": {"Link": {"target_arns": ["FROM_NETcross-stack-output-aws_lbNlbarn}"]}},
          "aws_api_gateway_integration": {"Proxy": {"rest_api_id": "${aws_api_gateway_rest_api.Api.id}", "connection_id": "${aws_api_gateway_vpc_link.Link.id}", "connection_type": "VPC_LINK"}},
          "aws_vpc_security_group_ingress_rule": {
            "ServiceFromLb": {"security_group_id": "${aws_security_group.ServiceSg.id}", "referenced_security_group_id": "FROM_NETcross-stack-output-aws_security_groupLbSgid}", "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080},
            "DbFromService": {"security_group_id": "FROM_DATAdb-sg}", "referenced_security_group_id": "${aws_security_group.ServiceSg.id}", "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432},
            "CacheFromFleet": {"security_group_id": "FROM_DATAcache-sg}", "referenced_security_group_id": "${aws_security_group.FleetSg.id}", "ip_protocol": "tcp", "from_port": 6379, "to_port": 6379},
            "FilesFromFleet": {"security_group_id": "FROM_DATAfiles-sg}", "referenced_security_group_id": "${aws_security_group.FleetSg.id}", "ip_protocol": "tcp", "from_port": 2049, "to_port": 2049},
            "FleetFromVpc": {"security_group_id": "${aws_security_group.FleetSg.id}", "cidr_ipv4": "10.0.0.0/16", "ip_protocol": "tcp", "from_port": 8000, "to_port": 8010},
            "EndpointFromService": {"security_group_id": "FROM_NETcross-stack-output-aws_security_groupEndpointSgid}", "referenced_security_group_id": "${aws_security_group.ServiceSg.id}", "ip_protocol": "tcp", "from_port": 443, "to_port": 443},
            "OrphanFromService": {"security_group_id": "${aws_security_group.OrphanSg.id}", "referenced_security_group_id": "${aws_security_group.ServiceSg.id}", "ip_protocol": "-1"}},
          "aws_vpc_security_group_egress_rule": {
            "ServiceToDb": {"security_group_id": "${aws_security_group.ServiceSg.id}", "referenced_security_group_id": "FROM_DATAdb-sg}", "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432},
            "ServiceToInternet": {"security_group_id": "${aws_security_group.ServiceSg.id}", "cidr_ipv4": "0.0.0.0/0", "ip_protocol": "tcp", "from_port": 443, "to_port": 443}}
        }""".replace("FROM_NET", FROM_NET).replace("FROM_DATA", FROM_DATA));
    Diagrams.write(outdir);
    diagrams = Diagrams.read(outdir);
  }

  static Diagrams.Diagram diagram(String name) {
    return diagrams.stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no diagram " + name + " in " + diagrams.stream().map(Diagrams.Diagram::name).toList()));
  }

  static String n(String stack, String address) {
    return stack + "/" + address;
  }

  @Test
  void oneDiagramPerBlueprintAndEnvironmentAndNoneForTheBootstrap() {
    assertEquals(List.of("other-dev", "shop-dev"), diagrams.stream().map(Diagrams.Diagram::name).toList());
    for (String file : List.of("shop-dev.mmd", "shop-dev.dot", "other-dev.mmd", "other-dev.dot")) {
      assertTrue(Files.exists(outdir.resolve("diagrams").resolve(file)), file);
    }
    assertFalse(Files.exists(outdir.resolve("diagrams/state-shared.mmd")));
    assertEquals(List.of("shop-dev-compute", "shop-dev-data", "shop-dev-network"), diagram("shop-dev").stacks());
  }

  @Test
  void edgesAreExactlyThePathsTheSecurityGroupRulesAllow() {
    String web = n(APP, "aws_ecs_service.Web");
    String workers = n(APP, "aws_autoscaling_group.Workers");
    String fleet = n(APP, "aws_autoscaling_group.Fleet");
    String alb = n(NET, "aws_lb.Alb");
    String db = n(DATA, "aws_db_instance.Db");
    String endpoint = n(NET, "aws_vpc_endpoint.Ecr");
    String orphan = n(APP, "aws_security_group.OrphanSg");
    Set<String> expected = new TreeSet<>(List.of(
        "internet --> " + alb + " : tcp 443",
        alb + " --> " + web + " : tcp 8080",
        alb + " --> " + workers + " : tcp 8080",
        web + " --> " + db + " : tcp 5432",
        workers + " --> " + db + " : tcp 5432",
        fleet + " --> " + n(DATA, "aws_memorydb_cluster.Cache") + " : tcp 6379",
        fleet + " --> " + n(DATA, "aws_efs_file_system.Files") + " : tcp 2049",
        "cidr:10.0.0.0/16 --> " + fleet + " : tcp 8000-8010",
        web + " --> " + endpoint + " : tcp 443",
        workers + " --> " + endpoint + " : tcp 443",
        web + " --> " + orphan + " : all traffic",
        workers + " --> " + orphan + " : all traffic",
        web + " -.-> internet : tcp 443",
        workers + " -.-> internet : tcp 443",
        n(APP, "aws_api_gateway_rest_api.Api") + " --> " + n(NET, "aws_lb.Nlb") + " : VPC link"));
    Set<String> actual = diagram("shop-dev").edges().stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(String.join("\n", expected), String.join("\n", actual));
    assertTrue(diagram("other-dev").edges().isEmpty());
  }

  @Test
  void nodesSayWhatTheyAreAndSitInTheirStack() {
    Map<String, Diagrams.Node> nodes = diagram("shop-dev").nodes();
    assertEquals("Web\nALB, internet-facing", nodes.get(n(NET, "aws_lb.Alb")).label());
    assertEquals(NET, nodes.get(n(NET, "aws_lb.Alb")).stack());
    assertEquals(Diagrams.Kind.ENTRY, nodes.get(n(NET, "aws_lb.Alb")).kind());
    assertEquals("Nlb\nNLB, internal", nodes.get(n(NET, "aws_lb.Nlb")).label());
    assertEquals("Web\nECS service, FARGATE", nodes.get(n(APP, "aws_ecs_service.Web")).label());
    assertEquals("Db\nRDS postgres", nodes.get(n(DATA, "aws_db_instance.Db")).label());
    assertEquals(Diagrams.Kind.DATA, nodes.get(n(DATA, "aws_s3_bucket.Assets")).kind(), "data stores are shown without edges too");
    assertEquals("Network\nVPC 10.0.0.0/16", nodes.get(n(NET, "aws_vpc.Network")).label());
    assertEquals(Diagrams.Kind.INTERNET, nodes.get("internet").kind());
    assertFalse(nodes.containsKey(n(NET, "aws_vpc_endpoint.S3")), "endpoints appear only when a rule reaches them");
    assertFalse(nodes.containsKey(n(APP, "aws_security_group.ServiceSg")), "a used group is drawn as its users");
  }

  @Test
  void mermaidAndDotCarryTheSameEdges() throws IOException {
    String mmd = Files.readString(outdir.resolve("diagrams/shop-dev.mmd"));
    String dot = Files.readString(outdir.resolve("diagrams/shop-dev.dot"));
    assertTrue(mmd.startsWith("flowchart LR\n"));
    assertEquals(3, mmd.lines().filter(l -> l.trim().startsWith("subgraph ")).count());
    assertEquals(3, mmd.lines().filter(l -> l.trim().equals("end")).count());
    assertEquals(13, mmd.lines().filter(l -> l.contains(" -->|")).count());
    assertEquals(2, mmd.lines().filter(l -> l.contains(" -.->|")).count());
    assertTrue(mmd.contains("n_internet -->|tcp 443| n_shop_dev_network_aws_lb_Alb"), mmd);
    assertTrue(mmd.contains("n_shop_dev_network_aws_lb_Alb([\"Web<br/>ALB, internet-facing\"]):::entry"), mmd);
    assertTrue(dot.startsWith("digraph \"shop-dev\" {"));
    assertEquals(15, dot.lines().filter(l -> l.contains(" -> ")).count());
    assertTrue(dot.contains("n_shop_dev_data_aws_db_instance_Db [label=\"Db\\nRDS postgres\", shape=cylinder];"), dot);
    assertTrue(dot.contains("subgraph \"cluster_shop-dev-compute\""));
  }

  /** Over the real synth: every blueprint and environment has a diagram, every ingress rule at least one edge. */
  @Test
  void theAppsOwnSynthIsDrawnWithAnEdgeForEveryIngressRule() {
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    List<Diagrams.Diagram> real = Diagrams.read(all.outdir());
    Set<String> names = real.stream().map(Diagrams.Diagram::name).collect(Collectors.toSet());
    for (String blueprint : Blueprints.ids()) {
      for (String env : List.of("dev", "prod")) assertTrue(names.contains(blueprint + "-" + env), blueprint + "-" + env + " in " + names);
    }
    assertEquals(Blueprints.ids().size() * 2, real.size(), names.toString());
    for (Diagrams.Diagram d : real) {
      assertTrue(d.nodes().values().stream().anyMatch(node -> node.id().contains("/aws_vpc.")), d.name() + " shows its VPC");
      for (String stack : d.stacks()) {
        if (!stack.startsWith(d.name() + "-")) continue;
        all.stack(stack).resources("aws_vpc_security_group_ingress_rule").forEach((name, rule) -> {
          String port = Diagrams.port(rule.path("ip_protocol").asText(), rule.path("from_port"), rule.path("to_port"));
          assertTrue(d.edges().stream().anyMatch(e -> e.label().equals(port) && !e.outbound()),
              d.name() + ": rule " + stack + "/" + name + " (" + port + ") has no edge in " + d.edges());
        });
      }
    }
  }
}
