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
    int test = step("plan", "bash .ci/run");
    int synth = step("plan", "./mvnw -B -q -pl main -am compile exec:exec");
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
    assertEquals("22", steps("plan").get(node).path("with").path("node-version").asText());
    String sameRepository = "github.event.pull_request.head.repo.full_name == github.repository";
    for (int awsStep : new int[] {terraform, aws, plan, upload}) {
      assertTrue(steps("plan").get(awsStep).path("if").asText().contains(sameRepository),
          "forks get no OIDC token: " + steps("plan").get(awsStep));
    }
    String tf = steps("plan").get(terraform).path("with").path("terraform_version").asText();
    assertTrue(tf.matches("1\\.(1\\d|[2-9]\\d)\\.\\d+"), "terraform >= 1.10: " + tf);
    assertTrue(steps("plan").get(aws).path("with").path("role-to-assume").asText().endsWith("|| vars.AWS_PLAN_ROLE_ARN }}"));
    assertTrue(steps("plan").get(upload).path("with").path("path").asText().contains("cdktf.out/stacks/*/tfplan"));
  }

  /** Index of the step whose id is {@code id}. */
  static int stepWithId(String job, String id) {
    List<JsonNode> steps = steps(job);
    for (int i = 0; i < steps.size(); i++) if (steps.get(i).path("id").asText().equals(id)) return i;
    throw new AssertionError("job " + job + " has no step with id " + id);
  }

  @Test
  void eachEnvironmentIsPlannedWithItsOwnRoleFromTheSettings() {
    List<JsonNode> steps = steps("plan");
    int previousPlan = step("plan", "./mvnw -B -q -pl main -am compile exec:exec");
    for (String env : List.of("dev", "prod")) {
      int role = stepWithId("plan", env + "-role");
      assertEquals("echo \"arn=$(bash main/scripts/role.sh " + env + " plan)\" >>\"$GITHUB_OUTPUT\"", steps.get(role).path("run").asText());
      int credentials = -1;
      int plan = -1;
      for (int i = role + 1; i < steps.size(); i++) {
        JsonNode s = steps.get(i);
        if (credentials < 0 && s.path("uses").asText().startsWith("aws-actions/configure-aws-credentials@")) credentials = i;
        if (plan < 0 && s.path("run").asText().contains("plan.sh")) plan = i;
      }
      assertEquals("${{ steps." + env + "-role.outputs.arn || vars.AWS_PLAN_ROLE_ARN }}",
          steps.get(credentials).path("with").path("role-to-assume").asText());
      assertEquals("bash main/scripts/plan.sh --role none '*-" + env + "-*'", steps.get(plan).path("run").asText().trim());
      assertTrue(previousPlan < role && role < credentials && credentials < plan, env + ": role, credentials, plan in order");
      previousPlan = plan;
    }
  }

  @Test
  void deploysAssumeTheEnvironmentsDeployRoleFromTheSettings() {
    for (String env : List.of("dev", "prod")) {
      String job = "deploy-" + env;
      int role = stepWithId(job, "role");
      assertEquals("echo \"arn=$(bash main/scripts/role.sh " + env + " deploy)\" >>\"$GITHUB_OUTPUT\"",
          steps(job).get(role).path("run").asText());
      int credentials = step(job, "aws-actions/configure-aws-credentials");
      assertTrue(role < credentials);
      assertEquals("${{ steps.role.outputs.arn || vars.AWS_DEPLOY_ROLE_ARN }}",
          steps(job).get(credentials).path("with").path("role-to-assume").asText());
      JsonNode deploy = steps(job).get(step(job, "cdktf-cli@0.19.2 deploy"));
      assertEquals("", deploy.path("env").path("TF_VAR_aws_role_arn").asText("missing"), "the provider assumes no second role");
    }
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
      assertTrue(step(job, "./mvnw -B test") < step(job, "cdktf-cli@0.19.2 deploy"), "tests before " + job);
    }
  }
}
