package dev.blueprints.blueprints;

import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * How a blueprint's public load balancer listens: HTTPS with an ACM certificate (HTTP redirects to it),
 * or plain HTTP when the settings say so by name ({@code "allowPlainHttp": true}), e.g. for a first
 * deployment before a certificate exists. Neither given is an error, not a silent HTTP default.
 *
 * @param field          settings path, for messages
 * @param certificateArn ACM certificate for HTTPS, or null
 * @param allowPlainHttp serve plain HTTP on port 80 when there is no certificate
 */
public record WebListeners(String field, String certificateArn, boolean allowPlainHttp) {
  private static final Pattern ACM = Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$");

  public WebListeners {
    if (certificateArn != null) {
      Validate.matches(field + ".certificateArn", certificateArn, ACM, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
    } else if (!allowPlainHttp) {
      throw Validate.invalid(field + ".certificateArn", null,
          "an ACM certificate ARN for HTTPS; to serve plain HTTP instead, set \"allowPlainHttp\": true");
    }
  }

  public static WebListeners read(SettingsNode options, String blueprint) {
    return new WebListeners("blueprints." + blueprint, options.string("certificateArn", null), options.bool("allowPlainHttp", false));
  }

  public boolean https() {
    return certificateArn != null;
  }

  /** Adds the listeners to {@code lb} forwarding to {@code target}. */
  public void attach(LoadBalancer lb, TargetGroup target) {
    if (https()) lb.addHttpsListener(certificateArn, target);
    else lb.addPlainHttpListener(80, target);
  }
}
