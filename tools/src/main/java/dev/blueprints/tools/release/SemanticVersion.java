package dev.blueprints.tools.release;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version {@code MAJOR.MINOR.PATCH}. Breaking changes (a removed or changed public API, a stateful
 * resource whose Terraform address moved without a {@code moved} block) need a new major version; while the
 * major version is 0, a new minor version is the breaking one (the 0.x convention of semantic versioning).
 */
public record SemanticVersion(int major, int minor, int patch) {
  private static final Pattern FORMAT = Pattern.compile("^v?(\\d+)\\.(\\d+)\\.(\\d+)(-SNAPSHOT)?$");

  public static SemanticVersion parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("version = \"" + text + "\" is invalid: MAJOR.MINOR.PATCH, e.g. 1.4.0 (a leading v is allowed)");
    }
    return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** Whether going from {@code baseline} to this version may break consumers. */
  public boolean allowsBreakingChangesSince(SemanticVersion baseline) {
    if (major != baseline.major) return major > baseline.major;
    return major == 0 && minor > baseline.minor;
  }

  /** {@code java ... SemanticVersion <baseline> <release>}: exit 0 when the release may break consumers, 1 when not. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: SemanticVersion <baseline> <release>");
      System.exit(2);
    }
    System.exit(parse(args[1]).allowsBreakingChangesSince(parse(args[0])) ? 0 : 1);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
