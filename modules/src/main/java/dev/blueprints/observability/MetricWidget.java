package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph of one or more metrics.
 *
 * @param title   widget title
 * @param metrics the metrics drawn (at least one)
 * @param stat    statistic for metrics that set none. Default: {@value #DEFAULT_STAT}
 * @param period  seconds per datapoint: 10, 30 or a multiple of 60. Default: {@value #DEFAULT_PERIOD}
 * @param width   columns, 1..24. Default: {@value #DEFAULT_WIDTH}
 * @param height  rows, 1..1000. Default: {@value #DEFAULT_HEIGHT}
 * @param view    how the metrics are drawn. Default: {@link #DEFAULT_VIEW}
 * @param stacked stack the lines (time series only). Default: {@value #DEFAULT_STACKED}
 * @param region  region of the metrics; unset (null): the stack's region
 */
public record MetricWidget(String title, List<Metric> metrics, String stat, int period, int width, int height, View view,
    boolean stacked, String region) implements Widget {
  /** The average shows the typical value; alarms pick their own statistic. */
  public static final String DEFAULT_STAT = "Average";
  /** Five minutes: the resolution of basic monitoring, so every AWS metric has a point in each period. */
  public static final int DEFAULT_PERIOD = 300;
  /** Half the dashboard's 24 columns: two graphs side by side. */
  public static final int DEFAULT_WIDTH = 12;
  /** CloudWatch's own default height. */
  public static final int DEFAULT_HEIGHT = 6;
  /** A graph over time, where trends and spikes show. */
  public static final View DEFAULT_VIEW = View.TIME_SERIES;
  /** Lines drawn apart, each readable on its own. */
  public static final boolean DEFAULT_STACKED = false;

  /** The widget's {@code view} property. */
  public enum View {
    TIME_SERIES("timeSeries"), SINGLE_VALUE("singleValue"), BAR("bar"), PIE("pie");

    private final String value;

    View(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  public MetricWidget {
    Validate.notBlank("title", title);
    metrics = List.copyOf(Validate.notNull("metrics", metrics));
    if (metrics.isEmpty()) throw Validate.invalid("metrics", metrics, "a metric widget needs at least one metric");
    Metric.checkStat("stat", stat);
    if (!(period == 10 || period == 30 || (period >= 60 && period % 60 == 0))) {
      throw Validate.invalid("period", period, "10, 30 or a positive multiple of 60");
    }
    Validate.range("width", width, 1, 24);
    Validate.range("height", height, 1, 1000);
    Validate.notNull("view", view);
    if (region != null) Validate.notBlank("region", region);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  public static final class Builder {
    private final String title;
    private final List<Metric> metrics = new ArrayList<>();
    private String stat = DEFAULT_STAT;
    private int period = DEFAULT_PERIOD;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private View view = DEFAULT_VIEW;
    private boolean stacked = DEFAULT_STACKED;
    private String region;

    private Builder(String title) {
      this.title = title;
    }

    public Builder metric(Metric value) { metrics.add(value); return this; }
    public Builder metrics(List<Metric> value) { metrics.addAll(value); return this; }
    public Builder stat(String value) { this.stat = value; return this; }
    public Builder period(int value) { this.period = value; return this; }
    public Builder width(int value) { this.width = value; return this; }
    public Builder height(int value) { this.height = value; return this; }
    public Builder view(View value) { this.view = value; return this; }
    public Builder stacked(boolean value) { this.stacked = value; return this; }
    public Builder region(String value) { this.region = value; return this; }

    public MetricWidget build() {
      return new MetricWidget(title, metrics, stat, period, width, height, view, stacked, region);
    }
  }
}
