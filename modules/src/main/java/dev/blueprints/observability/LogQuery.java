package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * A CloudWatch Logs Insights query, saved by {@link SavedQueries}.
 *
 * @param name        the query's name inside its folder (1-100 of letters, digits, space and {@code _ . , ( ) -})
 * @param queryString the Logs Insights query (at most 10,000 characters)
 */
public record LogQuery(String name, String queryString) {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.,()-]{0,99}$");
  private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]{0,127}$");
  /** Words that mark an error line in the usual runtimes' logs (Python tracebacks, Node and Java exceptions). */
  static final String ERROR_PATTERN = "/(?i)(error|exception|traceback|fatal|panic|critical)/";

  public LogQuery {
    Validate.matches("query.name", name, NAME, "1-100 letters, digits, spaces and _ . , ( ) -, starting with a letter or digit");
    Validate.notBlank("query.queryString", queryString);
    if (queryString.length() > 10_000) throw Validate.invalid("query.queryString", queryString.length() + " characters", "at most 10000 characters");
  }

  /** The newest 200 lines that mention an error, exception, traceback or fatal condition, with their stream. */
  public static LogQuery errors(String name) {
    return new LogQuery(name, "fields @timestamp, @logStream, @message\n"
        + "| filter @message like " + ERROR_PATTERN + "\n"
        + "| sort @timestamp desc\n"
        + "| limit 200");
  }

  /**
   * Request latency in 5-minute bins (count, average, p50, p95, p99, maximum) from JSON log lines that carry a
   * duration field; lines without it are left out.
   *
   * @param durationField the JSON field with the request's duration, e.g. {@code responseLatency} of API Gateway
   *                      access logs, or the application's own {@code duration_ms}
   */
  public static LogQuery requestLatency(String name, String durationField) {
    String d = Validate.matches("query.durationField", durationField, FIELD, "a log field name (letters, digits, _ and .)");
    return new LogQuery(name, "fields @timestamp, " + d + "\n"
        + "| filter ispresent(" + d + ")\n"
        + "| stats count(*) as requests, avg(" + d + ") as avg_ms, pct(" + d + ", 50) as p50_ms, pct(" + d + ", 95) as p95_ms,"
        + " pct(" + d + ", 99) as p99_ms, max(" + d + ") as max_ms by bin(5m)");
  }
}
