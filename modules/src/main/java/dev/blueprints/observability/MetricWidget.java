package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph of one or more metrics.
 *
 * @param title   widget title
 * @param metrics the metrics drawn (at least one)
 * @param stat    statistic for metrics that set none. Default: {@code Average}
 * @param period  seconds per datapoint: 10, 30 or a multiple of 60. Default: 300
 * @param width   columns, 1..24. Default: 12
 * @param height  rows, 1..1000. Default: 6
 * @param view    how the metrics are drawn. Default: {@link View#TIME_SERIES}
 * @param stacked stack the lines (time series only). Default: false
 * @param region  region of the metrics. Default (null): the stack's region
 */
public record MetricWidget(String title, List<Metric> metrics, String stat, int period, int width, int height, View view,
    boolean stacked, String region) implements Widget {

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
    private String stat = "Average";
    private int period = 300;
    private int width = 12;
    private int height = 6;
    private View view = View.TIME_SERIES;
    private boolean stacked;
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
