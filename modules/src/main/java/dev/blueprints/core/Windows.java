package dev.blueprints.core;

import java.util.List;

/**
 * The daily backup (snapshot) window and the weekly maintenance window of RDS and MemoryDB: AWS refuses windows
 * shorter than 30 minutes, and a daily window that overlaps the weekly one on any day ("The backup window and
 * maintenance window must not overlap"). Both are checked at synth; the formats are checked by the props.
 */
public final class Windows {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final int DAY = 24 * 60;
  private static final int WEEK = 7 * DAY;

  private Windows() {}

  /**
   * Fails when either window is shorter than 30 minutes (the weekly one also longer than 24 hours) or when they overlap.
   *
   * @param dailyField  the daily window's field name, e.g. {@code backupWindow}
   * @param daily       {@code hh24:mi-hh24:mi}
   * @param weeklyField the weekly window's field name, e.g. {@code maintenanceWindow}
   * @param weekly      {@code ddd:hh24:mi-ddd:hh24:mi}
   */
  public static void requireApart(String dailyField, String daily, String weeklyField, String weekly) {
    String[] d = daily.split("-");
    int dStart = minutes(d[0]);
    int dLength = Math.floorMod(minutes(d[1]) - dStart, DAY);
    if (dLength < 30) throw Validate.invalid(dailyField, daily, "at least 30 minutes long");
    String[] w = weekly.split("-");
    int wStart = weekMinutes(w[0]);
    int wLength = Math.floorMod(weekMinutes(w[1]) - wStart, WEEK);
    if (wLength < 30 || wLength > DAY) throw Validate.invalid(weeklyField, weekly, "30 minutes to 24 hours long");
    for (int day = 0; day < 7; day++) {
      int start = day * DAY + dStart;
      for (int shift : new int[] {-WEEK, 0, WEEK}) {
        int ws = wStart + shift;
        if (start < ws + wLength && ws < start + dLength) {
          throw new IllegalArgumentException(dailyField + " = \"" + daily + "\" overlaps " + weeklyField + " = \"" + weekly
              + "\": AWS requires the two windows apart; move one of them");
        }
      }
    }
  }

  private static int minutes(String hhmm) {
    String[] p = hhmm.split(":");
    return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
  }

  private static int weekMinutes(String dddhhmm) {
    int colon = dddhhmm.indexOf(':');
    return DAYS.indexOf(dddhhmm.substring(0, colon)) * DAY + minutes(dddhhmm.substring(colon + 1));
  }
}
