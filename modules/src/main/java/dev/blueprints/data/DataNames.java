package dev.blueprints.data;

import dev.blueprints.core.StackContext;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Stacks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/** Physical names and grant ids for the data constructs. */
final class DataNames {
  private static final int POLICY_NAME_MAX = 128;

  private DataNames() {}

  /** The construct id as a name component: {@code OrdersDatabase} becomes {@code orders-database}. */
  static String component(Construct construct) {
    return Naming.component(Stacks.id(construct));
  }

  /** {@code <project>-<blueprint>-<env>-<component>[-suffix]} within {@code limit}. */
  static String name(Construct construct, String suffix, NameLimit limit) {
    String component = component(construct) + (suffix == null || suffix.isEmpty() ? "" : "-" + suffix);
    return StackContext.of(construct).naming().name(component, limit);
  }

  /**
   * An inline-policy id unique per target construct across the whole app: {@code verb} followed by the
   * stack id and construct path. Two databases called "Database" in two stacks must not share a grant id,
   * since a second grant with an existing id adds nothing.
   */
  static String grantId(Construct target, String verb) {
    StringBuilder id = new StringBuilder(verb);
    List<String> ids = Stacks.path(target);
    for (int i = 0; i < ids.size(); i++) {
      String part = ids.get(i).replaceAll("[^A-Za-z0-9]", "");
      if (i == 0) part = part.toLowerCase(Locale.ROOT); // the stack
      id.append(part.isEmpty() ? "" : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    if (id.length() <= POLICY_NAME_MAX) return id.toString();
    return id.substring(0, POLICY_NAME_MAX - 9) + "-" + sha256(id.toString()).substring(0, 8);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
