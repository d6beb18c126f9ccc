package dev.blueprints.blueprints;

import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.settings.SettingsNode;
import java.util.List;

/**
 * A container's health check from the settings file, over a default the blueprint chooses per image:
 * <pre>
 *   "healthChecks": {
 *     "app": { "command": ["CMD-SHELL", "curl -f http://localhost:3000/api/health || exit 1"],
 *              "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60 }
 *   }
 * </pre>
 * Every field is optional. The command runs inside the container, so it must use a program the image has:
 * the defaults use the image's own runtime (Node.js or Python), because many slim images have no curl.
 *
 * @param command     default command ({@code CMD-SHELL} or {@code CMD} form)
 * @param startPeriod default grace seconds after start
 */
public record ContainerHealth(List<String> command, int startPeriod) {
  /** Reads {@code healthChecks.<container>} of a blueprint's options over this default. */
  public ContainerSpec.HealthCheck read(SettingsNode options, String blueprint, String container) {
    SettingsNode node = options.object("healthChecks").object(container)
        .allowOnly("command", "interval", "timeout", "retries", "startPeriod");
    String path = "blueprints." + blueprint + ".healthChecks." + container;
    try {
      return new ContainerSpec.HealthCheck(node.strings("command", command), node.integer("interval", 30),
          node.integer("timeout", 5), node.integer("retries", 3), node.integer("startPeriod", startPeriod));
    } catch (IllegalArgumentException e) {
      // The module names its own field (healthCheck.interval ...); the user needs the settings path.
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^healthCheck\\.", path + "."), e);
    }
  }

  /** Fails on containers the blueprint does not have. */
  public static void allowOnly(SettingsNode options, String... containers) {
    options.object("healthChecks").allowOnly(containers);
  }
}
