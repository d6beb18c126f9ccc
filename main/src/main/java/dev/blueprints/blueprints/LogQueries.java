package dev.blueprints.blueprints;

import dev.blueprints.core.BlueprintStack;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogQuery;
import dev.blueprints.observability.SavedQueries;
import java.util.List;

/**
 * The saved Logs Insights queries of the blueprints with application logs, in the console folder
 * {@code <project>-<blueprint>-<env>}, created in the stack that owns the log groups.
 */
public final class LogQueries {
  public static final String FIND_ERRORS = "Find errors";
  public static final String REQUEST_LATENCY = "API request latency";
  /**
   * The JSON field in which the blueprints' applications log each request's duration in milliseconds (one JSON
   * line per request, e.g. from an HTTP middleware); the latency query leaves out lines without it.
   */
  public static final String APP_DURATION_FIELD = "duration_ms";

  private LogQueries() {}

  public static String folder(BlueprintStack stack) {
    return stack.naming().project() + "-" + stack.naming().environment();
  }

  /** "Find errors" over the given application log groups. */
  public static SavedQueries findErrors(BlueprintStack stack, List<LogGroup> groups) {
    return new SavedQueries(stack, "ErrorQueries", folder(stack), groups, List.of(LogQuery.errors(FIND_ERRORS)));
  }

  /** "API request latency" over the given log groups, from the given duration field. */
  public static SavedQueries requestLatency(BlueprintStack stack, List<LogGroup> groups, String durationField) {
    return new SavedQueries(stack, "LatencyQueries", folder(stack), groups, List.of(LogQuery.requestLatency(REQUEST_LATENCY, durationField)));
  }
}
