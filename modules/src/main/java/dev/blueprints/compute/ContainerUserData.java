package dev.blueprints.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * User data for an Amazon Linux 2023 instance whose application is a container image: installs and enables
 * Docker and the CloudWatch agent, configures the agent (memory and root-disk metrics per Auto Scaling
 * group, this script's log and the application's log file if it names one), logs in to ECR with the instance
 * role when the image is in an ECR registry, and runs the container with a restart policy, the port
 * published on the host, the {@code awslogs} log driver into {@code logGroupName} (one stream per instance)
 * and {@code environment} as its variables.
 *
 * <p>The variables are written to {@code /etc/app/app.env} (mode 0600) and handed to {@code docker run
 * --env-file}: they are visible to anyone who can read the launch template, so they carry endpoints, ARNs
 * and settings, <b>never secret values</b> (pass a secret's ARN and let the application read it with the
 * instance role). Values may be Terraform references; they must not contain line breaks.
 *
 * <p>The instance role needs to pull the image ({@link ContainerRegistry#grantPull}) and to write to the log
 * group (the {@code CloudWatchAgentServerPolicy} every {@link AutoScalingGroup} role carries allows both the
 * agent and the Docker log driver). The script is idempotent: a reboot re-runs nothing (cloud-init runs
 * user data once per instance) and Docker restarts the container.
 *
 * @param image           image reference ({@code <registry>/<repository>:<tag>} or {@code @sha256:...}); may be a reference
 * @param port            the port the application listens on in the container, published on the same host port
 * @param logGroupName    CloudWatch log group for the container's output and this script's log; may be a reference
 * @param region          the AWS region (ECR login and the log driver)
 * @param environment     the container's variables, in order: names {@code [A-Za-z_][A-Za-z0-9_]*}
 * @param appLogFile      an absolute path on the host where the application writes a log file (mount it into
 *                        the container with {@code volumes}), shipped by the agent; null for none
 * @param volumes         bind mounts {@code host path -> container path}, both absolute
 * @param metricsNamespace CloudWatch namespace of the agent's metrics. Default: {@code CWAgent}
 */
public record ContainerUserData(String image, int port, String logGroupName, String region, Map<String, String> environment,
    String appLogFile, Map<String, String> volumes, String metricsNamespace) {
  /** Where the agent's configuration is written. */
  public static final String AGENT_CONFIG = "/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json";
  /** The file the container's variables are written to. */
  public static final String ENV_FILE = "/etc/app/app.env";
  /** The container's name on the host. */
  public static final String CONTAINER = "app";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  private static final Pattern PATH = Pattern.compile("^/[A-Za-z0-9._/-]+$");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");
  private static final Pattern IMAGE = Pattern.compile("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9_.-]+|@sha256:[a-f0-9]{64})$");
  // Terraform reads "${" and "%{" as template syntax: the agent's placeholders are written with a stand-in.
  private static final String DOLLAR = "__DOLLAR__";

  public ContainerUserData {
    Validate.notBlank("image", image);
    if (!Tokens.isUnresolved(image)) Validate.matches("image", image, IMAGE, "a full image reference with a tag or digest, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2");
    Validate.range("port", port, 1, 65535);
    Validate.notBlank("logGroupName", logGroupName);
    Validate.matches("region", region, REGION, "an AWS region such as eu-west-1");
    environment = new LinkedHashMap<>(environment == null ? Map.of() : environment);
    environment.forEach((name, value) -> {
      Validate.matches("environment", name, NAME, "variable names of letters, digits and _, not starting with a digit");
      Validate.notNull("environment." + name, value);
      if (value.contains("\n") || value.contains("\r")) throw Validate.invalid("environment." + name, value, "a value on one line");
    });
    environment = java.util.Collections.unmodifiableMap(environment);
    if (appLogFile != null) Validate.matches("appLogFile", appLogFile, PATH, "an absolute path such as /var/log/app/app.log");
    volumes = volumes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
    volumes.forEach((host, container) -> {
      Validate.matches("volumes", host, PATH, "absolute host paths");
      Validate.matches("volumes." + host, container, PATH, "an absolute container path");
    });
    Validate.matches("metricsNamespace", metricsNamespace, Pattern.compile("^[A-Za-z0-9./_#:-]{1,255}$"), "a CloudWatch namespace");
  }

  public static Builder builder(String image, int port, String logGroupName, String region) {
    return new Builder(image, port, logGroupName, region);
  }

  /** The shell script. */
  public String script() {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/bash\n")
        .append("set -euo pipefail\n")
        .append("exec >>/var/log/user-data.log 2>&1\n")
        .append("echo \"user data: start $(date -Is)\"\n")
        .append("dnf install -y docker amazon-cloudwatch-agent\n")
        .append("\n# CloudWatch agent: memory and disk metrics per Auto Scaling group, this log")
        .append(appLogFile != null ? " and the application's log file\n" : "\n")
        .append("cat >").append(AGENT_CONFIG).append(" <<'AGENT'\n").append(agentConfig()).append("\nAGENT\n")
        .append("sed -i 's/").append(DOLLAR).append("/$/g' ").append(AGENT_CONFIG).append('\n')
        .append("/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:")
        .append(AGENT_CONFIG).append('\n')
        .append("\n# The application's variables: endpoints, ARNs, settings (no secret values)\n")
        .append("install -d -m 0755 /etc/app\n")
        .append("cat >").append(ENV_FILE).append(" <<'ENV'\n");
    environment.forEach((name, value) -> s.append(name).append('=').append(value).append('\n'));
    s.append("ENV\n")
        .append("chmod 0600 ").append(ENV_FILE).append('\n');
    for (String host : volumes.keySet()) s.append("install -d -m 0755 ").append(host).append('\n');
    s.append("\nsystemctl enable --now docker\n")
        .append("IMAGE='").append(image).append("'\n")
        .append("REGISTRY=$(echo \"$IMAGE\" | cut -d/ -f1)\n")
        .append("case \"$REGISTRY\" in\n")
        .append("  *.dkr.ecr.*.amazonaws.com) aws ecr get-login-password --region ").append(region)
        .append(" | docker login --username AWS --password-stdin \"$REGISTRY\" ;;\n")
        .append("esac\n")
        .append("for attempt in 1 2 3 4 5; do docker pull \"$IMAGE\" && break; echo \"pull failed ($attempt)\"; sleep 15; done\n")
        .append("TOKEN=$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\n")
        .append("INSTANCE_ID=$(curl -sS -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id)\n")
        .append("docker rm -f ").append(CONTAINER).append(" 2>/dev/null || true\n")
        .append("docker run -d --name ").append(CONTAINER).append(" --restart always")
        .append(" -p ").append(port).append(':').append(port)
        .append(" --env-file ").append(ENV_FILE);
    volumes.forEach((host, container) -> s.append(" -v ").append(host).append(':').append(container));
    s.append(" --log-driver awslogs")
        .append(" --log-opt awslogs-region=").append(region)
        .append(" --log-opt awslogs-group=").append(logGroupName)
        .append(" --log-opt awslogs-stream=\"$INSTANCE_ID\"")
        .append(" \"$IMAGE\"\n")
        .append("echo \"user data: done $(date -Is)\"\n");
    return s.toString();
  }

  /** The CloudWatch agent's configuration (with the agent's {@code ${aws:...}} placeholders written as {@value #DOLLAR}). */
  String agentConfig() {
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("metrics_collection_interval", 60);
    agent.put("run_as_user", "root");
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("namespace", metricsNamespace);
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("AutoScalingGroupName", DOLLAR + "{aws:AutoScalingGroupName}");
    dimensions.put("InstanceId", DOLLAR + "{aws:InstanceId}");
    metrics.put("append_dimensions", dimensions);
    metrics.put("aggregation_dimensions", List.of(List.of("AutoScalingGroupName")));
    Map<String, Object> collected = new LinkedHashMap<>();
    collected.put("mem", Map.of("measurement", List.of("mem_used_percent")));
    Map<String, Object> disk = new LinkedHashMap<>();
    disk.put("measurement", List.of("used_percent"));
    disk.put("resources", List.of("/"));
    disk.put("ignore_file_system_types", List.of("sysfs", "devtmpfs", "tmpfs", "overlay"));
    collected.put("disk", disk);
    metrics.put("metrics_collected", collected);
    List<Map<String, Object>> files = new java.util.ArrayList<>();
    files.add(logFile("/var/log/user-data.log", "{instance_id}/user-data"));
    if (appLogFile != null) files.add(logFile(appLogFile, "{instance_id}/app-file"));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("agent", agent);
    config.put("metrics", metrics);
    config.put("logs", Map.of("logs_collected", Map.of("files", Map.of("collect_list", files))));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> logFile(String path, String stream) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("file_path", path);
    file.put("log_group_name", logGroupName);
    file.put("log_stream_name", stream);
    return file;
  }

  public static final class Builder {
    private final String image;
    private final int port;
    private final String logGroupName;
    private final String region;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> volumes = new LinkedHashMap<>();
    private String appLogFile;
    private String metricsNamespace = "CWAgent";

    private Builder(String image, int port, String logGroupName, String region) {
      this.image = image;
      this.port = port;
      this.logGroupName = logGroupName;
      this.region = region;
    }

    public Builder env(String name, String value) { environment.put(name, value); return this; }
    public Builder env(Map<String, String> values) { environment.putAll(values); return this; }
    public Builder volume(String hostPath, String containerPath) { volumes.put(hostPath, containerPath); return this; }
    public Builder appLogFile(String value) { this.appLogFile = value; return this; }
    public Builder metricsNamespace(String value) { this.metricsNamespace = value; return this; }

    public ContainerUserData build() {
      return new ContainerUserData(image, port, logGroupName, region, environment, appLogFile, volumes, metricsNamespace);
    }
  }
}
