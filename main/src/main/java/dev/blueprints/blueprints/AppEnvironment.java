package dev.blueprints.blueprints;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * User data for instances whose application is baked into the AMI: it writes the deployment's values
 * (endpoints, secret ARNs, region) to {@code /etc/app/app.env} for the application's service unit, and
 * records the boot in {@code /var/log/user-data.log}. No secret values pass through user data.
 */
public final class AppEnvironment {
  private AppEnvironment() {}

  public static String userData(Map<String, String> values) {
    String lines = values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    return "#!/bin/bash\n"
        + "set -euo pipefail\n"
        + "exec >>/var/log/user-data.log 2>&1\n"
        + "install -d -m 0755 /etc/app\n"
        + "cat >/etc/app/app.env <<'ENV'\n" + lines + "\nENV\n"
        + "chmod 0644 /etc/app/app.env\n"
        + "systemctl daemon-reload\n"
        + "systemctl restart app.service || echo 'app.service not installed: bake the application into the AMI'\n";
  }
}
