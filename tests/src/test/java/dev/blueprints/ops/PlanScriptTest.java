package dev.blueprints.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * main/scripts/plan.sh over a small fake cdktf.out: the layer order, the bounded parallel loop (with a
 * fake terraform that records its calls), and the refusal to start without terraform. Each test has a folder
 * of its own and only waits on the script, so they run at the same time, beside the other classes.
 */
@Execution(ExecutionMode.CONCURRENT)
class PlanScriptTest {
  static final String SCRIPT = Scripts.ROOT.resolve("main/scripts/plan.sh").toString();

  @TempDir Path dir;
  Path out;
  Path bin;
  Path calls;

  /** network <- data, compute; data + compute <- edge; other-dev-network alone; plus state-bootstrap. */
  @BeforeEach
  void fakeOutdir() throws IOException {
    out = dir.resolve("cdktf.out");
    bin = dir.resolve("bin");
    calls = dir.resolve("calls.log");
    Map<String, List<String>> stacks = new java.util.LinkedHashMap<>();
    stacks.put("state-bootstrap", List.of());
    stacks.put("shop-dev-edge", List.of("shop-dev-data", "shop-dev-compute"));
    stacks.put("shop-dev-compute", List.of("shop-dev-network"));
    stacks.put("shop-dev-data", List.of("shop-dev-network"));
    stacks.put("shop-dev-network", List.of());
    stacks.put("other-dev-network", List.of());
    StringBuilder manifest = new StringBuilder("{\"version\": \"0.19.2\", \"stacks\": {");
    String sep = "";
    for (var e : stacks.entrySet()) {
      manifest.append(sep).append('"').append(e.getKey()).append("\": {\"name\": \"").append(e.getKey())
          .append("\", \"workingDirectory\": \"stacks/").append(e.getKey()).append("\", \"dependencies\": [")
          .append(String.join(", ", e.getValue().stream().map(d -> '"' + d + '"').toList())).append("]}");
      sep = ", ";
      Files.createDirectories(out.resolve("stacks").resolve(e.getKey()));
      Files.writeString(out.resolve("stacks").resolve(e.getKey()).resolve("cdk.tf.json"), "{}");
    }
    Files.writeString(out.resolve("manifest.json"), manifest.append("}}").toString());
  }

  /** A fake terraform: records "stack command" lines; fails "plan" in the stacks listed in $FAIL_IN. */
  void fakeTerraform(String version) {
    Scripts.executable(bin.resolve("terraform"), """
        #!/usr/bin/env bash
        if [[ "$1" == version ]]; then echo '{"terraform_version": "%s"}'; exit 0; fi
        stack=$(basename "$PWD")
        echo "$stack $1" >>"%s"
        echo "$stack $*" >>"%s.args"
        sleep 0.05
        if [[ "$1" == plan && " $FAIL_IN " == *" $stack "* ]]; then echo "Error: no credentials" >&2; exit 1; fi
        if [[ "$1" == plan ]]; then echo plan >tfplan; fi
        if [[ "$1" == show ]]; then echo "Plan: 1 to add"; fi
        exit 0
        """.formatted(version, calls, calls));
  }

  Scripts.Result plan(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT, "--outdir", out.toString()));
    command.addAll(List.of(args));
    Map<String, String> all = new java.util.HashMap<>(Map.of("PATH", bin + ":" + Scripts.pathWithoutTerraform()));
    all.putAll(env);
    return Scripts.run(dir, all, command.toArray(String[]::new));
  }

  @Test
  void withoutTerraformItStopsAtOnceSayingWhatToInstall() throws IOException {
    Scripts.Result r = plan(Map.of());
    assertEquals(127, r.status(), r.stderr());
    assertTrue(r.stderr().contains("terraform not found on PATH: install Terraform 1.10 or newer"), r.stderr());
    assertTrue(r.stderr().contains("Nothing was planned."), r.stderr());
    try (var files = Files.walk(out)) {
      assertFalse(files.anyMatch(p -> p.endsWith("plan.log") || p.endsWith("tfplan")), "nothing may run without terraform");
    }
  }

  @Test
  void anOldTerraformIsRefusedToo() {
    fakeTerraform("1.9.8");
    Scripts.Result r = plan(Map.of());
    assertEquals(127, r.status());
    assertTrue(r.stderr().contains("terraform 1.9.8 is too old: install Terraform 1.10 or newer"), r.stderr());
    assertFalse(Files.exists(calls));
  }

  @Test
  void layersFollowTheManifestDependenciesAndSkipTheBootstrap() {
    Scripts.Result r = plan(Map.of(), "--dry-run");
    assertEquals(0, r.status(), r.stderr());
    assertEquals("""
        layer 1: other-dev-network shop-dev-network
        layer 2: shop-dev-compute shop-dev-data
        layer 3: shop-dev-edge
        """, r.stdout());
  }

  @Test
  void aGlobSelectsStacksAndNamingTheBootstrapIncludesIt() {
    assertEquals("layer 1: shop-dev-compute shop-dev-data\nlayer 2: shop-dev-edge\n",
        plan(Map.of(), "--dry-run", "shop-dev-[cde]*").stdout());
    assertEquals("layer 1: other-dev-network state-bootstrap\n", plan(Map.of(), "--dry-run", "other-*", "state-bootstrap").stdout());
    assertTrue(plan(Map.of(), "--dry-run", "--with-bootstrap").stdout().startsWith("layer 1: other-dev-network shop-dev-network state-bootstrap\n"));
    Scripts.Result none = plan(Map.of(), "--dry-run", "nothing-*");
    assertEquals(2, none.status());
    assertTrue(none.stderr().contains("no stack in"), none.stderr());
  }

  @Test
  void aCycleIsAnError() throws IOException {
    Files.writeString(out.resolve("manifest.json"),
        "{\"stacks\": {\"a\": {\"dependencies\": [\"b\"]}, \"b\": {\"dependencies\": [\"a\"]}}}");
    Scripts.Result r = plan(Map.of(), "--dry-run");
    assertEquals(3, r.status());
    assertTrue(r.stderr().contains("dependency cycle among stacks a, b"), r.stderr());
  }

  @Test
  void everyStackIsInitialisedValidatedAndPlannedAfterItsDependencies() throws IOException {
    fakeTerraform("1.10.5");
    Scripts.Result r = plan(Map.of(), "--jobs", "2");
    assertEquals(0, r.status(), r.stdout() + r.stderr());
    List<String> lines = Files.readAllLines(calls);
    List<String> stacks = List.of("other-dev-network", "shop-dev-network", "shop-dev-data", "shop-dev-compute", "shop-dev-edge");
    assertEquals(stacks.size() * 4, lines.size(), String.join("\n", lines));
    for (String stack : stacks) {
      assertEquals(List.of("init", "validate", "plan", "show"),
          lines.stream().filter(l -> l.startsWith(stack + " ")).map(l -> l.substring(stack.length() + 1)).toList());
      assertTrue(Files.exists(out.resolve("stacks").resolve(stack).resolve("tfplan")));
      assertTrue(Files.readString(out.resolve("stacks").resolve(stack).resolve("tfplan.txt")).contains("Plan: 1 to add"));
    }
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("state-bootstrap")));
    assertBefore(lines, "shop-dev-network show", "shop-dev-data init");
    assertBefore(lines, "shop-dev-network show", "shop-dev-compute init");
    assertBefore(lines, "shop-dev-data show", "shop-dev-edge init");
    assertBefore(lines, "shop-dev-compute show", "shop-dev-edge init");
    assertTrue(r.stdout().contains("planned 5 stack(s) in 3 layer(s)"), r.stdout());
  }

  @Test
  void whatSynthSaysToDoBeforeTheFirstDeployIsPrintedBeforeAnyPlan() throws IOException {
    fakeTerraform("1.10.5");
    Files.writeString(out.resolve("before-first-deploy.txt"), "blueprints: before your first deploy (before-first-deploy.txt):\n"
        + "- secrets to fill (tasks start with a placeholder; services restart on their own when a value is put):\n"
        + "  aws secretsmanager put-secret-value --region eu-west-1 --secret-id shop-dev-api-key --secret-string '<value>'\n");
    Scripts.Result r = plan(Map.of());
    assertEquals(0, r.status(), r.stdout() + r.stderr());
    int secret = r.stdout().indexOf("plan.sh:   aws secretsmanager put-secret-value --region eu-west-1 --secret-id shop-dev-api-key");
    assertTrue(secret >= 0, r.stdout());
    assertTrue(secret < r.stdout().indexOf("plan.sh: layer 1"), "read before the plans");
  }

  @Test
  void aFailedPlanStopsBeforeTheNextLayer() throws IOException {
    fakeTerraform("1.10.5");
    Scripts.Result r = plan(Map.of("FAIL_IN", "shop-dev-data"));
    assertEquals(1, r.status());
    assertTrue(r.stderr().contains("plan failed for shop-dev-data"), r.stderr());
    assertTrue(r.stdout().contains("[shop-dev-data] Error: no credentials"), r.stdout());
    List<String> lines = Files.readAllLines(calls);
    assertTrue(lines.contains("shop-dev-compute plan"), "the rest of the layer still runs");
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("shop-dev-edge")), String.join("\n", lines));
  }

  /** Gives shop-dev-* and other-dev-network the variable aws_role_arn, as stacks with an account role have. */
  void withAccountRoles(Path settings, String devJson) throws IOException {
    String tf = "{\"provider\": {\"aws\": [{\"default_tags\": [{\"tags\": {\"Environment\": \"dev\"}}]}]},"
        + " \"variable\": {\"aws_role_arn\": {\"type\": \"string\", \"default\": \"arn:aws:iam::222222222222:role/deploy\"}}}";
    for (String stack : List.of("shop-dev-network", "shop-dev-data", "shop-dev-compute", "shop-dev-edge")) {
      Files.writeString(out.resolve("stacks").resolve(stack).resolve("cdk.tf.json"), tf);
    }
    Files.createDirectories(settings);
    Files.writeString(settings.resolve("dev.json"), devJson);
  }

  @Test
  void rolePlanPassesEachEnvironmentsPlanRoleFromTheSettings() throws IOException {
    fakeTerraform("1.10.5");
    Path settings = dir.resolve("settings");
    withAccountRoles(settings, "{\"account\": {\"id\": \"222222222222\", \"planRoleArn\": \"arn:aws:iam::222222222222:role/plan\"}}");
    Scripts.Result r = plan(Map.of("BLUEPRINTS_SETTINGS_DIR", settings.toString()), "--role", "plan", "shop-dev-*");
    assertEquals(0, r.status(), r.stdout() + r.stderr());
    List<String> args = Files.readAllLines(Path.of(calls + ".args"));
    assertTrue(args.stream().anyMatch(l -> l.startsWith("shop-dev-edge plan ") && l.contains(" -var=aws_role_arn=arn:aws:iam::222222222222:role/plan ")),
        String.join("\n", args));
    assertEquals(4, args.stream().filter(l -> l.contains("-var=aws_role_arn=")).count(), "only plan gets the variable");

    Scripts.Result none = plan(Map.of(), "--dry-run", "--role", "none");
    assertTrue(none.stdout().contains("role of shop-dev-data: (none: the credentials as they are)"), none.stdout());
    assertFalse(none.stdout().contains("role of other-dev-network"), "a stack without the variable gets no -var");
  }

  @Test
  void rolePlanWithoutAPlanRoleInTheSettingsStopsBeforeAnyStack() throws IOException {
    fakeTerraform("1.10.5");
    Path settings = dir.resolve("settings");
    withAccountRoles(settings, "{\"account\": {\"id\": \"222222222222\"}}");
    Scripts.Result r = plan(Map.of("BLUEPRINTS_SETTINGS_DIR", settings.toString()), "--role", "plan");
    assertEquals(2, r.status());
    assertTrue(r.stderr().contains(settings.resolve("dev.json") + " has no account.planRoleArn for stack shop-dev-"), r.stderr());
    assertFalse(Files.exists(calls), "no terraform command ran");
    assertEquals(2, plan(Map.of(), "--dry-run", "--role", "admin").status());
  }

  @Test
  void roleShPrintsTheRoleTheSettingsNameForEachPurpose() throws IOException {
    String script = Scripts.ROOT.resolve("main/scripts/role.sh").toString();
    Path settings = dir.resolve("settings");
    Files.createDirectories(settings);
    Files.writeString(settings.resolve("prod.json"), "{\"account\": {\"id\": \"333333333333\", \"roleArn\": "
        + "\"arn:aws:iam::333333333333:role/deploy\", \"planRoleArn\": \"arn:aws:iam::333333333333:role/plan\"}}");
    Files.writeString(settings.resolve("dev.json"), "{\"project\": \"bp\"}");
    Map<String, String> env = Map.of("PATH", Scripts.pathWithoutTerraform(), "BLUEPRINTS_SETTINGS_DIR", settings.toString());
    assertEquals("arn:aws:iam::333333333333:role/plan\n", Scripts.run(dir, env, "bash", script, "prod", "plan").stdout());
    assertEquals("arn:aws:iam::333333333333:role/deploy\n", Scripts.run(dir, env, "bash", script, "prod", "deploy").stdout());
    Scripts.Result none = Scripts.run(dir, env, "bash", script, "dev", "plan");
    assertEquals(0, none.status());
    assertEquals("", none.stdout(), "no role named: the workflow falls back to its variable");
    assertEquals(2, Scripts.run(dir, env, "bash", script, "qa", "plan").status(), "no settings file");
    assertEquals(2, Scripts.run(dir, env, "bash", script, "prod", "admin").status());
  }

  static void assertBefore(List<String> lines, String first, String then) {
    int a = lines.indexOf(first);
    int b = lines.indexOf(then);
    assertTrue(a >= 0 && b >= 0 && a < b, first + " before " + then + " in\n" + String.join("\n", lines));
  }
}
