package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.blueprints.compute.TlsPolicy;
import dev.blueprints.policy.Policy;
import dev.blueprints.policy.PolicyReport;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
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
 * JSON written into cdktf.out with the library's test helper {@link Synthesized}.
 */
class ShopAppTest {
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
      JsonNode s3 = stack(id).terraform().path("backend").path("s3");
      assertEquals("shop-tfstate-example", s3.path("bucket").asText(), id);
      assertEquals("shop/" + id + ".tfstate", s3.path("key").asText(), id);
      assertTrue(s3.path("encrypt").asBoolean() && s3.path("use_lockfile").asBoolean(), id + ": " + s3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theApiReachesTheDatabaseAndTheCacheByReferenceOnTheirPortsOnly(String env) {
    Synthesized app = stack("shop-" + env + "-app");
    Synthesized data = stack("shop-" + env + "-data");
    String api = ref(app, "aws_security_group", "Api/SecurityGroup/Resource", "id");
    for (String[] peer : new String[][] {{"Database", "5432"}, {"Cache", "6379"}}) {
      String peerGroup = ref(data, "aws_security_group", peer[0] + "/SecurityGroup/Resource", "id");
      JsonNode ingress = app.only("aws_vpc_security_group_ingress_rule", "from_port", Integer.parseInt(peer[1]));
      assertEquals(peerGroup, resolve(ingress.path("security_group_id").asText()), ingress.toString());
      assertEquals(api, ingress.path("referenced_security_group_id").asText());
      assertEquals(peer[1], ingress.path("to_port").asText());
      JsonNode egress = app.only("aws_vpc_security_group_egress_rule", "from_port", Integer.parseInt(peer[1]));
      assertEquals(api, egress.path("security_group_id").asText());
      assertEquals(peerGroup, resolve(egress.path("referenced_security_group_id").asText()), egress.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theTaskRoleReadsAndWritesTheUploadsWithTheKmsActionsOnTheShopKeyOnly(String env) {
    Synthesized app = stack("shop-" + env + "-app");
    Synthesized data = stack("shop-" + env + "-data");
    String taskRole = ref(app, "aws_iam_role", "Api/TaskRole/Resource", "id");
    JsonNode statements = Synthesized.json(app.only("aws_iam_role_policy", "role", taskRole), "policy").path("Statement");
    String bucketArn = ref(data, "aws_s3_bucket", "Uploads/Resource", "arn");
    String objects = statements.get(0).path("Resource").asText();
    assertTrue(objects.endsWith("/*"), objects);
    assertEquals(bucketArn, resolve(objects.substring(0, objects.length() - 2)));
    assertEquals("[\"s3:GetObject\",\"s3:PutObject\",\"s3:AbortMultipartUpload\"]", statements.get(0).path("Action").toString());
    assertUsesTheShopKeyThrough(data, statements.get(2), "[\"kms:Decrypt\",\"kms:GenerateDataKey\"]", "s3");
    assertEquals(3, statements.size(), statements.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theExecutionRoleReadsTheSecretsAndDecryptsThemWithTheShopKeyThroughSecretsManagerOnly(String env) {
    Synthesized app = stack("shop-" + env + "-app");
    JsonNode read = app.only("aws_iam_role_policy", "name", "ReadSecrets");
    assertEquals(ref(app, "aws_iam_role", "Api/ExecutionRole/Resource", "id"), read.path("role").asText());
    Synthesized data = stack("shop-" + env + "-data");
    JsonNode statements = Synthesized.json(read, "policy").path("Statement");
    List<String> secrets = new ArrayList<>();
    statements.get(0).path("Resource").forEach(r -> secrets.add(resolve(r.asText())));
    assertEquals(List.of(ref(data, "aws_db_instance", "Database/Resource", "master_user_secret[0].secret_arn"),
        ref(data, "aws_secretsmanager_secret", "Cache/Secret/Resource", "arn"),
        ref(data, "aws_secretsmanager_secret", "SessionKey/Resource", "arn")).stream().sorted().toList(),
        secrets.stream().sorted().toList());
    assertUsesTheShopKeyThrough(data, statements.get(1), "\"kms:Decrypt\"", "secretsmanager");
    assertEquals(2, statements.size(), statements.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theShopKeyRotatesAndCannotBeDestroyedByAPlan(String env) {
    JsonNode key = stack("shop-" + env + "-data").only("aws_kms_key");
    assertTrue(key.path("enable_key_rotation").asBoolean(), key.toString());
    assertTrue(key.path("lifecycle").path("prevent_destroy").asBoolean(), key.toString());
    assertEquals("alias/shop-" + env + "-data-key", stack("shop-" + env + "-data").only("aws_kms_alias").path("name").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void alarmsWatchTheConstructsByReferenceAndNotifyTheSubscribedTopic(String env) {
    Synthesized app = stack("shop-" + env + "-app");
    Synthesized data = stack("shop-" + env + "-data");
    assertEquals(ref(app, "aws_ecs_service", "Api/Resource", "name"), alarm(app, "ApiCpu").path("dimensions").path("ServiceName").asText());
    assertEquals(ref(app, "aws_ecs_cluster", "Cluster/Resource", "name"), alarm(app, "ApiCpu").path("dimensions").path("ClusterName").asText());
    assertEquals(ref(app, "aws_lb", "LoadBalancer/Resource", "arn_suffix"), alarm(app, "Http5xx").path("dimensions").path("LoadBalancer").asText());
    assertEquals(ref(data, "aws_db_instance", "Database/Resource", "identifier"),
        resolve(alarm(app, "DbFreeStorage").path("dimensions").path("DBInstanceIdentifier").asText()));
    assertEquals(ref(data, "aws_memorydb_cluster", "Cache/Resource", "name"),
        resolve(alarm(app, "CacheMemory").path("dimensions").path("ClusterName").asText()));

    String topic = ref(app, "aws_sns_topic", "AlarmTopic/Resource", "arn");
    assertEquals(6, app.count("aws_cloudwatch_metric_alarm"));
    for (JsonNode alarm : app.resources("aws_cloudwatch_metric_alarm").values()) {
      assertEquals("[\"" + topic + "\"]", alarm.path("alarm_actions").toString(), alarm.path("alarm_name").asText());
    }
    JsonNode subscription = app.only("aws_sns_topic_subscription");
    assertEquals(topic, subscription.path("topic_arn").asText());
    assertEquals("email", subscription.path("protocol").asText());
    assertEquals(1, app.count("aws_cloudwatch_dashboard"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theLoadBalancerServesHttpsWithTls12OrNewerAndRedirectsHttp(String env) {
    Synthesized app = stack("shop-" + env + "-app");
    List<String> tls12OrNewer = Arrays.stream(TlsPolicy.values()).map(TlsPolicy::value).toList();
    JsonNode https = app.only("aws_lb_listener", "port", 443);
    assertEquals("HTTPS", https.path("protocol").asText());
    assertTrue(tls12OrNewer.contains(https.path("ssl_policy").asText()), https.path("ssl_policy").asText());
    assertEquals(ref(app, "aws_acm_certificate_validation", "Domain/CertificateValidation", "certificate_arn"),
        https.path("certificate_arn").asText());
    JsonNode http = app.only("aws_lb_listener", "port", 80);
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

  private static Synthesized stack(String id) {
    return Synthesized.read(out.resolve("stacks").resolve(id).resolve("cdk.tf.json"));
  }

  /** {@code ${<type>.<address>.<attribute>}} of the resource at construct path {@code <stack>/<path>}. */
  private static String ref(Synthesized stack, String type, String path, String attribute) {
    return stack.ref(type, stack.only(type, "//.metadata.path", stack.name() + "/" + path), attribute);
  }

  /** {@code statement} allows {@code actions} (as JSON) on the data stack's key, only through {@code service}. */
  private static void assertUsesTheShopKeyThrough(Synthesized data, JsonNode statement, String actions, String service) {
    assertEquals(actions, statement.path("Action").toString());
    assertEquals(ref(data, "aws_kms_key", "DataKey/Default", "arn"), resolve(statement.path("Resource").asText()));
    assertEquals(service + ".eu-west-1.amazonaws.com", statement.path("Condition").path("StringEquals").path("kms:ViaService").asText());
  }

  private static JsonNode alarm(Synthesized app, String name) {
    return app.only("aws_cloudwatch_metric_alarm", "//.metadata.path", app.name() + "/Alarms/" + name);
  }

  /** The value a cross-stack read stands for: the producing stack's output; any other value as it is. */
  private static String resolve(String value) {
    Matcher m = REMOTE.matcher(value);
    return m.matches() ? stack(m.group(1)).root().path("output").path(m.group(2)).path("value").asText() : value;
  }

  private static JsonNode read(Path file) {
    try {
      return Synthesized.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
