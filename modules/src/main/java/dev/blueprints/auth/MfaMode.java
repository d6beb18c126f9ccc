package dev.blueprints.auth;

/** Whether users of a {@link UserPool} must set up a second factor (software TOTP tokens). */
public enum MfaMode {
  /** Users may enable a TOTP authenticator; sign-in asks for it once they have. */
  OPTIONAL,
  /** Every user must set up a TOTP authenticator at first sign-in. */
  ON
}
