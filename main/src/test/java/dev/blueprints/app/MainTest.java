package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.blueprints.app.Blueprints;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @Test
  void everyBlueprintAndEnvironmentGetsItsStacksPlusTheBootstrap() {
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    assertTrue(all.stacks().containsKey("state-bootstrap"));
    for (String blueprint : Blueprints.ids()) {
      for (String env : List.of("dev", "prod")) {
        assertTrue(all.stacks().containsKey(blueprint + "-" + env + "-network"), blueprint + "-" + env + "-network");
      }
    }
  }

  @Test
  void everyStackButTheBootstrapHasAUniqueEncryptedLockedS3Backend() {
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    Set<String> keys = new HashSet<>();
    all.stacks().forEach((id, json) -> {
      if (id.equals("state-bootstrap")) return;
      JsonNode s3 = json.terraform().path("backend").path("s3");
      assertTrue(s3.path("encrypt").asBoolean(), id);
      assertTrue(s3.path("use_lockfile").asBoolean(), id);
      assertEquals("blueprints/" + id + ".tfstate", s3.path("key").asText());
      assertTrue(keys.add(s3.path("key").asText()), "duplicate state key " + s3.path("key"));
    });
  }

  @Test
  void selectionComesFromFlagsOrEnvironment() {
    Selection fromFlags = Selection.parse(new String[] {"--blueprint", "api-ecs,three-tier", "--env", "dev"}, Map.of("BLUEPRINTS_ENVS", "prod"));
    assertEquals(List.of("api-ecs", "three-tier"), fromFlags.blueprints());
    assertEquals(List.of("dev"), fromFlags.environments());
    Selection fromEnv = Selection.parse(new String[0], Map.of("BLUEPRINTS_ONLY", "asg-web", "BLUEPRINTS_ENVS", "prod"));
    assertEquals(List.of("asg-web"), fromEnv.blueprints());
    assertEquals(List.of("prod"), fromEnv.environments());
    assertEquals(Blueprints.ids(), Selection.parse(new String[0], Map.of()).blueprints());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Selection.parse(new String[] {"--blueprint", "nope"}, Map.of()))
        .getMessage().startsWith("blueprint = \"nope\" is invalid: known blueprints are [api-ecs"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Selection.parse(new String[] {"--env", "qa"}, Map.of()))
        .getMessage().contains("known environments are [dev, prod]"));
  }

  @Test
  void badSettingsFailBeforeAnythingIsWritten(@TempDir Path settings, @TempDir Path out) throws IOException {
    Files.writeString(settings.resolve("dev.json"), "{\"state\": {\"bucket\": \"acme-tfstate\"}, \"region\": \"eu-west-1\","
        + " \"availabilityZones\": [\"eu-west-1a\"]}");
    var e = assertThrows(IllegalArgumentException.class,
        () -> BlueprintsApp.load(new Selection(List.of("three-tier"), List.of("dev"), settings)));
    assertTrue(e.getMessage().contains("2 or 3 availability zones are required, got 1"), e.getMessage());

    Path outdir = out.resolve("cdktf.out");
    var err = new java.io.ByteArrayOutputStream();
    int status = Main.run(new String[] {"--settings", settings.toString(), "--env", "dev"},
        Map.of("CDKTF_OUTDIR", outdir.toString()), System.out, new java.io.PrintStream(err));
    assertEquals(Main.INVALID_INPUT, status);
    assertEquals(1, err.toString().lines().count(), "one line: " + err);
    assertTrue(err.toString().startsWith("blueprints: availabilityZones = [eu-west-1a] is invalid"), err.toString());
    assertFalse(Files.exists(outdir), "nothing may be written for bad settings");
  }

  @Test
  void environmentsSynthesizedTogetherShareOneStateBucket(@TempDir Path settings) throws IOException {
    Files.writeString(settings.resolve("dev.json"), "{\"state\": {\"bucket\": \"acme-tfstate-dev\"}}");
    Files.writeString(settings.resolve("prod.json"), "{\"state\": {\"bucket\": \"acme-tfstate-prod\"}}");
    var e = assertThrows(IllegalArgumentException.class,
        () -> BlueprintsApp.build(new App(), new Selection(List.of("three-tier"), List.of("dev", "prod"), settings)));
    assertTrue(e.getMessage().contains("synthesize them separately with --env"), e.getMessage());
  }
}
