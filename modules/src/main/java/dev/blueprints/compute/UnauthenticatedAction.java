package dev.blueprints.compute;

import java.util.Locale;

/** What an authenticate action does with a request from a user who is not signed in. */
public enum UnauthenticatedAction {
  /** Answer 401 Unauthorized (for APIs called by scripts, which cannot follow a sign-in page). */
  DENY,
  /** Forward it without user claims: the target decides (pages that show more to signed-in users). */
  ALLOW,
  /** Redirect the browser to the identity provider's sign-in page. */
  AUTHENTICATE;

  /** The {@code on_unauthenticated_request} value: {@code deny}, {@code allow} or {@code authenticate}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
