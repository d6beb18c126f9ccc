package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EC2 instance types that exist: a known family and a size that family offers. A plausible-looking type
 * ({@code t3.huge}, {@code m9.large}) otherwise passes synth and fails when Auto Scaling launches the first instance,
 * after the apply has already reported success.
 */
public final class InstanceTypes {
  /** Current-generation and still-offered families, general purpose, compute, memory and burstable. */
  public static final Set<String> FAMILIES = Set.of(
      "t2", "t3", "t3a", "t4g",
      "m4", "m5", "m5a", "m5ad", "m5d", "m5dn", "m5n", "m5zn", "m6a", "m6g", "m6gd", "m6i", "m6id", "m6idn", "m6in",
      "m7a", "m7g", "m7gd", "m7i", "m7i-flex", "m8g",
      "c4", "c5", "c5a", "c5ad", "c5d", "c5n", "c6a", "c6g", "c6gd", "c6gn", "c6i", "c6id", "c6in", "c7a", "c7g", "c7gd",
      "c7gn", "c7i", "c7i-flex", "c8g",
      "r4", "r5", "r5a", "r5ad", "r5b", "r5d", "r5dn", "r5n", "r6a", "r6g", "r6gd", "r6i", "r6id", "r6idn", "r6in",
      "r7a", "r7g", "r7gd", "r7i", "r7iz", "r8g",
      "x2gd", "x2idn", "x2iedn", "z1d", "i3", "i3en", "i4g", "i4i", "im4gn", "is4gen", "d3", "d3en",
      "g4dn", "g5", "g5g", "g6", "p3", "p4d", "p5", "inf1", "inf2", "trn1");
  private static final List<String> BURSTABLE_SIZES = List.of("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge");
  private static final Pattern TYPE = Pattern.compile("^([a-z][a-z0-9-]*)\\.(nano|micro|small|medium|large|xlarge|(\\d+)xlarge|metal(-\\d+xl)?)$");
  private static final Set<Integer> MULTIPLES = Set.of(2, 3, 4, 6, 8, 9, 10, 12, 16, 18, 24, 32, 48, 56, 96, 112);

  private InstanceTypes() {}

  /** {@code type}, or a failure naming {@code field} (a props field or a settings path). */
  public static String require(String field, String type) {
    Matcher m = type == null ? null : TYPE.matcher(type);
    if (m == null || !m.matches()) {
      throw Validate.invalid(field, type, "an EC2 instance type <family>.<size> such as t3.medium or m6i.large");
    }
    String family = m.group(1);
    String size = m.group(2);
    if (!FAMILIES.contains(family)) {
      throw Validate.invalid(field, type, "an EC2 instance family that exists (" + family + " is not one), such as t3, m6i, c7g or r6i");
    }
    boolean burstable = family.startsWith("t");
    if (burstable && !BURSTABLE_SIZES.contains(size)) {
      throw Validate.invalid(field, type, "burstable " + family + " comes in sizes " + BURSTABLE_SIZES);
    }
    if (!burstable && (size.equals("nano") || size.equals("micro") || size.equals("small"))) {
      throw Validate.invalid(field, type, family + " starts at medium or large; nano, micro and small are burstable (t) sizes");
    }
    if (m.group(3) != null && !MULTIPLES.contains(Integer.parseInt(m.group(3)))) {
      throw Validate.invalid(field, type, "a size EC2 offers: " + m.group(3) + "xlarge does not exist");
    }
    return type;
  }

  /** Graviton (arm64) families: a digit followed by {@code g} ({@code t4g}, {@code m7gd}). */
  public static boolean isArm64(String type) {
    String family = type.substring(0, type.indexOf('.'));
    return family.matches("^[a-z]+\\d+g[a-z]*$");
  }
}
