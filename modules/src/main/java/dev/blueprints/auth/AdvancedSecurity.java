package dev.blueprints.auth;

/**
 * Cognito threat protection ("advanced security") for a {@link UserPool}: compromised-credential checks
 * and adaptive authentication on sign-in. ENFORCED and AUDIT need the Plus feature plan, which the pool then selects.
 */
public enum AdvancedSecurity {
  /** Risky sign-ins are blocked or challenged. */
  ENFORCED,
  /** Risks are detected and logged, nothing is blocked. */
  AUDIT,
  /** No threat protection. */
  OFF
}
