package dev.blueprints.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import software.constructs.IConstruct;

/**
 * Policy findings a construct accepts, recorded on the construct (kept on the Java side, by its app): the
 * policy reads them when it checks, and checks each rule id against the packs attached to the app. A
 * construct of the library suppresses here without depending on the policy.
 */
public final class Suppressions {
  /**
   * One accepted rule under a construct path.
   *
   * @param path   construct path; covers that construct and everything below it
   * @param ruleId the rule, e.g. {@code BP-S3-003}
   * @param reason why the finding is accepted, as a reviewer reads it in the report
   */
  public record Entry(String path, String ruleId, String reason) {
    private static final Pattern RULE_ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$");

    public Entry {
      if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
        throw Validate.invalid("ruleId", ruleId, "a rule id such as BP-S3-003");
      }
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason = " + (reason == null ? "null" : "\"" + reason + "\"")
            + " is invalid: suppressing " + ruleId + " on " + path + " needs a reason a reviewer can accept");
      }
      reason = reason.strip();
    }

    /** True for the construct at {@code path} and everything below it. */
    public boolean covers(String resourcePath, String rule) {
      return ruleId.equals(rule) && (resourcePath.equals(path) || resourcePath.startsWith(path + "/"));
    }
  }

  private static final Map<IConstruct, List<Entry>> BY_APP = Collections.synchronizedMap(new WeakHashMap<>());

  private Suppressions() {}

  /** Accepts the findings of {@code ruleId} on {@code construct} and everything below it. */
  public static Entry add(IConstruct construct, String ruleId, String reason) {
    Entry entry = new Entry(String.join("/", Stacks.path(construct)), ruleId, reason);
    List<Entry> entries;
    synchronized (BY_APP) {
      entries = BY_APP.computeIfAbsent(Stacks.root(construct), root -> Collections.synchronizedList(new ArrayList<>()));
    }
    entries.add(entry);
    return entry;
  }

  /** Every suppression recorded in {@code scope}'s app, in the order they were added. */
  public static List<Entry> of(IConstruct scope) {
    List<Entry> entries = BY_APP.get(Stacks.root(scope));
    if (entries == null) return List.of();
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
