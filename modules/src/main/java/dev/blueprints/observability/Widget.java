package dev.blueprints.observability;

/** A dashboard widget; {@link Dashboard} places widgets left to right in rows of 24 columns. */
public sealed interface Widget permits MetricWidget, TextWidget {
  /** Columns, 1..24. */
  int width();

  /** Rows (one row is about 40 px). */
  int height();
}
