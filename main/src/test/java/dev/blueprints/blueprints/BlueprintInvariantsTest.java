package dev.blueprints.blueprints;

import dev.blueprints.app.Blueprints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.References;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties every synthesized stack of every blueprint must have, in both environments. */
class BlueprintInvariantsTest {
  private static AppSynth all() {
    return AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
  }

  @Test
  void everyReferenceResolvesInItsStackOrThroughRemoteState() {
    List<String> problems = new ArrayList<>();
    Map<String, String> stackByStateKey = new HashMap<>();
    all().stacks().forEach((id, json) -> {
      JsonNode s3 = json.terraform().path("backend").path("s3");
      if (!s3.isMissingNode()) stackByStateKey.put(s3.path("key").asText(), id);
    });
    all().stacks().forEach((id, json) -> {
      References.unresolved(json.root()).forEach(ref -> problems.add(id + ": " + ref + " is not declared"));
      for (String ref : References.in(json.root())) {
        if (!ref.startsWith("data.terraform_remote_state.")) continue;
        String[] parts = ref.split("\\.");
        JsonNode config = json.root().path("data").path("terraform_remote_state").path(parts[2]).path("config");
        String producer = stackByStateKey.get(config.path("key").asText());
        if (producer == null) {
          problems.add(id + ": " + ref + " reads state key " + config.path("key") + " that no stack writes");
        } else if (!all().stack(producer).root().path("output").has(parts[4])) {
          problems.add(id + ": " + ref + " reads output " + parts[4] + " that " + producer + " does not declare");
        }
      }
    });
    if (!problems.isEmpty()) fail(problems.size() + " unresolved references:\n  " + String.join("\n  ", problems));
  }

  @Test
  void remoteStateReadsUseTheProducersEncryptedBackend() {
    all().stacks().forEach((id, json) -> json.dataSources("terraform_remote_state").forEach((name, state) -> {
      assertEquals("s3", state.path("backend").asText(), id + " " + name);
      JsonNode config = state.path("config");
      assertEquals("blueprints-tfstate-example", config.path("bucket").asText());
      assertTrue(config.path("encrypt").asBoolean(), id + " " + name + " reads state without encrypt");
    }));
  }

  @Test
  void stackDependenciesAreAcyclicAndStayInsideOneBlueprintAndEnvironment() {
    AppSynth app = all();
    Map<String, List<String>> graph = new HashMap<>();
    app.stacks().keySet().forEach(id -> graph.put(id, app.dependencies(id)));
    graph.forEach((id, deps) -> deps.forEach(dep -> {
      String prefix = id.substring(0, id.lastIndexOf('-') + 1);
      assertTrue(dep.startsWith(prefix), id + " depends on " + dep + " outside " + prefix + "*");
    }));
    Set<String> done = new HashSet<>();
    for (String id : graph.keySet()) visit(id, graph, new ArrayList<>(), done);
  }

  private static void visit(String id, Map<String, List<String>> graph, List<String> path, Set<String> done) {
    if (done.contains(id)) return;
    if (path.contains(id)) fail("dependency cycle: " + String.join(" -> ", path) + " -> " + id);
    path.add(id);
    for (String dep : graph.getOrDefault(id, List.of())) visit(dep, graph, path, done);
    path.remove(path.size() - 1);
    done.add(id);
  }

  @Test
  void everyStackCarriesTheDeploymentTags() {
    all().stacks().forEach((id, json) -> {
      JsonNode tags = json.root().path("provider").path("aws").get(0).path("default_tags").get(0).path("tags");
      assertEquals(id, tags.path("Stack").asText());
      assertEquals("blueprints", tags.path("ManagedBy").asText());
    });
  }

  @Test
  void policyPassesWithNoUnsuppressedErrorAndEverySuppressionHasAReason() throws java.io.IOException {
    JsonNode report = Synthesized.JSON.readTree(all().outdir().resolve("policy-report.json").toFile());
    assertEquals(0, report.path("summary").path("errors").asInt(), report.path("summary").toString());
    assertTrue(report.path("summary").path("rules").asInt() >= 40);
    report.path("findings").forEach(f -> {
      if (f.path("suppressed").asBoolean()) {
        assertTrue(f.path("reason").asText().length() > 20, "suppression without a real reason: " + f);
      } else {
        assertEquals("WARNING", f.path("severity").asText(), f.toString());
      }
    });
  }

  /** Name attribute and AWS length limit of the resources whose names must be unique in an account and region. */
  private static final Map<String, Map.Entry<String, Integer>> NAMES = Map.ofEntries(
      Map.entry("aws_lb", Map.entry("name", 32)),
      Map.entry("aws_lb_target_group", Map.entry("name", 32)),
      Map.entry("aws_iam_role", Map.entry("name", 64)),
      Map.entry("aws_iam_instance_profile", Map.entry("name", 128)),
      Map.entry("aws_db_instance", Map.entry("identifier", 63)),
      Map.entry("aws_memorydb_cluster", Map.entry("name", 40)),
      Map.entry("aws_memorydb_user", Map.entry("user_name", 40)),
      Map.entry("aws_memorydb_acl", Map.entry("name", 40)),
      Map.entry("aws_s3_bucket", Map.entry("bucket", 63)),
      Map.entry("aws_secretsmanager_secret", Map.entry("name", 512)),
      Map.entry("aws_ecr_repository", Map.entry("name", 256)),
      Map.entry("aws_ecs_cluster", Map.entry("name", 255)),
      Map.entry("aws_cloudwatch_metric_alarm", Map.entry("alarm_name", 255)),
      Map.entry("aws_cloudwatch_log_group", Map.entry("name", 512)));

  @Test
  void physicalNamesFitTheirServiceLimitsAndAreUniqueAcrossAllStacks() {
    Map<String, String> owner = new HashMap<>();
    List<String> problems = new ArrayList<>();
    all().stacks().forEach((id, json) -> NAMES.forEach((type, limit) -> json.resources(type).forEach((address, r) -> {
      JsonNode value = r.has(limit.getKey()) ? r.path(limit.getKey()) : r.path(limit.getKey() + "_prefix");
      if (!value.isTextual()) {
        problems.add(id + " " + type + "." + address + " has no " + limit.getKey());
        return;
      }
      // The account id in a global name (Naming.globalName) counts as the 12 digits it resolves to.
      String name = value.asText().replaceAll("\\$\\{data\\.aws_caller_identity\\.[A-Za-z0-9_]+\\.account_id}", "123456789012");
      if (name.contains("${")) return;
      if (name.length() > limit.getValue()) problems.add(id + " " + type + " " + name + " is longer than " + limit.getValue());
      String previous = owner.putIfAbsent(type + " " + name, id);
      if (previous != null) problems.add(type + " " + name + " is named by both " + previous + " and " + id);
    })));
    if (!problems.isEmpty()) fail(String.join("\n", problems));
    assertTrue(owner.size() > 200, "names checked: " + owner.size());
  }

  /** S3 names are global: every bucket but the state bucket (named in the settings) carries the account and region. */
  @Test
  void bucketNamesCarryTheAccountIdAndRegion() {
    int buckets = 0;
    for (var stack : all().stacks().entrySet()) {
      if (stack.getKey().equals("state-bootstrap")) continue;
      for (var bucket : stack.getValue().resources("aws_s3_bucket").entrySet()) {
        String name = bucket.getValue().path("bucket").asText();
        String region = stack.getValue().root().path("provider").path("aws").get(0).path("region").asText();
        assertTrue(name.endsWith("-${data.aws_caller_identity.CallerIdentity.account_id}-" + region), stack.getKey() + ": " + name);
        assertTrue(stack.getValue().dataSources("aws_caller_identity").containsKey("CallerIdentity"), stack.getKey());
        buckets++;
      }
    }
    assertEquals(8, buckets, "the load balancer log buckets of four blueprints in two environments");
  }

  /** For readers of the test log: what each stack holds. */
  @Test
  void inventoryIsNotEmpty() {
    for (Map.Entry<String, Synthesized> e : all().stacks().entrySet()) {
      assertTrue(e.getValue().resourceCount() > 0, e.getKey() + " synthesizes no resources");
    }
  }
}
