package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProviderFeaturesTest {
  private static final Pattern OVERRIDE = Pattern.compile("\\.addOverride\\(\\s*\"([^\"]+)\"");

  @Test
  void theConstraintIsDerivedFromTheNewestOverrideAndEveryStackCarriesIt() {
    assertEquals("5.83.0", ProviderFeatures.newest().minVersion());
    assertEquals("~> 5.83", ProviderFeatures.constraint());
    assertEquals(ProviderFeatures.constraint(), Providers.AWS_VERSION_CONSTRAINT);
    BlueprintStack stack = Fixtures.stack();
    assertEquals("~> 5.83", Synthesized.of(stack).terraform().path("required_providers").path("aws").path("version").asText());
    for (ProviderFeatures.Feature feature : ProviderFeatures.TABLE) {
      String[] need = feature.minVersion().split("\\.");
      String[] floor = ProviderFeatures.constraint().substring(3).split("\\.");
      assertEquals(need[0], floor[0], feature + " is a 5.x argument");
      assertTrue(Integer.parseInt(floor[1]) >= Integer.parseInt(need[1]), feature + " is below the constraint's floor");
      assertTrue(compare(feature.minVersion(), ProviderFeatures.BINDINGS_VERSION) > 0, feature + " is already in the bindings");
    }
  }

  /** A raw override of a resource argument anywhere else would escape the table and the constraint. */
  @Test
  void noOtherRawOverrideOfAResourceArgumentExistsInTheLibrary() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.endsWith("ProviderFeatures.java")) continue;
        Matcher m = OVERRIDE.matcher(Files.readString(file));
        while (m.find()) {
          // Terraform's own settings, not provider resource arguments: the terraform block, lifecycle, dynamic blocks
          // (the provider's assume_role) and the config of terraform_remote_state reads.
          String path = m.group(1);
          if (!path.startsWith("terraform.") && !path.startsWith("lifecycle") && !path.startsWith("dynamic.")
              && !path.startsWith("config.")) {
            found.add(file.getFileName() + ": " + path);
          }
        }
      }
    }
    assertEquals(List.of(), found, "write provider arguments newer than the bindings through ProviderFeatures.set");
  }

  @Test
  void anArgumentMissingFromTheTableIsRefused() {
    BlueprintStack stack = Fixtures.stack();
    SnsTopic topic = SnsTopic.Builder.create(stack, "Topic").name("t").build();
    var error = assertThrows(IllegalStateException.class, () -> ProviderFeatures.set(topic, "archive_policy", "{}"));
    assertTrue(error.getMessage().startsWith("aws_sns_topic.archive_policy is written as a raw override but is not in ProviderFeatures.TABLE"),
        error.getMessage());
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\."), y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) return c;
    }
    return 0;
  }
}
