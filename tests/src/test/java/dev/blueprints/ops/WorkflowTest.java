package dev.blueprints.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** .github/workflows/blueprints.yml parses as YAML and has the plan and deploy steps. */
class WorkflowTest {
  static JsonNode workflow;

  @BeforeAll
  static void parse() throws IOException {
    workflow = new ObjectMapper(new YAMLFactory()).readTree(
        Files.readString(Scripts.ROOT.resolve(".github/workflows/blueprints.yml")));
  }

  static List<JsonNode> steps(String job) {
    List<JsonNode> out = new ArrayList<>();
    workflow.path("jobs").path(job).path("steps").forEach(out::add);
    assertFalse(out.isEmpty(), "job " + job + " has steps");
    return out;
  }

  /** Index of the first step using an action (prefix before '@') or running a command containing text. */
  static int step(String job, String usesOrRun) {
    List<JsonNode> steps = steps(job);
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      if (s.path("uses").asText().startsWith(usesOrRun + "@") || s.path("run").asText().contains(usesOrRun)) return i;
    }
    throw new AssertionError("job " + job + " has no step " + usesOrRun);
  }

  @Test
  void runsOnPullRequestsAndPushesToMain() {
    assertTrue(workflow.path("on").has("pull_request"));
    assertEquals("main", workflow.path("on").path("push").path("branches").get(0).asText());
    assertEquals("read", workflow.path("permissions").path("contents").asText());
  }

  @Test
  void pullRequestsTestSynthesizeAndPlanInThatOrderWithOidcCredentials() {
    JsonNode job = workflow.path("jobs").path("plan");
    assertTrue(job.path("if").asText().contains("pull_request"));
    assertEquals("write", job.path("permissions").path("id-token").asText());
    assertEquals("read", job.path("permissions").path("contents").asText());

    int checkout = step("plan", "actions/checkout");
    int java = step("plan", "actions/setup-java");
    int node = step("plan", "actions/setup-node");
    int test = step("plan", "mvn -B test");
    int synth = step("plan", "mvn -B -q -pl main -am compile exec:exec");
    int terraform = step("plan", "hashicorp/setup-terraform");
    int aws = step("plan", "aws-actions/configure-aws-credentials");
    int plan = step("plan", "bash main/scripts/plan.sh");
    int upload = step("plan", "actions/upload-artifact");
    for (int[] order : new int[][] {{checkout, java}, {java, test}, {node, test}, {test, synth}, {synth, plan},
        {terraform, plan}, {aws, plan}, {plan, upload}}) {
      assertTrue(order[0] < order[1], "step order in " + steps("plan"));
    }

    JsonNode setupJava = steps("plan").get(java).path("with");
    assertEquals("temurin", setupJava.path("distribution").asText());
    assertEquals("17", setupJava.path("java-version").asText());
    assertEquals("maven", setupJava.path("cache").asText());
    assertEquals("20", steps("plan").get(node).path("with").path("node-version").asText());
    String tf = steps("plan").get(terraform).path("with").path("terraform_version").asText();
    assertTrue(tf.matches("1\\.(1\\d|[2-9]\\d)\\.\\d+"), "terraform >= 1.10: " + tf);
    assertEquals("${{ vars.AWS_PLAN_ROLE_ARN }}", steps("plan").get(aws).path("with").path("role-to-assume").asText());
    assertTrue(steps("plan").get(upload).path("with").path("path").asText().contains("cdktf.out/stacks/*/tfplan"));
  }

  @Test
  void noStoredKeysAnywhere() throws IOException {
    String text = Files.readString(Scripts.ROOT.resolve(".github/workflows/blueprints.yml"));
    assertFalse(text.contains("aws-access-key-id"));
    assertFalse(text.contains("aws-secret-access-key"));
    assertFalse(text.contains("secrets."));
  }

  @Test
  void mainDeploysDevThenProdBehindAnApproval() {
    JsonNode dev = workflow.path("jobs").path("deploy-dev");
    JsonNode prod = workflow.path("jobs").path("deploy-prod");
    assertTrue(dev.path("if").asText().contains("refs/heads/main"));
    assertTrue(prod.path("if").asText().contains("refs/heads/main"));
    assertEquals("prod", prod.path("environment").asText());
    assertEquals("deploy-dev", prod.path("needs").asText());
    for (String job : List.of("deploy-dev", "deploy-prod")) {
      String env = job.substring("deploy-".length());
      assertEquals("write", workflow.path("jobs").path(job).path("permissions").path("id-token").asText());
      assertEquals(env, workflow.path("jobs").path(job).path("env").path("BLUEPRINTS_ENVS").asText());
      String deploy = steps(job).get(step(job, "cdktf-cli@0.19.2 deploy")).path("run").asText();
      assertTrue(deploy.contains("'*-" + env + "-*' --auto-approve"), deploy);
      assertTrue(step(job, "aws-actions/configure-aws-credentials") < step(job, "cdktf-cli@0.19.2 deploy"));
      assertTrue(step(job, "hashicorp/setup-terraform") < step(job, "cdktf-cli@0.19.2 deploy"));
    }
  }
}
