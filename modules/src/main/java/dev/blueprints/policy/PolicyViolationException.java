package dev.blueprints.policy;

import java.util.List;

/**
 * Thrown by {@link Policy#synth} when a rule of severity ERROR fails and is not suppressed. The report it
 * carries lists every finding and has been written next to the synthesized stacks.
 */
public final class PolicyViolationException extends RuntimeException {
  private final transient PolicyReport report;

  public PolicyViolationException(PolicyReport report) {
    super(report.failure());
    this.report = report;
  }

  public PolicyReport report() {
    return report;
  }

  /** The unsuppressed ERROR findings. */
  public List<Finding> findings() {
    return report.blocking();
  }
}
