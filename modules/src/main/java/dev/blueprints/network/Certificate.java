package dev.blueprints.network;

import com.hashicorp.cdktf.Token;
import dev.blueprints.core.Validate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing ACM certificate, by ARN ({@code LoadBalancer.addHttpsListener(certificate, target)} and the
 * listener's extra SNI certificates take it). A literal ARN is checked at synth, and so is its region
 * against the load balancer's: an ALB can only use a certificate of its own region.
 */
public final class Certificate {
  private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+$");
  private final String arn;
  private final String region;

  private Certificate(String arn, String region) {
    this.arn = arn;
    this.region = region;
  }

  /** {@code arn:aws:acm:<region>:<account>:certificate/<id>}, or a reference (then checked at apply). */
  public static Certificate fromArn(String arn) {
    Validate.notBlank("certificateArn", arn);
    if (Token.isUnresolved(arn)) return new Certificate(arn, null);
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) throw Validate.invalid("certificateArn", arn, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
    return new Certificate(arn, m.group(1));
  }

  public String arn() {
    return arn;
  }

  /** The certificate's region, or null when the ARN is a reference. */
  public String region() {
    return region;
  }

  /** Fails unless the certificate can be used in {@code stackRegion} ({@code field} names the caller's setting). */
  public Certificate requireRegion(String field, String stackRegion) {
    if (region != null && stackRegion != null && !region.equals(stackRegion)) {
      throw Validate.invalid(field, arn, "a certificate in " + stackRegion + ", the load balancer's region (this one is in " + region + ")");
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Certificate c && arn.equals(c.arn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(arn);
  }

  @Override
  public String toString() {
    return arn;
  }
}
