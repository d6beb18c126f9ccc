package dev.blueprints.core;

import java.util.List;

/** The retention periods CloudWatch Logs accepts; any other value is rejected by the API at apply time. */
public final class LogRetention {
  public static final List<Integer> ALLOWED_DAYS = List.of(
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  private LogRetention() {}

  public static int require(String field, int days) {
    if (!ALLOWED_DAYS.contains(days)) throw Validate.invalid(field, days, "CloudWatch accepts " + ALLOWED_DAYS + " days");
    return days;
  }
}
