package dev.blueprints.testing;

/**
 * Golden files (the README's generated sections, the inventory, the stateful addresses) are reviewed changes:
 * a test compares what the code produces with the committed file, and rewrites the file only when asked with
 * {@code -Dblueprints.update=true}. Under CI (the {@code CI} environment variable set) the flag is refused, so a
 * CI run can never make its own expectations true.
 */
public final class Golden {
  /** The system property that asks the golden-file tests to rewrite their files. */
  public static final String UPDATE_FLAG = "blueprints.update";

  private Golden() {}

  /**
   * True when this run rewrites golden files instead of comparing.
   *
   * @throws IllegalStateException when the flag is set under CI
   */
  public static boolean updating() {
    if (!Boolean.getBoolean(UPDATE_FLAG)) return false;
    if (System.getenv("CI") != null) {
      throw new IllegalStateException("-D" + UPDATE_FLAG + "=true is refused under CI: golden files change in a reviewed"
          + " commit, regenerated locally");
    }
    return true;
  }

  /** How to regenerate, for failure messages. */
  public static String howToUpdate(String module, String testClass) {
    return "./mvnw -B test -pl " + module + " -am -Dtest=" + testClass + " -D" + UPDATE_FLAG
        + "=true -Dsurefire.failIfNoSpecifiedTests=false, then review the diff";
  }
}
