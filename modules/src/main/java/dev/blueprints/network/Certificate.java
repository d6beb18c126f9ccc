package dev.blueprints.network;

import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing ACM certificate, by ARN ({@code LoadBalancer.addHttpsListener(certificate, target)} and the
 * listener's extra SNI certificates take it). A literal ARN is checked at synth, and so is its region
 * against the load balancer's: an ALB can only use a certificate of its own region.
 *
 * @param arn {@code arn:aws:acm:<region>:<account>:certificate/<id>}, or a reference (then checked at apply)
 */
public record Certificate(String arn) {
  private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+$");

  public Certificate {
    Validate.notBlank("certificateArn", arn);
    if (!Tokens.isUnresolved(arn) && !ARN.matcher(arn).matches()) {
      throw Validate.invalid("certificateArn", arn, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
    }
  }

  /** {@code arn:aws:acm:<region>:<account>:certificate/<id>}, or a reference (then checked at apply). */
  public static Certificate fromArn(String arn) {
    return new Certificate(arn);
  }

  /** The certificate's region, or null when the ARN is a reference. */
  public String region() {
    Matcher m = ARN.matcher(arn);
    return m.matches() ? m.group(1) : null;
  }

  /** Fails unless the certificate can be used in {@code stackRegion} ({@code field} names the caller's setting). */
  public Certificate requireRegion(String field, String stackRegion) {
    String region = region();
    if (region != null && stackRegion != null && !region.equals(stackRegion)) {
      throw Validate.invalid(field, arn, "a certificate in " + stackRegion + ", the load balancer's region (this one is in " + region + ")");
    }
    return this;
  }

  @Override
  public String toString() {
    return arn;
  }
}
