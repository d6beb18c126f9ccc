package dev.blueprints.compute;

import dev.blueprints.core.LogRetention;
import dev.blueprints.core.Tokens;
import dev.blueprints.data.Database;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One container of an ECS task, rendered into the task definition's container definitions JSON.
 * Containers are never privileged; the root file system is read-only unless a reason is given.
 *
 * @param name                   container name, unique in the task (letters, digits, {@code -}, {@code _})
 * @param image                  image reference, e.g. an ECR repository URL with a tag (may be a token)
 * @param ports                  TCP container ports. Default: none
 * @param environment            plain environment variables, sorted by name. Default: none
 * @param secrets                variables read from Secrets Manager at task start by the execution role, sorted by name. Default: none
 * @param healthCheck            container health check. Default: none
 * @param readonlyRootFilesystem read-only root file system. Default: true ({@link Builder#writableRootFilesystem})
 * @param writableRootReason     why the root file system is writable; null when it is read-only
 * @param user                   user (and group) to run as, e.g. {@code 1000:1000}. Default: the image's
 * @param essential              the task stops when this container stops. Default: true
 * @param cpu                    CPU units reserved for the container. Default: none (shares the task's)
 * @param memory                 hard memory limit (MiB). Default: none (the task's)
 * @param memoryReservation      soft memory limit (MiB). Default: none
 * @param command                command overriding the image's CMD. Default: the image's
 * @param mountPoints            volumes mounted into the container. Default: none
 * @param logRetentionDays       retention of the container's log group. Default: the environment's logRetentionDays
 */
public record ContainerSpec(
    String name,
    String image,
    List<Integer> ports,
    Map<String, String> environment,
    List<Secret> secrets,
    HealthCheck healthCheck,
    boolean readonlyRootFilesystem,
    String writableRootReason,
    String user,
    boolean essential,
    Integer cpu,
    Integer memory,
    Integer memoryReservation,
    List<String> command,
    List<MountPoint> mountPoints,
    Integer logRetentionDays) {

  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");
  private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  public ContainerSpec {
    Validate.matches("container.name", name, NAME, "1-255 letters, digits, hyphens and underscores");
    Validate.notBlank("container.image", image);
    if (!image.equals(image.strip()) || image.chars().anyMatch(Character::isWhitespace)) {
      throw Validate.invalid("container.image", image, "an image reference without spaces, tabs or line breaks "
          + "(registry/repository:tag or @sha256:digest); ECS cannot pull a reference with whitespace");
    }
    ports = List.copyOf(ports == null ? List.of() : ports);
    for (int port : ports) Validate.range("container.port", port, 1, 65535);
    if (new HashSet<>(ports).size() != ports.size()) throw Validate.invalid("container.ports", ports, "each port once");
    environment = Collections.unmodifiableMap(new TreeMap<>(environment == null ? Map.of() : environment));
    for (String key : environment.keySet()) {
      Validate.matches("container.env", key, ENV_NAME, "a variable name of letters, digits and underscores, not starting with a digit");
    }
    // Sorted like the environment, so reordering calls never changes the task definition.
    secrets = (secrets == null ? List.<Secret>of() : secrets).stream().sorted(java.util.Comparator.comparing(Secret::name)).toList();
    Set<String> secretNames = new HashSet<>();
    for (Secret secret : secrets) {
      if (!secretNames.add(secret.name())) throw Validate.invalid("container.secret", secret.name(), "each variable name once");
      if (environment.containsKey(secret.name())) {
        throw Validate.invalid("container.secret", secret.name(), "a name not also used by env(...)");
      }
    }
    if (readonlyRootFilesystem && writableRootReason != null) {
      throw Validate.invalid("writableRootReason", writableRootReason, "only with a writable root file system");
    }
    if (!readonlyRootFilesystem) Validate.notBlank("writableRootFilesystem reason", writableRootReason);
    if (user != null) Validate.notBlank("container.user", user);
    if (cpu != null) Validate.range("container.cpu", cpu, 0, 196_608);
    if (memory != null) Validate.range("container.memory", memory, 6, 4_000_000);
    if (memoryReservation != null) Validate.range("container.memoryReservation", memoryReservation, 6, 4_000_000);
    if (memory != null && memoryReservation != null) {
      Validate.ordered("container.memoryReservation", memoryReservation, "container.memory", memory);
    }
    command = command == null ? null : List.copyOf(command);
    mountPoints = List.copyOf(mountPoints == null ? List.of() : mountPoints);
    Set<String> paths = new HashSet<>();
    for (MountPoint mount : mountPoints) {
      if (!paths.add(mount.containerPath())) throw Validate.invalid("mountPoint.containerPath", mount.containerPath(), "each path once per container");
    }
    if (logRetentionDays != null) LogRetention.require("container.logRetentionDays", logRetentionDays);
  }

  public static Builder builder(String name, String image) {
    return new Builder(name, image);
  }

  /**
   * An environment variable read from Secrets Manager when the task starts.
   *
   * @param name      variable name
   * @param secretArn the secret's ARN (a reference or a literal ARN)
   * @param jsonKey   a key of the secret's JSON value, or null for the whole value
   * @param kmsKeyArn the customer-managed key the secret is encrypted with, which the execution role may then
   *                  decrypt with through Secrets Manager; null for the AWS-managed {@code aws/secretsmanager}
   */
  public record Secret(String name, String secretArn, String jsonKey, String kmsKeyArn) {
    private static final Pattern LITERAL_ARN = Pattern.compile("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[^:]+(:[^:]*:[^:]*:[^:]*)?$");

    public Secret {
      Validate.matches("container.secret", name, ENV_NAME, "a variable name of letters, digits and underscores");
      Validate.notBlank("container.secret " + name, secretArn);
      if (!Tokens.isUnresolved(secretArn)) {
        Validate.matches("container.secret " + name, secretArn, LITERAL_ARN,
            "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), optionally with :<jsonKey>::");
        if (jsonKey != null && secretArn.split(":").length > 7) {
          throw Validate.invalid("container.secret " + name, secretArn, "either a key suffix in the ARN or a jsonKey, not both");
        }
      }
      if (jsonKey != null) Validate.notBlank("container.secret jsonKey", jsonKey);
      if (kmsKeyArn != null) Validate.notBlank("container.secret " + name + " kmsKeyArn", kmsKeyArn);
    }

    /** A secret under the AWS-managed key. */
    public Secret(String name, String secretArn, String jsonKey) {
      this(name, secretArn, jsonKey, null);
    }

    /** The {@code valueFrom} of the container definition: {@code <arn>:<jsonKey>::} with a key. */
    public String valueFrom() {
      return jsonKey == null ? secretArn : secretArn + ":" + jsonKey + "::";
    }

    /** The secret's own ARN, without any key suffix: what the execution role may read. */
    public String secretOnlyArn() {
      if (Tokens.isUnresolved(secretArn)) return secretArn;
      String[] parts = secretArn.split(":");
      return parts.length <= 7 ? secretArn : String.join(":", java.util.Arrays.copyOfRange(parts, 0, 7));
    }
  }

  /**
   * A container health check run by the ECS agent.
   *
   * @param command     {@code ["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"]} or {@code ["CMD", ...]}
   * @param interval    seconds between checks (5-300). Default: 30
   * @param timeout     seconds before a check fails (2-60). Default: 5
   * @param retries     failures before unhealthy (1-10). Default: 3
   * @param startPeriod grace seconds after start (0-300). Default: 60
   */
  public record HealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {
    public HealthCheck {
      command = List.copyOf(Validate.notNull("healthCheck.command", command));
      if (command.size() < 2 || !List.of("CMD", "CMD-SHELL").contains(command.get(0))) {
        throw Validate.invalid("healthCheck.command", command, "[\"CMD-SHELL\", \"<shell command>\"] or [\"CMD\", \"<executable>\", ...]");
      }
      Validate.range("healthCheck.interval", interval, 5, 300);
      Validate.range("healthCheck.timeout", timeout, 2, 60);
      Validate.range("healthCheck.retries", retries, 1, 10);
      Validate.range("healthCheck.startPeriod", startPeriod, 0, 300);
      if (timeout >= interval) throw Validate.invalid("healthCheck.timeout", timeout, "less than the interval (" + interval + " s)");
    }

    public static HealthCheck of(List<String> command) {
      return new HealthCheck(command, 30, 5, 3, 60);
    }

    private static final Pattern HTTP_PATH = Pattern.compile("^/[A-Za-z0-9._~/-]*$");

    /**
     * An HTTP GET of {@code http://localhost:<port><path>} with {@code curl -f}: only for images that ship curl
     * (many slim, Alpine and distroless images do not; then use {@link #httpWithNode} or {@link #httpWithPython}).
     */
    public static List<String> httpWithCurl(int port, String path) {
      return List.of("CMD-SHELL", "curl -fsS -o /dev/null " + url(port, path) + " || exit 1");
    }

    /** An HTTP GET run by the image's own Node.js (Node images: Next.js, Express); healthy below status 400. */
    public static List<String> httpWithNode(int port, String path) {
      return List.of("CMD-SHELL", "node -e \"require('http').get('" + url(port, path)
          + "',r=>process.exit(r.statusCode<400?0:1)).on('error',()=>process.exit(1))\" || exit 1");
    }

    /** An HTTP GET run by the image's own Python 3 (Django, FastAPI); urlopen fails on any status of 400 or more. */
    public static List<String> httpWithPython(int port, String path) {
      return List.of("CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('" + url(port, path)
          + "', timeout=4)\" || exit 1");
    }

    private static String url(int port, String path) {
      Validate.range("healthCheck port", port, 1, 65535);
      Validate.matches("healthCheck path", path, HTTP_PATH, "an absolute URL path of letters, digits and . _ ~ / - (no query, quotes or spaces)");
      return "http://localhost:" + port + path;
    }
  }

  /**
   * @param volumeName    a volume declared on the task ({@link TaskDefinitionProps.Builder#volume})
   * @param containerPath absolute path in the container
   * @param readOnly      mount read-only
   */
  public record MountPoint(String volumeName, String containerPath, boolean readOnly) {
    public MountPoint {
      Validate.notBlank("mountPoint.volumeName", volumeName);
      Validate.notBlank("mountPoint.containerPath", containerPath);
      if (!containerPath.startsWith("/")) throw Validate.invalid("mountPoint.containerPath", containerPath, "an absolute path");
    }
  }

  public static final class Builder {
    private final String name;
    private final String image;
    private final Set<Integer> ports = new LinkedHashSet<>();
    private final Map<String, String> environment = new TreeMap<>();
    private final List<Secret> secrets = new ArrayList<>();
    private HealthCheck healthCheck;
    private boolean readonlyRootFilesystem = true;
    private String writableRootReason;
    private String user;
    private boolean essential = true;
    private Integer cpu;
    private Integer memory;
    private Integer memoryReservation;
    private List<String> command;
    private final List<MountPoint> mountPoints = new ArrayList<>();
    private Integer logRetentionDays;

    private Builder(String name, String image) {
      this.name = name;
      this.image = image;
    }

    /** Exposes a TCP container port (the load balancer and health checks target it). */
    public Builder port(int containerPort) { ports.add(containerPort); return this; }
    public Builder env(String name, String value) { environment.put(name, Validate.notNull("env " + name, value)); return this; }
    /** A variable from a Secrets Manager ARN; a literal ARN may end in {@code :<jsonKey>::}. */
    public Builder secret(String name, String valueFromArn) { secrets.add(new Secret(name, valueFromArn, null)); return this; }
    /** A variable from one JSON key of a secret; use this form when the ARN is a reference. */
    public Builder secret(String name, String secretArn, String jsonKey) { secrets.add(new Secret(name, secretArn, jsonKey)); return this; }
    /**
     * A variable from a secret of the library, whole: the execution role reads it and, when the secret has a
     * customer-managed key, decrypts with that key through Secrets Manager.
     */
    public Builder secret(String name, dev.blueprints.data.Secret secret) { return secret(name, secret, null); }
    /** As {@link #secret(String, dev.blueprints.data.Secret)}, one JSON key of it ({@code "password"}). */
    public Builder secret(String name, dev.blueprints.data.Secret secret, String jsonKey) {
      Validate.notNull("container.secret " + name, secret);
      secrets.add(new Secret(name, secret.arn(), jsonKey, secret.kmsKeyArn()));
      return this;
    }
    /**
     * A variable from one JSON key ({@code "username"}, {@code "password"}) of the master user secret RDS manages for
     * {@code database}, with {@code kms:Decrypt} on its key when the database has a customer-managed one.
     */
    public Builder secret(String name, Database database, String jsonKey) {
      Validate.notNull("container.secret " + name, database);
      secrets.add(new Secret(name, database.secretArn(), jsonKey, database.secretKmsKeyArn()));
      return this;
    }
    /** Health check with interval 30 s, timeout 5 s, 3 retries and a 60 s start period. */
    public Builder healthCheck(List<String> command) { this.healthCheck = HealthCheck.of(command); return this; }
    public Builder healthCheck(HealthCheck value) { this.healthCheck = Validate.notNull("healthCheck", value); return this; }
    public Builder healthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {
      this.healthCheck = new HealthCheck(command, interval, timeout, retries, startPeriod);
      return this;
    }
    /** Makes the root file system writable; prefer an {@link VolumeSpec#ephemeral} mount for scratch space. */
    public Builder writableRootFilesystem(String reason) {
      this.readonlyRootFilesystem = false;
      this.writableRootReason = Validate.notBlank("writableRootFilesystem reason", reason);
      return this;
    }
    public Builder user(String value) { this.user = value; return this; }
    public Builder essential(boolean value) { this.essential = value; return this; }
    public Builder cpu(int value) { this.cpu = value; return this; }
    public Builder memory(int value) { this.memory = value; return this; }
    public Builder memoryReservation(int value) { this.memoryReservation = value; return this; }
    public Builder command(List<String> value) { this.command = value; return this; }
    public Builder mountPoint(String volumeName, String containerPath, boolean readOnly) {
      mountPoints.add(new MountPoint(volumeName, containerPath, readOnly));
      return this;
    }
    public Builder logRetentionDays(int days) { this.logRetentionDays = days; return this; }

    public ContainerSpec build() {
      return new ContainerSpec(name, image, List.copyOf(ports), environment, secrets, healthCheck, readonlyRootFilesystem,
          writableRootReason, user, essential, cpu, memory, memoryReservation, command, mountPoints, logRetentionDays);
    }
  }
}
