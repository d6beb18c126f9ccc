package dev.blueprints.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost estimate of the whole app, every blueprint in dev and prod, as Main writes it after a synth. */
class AppCostTest {
  @Test
  void everyStackOfTheManifestIsInTheReportAndEveryBlueprintIsPriced() throws IOException {
    AppSynth all = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    CostReport report = CostEstimator.estimate(all.outdir());
    JsonNode written = Synthesized.JSON.readTree(report.write(all.outdir()).toFile());
    List<String> reported = new ArrayList<>();
    written.path("stacks").forEach(s -> reported.add(s.path("stack").asText()));
    List<String> manifest = new ArrayList<>();
    all.manifest().path("stacks").fieldNames().forEachRemaining(manifest::add);
    assertEquals(manifest, reported);
    for (String blueprint : Blueprints.ids()) {
      for (String env : List.of("dev", "prod")) {
        CostReport.Group g = report.group(blueprint + "-" + env);
        assertTrue(g.monthlyDesired() > 0 && g.monthlyMax() >= g.monthlyDesired(), g.toString());
        // The one gap the committed regions open: the price table has no MemoryDB prices for ca-central-1 (fargate-web).
        long unknown = report.stacks().stream().filter(s -> s.stack().startsWith(blueprint + "-" + env + "-"))
            .flatMap(s -> s.unpriced().stream())
            .filter(u -> !u.reason().contains("no price for memorydb.node.redis db.t4g.small in ca-central-1")).count();
        assertEquals(0, unknown, "the blueprints use only resources the estimator knows: " + g);
      }
      assertTrue(report.group(blueprint + "-prod").monthlyDesired() > report.group(blueprint + "-dev").monthlyDesired(),
          blueprint + ": prod (more AZs, NAT per AZ, Multi-AZ) costs more than dev");
    }
  }
}
