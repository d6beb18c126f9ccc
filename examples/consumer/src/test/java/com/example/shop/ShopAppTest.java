package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.blueprints.compute.TlsPolicy;
import dev.blueprints.policy.PolicyReport;
import dev.blueprints.policy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shop as Terraform will see it: the app is synthesized once, with its policy, and every test reads the
 * JSON written into cdktf.out (plain Jackson: the library publishes no test helpers).
 */
class ShopAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code ${data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.<output>}}: CDKTF's cross-stack read. */
  private static final Pattern REMOTE = Pattern.compile("^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-([^.]+)\\.outputs\\.([^}]+)}$");

  @TempDir
  static Path out;
  private static PolicyReport report;

  @BeforeAll
  static void synthesize() {
    App app = new App(AppConfig.builder().outdir(out.toString()).stackTraces(false).build());
    ShopApp.build(app);
    report = Policy.synth(app);
  }

  @Test
  void everyEnvironmentHasItsThreeStacksEachWithItsOwnEncryptedLockedState() {
    List<String> stacks = new ArrayList<>();
    read(out.resolve("manifest.json")).path("stacks").fieldNames().forEachRemaining(stacks::add);
    assertEquals(List.of("state-bootstrap", "shop-dev-network", "shop-dev-data", "shop-dev-app",
        "shop-prod-network", "shop-prod-data", "shop-prod-app"), stacks);
    for (String id : stacks.subList(1, stacks.size())) {
      JsonNode s3 = stack(id).json.path("terraform").path("backend").path("s3");
      assertEquals("shop-tfstate-example", s3.path("bucket").asText(), id);
      assertEquals("shop/" + id + ".tfstate", s3.path("key").asText(), id);
      assertTrue(s3.path("encrypt").asBoolean() && s3.path("use_lockfile").asBoolean(), id + ": " + s3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theApiReachesTheDatabaseAndTheCacheByReferenceOnTheirPortsOnly(String env) {
    Stack app = stack("shop-" + env + "-app");
    Stack data = stack("shop-" + env + "-data");
    String api = app.ref("aws_security_group", "Api/SecurityGroup/Resource", "id");
    for (String[] peer : new String[][] {{"Database", "5432"}, {"Cache", "6379"}}) {
      String peerGroup = data.ref("aws_security_group", peer[0] + "/SecurityGroup/Resource", "id");
      JsonNode ingress = app.only("aws_vpc_security_group_ingress_rule", r -> r.path("from_port").asText().equals(peer[1]));
      assertEquals(peerGroup, app.resolve(ingress.path("security_group_id").asText()), ingress.toString());
      assertEquals(api, ingress.path("referenced_security_group_id").asText());
      assertEquals(peer[1], ingress.path("to_port").asText());
      JsonNode egress = app.only("aws_vpc_security_group_egress_rule", r -> r.path("from_port").asText().equals(peer[1]));
      assertEquals(api, egress.path("security_group_id").asText());
      assertEquals(peerGroup, app.resolve(egress.path("referenced_security_group_id").asText()), egress.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theTaskRoleReadsAndWritesTheUploadsWithTheKmsActionsOnTheTeamKeyOnly(String env) throws IOException {
    Stack app = stack("shop-" + env + "-app");
    String taskRole = app.ref("aws_iam_role", "Api/TaskRole/Resource", "id");
    JsonNode grant = app.only("aws_iam_role_policy", r -> r.path("role").asText().equals(taskRole));
    JsonNode statements = JSON.readTree(grant.path("policy").asText()).path("Statement");
    String bucketArn = stack("shop-" + env + "-data").ref("aws_s3_bucket", "Uploads/Resource", "arn");
    String objects = statements.get(0).path("Resource").asText();
    assertTrue(objects.endsWith("/*"), objects);
    assertEquals(bucketArn, app.resolve(objects.substring(0, objects.length() - 2)));
    assertEquals("[\"s3:GetObject\",\"s3:PutObject\",\"s3:AbortMultipartUpload\"]", statements.get(0).path("Action").toString());
    JsonNode kms = statements.get(2);
    assertEquals("[\"kms:Decrypt\",\"kms:GenerateDataKey\"]", kms.path("Action").toString());
    String key = ShopEnvironment.ALL.stream().filter(e -> e.settings().environment().name().equals(env)).findFirst().orElseThrow().dataKeyArn();
    assertEquals(key, kms.path("Resource").asText());
    assertEquals("s3.eu-west-1.amazonaws.com", kms.path("Condition").path("StringEquals").path("kms:ViaService").asText());
    assertEquals(3, statements.size(), statements.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void alarmsWatchTheConstructsByReferenceAndNotifyTheSubscribedTopic(String env) {
    Stack app = stack("shop-" + env + "-app");
    Stack data = stack("shop-" + env + "-data");
    assertEquals(app.ref("aws_ecs_service", "Api/Resource", "name"), app.alarm("ApiCpu").path("dimensions").path("ServiceName").asText());
    assertEquals(app.ref("aws_ecs_cluster", "Cluster/Resource", "name"), app.alarm("ApiCpu").path("dimensions").path("ClusterName").asText());
    assertEquals(app.ref("aws_lb", "LoadBalancer/Resource", "arn_suffix"), app.alarm("Http5xx").path("dimensions").path("LoadBalancer").asText());
    assertEquals(data.ref("aws_db_instance", "Database/Resource", "identifier"),
        app.resolve(app.alarm("DbFreeStorage").path("dimensions").path("DBInstanceIdentifier").asText()));
    assertEquals(data.ref("aws_memorydb_cluster", "Cache/Resource", "name"),
        app.resolve(app.alarm("CacheMemory").path("dimensions").path("ClusterName").asText()));

    String topic = app.ref("aws_sns_topic", "AlarmTopic/Resource", "arn");
    List<JsonNode> alarms = app.resources("aws_cloudwatch_metric_alarm").toList();
    assertEquals(6, alarms.size());
    for (JsonNode alarm : alarms) assertEquals("[\"" + topic + "\"]", alarm.path("alarm_actions").toString(), alarm.path("alarm_name").asText());
    JsonNode subscription = app.only("aws_sns_topic_subscription", r -> true);
    assertEquals(topic, subscription.path("topic_arn").asText());
    assertEquals("email", subscription.path("protocol").asText());
    assertEquals(1, app.resources("aws_cloudwatch_dashboard").count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theLoadBalancerServesHttpsWithTls12OrNewerAndRedirectsHttp(String env) {
    Stack app = stack("shop-" + env + "-app");
    List<String> tls12OrNewer = Arrays.stream(TlsPolicy.values()).map(TlsPolicy::value).toList();
    JsonNode https = app.only("aws_lb_listener", r -> r.path("port").asInt() == 443);
    assertEquals("HTTPS", https.path("protocol").asText());
    assertTrue(tls12OrNewer.contains(https.path("ssl_policy").asText()), https.path("ssl_policy").asText());
    assertEquals(app.ref("aws_acm_certificate_validation", "Domain/CertificateValidation", "certificate_arn"),
        https.path("certificate_arn").asText());
    JsonNode http = app.only("aws_lb_listener", r -> r.path("port").asInt() == 80);
    assertEquals("redirect", http.path("default_action").get(0).path("type").asText());
    assertEquals("HTTPS", http.path("default_action").get(0).path("redirect").path("protocol").asText(), http.toString());
  }

  @Test
  void thePolicyFindsNoErrorAndEverySuppressionHasAReason() {
    assertEquals(List.of(), report.blocking().stream().map(f -> f.line()).toList());
    report.suppressed().forEach(f -> assertFalse(f.reason() == null || f.reason().isBlank(), f.line()));
    JsonNode written = read(out.resolve(PolicyReport.FILE_NAME)).path("summary");
    assertEquals(0, written.path("errors").asInt(), written.toString());
    assertEquals(7, written.path("stacks").asInt(), written.toString());
  }

  @Test
  void theExampleHoldsNoRawProviderCode() throws IOException {
    // The library's constructs only: no class of the generated AWS provider bindings is used directly.
    String providerPackage = String.join(".", "com", "hashicorp", "cdktf", "providers");
    List<Path> offending = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (Files.readString(file).contains(providerPackage)) offending.add(file);
      }
    }
    assertEquals(List.of(), offending);
  }

  /** One synthesized stack. */
  private record Stack(String id, JsonNode json) {
    Stream<JsonNode> resources(String type) {
      List<JsonNode> all = new ArrayList<>();
      json.path("resource").path(type).elements().forEachRemaining(all::add);
      return all.stream();
    }

    /** The one resource of {@code type} that matches; fails listing them otherwise. */
    JsonNode only(String type, java.util.function.Predicate<JsonNode> match) {
      List<JsonNode> found = resources(type).filter(match).toList();
      assertEquals(1, found.size(), id + " " + type + ": " + resources(type).toList());
      return found.get(0);
    }

    JsonNode alarm(String name) {
      return only("aws_cloudwatch_metric_alarm", r -> r.path("//").path("metadata").path("path").asText().equals(id + "/Alarms/" + name));
    }

    /** {@code ${<type>.<address>.<attribute>}} of the resource at {@code path} in this stack. */
    String ref(String type, String path, String attribute) {
      var it = json.path("resource").path(type).fields();
      while (it.hasNext()) {
        var entry = it.next();
        if (entry.getValue().path("//").path("metadata").path("path").asText().equals(id + "/" + path)) {
          return "${" + type + "." + entry.getKey() + "." + attribute + "}";
        }
      }
      throw new AssertionError(id + " has no " + type + " at " + path);
    }

    /** The value a cross-stack read stands for: the producing stack's output; any other value as it is. */
    String resolve(String value) {
      Matcher m = REMOTE.matcher(value);
      return m.matches() ? stack(m.group(1)).json.path("output").path(m.group(2)).path("value").asText() : value;
    }
  }

  private static Stack stack(String id) {
    return new Stack(id, read(out.resolve("stacks").resolve(id).resolve("cdk.tf.json")));
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
