package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.blueprints.policy.PolicyReport;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.settings.SettingsFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Main reports the policy: the findings and status 3 on a violation, no error across the blueprints. */
class MainPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mainListsTheFindingsAndExitsWithStatus3(@TempDir Path out) {
    App app = BlueprintsApp.newApp(out);
    BlueprintStack stack = new BlueprintStack(app, "test-dev-data", SettingsFile.load(AppSynth.SETTINGS_DIR, "dev").settings());
    S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw").build();
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
  void everyBlueprintInBothEnvironmentsHasNoUnsuppressedError() throws IOException {
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    JsonNode report = JSON.readTree(all.outdir().resolve(PolicyReport.FILE_NAME).toFile());
    assertEquals(0, report.path("summary").path("errors").asInt(), report.path("findings").toString());
    assertEquals(all.stacks().size(), report.path("stacks").size());   // every stack, the bootstrap included
    for (JsonNode f : report.path("findings")) {
      if (f.path("suppressed").asBoolean()) assertTrue(f.path("reason").asText().length() > 10, f.toString());
    }
  }
}
