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
  private static final int ACCOUNT_ID_LENGTH = 12;
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");

  public Naming {
    Validate.notBlank("project", project);
    Validate.notBlank("environment", environment);
  }

  /** A construct id as a name component: {@code OrdersDatabase} becomes {@code orders-database}. */
  public static String component(String constructId) {
    return constructId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("[^A-Za-z0-9-]", "-")
        .replaceAll("-+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
  }

  /** {@code <project>-<env>-<component>}, shortened with a hash when longer than {@code limit}. */
  public String name(String component, NameLimit limit) {
    String normalized = component.toLowerCase(Locale.ROOT);
    Validate.matches("component", normalized, COMPONENT, "lowercase letters, digits and hyphens, starting with a letter or digit");
    return fit(project + "-" + environment + "-" + normalized, limit.maxLength());
  }

  /**
   * A name for a resource whose names are global across all AWS accounts (S3 buckets):
   * {@code <project>-<env>-<component>-<account id>-<region>}, so every account and region gets its own without
   * anyone renaming the project. The head is cut (with a hash) so that the whole fits 63 characters.
   *
   * @param accountId the 12-digit account id, usually a reference ({@code Account.id(scope)}) resolved at apply time
   * @param region    the region the bucket lives in
   */
  public String globalName(String component, String accountId, String region) {
    Validate.matches("region", region, REGION, "an AWS region name such as us-east-1");
    String normalized = component.toLowerCase(Locale.ROOT);
    Validate.matches("component", normalized, COMPONENT, "lowercase letters, digits and hyphens, starting with a letter or digit");
    int tail = 1 + ACCOUNT_ID_LENGTH + 1 + region.length();
    return fit(project + "-" + environment + "-" + normalized, NameLimit.S3_BUCKET.maxLength() - tail) + "-" + accountId + "-" + region;
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
