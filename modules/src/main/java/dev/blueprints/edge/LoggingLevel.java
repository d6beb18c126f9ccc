package dev.blueprints.edge;

/** Execution logging of a {@link RestApi} stage ({@code logging_level} of the method settings). */
public enum LoggingLevel {
  /** Every request's execution steps (no bodies: data tracing stays off). */
  INFO,
  /** Failed requests only. */
  ERROR,
  /** No execution logs; access logs are still written. */
  OFF
}
