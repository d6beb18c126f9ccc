package dev.blueprints.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.app.Blueprints;
import dev.blueprints.cost.CostEstimator;
import dev.blueprints.policy.RuleTable;
import dev.blueprints.policy.rules.RulePacks;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Golden;
import dev.blueprints.tools.Diagrams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README true to the code: the rule table is {@code RuleTable.markdown()}, each blueprint's
 * diagram is the {@code Diagrams} output for prod and the cost table is the {@code CostEstimator}'s. After an
 * intended change, rewrite the sections as {@code Golden.howToUpdate} says.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void generatedSectionsMatchTheCode() throws IOException {
    String readme = Files.readString(README);
    String updated = replace(readme, "rules", RuleTable.markdown(RulePacks.blueprints().rules()).strip());
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    List<Diagrams.Diagram> diagrams = Diagrams.read(all.outdir());
    for (String id : Blueprints.ids()) {
      Diagrams.Diagram prod = diagrams.stream().filter(d -> d.name().equals(id + "-prod")).findFirst()
          .orElseThrow(() -> new AssertionError("no diagram " + id + "-prod"));
      updated = replace(updated, "diagram:" + id, "```mermaid\n" + prod.mermaid().strip() + "\n```");
    }
    updated = replace(updated, "cost", CostEstimator.estimate(all.outdir()).markdown(List.of("dev", "prod")).strip());
    if (Golden.updating()) {
      Files.writeString(README, updated);
      return;
    }
    assertEquals(readme, updated, "README.md is out of date with the code: " + Golden.howToUpdate("tests", "ReadmeTest"));
  }

  @Test
  void theTwoCommandsAreTheOnesCiAndCdktfRun() throws IOException {
    String readme = Files.readString(README);
    assertTrue(readme.contains("\n./mvnw -B -q -pl main -am compile exec:exec\n"), "synth command");
    assertTrue(readme.contains("\n./mvnw -B test\n"), "test command");
    String ci = Files.readString(Path.of("..", ".ci", "run"));
    assertTrue(ci.contains("\n./mvnw -B test\n"), ".ci/run runs the README's test command");
    assertTrue(ci.contains("\n./mvnw -B -q -pl main -am compile exec:exec\n"), ".ci/run runs the README's synth command");
    assertTrue(Files.readString(Path.of("..", "cdktf.json")).contains("-pl main -am compile exec:exec"), "cdktf.json runs the synth command");
  }

  private static String replace(String text, String marker, String body) {
    Pattern section = Pattern.compile("(<!-- " + Pattern.quote(marker) + ":begin -->\n)(.*?)(<!-- " + Pattern.quote(marker) + ":end -->)",
        Pattern.DOTALL);
    Matcher m = section.matcher(text);
    if (!m.find()) throw new AssertionError("README.md has no section <!-- " + marker + ":begin --> ... <!-- " + marker + ":end -->");
    return text.substring(0, m.start()) + m.group(1) + body + "\n" + m.group(3) + text.substring(m.end());
  }
}
