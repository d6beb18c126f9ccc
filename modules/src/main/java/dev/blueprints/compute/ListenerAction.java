package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.Set;

/** What an HTTPS listener or one of its rules does with a request: forward it or answer it. */
public final class ListenerAction {
  private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");

  private final TargetGroup target;
  private final int statusCode;
  private final String contentType;
  private final String body;

  private ListenerAction(TargetGroup target, int statusCode, String contentType, String body) {
    this.target = target;
    this.statusCode = statusCode;
    this.contentType = contentType;
    this.body = body;
  }

  /** Forward to a target group of the same load balancer. */
  public static ListenerAction forward(TargetGroup target) {
    return new ListenerAction(Validate.notNull("target", target), 0, null, null);
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
    return new ListenerAction(null, statusCode, contentType, text);
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
}
