package dev.blueprints.policy;

/** How a finding affects synth: an unsuppressed {@link #ERROR} stops it, a {@link #WARNING} is reported only. */
public enum Severity {
  ERROR,
  WARNING
}
