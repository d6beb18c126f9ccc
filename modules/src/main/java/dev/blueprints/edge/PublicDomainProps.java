package dev.blueprints.edge;

import dev.blueprints.core.Validate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A public DNS name in a Route 53 hosted zone, served over HTTPS:
 * {@code PublicDomainProps.builder("shop.example.com").hostedZoneName("example.com").build()}, or the shorthands
 * {@link #inZone(String, String)} and {@link #inZoneNamed(String, String)}.
 *
 * @param hostedZoneId   the public hosted zone's id ({@code Z...}); exactly one of this and {@code hostedZoneName}
 * @param hostedZoneName the public hosted zone's name (looked up at plan time); exactly one of this and {@code hostedZoneId}
 * @param recordName     the name clients use, e.g. {@code shop.example.com}: the zone's apex or a name inside it
 * @param certificateArn an existing ACM certificate for {@code recordName} in the stack's region; unset (null)
 *                       requests a new one, validated by DNS records in the zone
 */
public record PublicDomainProps(String hostedZoneId, String hostedZoneName, String recordName, String certificateArn) {
  private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{1,32}$");
  private static final Pattern DNS_NAME = Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
  private static final Pattern CERTIFICATE_ARN = Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$");

  public PublicDomainProps {
    if ((hostedZoneId == null) == (hostedZoneName == null)) {
      throw Validate.invalid("hostedZoneId", hostedZoneId, "exactly one of hostedZoneId (Z...) or hostedZoneName (example.com)");
    }
    if (hostedZoneId != null) Validate.matches("hostedZoneId", hostedZoneId, ZONE_ID, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ");
    if (hostedZoneName != null) {
      hostedZoneName = strip(hostedZoneName);
      Validate.matches("hostedZoneName", hostedZoneName, DNS_NAME, "a lowercase DNS name such as example.com");
    }
    Validate.notBlank("recordName", recordName);
    recordName = strip(recordName);
    Validate.matches("recordName", recordName, DNS_NAME, "a lowercase DNS name such as shop.example.com (no wildcard)");
    if (hostedZoneName != null && !recordName.equals(hostedZoneName) && !recordName.endsWith("." + hostedZoneName)) {
      throw Validate.invalid("recordName", recordName, "a name in hosted zone " + hostedZoneName + " (" + hostedZoneName + " or <label>." + hostedZoneName + ")");
    }
    if (certificateArn != null) {
      Validate.matches("certificateArn", certificateArn, CERTIFICATE_ARN, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
    }
  }

  /** The name clients use; the zone is given with {@link Builder#hostedZoneId} or {@link Builder#hostedZoneName}. */
  public static Builder builder(String recordName) {
    return new Builder(recordName);
  }

  public static PublicDomainProps inZone(String hostedZoneId, String recordName) {
    return builder(recordName).hostedZoneId(hostedZoneId).build();
  }

  public static PublicDomainProps inZoneNamed(String hostedZoneName, String recordName) {
    return builder(recordName).hostedZoneName(hostedZoneName).build();
  }

  /** The same name served with an existing certificate instead of a new one. */
  public PublicDomainProps withCertificate(String arn) {
    return new PublicDomainProps(hostedZoneId, hostedZoneName, recordName, arn);
  }

  private static String strip(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  public static final class Builder {
    private final String recordName;
    private String hostedZoneId;
    private String hostedZoneName;
    private String certificateArn;

    private Builder(String recordName) {
      this.recordName = recordName;
    }

    /** The public hosted zone by id ({@code Z...}). */
    public Builder hostedZoneId(String value) { this.hostedZoneId = value; return this; }
    /** The public hosted zone by name, looked up at plan time. */
    public Builder hostedZoneName(String value) { this.hostedZoneName = value; return this; }
    /** An existing ACM certificate instead of a new one. */
    public Builder certificateArn(String value) { this.certificateArn = value; return this; }

    public PublicDomainProps build() {
      return new PublicDomainProps(hostedZoneId, hostedZoneName, recordName, certificateArn);
    }
  }
}
