package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.Set;

/**
 * What an HTTPS listener or one of its rules does with a request: forward it or answer it, after signing the
 * user in when {@link #authenticate} wraps it.
 */
public final class ListenerAction {
  /** Terraform {@code order} of an authenticate action and of the forward or fixed response after it. */
  static final int AUTHENTICATE_ORDER = 1;
  static final int FINAL_ORDER = 2;
  private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");

  private final TargetGroup target;
  private final int statusCode;
  private final String contentType;
  private final String body;
  private final AuthenticateProps authentication;

  private ListenerAction(TargetGroup target, int statusCode, String contentType, String body, AuthenticateProps authentication) {
    this.target = target;
    this.statusCode = statusCode;
    this.contentType = contentType;
    this.body = body;
    this.authentication = authentication;
  }

  /** Forward to a target group of the same load balancer. */
  public static ListenerAction forward(TargetGroup target) {
    return new ListenerAction(Validate.notNull("target", target), 0, null, null, null);
  }

  /**
   * Answer with a fixed response: status 200-599 (2xx, 4xx or 5xx), content type {@code text/plain},
   * {@code text/css}, {@code text/html}, {@code application/javascript} or {@code application/json}, body at
   * most 1024 characters (may be empty).
   */
  public static ListenerAction fixedResponse(int statusCode, String contentType, String body) {
    Validate.range("statusCode", statusCode, 200, 599);
    if (statusCode >= 300 && statusCode < 400) {
      throw Validate.invalid("statusCode", statusCode, "2XX, 4XX or 5XX (a fixed response cannot redirect)");
    }
    Validate.oneOf("contentType", contentType, CONTENT_TYPES);
    String text = body == null ? "" : body;
    if (text.length() > 1024) throw Validate.invalid("body", text.substring(0, 40) + "...", "at most 1024 characters, got " + text.length());
    return new ListenerAction(null, statusCode, contentType, text, null);
  }

  /**
   * Signs the user in as {@code authentication} says, then does {@code then} (a forward or a fixed response).
   * Terraform gets two actions: the authenticate action with {@code order = 1}, {@code then} with
   * {@code order = 2}. Only on an application load balancer's HTTPS listener, as its default action or in a rule:
   *
   * <pre>{@code
   * https.addRule(10, ListenerCondition.paths("/admin/*"), ListenerAction.authenticate(
   *     AuthenticateProps.builder(IdentityProvider.cognito(client)).build(), ListenerAction.forward(admin)));
   * }</pre>
   */
  public static ListenerAction authenticate(AuthenticateProps authentication, ListenerAction then) {
    Validate.notNull("authentication", authentication);
    Validate.notNull("then", then);
    if (then.authentication != null) {
      throw Validate.invalid("then", "authenticate", "a forward or fixed response (one authenticate action per listener or rule)");
    }
    return new ListenerAction(then.target, then.statusCode, then.contentType, then.body, authentication);
  }

  /** {@link #authenticate(AuthenticateProps, ListenerAction)} with the defaults of {@link AuthenticateProps}. */
  public static ListenerAction authenticate(IdentityProvider provider, ListenerAction then) {
    return authenticate(AuthenticateProps.builder(provider).build(), then);
  }

  /** The forward target, or null for a fixed response. */
  public TargetGroup target() {
    return target;
  }

  public int statusCode() {
    return statusCode;
  }

  public String contentType() {
    return contentType;
  }

  public String body() {
    return body;
  }

  /** How users sign in before this action, or null when it does not authenticate. */
  public AuthenticateProps authentication() {
    return authentication;
  }
}
