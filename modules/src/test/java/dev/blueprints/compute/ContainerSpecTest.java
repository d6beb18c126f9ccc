package dev.blueprints.compute;

import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {
  static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";

  private static ContainerSpec.Builder spec() {
    return ContainerSpec.builder("app", "nginx:1.27");
  }

  @Test
  void defaultsAreHardened() {
    ContainerSpec spec = spec().build();
    assertTrue(spec.readonlyRootFilesystem());
    assertNull(spec.writableRootReason());
    assertTrue(spec.essential());
    assertTrue(spec.ports().isEmpty() && spec.environment().isEmpty() && spec.secrets().isEmpty() && spec.mountPoints().isEmpty());
    assertNull(spec.healthCheck());
    assertNull(spec.user());
    assertNull(spec.logRetentionDays());
    assertNull(spec.cpu());
  }

  @Test
  void healthCheckDefaults() {
    ContainerSpec.HealthCheck check = spec().healthCheck(List.of("CMD", "/bin/health")).build().healthCheck();
    assertEquals(List.of("CMD", "/bin/health"), check.command());
    assertEquals(30, check.interval());
    assertEquals(5, check.timeout());
    assertEquals(3, check.retries());
    assertEquals(60, check.startPeriod());
    assertEquals(10, spec().healthCheck(List.of("CMD", "x"), 10, 3, 2, 0).build().healthCheck().interval());
  }

  @Test
  void secretsKeepTheirJsonKeyOutOfThePolicyArn() {
    ContainerSpec spec = spec()
        .secret("PASSWORD", SECRET + ":password::")
        .secret("USER", SECRET, "username")
        .secret("WHOLE", SECRET)
        .build();
    assertEquals(List.of("PASSWORD", "USER", "WHOLE"), spec.secrets().stream().map(ContainerSpec.Secret::name).toList());
    assertEquals(SECRET + ":password::", spec.secrets().get(0).valueFrom());
    assertEquals(SECRET, spec.secrets().get(0).secretOnlyArn());
    assertEquals(SECRET + ":username::", spec.secrets().get(1).valueFrom());
    assertEquals(SECRET, spec.secrets().get(1).secretOnlyArn());
    assertEquals(SECRET, spec.secrets().get(2).valueFrom());
  }

  @Test
  void writableRootFilesystemNeedsAReason() {
    ContainerSpec spec = spec().writableRootFilesystem("writes its cache next to the binary").build();
    assertFalse(spec.readonlyRootFilesystem());
    assertEquals("writes its cache next to the binary", spec.writableRootReason());
    assertEquals("writableRootFilesystem reason = \" \" is invalid: a non-empty value is required",
        error(() -> spec().writableRootFilesystem(" ")));
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    assertTrue(error(() -> ContainerSpec.builder("my app", "nginx").build()).startsWith("container.name = \"my app\" is invalid"));
    assertEquals("container.image = \"\" is invalid: a non-empty value is required", error(() -> ContainerSpec.builder("app", "").build()));
    assertEquals("container.port = 70000 is invalid: allowed range is 1..65535", error(() -> spec().port(70000).build()));
    assertTrue(error(() -> spec().secret("DB", "arn:aws:ssm:eu-west-1:123456789012:parameter/db"))
        .startsWith("container.secret DB = \"arn:aws:ssm:eu-west-1:123456789012:parameter/db\" is invalid: a Secrets Manager secret ARN"));
    assertTrue(error(() -> spec().secret("DB", SECRET + ":password::", "username")).endsWith("either a key suffix in the ARN or a jsonKey, not both"));
    assertEquals("container.secret = \"DB\" is invalid: a name not also used by env(...)",
        error(() -> spec().env("DB", "x").secret("DB", SECRET).build()));
    assertEquals("container.secret = \"DB\" is invalid: each variable name once",
        error(() -> spec().secret("DB", SECRET).secret("DB", SECRET).build()));
    assertTrue(error(() -> spec().env("1BAD", "x").build()).startsWith("container.env = \"1BAD\" is invalid"));
    assertEquals("healthCheck.command = [curl localhost] is invalid: [\"CMD-SHELL\", \"<shell command>\"] or [\"CMD\", \"<executable>\", ...]",
        error(() -> spec().healthCheck(List.of("curl localhost"))));
    assertEquals("healthCheck.timeout = 30 is invalid: less than the interval (30 s)",
        error(() -> spec().healthCheck(List.of("CMD", "x"), 30, 30, 3, 60)));
    assertEquals("healthCheck.retries = 0 is invalid: allowed range is 1..10", error(() -> spec().healthCheck(List.of("CMD", "x"), 30, 5, 0, 60)));
    assertEquals("container.memoryReservation = 512 is greater than container.memory = 256: container.memoryReservation must be <= container.memory",
        error(() -> spec().memory(256).memoryReservation(512).build()));
    assertEquals("mountPoint.containerPath = \"data\" is invalid: an absolute path", error(() -> spec().mountPoint("data", "data", false)));
    assertEquals("mountPoint.containerPath = \"/data\" is invalid: each path once per container",
        error(() -> spec().mountPoint("a", "/data", false).mountPoint("b", "/data", true).build()));
    assertTrue(error(() -> spec().logRetentionDays(10).build()).startsWith("container.logRetentionDays = 10 is invalid: CloudWatch accepts"));
  }

  @Test
  void volumeSpecsValidateTheirOwnFields() {
    assertEquals("volume.autoprovision = true is invalid: Docker creates volumes on demand only with scope \"shared\"",
        error(() -> VolumeSpec.docker("cache", "task", true)));
    assertEquals("volume.scope = \"global\" is invalid: allowed values are [task, shared]", error(() -> VolumeSpec.docker("cache", "global", false)));
    assertEquals("volume.sourcePath = \"data\" is invalid: an absolute path on the instance", error(() -> VolumeSpec.hostPath("data", "data")));
    assertEquals("volume.fileSystemId = \"\" is invalid: a non-empty value is required", error(() -> VolumeSpec.efs("media", "", null)));
    assertTrue(error(() -> VolumeSpec.ephemeral("my tmp")).startsWith("volume.name = \"my tmp\" is invalid"));
    assertTrue(VolumeSpec.efs("media", "fs-1", null).fargateCompatible());
    assertFalse(VolumeSpec.hostPath("data", "/data").fargateCompatible());
  }
}
