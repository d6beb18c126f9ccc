package dev.blueprints.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.blueprints.app.Main;
import dev.blueprints.blueprints.Blueprints;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.constructs.Construct;

class PolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static App app(Path outdir) {
    return new App(AppConfig.builder().outdir(outdir.toString()).stackTraces(false).build());
  }

  private static BlueprintStack stack(App app) {
    return new BlueprintStack(app, "test-dev-data", Fixtures.dev(), "test");
  }

  // --- the pack --------------------------------------------------------------------------------

  @Test
  void thePackHasFortyOrMoreRulesWithUniqueIdsAndCompleteMetadata() {
    List<Rule> rules = RulePack.all();
    assertTrue(rules.size() >= 40, "rules: " + rules.size());
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
      assertTrue(rule.id().matches("BP-[A-Z0-9]+-\\d{3}"), rule.id());
      assertTrue(rule.description().endsWith(".") && rule.description().length() > 20, rule.id() + " description");
      assertTrue(rule.fix().length() > 10, rule.id() + " fix");
      assertTrue(!rule.resourceTypes().isEmpty() || rule.id().equals("BP-STATE-001"), rule.id() + " resource types");
      for (String publicId : rule.publicIds()) {
        assertTrue(publicId.matches("CKV2?_AWS_\\d+|AVD-AWS-\\d{4}|AwsSolutions-[A-Z]+\\d+"), rule.id() + ": " + publicId);
      }
      assertEquals(rule, RulePack.byId(rule.id()));
    }
    Set<String> areas = rules.stream().map(r -> r.id().split("-")[1]).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("NET", "LB", "EC2", "ASG", "ECS", "ECR", "RDS", "MDB", "S3", "SM", "CW", "APIGW",
        "COG", "IAM", "KMS", "STATE", "REL")), areas);
    assertTrue(rules.stream().anyMatch(r -> r.severity() == Severity.WARNING));
  }

  @Test
  void everyRuleHasTestsThatNameIt() throws IOException {
    String tests;
    try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/blueprints/policy"))) {
      tests = files.filter(p -> p.toString().endsWith("RulesTest.java")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    }
    for (Rule rule : RulePack.all()) {
      String id = rule.id();
      boolean named = tests.contains("\"" + id + "\"") || (id.startsWith("BP-RDS-") && tests.contains("BP-RDS-%03d"));
      assertTrue(named, id + " has no test in a *RulesTest class");
    }
  }

  @Test
  void theRuleTableHasOneRowPerRule() {
    String table = RuleTable.markdown();
    List<String> lines = table.lines().toList();
    assertEquals("| id | severity | checks | resource types | public ids |", lines.get(0));
    assertEquals(RulePack.all().size() + 2, lines.size());
    assertTrue(table.contains("| BP-S3-001 | ERROR | Buckets have an aws_s3_bucket_public_access_block"), table);
    assertTrue(table.contains("| BP-STATE-001 | ERROR |") && table.contains("| (stack) |"), table);
  }

  // --- suppressions ----------------------------------------------------------------------------

  @Test
  void aSuppressionNeedsAReasonAndAKnownRule() {
    BlueprintStack stack = Fixtures.stack("sup");
    var blank = assertThrows(IllegalArgumentException.class, () -> Policy.suppress(stack, "BP-S3-003", "  "));
    assertTrue(blank.getMessage().startsWith("reason = \"  \" is invalid: suppressing BP-S3-003 on test-dev-sup needs a reason"),
        blank.getMessage());
    var none = assertThrows(IllegalArgumentException.class, () -> Policy.suppressInStack(stack, "BP-S3-003", null));
    assertTrue(none.getMessage().startsWith("reason = null is invalid"), none.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class, () -> Policy.suppress(stack, "BP-S3-999", "why"));
    assertTrue(unknown.getMessage().startsWith("ruleId = \"BP-S3-999\" is invalid: a rule id of the pack"), unknown.getMessage());
    assertTrue(Policy.suppressions(stack).isEmpty());
  }

  @Test
  void suppressedFindingsStayInTheReportWithTheirReason() {
    BlueprintStack stack = Fixtures.stack("sup");
    Construct module = new Construct(stack, "Module");
    S3Bucket.Builder.create(module, "Resource").bucket("acme-a").build();
    S3Bucket.Builder.create(stack, "Other").bucket("acme-b").build();
    Policy.suppress(module, "BP-S3-003", "build artifacts are immutable and rebuilt on demand");

    List<Finding> versioning = Policy.check(stack).of("BP-S3-003");
    assertEquals(2, versioning.size());
    Finding suppressed = versioning.stream().filter(f -> f.path().equals("test-dev-sup/Module/Resource")).findFirst().orElseThrow();
    assertTrue(suppressed.suppressed());
    assertEquals("build artifacts are immutable and rebuilt on demand", suppressed.reason());
    assertFalse(suppressed.blocking());
    Finding other = versioning.stream().filter(f -> f.address().equals("aws_s3_bucket.Other")).findFirst().orElseThrow();
    assertFalse(other.suppressed());
    assertNull(other.reason());
    assertTrue(Policy.check(stack).blocking().contains(other));
  }

  @Test
  void aStackSuppressionCoversItsResourcesAndTheStackItself() {
    BlueprintStack stack = Fixtures.stack("sup");
    S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw").build();
    stack.addOverride("terraform.backend.s3.use_lockfile", false);
    Policy.suppressInStack(stack, "BP-STATE-001", "state of a throw-away sandbox");
    Policy.suppressInStack(stack, "BP-S3-003", "sandbox data");
    PolicyReport report = Policy.check(stack);
    assertTrue(report.of("BP-STATE-001").get(0).suppressed());
    assertTrue(report.of("BP-S3-003").get(0).suppressed());
    assertFalse(report.of("BP-S3-002").get(0).suppressed());
    assertEquals(2, report.suppressed().size());
    assertTrue(report.summary().contains("suppressed BP-STATE-001 test-dev-sup terraform: state of a throw-away sandbox"),
        report.summary());
  }

  // --- synth -----------------------------------------------------------------------------------

  @Test
  void aStackThatViolatesARuleFailsSynthBeforeAnyStackIsWritten(@TempDir Path out) throws IOException {
    App app = app(out);
    new BlueprintStack(app, "test-dev-network", Fixtures.dev(), "test");   // clean, synthesized first
    BlueprintStack data = stack(app);
    new Bucket(data, "Logs", BucketProps.builder("acme-logs").build());
    S3Bucket.Builder.create(data, "Raw").bucket("acme-raw")
        .lifecycle(com.hashicorp.cdktf.TerraformResourceLifecycle.builder().preventDestroy(true).build()).build();

    RuntimeException e = assertThrows(RuntimeException.class, app::synth);
    assertTrue(e.getMessage().contains("ERROR BP-S3-002 test-dev-data aws_s3_bucket.Raw: the bucket has no server-side encryption"
        + " configuration (fix: Add aws_s3_bucket_server_side_encryption_configuration"), e.getMessage());
    assertFalse(Files.exists(out.resolve("stacks/test-dev-network/cdk.tf.json")), "no stack may be written");
    assertFalse(Files.exists(out.resolve("stacks/test-dev-data/cdk.tf.json")), "no stack may be written");

    JsonNode report = JSON.readTree(out.resolve(PolicyReport.FILE_NAME).toFile());
    assertEquals(1, report.path("version").asInt());
    assertEquals(RulePack.all().size(), report.path("summary").path("rules").asInt());
    assertEquals(2, report.path("summary").path("stacks").asInt());
    assertEquals(5, report.path("summary").path("errors").asInt());   // S3-001..005; prevent_destroy is set
    assertFalse(report.path("summary").path("passed").asBoolean());
    assertEquals(RulePack.all().size(), report.path("rules").size());
    JsonNode finding = null;
    for (JsonNode f : report.path("findings")) if (f.path("ruleId").asText().equals("BP-S3-002")) finding = f;
    assertEquals("test-dev-data", finding.path("stack").asText());
    assertEquals("aws_s3_bucket.Raw", finding.path("address").asText());
    assertEquals("test-dev-data/Raw", finding.path("path").asText());
    assertEquals("ERROR", finding.path("severity").asText());
    assertEquals("the bucket has no server-side encryption configuration", finding.path("message").asText());
    assertTrue(finding.path("fix").asText().startsWith("Add aws_s3_bucket_server_side_encryption_configuration"));
    assertEquals("CKV_AWS_19", finding.path("publicIds").get(0).asText());
    assertFalse(finding.path("suppressed").asBoolean());
    assertTrue(finding.path("reason").isNull());
    assertTrue(Policy.lastReport(app).orElseThrow().failed());
  }

  @Test
  void mainListsTheFindingsAndExitsWithStatus3(@TempDir Path out) {
    App app = app(out);
    S3Bucket.Builder.create(stack(app), "Raw").bucket("acme-raw").build();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.synth(app, out, System.out, new PrintStream(err));
    assertEquals(Main.POLICY_VIOLATION, status);
    String text = err.toString();
    assertTrue(text.startsWith("policy: synth stopped by 6 unsuppressed ERROR findings:\n"), text);
    assertTrue(text.contains("  BP-S3-002  stack test-dev-data  aws_s3_bucket.Raw  (test-dev-data/Raw)\n"
        + "      the bucket has no server-side encryption configuration\n"
        + "      fix: Add aws_s3_bucket_server_side_encryption_configuration"), text);
    assertTrue(text.contains("BP-REL-001"), text);
    assertFalse(text.contains("jsii") || text.contains("    at "), "no stack trace: " + text);
    assertFalse(Files.exists(out.resolve("stacks/test-dev-data/cdk.tf.json")), "a stack that failed the policy is not kept");
    assertFalse(Files.exists(out.resolve("manifest.json")));
    assertTrue(Files.exists(out.resolve("policy-report.json")), "the report stays");
  }

  @Test
  void stacksBuiltAfterCheckAfterSynthAreWrittenAndTheirOutputIsChecked(@TempDir Path out) {
    App app = app(out);
    Policy.checkAfterSynth(app);   // as Main does, before any stack exists: the stacks get no validation
    BlueprintStack data = stack(app);
    S3Bucket.Builder.create(data, "Raw").bucket("acme-raw").build();
    app.synth();   // nothing stops the write: the caller checks the output
    PolicyReport report = Policy.checkOutput(app, out);
    assertTrue(report.failed());
    assertTrue(report.failure().contains("BP-S3-002  stack test-dev-data  aws_s3_bucket.Raw"), report.failure());
  }

  @Test
  void aCleanAppSynthesizesPrintsTheSummaryAndCanSynthesizeAgain(@TempDir Path out) throws IOException {
    App app = app(out);
    BlueprintStack stack = stack(app);
    new Bucket(stack, "Logs", BucketProps.builder("acme-logs").versioned(false).build());
    Policy.suppress(stack.getNode().findChild("Logs"), "BP-S3-003", "access logs are written once; versions add cost only");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    assertEquals(0, Main.synth(app, out, new PrintStream(stdout), System.err));
    assertTrue(stdout.toString().startsWith("policy: " + RulePack.all().size() + " rules on 1 stacks: 0 errors, 0 warnings, 1 suppressed"),
        stdout.toString());
    assertTrue(Files.exists(out.resolve("stacks/test-dev-data/cdk.tf.json")));
    JsonNode report = JSON.readTree(out.resolve(PolicyReport.FILE_NAME).toFile());
    assertTrue(report.path("summary").path("passed").asBoolean());
    assertEquals("access logs are written once; versions add cost only", report.path("findings").get(0).path("reason").asText());
    app.synth();   // a second synth checks again and passes again
    assertFalse(Policy.lastReport(app).orElseThrow().failed());
  }

  @Test
  void everyBlueprintInBothEnvironmentsHasNoUnsuppressedError() throws IOException {
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    JsonNode report = JSON.readTree(all.outdir().resolve(PolicyReport.FILE_NAME).toFile());
    assertEquals(0, report.path("summary").path("errors").asInt(), report.path("findings").toString());
    assertEquals(all.stacks().size() - 1, report.path("stacks").size());   // every BlueprintStack (not the bootstrap)
    for (JsonNode f : report.path("findings")) {
      if (f.path("suppressed").asBoolean()) assertTrue(f.path("reason").asText().length() > 10, f.toString());
    }
  }
}
