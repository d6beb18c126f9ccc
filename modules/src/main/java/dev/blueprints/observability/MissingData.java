package dev.blueprints.observability;

/** How an alarm treats periods with no datapoint ({@code treat_missing_data}). */
public enum MissingData {
  /** Keep the current state (CloudWatch's default): right for metrics published all the time, where a gap is an outage reported elsewhere. */
  MISSING("missing"),
  /** A gap is fine: metrics published only while there is traffic or running capacity. */
  NOT_BREACHING("notBreaching"),
  /** A gap alarms: metrics that should always be there, such as health-check host counts. */
  BREACHING("breaching"),
  /** Ignore the gap and evaluate the datapoints that exist. */
  IGNORE("ignore");

  private final String value;

  MissingData(String value) {
    this.value = value;
  }

  /** The value Terraform takes. */
  public String value() {
    return value;
  }
}
