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
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Suppressions;
import dev.blueprints.policy.rules.RulePacks;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
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
    App app = new App(AppConfig.builder().outdir(outdir.toString()).stackTraces(false).build());
    Policy.attach(app, RulePacks.blueprints());
    return app;
  }

  private static BlueprintStack stack(App app) {
    return Fixtures.stack(app, "test-dev-data", Fixtures.dev());
  }

  // --- the pack --------------------------------------------------------------------------------

  @Test
  void thePackHasFortyOrMoreRulesWithUniqueIdsAndCompleteMetadata() {
    List<Rule> rules = RulePacks.blueprints().rules();
    assertTrue(rules.size() >= 40, "rules: " + rules.size());
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
      assertTrue(rule.id().matches("BP-[A-Z0-9]+-\\d{3}"), rule.id());
      assertTrue(rule.description().endsWith(".") && rule.description().length() > 20, rule.id() + " description");
      assertTrue(rule.fix().length() > 10, rule.id() + " fix");
      assertTrue(!rule.resourceTypes().isEmpty() || List.of("BP-STATE-001", "BP-ACCOUNT-001").contains(rule.id()),
          rule.id() + " resource types");
      for (String publicId : rule.publicIds()) {
        assertTrue(publicId.matches("CKV2?_AWS_\\d+|AVD-AWS-\\d{4}|AwsSolutions-[A-Z]+\\d+"), rule.id() + ": " + publicId);
      }
      assertEquals(rule, RulePacks.blueprints().byId(rule.id()));
    }
    Set<String> areas = rules.stream().map(r -> r.id().split("-")[1]).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("NET", "LB", "EC2", "ASG", "ECS", "ECR", "RDS", "MDB", "S3", "SM", "CW", "APIGW",
        "COG", "IAM", "KMS", "STATE", "REL", "EFS", "SNS", "ACCOUNT", "NAME")), areas);
    assertTrue(rules.stream().anyMatch(r -> r.severity() == Severity.WARNING));
  }

  @Test
  void theRuleTableHasOneRowPerRule() {
    String table = RuleTable.markdown(RulePacks.blueprints().rules());
    List<String> lines = table.lines().toList();
    assertEquals("| id | severity | checks | resource types | public ids |", lines.get(0));
    assertEquals(RulePacks.blueprints().rules().size() + 2, lines.size());
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
    var none = assertThrows(IllegalArgumentException.class, () -> Policy.suppress(stack, "BP-S3-003", null));
    assertTrue(none.getMessage().startsWith("reason = null is invalid"), none.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class, () -> Policy.suppress(stack, "BP-S3-999", "why"));
    assertTrue(unknown.getMessage().startsWith("ruleId = \"BP-S3-999\" (suppressed on test-dev-sup) is invalid: a rule id of the attached packs [blueprints]"),
        unknown.getMessage());
    assertTrue(Suppressions.of(stack).isEmpty());
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
    Policy.suppress(stack, "BP-STATE-001", "state of a throw-away sandbox");
    Policy.suppress(stack, "BP-S3-003", "sandbox data");
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
    Fixtures.stack(app, "test-dev-network", Fixtures.dev());   // clean, synthesized first
    BlueprintStack data = stack(app);
    new Bucket(data, "Logs", BucketProps.builder().name("acme-logs").build());
    S3Bucket.Builder.create(data, "Raw").bucket("acme-raw")
        .lifecycle(com.hashicorp.cdktf.TerraformResourceLifecycle.builder().preventDestroy(true).build()).build();

    RuntimeException e = assertThrows(RuntimeException.class, app::synth);
    assertTrue(e.getMessage().contains("ERROR BP-S3-002 test-dev-data aws_s3_bucket.Raw: the bucket has no server-side encryption"
        + " configuration (fix: Add aws_s3_bucket_server_side_encryption_configuration"), e.getMessage());
    assertFalse(Files.exists(out.resolve("stacks/test-dev-network/cdk.tf.json")), "no stack may be written");
    assertFalse(Files.exists(out.resolve("stacks/test-dev-data/cdk.tf.json")), "no stack may be written");

    JsonNode report = JSON.readTree(out.resolve(PolicyReport.FILE_NAME).toFile());
    assertEquals(1, report.path("version").asInt());
    assertEquals(RulePacks.blueprints().rules().size(), report.path("summary").path("rules").asInt());
    assertEquals(2, report.path("summary").path("stacks").asInt());
    assertEquals(5, report.path("summary").path("errors").asInt());   // S3-001..005; prevent_destroy is set
    assertFalse(report.path("summary").path("passed").asBoolean());
    assertEquals(RulePacks.blueprints().rules().size(), report.path("rules").size());
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
  void policySynthThrowsATypedExceptionListingTheFindingsAndKeepsTheReport(@TempDir Path out) {
    App app = app(out);
    S3Bucket.Builder.create(stack(app), "Raw").bucket("acme-raw").build();
    PolicyViolationException e = assertThrows(PolicyViolationException.class, () -> Policy.synth(app));
    assertEquals(6, e.findings().size());
    assertTrue(e.getMessage().startsWith("policy: synth stopped by 6 unsuppressed ERROR findings:\n"), e.getMessage());
    assertTrue(e.getMessage().contains("  BP-S3-002  stack test-dev-data  aws_s3_bucket.Raw  (test-dev-data/Raw)\n"
        + "      the bucket has no server-side encryption configuration\n"), e.getMessage());
    assertTrue(e.report().failed());
    assertTrue(Files.exists(out.resolve(PolicyReport.FILE_NAME)), "the report is written");
  }

  @Test
  void stacksBuiltBeforeOrAfterAttachAreCheckedAlike(@TempDir Path out) {
    App app = new App(AppConfig.builder().outdir(out.toString()).stackTraces(false).build());
    BlueprintStack before = Fixtures.stack(app, "test-dev-before", Fixtures.dev());
    S3Bucket.Builder.create(before, "Raw").bucket("acme-before").build();
    Policy.attach(app, RulePacks.blueprints());
    BlueprintStack after = Fixtures.stack(app, "test-dev-after", Fixtures.dev());
    S3Bucket.Builder.create(after, "Raw").bucket("acme-after").build();
    RuntimeException viaValidation = assertThrows(RuntimeException.class, app::synth);
    assertTrue(viaValidation.getMessage().contains("BP-S3-002 test-dev-before aws_s3_bucket.Raw")
        && viaValidation.getMessage().contains("BP-S3-002 test-dev-after aws_s3_bucket.Raw"), viaValidation.getMessage());
    PolicyViolationException typed = assertThrows(PolicyViolationException.class, () -> Policy.synth(app));
    assertEquals(List.of("test-dev-before", "test-dev-after"), typed.report().stacks());
  }

  @Test
  void stacksOfAnAppCheckedOnItsWrittenFilesOnlyRegisterNoValidation(@TempDir Path out) {
    App app = app(out);
    Policy.checkWrittenFilesOnly(app);
    S3Bucket.Builder.create(stack(app), "Raw").bucket("acme-raw").build();
    app.synth();   // no validation stops a plain synth
    assertTrue(Files.exists(out.resolve("stacks/test-dev-data/cdk.tf.json")));
    PolicyViolationException e = assertThrows(PolicyViolationException.class, () -> Policy.synth(app));
    assertTrue(e.getMessage().contains("BP-S3-002  stack test-dev-data  aws_s3_bucket.Raw"), e.getMessage());
  }

  @Test
  void aStackThatExistedBeforeCheckingWrittenFilesOnlyKeepsItsValidation(@TempDir Path out) {
    App app = app(out);
    Fixtures.stack(app, "test-dev-network", Fixtures.dev());   // its validation checks the whole app
    Policy.checkWrittenFilesOnly(app);
    S3Bucket.Builder.create(stack(app), "Raw").bucket("acme-raw").build();
    RuntimeException e = assertThrows(RuntimeException.class, app::synth);
    assertTrue(e.getMessage().contains("ERROR BP-S3-002 test-dev-data aws_s3_bucket.Raw"), e.getMessage());
  }

  @Test
  void checkingWrittenFilesOnlyNeedsAnAttachedPolicy() {
    App app = new App(AppConfig.builder().stackTraces(false).build());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Policy.checkWrittenFilesOnly(app));
    assertTrue(e.getMessage().contains("call Policy.attach(app, packs...) first"), e.getMessage());
  }

  @Test
  void aTeamAttachesItsOwnPackBesideTheLibrarys(@TempDir Path out) {
    Rule noRawBuckets = new Rule("SHOP-S3-001", Severity.ERROR, List.of("aws_s3_bucket"),
        "Buckets are built with the Bucket construct.", "Use dev.blueprints.data.Bucket.", List.of()) {
      @Override
      public List<String> check(ResourceView resource, StackView stack) {
        return require(resource.path().endsWith("/Resource"), "a raw aws_s3_bucket");
      }
    };
    App app = app(out);
    Policy.attach(app, RulePack.of("shop", noRawBuckets));
    assertEquals(List.of("blueprints", "shop"), Policy.packs(app).stream().map(RulePack::name).toList());
    BlueprintStack stack = stack(app);
    new Bucket(stack, "Logs", BucketProps.builder().name("acme-logs").build());
    S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw").build();
    Policy.suppress(stack, "SHOP-S3-001", "the raw bucket is checked below");
    PolicyReport report = Policy.check(stack);
    assertEquals(RulePacks.blueprints().rules().size() + 1, report.rules().size());
    assertTrue(report.of("SHOP-S3-001").get(0).suppressed());

    var clash = assertThrows(IllegalArgumentException.class,
        () -> Policy.attach(app, RulePack.of("copy", RulePacks.blueprints().rules().get(0))));
    assertTrue(clash.getMessage().contains("is already attached with pack blueprints"), clash.getMessage());
  }

  @Test
  void aCleanAppSynthesizesAndCanSynthesizeAgain(@TempDir Path out) throws IOException {
    App app = app(out);
    BlueprintStack stack = stack(app);
    new Bucket(stack, "Logs", BucketProps.builder().name("acme-logs").versioned(false).build());
    Policy.suppress(stack.getNode().findChild("Logs"), "BP-S3-003", "access logs are written once; versions add cost only");
    PolicyReport first = Policy.synth(app);
    assertTrue(first.summary().startsWith("policy: " + RulePacks.blueprints().rules().size()
        + " rules on 1 stacks: 0 errors, 0 warnings, 1 suppressed"), first.summary());
    assertTrue(Files.exists(out.resolve("stacks/test-dev-data/cdk.tf.json")));
    JsonNode report = JSON.readTree(out.resolve(PolicyReport.FILE_NAME).toFile());
    assertTrue(report.path("summary").path("passed").asBoolean());
    assertEquals("access logs are written once; versions add cost only", report.path("findings").get(0).path("reason").asText());
    app.synth();   // a plain synth checks again, through the stacks' validations, and passes again
    assertFalse(Policy.lastReport(app).orElseThrow().failed());
  }

  @Test
  void anAppWithoutPolicyIsToldHowToAttachOne() {
    App bare = new App();
    BlueprintStack stack = Fixtures.stack(bare, "test-dev-bare", Fixtures.dev());
    var e = assertThrows(IllegalStateException.class, () -> Policy.check(stack));
    assertEquals("test-dev-bare is in an app with no policy: call Policy.attach(app, packs...) first", e.getMessage());
  }
}
