package dev.blueprints.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user must do before the first deploy of what synth just wrote, read from the output directory itself
 * (the manifest and each stack's {@code cdk.tf.json}), so it lists exactly what will be applied: the state bucket,
 * the images to push, the secrets to fill (with the command), who the alarms notify, the certificates or plain
 * HTTP of public load balancers, and what the selection needs against AWS's default quotas per region.
 *
 * <p>Writes {@value #FILE_NAME} (the lines, which {@code main/scripts/plan.sh} prints too) and {@value #QUOTA_FILE}
 * (needs and default quotas per region, beside the policy report) and prints the lines after a successful synth.
 */
public final class DeployChecklist {
  public static final String FILE_NAME = "before-first-deploy.txt";
  public static final String QUOTA_FILE = "quota-report.json";
  /** The state bucket of the committed settings files, which nobody can own. */
  public static final String EXAMPLE_BUCKET = "blueprints-tfstate-example";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REMOTE = Pattern.compile("\\$\\{data\\.terraform_remote_state\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)}");
  private static final Pattern USER_DATA_IMAGE = Pattern.compile("IMAGE='([^']+)'");
  private static final Pattern REF = Pattern.compile("^\\$\\{([a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.([a-z_]+)}$");

  /**
   * One AWS quota, at its default value for a new account.
   *
   * @param key          the field name in {@value #QUOTA_FILE}
   * @param name         the quota's name in Service Quotas
   * @param code         the Service Quotas code
   * @param defaultValue the default for a new account
   * @param scope        {@code region} or {@code availability zone}
   */
  public record Quota(String key, String name, String code, int defaultValue, String scope) {}

  public static final List<Quota> QUOTAS = List.of(
      new Quota("vpcs", "VPCs per Region", "L-F678F1CE", 5, "region"),
      new Quota("internetGateways", "Internet gateways per Region", "L-A4707A72", 5, "region"),
      new Quota("elasticIps", "EC2-VPC Elastic IPs", "L-0263D0A3", 5, "region"),
      new Quota("natGatewaysPerAz", "NAT gateways per Availability Zone", "L-FE5A380F", 5, "availability zone"));

  /** The checklist of one output directory. */
  public record Result(List<String> lines, ObjectNode quotas, List<String> excess) {}

  private DeployChecklist() {}

  /** Reads {@code outdir}, writes both files and prints the lines. */
  public static Result report(Path outdir, PrintStream out) {
    Result result = write(outdir);
    result.lines().forEach(out::println);
    return result;
  }

  /** Reads {@code outdir} and writes both files into it; prints nothing. */
  public static Result write(Path outdir) {
    Result result = read(outdir);
    try {
      Files.writeString(outdir.resolve(FILE_NAME), String.join("\n", result.lines()) + "\n");
      Files.writeString(outdir.resolve(QUOTA_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.quotas()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** The checklist of {@code outdir}, without writing anything. */
  public static Result read(Path outdir) {
    Map<String, JsonNode> stacks = stacks(outdir);
    List<String> state = new ArrayList<>();
    List<String> images = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> alarms = new ArrayList<>();
    List<String> listeners = new ArrayList<>();
    Map<String, Map<String, Integer>> needs = new TreeMap<>();

    for (var entry : stacks.entrySet()) {
      String id = entry.getKey();
      JsonNode stack = entry.getValue();
      String region = stack.path("provider").path("aws").path(0).path("region").asText("?");
      JsonNode s3 = stack.path("terraform").path("backend").path("s3");
      if (!s3.isMissingNode()) {
        String line = "  state bucket " + s3.path("bucket").asText() + " in " + s3.path("region").asText()
            + ": apply the state-bootstrap stack first (cdktf.out/stacks/state-bootstrap: terraform init && terraform apply)"
            + (s3.path("bucket").asText().equals(EXAMPLE_BUCKET) ? "; it is the committed example name: set state.bucket to a name of your own" : "");
        if (!state.contains(line)) state.add(line);
      }
      JsonNode resources = stack.path("resource");

      resources.path("aws_ecs_task_definition").forEach(task -> {
        for (JsonNode container : parse(task.path("container_definitions"))) {
          String image = container.path("image").asText();
          images.add("  " + id + ": container " + container.path("name").asText() + " runs " + describeImage(stacks, stack, image));
        }
      });

      // EC2 tiers that run a container image from user data (ContainerUserData writes IMAGE='<reference>').
      resources.path("aws_launch_template").forEach(template -> {
        Matcher m = USER_DATA_IMAGE.matcher(template.path("user_data").asText());
        if (m.find()) images.add("  " + id + ": launch template " + template.path("name").asText() + " runs "
            + describeImage(stacks, stack, m.group(1)));
      });

      resources.path("aws_secretsmanager_secret").forEach(secret -> {
        if (!"true".equals(secret.path("tags").path("FillBeforeUse").asText())) return;
        secrets.add("  aws secretsmanager put-secret-value --region " + region + " --secret-id " + secret.path("name").asText()
            + " --secret-string '<value>'   # " + secret.path("description").asText());
      });

      Map<String, List<String>> subscribers = new LinkedHashMap<>();
      resources.path("aws_sns_topic").fieldNames().forEachRemaining(name -> subscribers.put(name, new ArrayList<>()));
      resources.path("aws_sns_topic_subscription").forEach(sub -> {
        Matcher m = REF.matcher(sub.path("topic_arn").asText());
        if (m.matches() && subscribers.containsKey(m.group(2))) {
          subscribers.get(m.group(2)).add(sub.path("protocol").asText() + " " + sub.path("endpoint").asText());
        }
      });
      subscribers.forEach((name, subs) -> {
        String topic = resources.path("aws_sns_topic").path(name).path("name").asText();
        alarms.add("  " + id + ": topic " + topic + (subs.isEmpty()
            ? " notifies nobody: set alarmEmails (or alarmTopicArn) in the settings"
            : " notifies " + String.join(", ", subs) + (subs.stream().anyMatch(s -> s.startsWith("email "))
                ? " (each address must confirm the e-mail AWS sends)" : "")));
      });

      resources.path("aws_lb_listener").forEach(listener -> {
        Matcher m = REF.matcher(listener.path("load_balancer_arn").asText());
        JsonNode lb = m.matches() ? resources.path("aws_lb").path(m.group(2)) : null;
        if (lb == null || lb.path("internal").asBoolean(false)) return;
        String name = lb.path("name").asText();
        String protocol = listener.path("protocol").asText();
        if (protocol.equals("HTTPS") || protocol.equals("TLS")) {
          listeners.add("  " + id + ": " + name + " serves " + protocol + " with certificate " + listener.path("certificate_arn").asText()
              + " (it must be ISSUED in " + region + ")");
        } else if (protocol.equals("HTTP") && listener.path("default_action").path(0).path("type").asText().equals("forward")) {
          listeners.add("  " + id + ": " + name + " serves plain HTTP on port " + listener.path("port").asText()
              + " (allowPlainHttp): set certificateArn to an ACM certificate for your domain in " + region);
        }
      });

      Map<String, Integer> regionNeeds = needs.computeIfAbsent(region, r -> new LinkedHashMap<>());
      regionNeeds.merge("vpcs", resources.path("aws_vpc").size(), Integer::sum);
      regionNeeds.merge("internetGateways", resources.path("aws_internet_gateway").size(), Integer::sum);
      regionNeeds.merge("elasticIps", resources.path("aws_eip").size(), Integer::sum);
      resources.path("aws_nat_gateway").forEach(nat -> {
        Matcher m = REF.matcher(nat.path("subnet_id").asText());
        String az = m.matches() ? resources.path("aws_subnet").path(m.group(2)).path("availability_zone").asText(region + "?") : region + "?";
        regionNeeds.merge("nat:" + az, 1, Integer::sum);
      });
    }

    ObjectNode quotas = JSON.createObjectNode();
    ObjectNode regions = quotas.putObject("regions");
    List<String> excess = new ArrayList<>();
    needs.forEach((region, counts) -> {
      ObjectNode r = regions.putObject(region);
      for (Quota quota : QUOTAS) {
        int needed = quota.key().equals("natGatewaysPerAz")
            ? counts.entrySet().stream().filter(e -> e.getKey().startsWith("nat:")).mapToInt(Map.Entry::getValue).max().orElse(0)
            : counts.getOrDefault(quota.key(), 0);
        ObjectNode q = r.putObject(quota.key());
        q.put("quota", quota.name()).put("code", quota.code()).put("scope", quota.scope())
            .put("needed", needed).put("default", quota.defaultValue());
        if (needed > quota.defaultValue()) {
          excess.add("  " + region + ": " + needed + " " + quota.name() + " needed, the default quota is " + quota.defaultValue()
              + " (Service Quotas code " + quota.code() + "): request an increase or deploy one blueprint at a time");
        }
      }
    });
    ArrayNode excessJson = quotas.putArray("excess");
    excess.forEach(line -> excessJson.add(line.strip()));

    List<String> lines = new ArrayList<>();
    lines.add("blueprints: before your first deploy (" + FILE_NAME + "):");
    section(lines, "state", state);
    section(lines, "images to push (the ECR repositories are created by the data stacks; push before the compute stacks)", images);
    section(lines, "secrets to fill (tasks start with a placeholder; services restart on their own when a value is put)", secrets);
    section(lines, "alarm addresses", alarms);
    section(lines, "certificate or domain of public load balancers", listeners);
    section(lines, "quotas against AWS defaults (" + QUOTA_FILE + ")", excess.isEmpty() ? List.of("  within the default quotas") : excess);
    return new Result(lines, quotas, excess);
  }

  private static void section(List<String> lines, String title, List<String> items) {
    if (items.isEmpty()) return;
    lines.add("- " + title + ":");
    lines.addAll(items.stream().distinct().toList());
  }

  /** {@code <repository>:<tag>} when the image comes from a repository the app creates, else the image itself. */
  private static String describeImage(Map<String, JsonNode> stacks, JsonNode stack, String image) {
    Matcher m = REMOTE.matcher(image);
    if (!m.find()) {
      Matcher local = Pattern.compile("\\$\\{aws_ecr_repository\\.([A-Za-z0-9_-]+)\\.repository_url}(.*)").matcher(image);
      if (local.matches()) return stack.path("resource").path("aws_ecr_repository").path(local.group(1)).path("name").asText() + local.group(2);
      return image;
    }
    String key = stack.path("data").path("terraform_remote_state").path(m.group(1)).path("config").path("key").asText();
    for (var producer : stacks.entrySet()) {
      JsonNode s3 = producer.getValue().path("terraform").path("backend").path("s3");
      if (!s3.path("key").asText().equals(key)) continue;
      Matcher ref = REF.matcher(producer.getValue().path("output").path(m.group(2)).path("value").asText());
      if (ref.matches() && ref.group(1).equals("aws_ecr_repository")) {
        String repository = producer.getValue().path("resource").path(ref.group(1)).path(ref.group(2)).path("name").asText();
        return "image " + image.substring(m.end()).replaceFirst("^[:@]", "tag ") + " of ECR repository " + repository
            + " (created by " + producer.getKey() + ")";
      }
    }
    return image;
  }

  private static List<JsonNode> parse(JsonNode text) {
    List<JsonNode> out = new ArrayList<>();
    try {
      JsonNode node = text.isTextual() ? JSON.readTree(text.asText()) : text;
      node.forEach(out::add);
    } catch (IOException e) {
      // An unresolved or foreign value: nothing to list.
    }
    return out;
  }

  private static Map<String, JsonNode> stacks(Path outdir) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try {
      JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
      for (var it = manifest.path("stacks").fields(); it.hasNext(); ) {
        var e = it.next();
        out.put(e.getKey(), JSON.readTree(outdir.resolve(e.getValue().path("synthesizedStackPath").asText()).toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
