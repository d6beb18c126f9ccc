package dev.blueprints.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Physical names: {@code <project>-<env>-<component>}, lowercase, within the service's length limit.
 * A name over the limit is cut and given a short hash of the full name, so two long names stay distinct
 * and the same input always gives the same name.
 */
public record Naming(String project, String environment) {
  private static final Pattern COMPONENT = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
  private static final int HASH_LENGTH = 6;

  public Naming {
    Validate.notBlank("project", project);
    Validate.notBlank("environment", environment);
  }

  /** {@code <project>-<env>-<component>}, shortened with a hash when longer than {@code limit}. */
  public String name(String component, NameLimit limit) {
    String normalized = component.toLowerCase(Locale.ROOT);
    Validate.matches("component", normalized, COMPONENT, "lowercase letters, digits and hyphens, starting with a letter or digit");
    return fit(project + "-" + environment + "-" + normalized, limit.maxLength());
  }

  /** The path form used for log groups and secrets: {@code /<project>/<env>/<component>}. */
  public String path(String component) {
    return "/" + project + "/" + environment + "/" + component.toLowerCase(Locale.ROOT);
  }

  static String fit(String full, int maxLength) {
    if (full.length() <= maxLength) return full;
    String hash = sha256(full).substring(0, HASH_LENGTH);
    String head = full.substring(0, maxLength - HASH_LENGTH - 1).replaceAll("-+$", "");
    return head + "-" + hash;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
