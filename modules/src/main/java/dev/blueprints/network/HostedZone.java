package dev.blueprints.network;

import com.hashicorp.cdktf.providers.aws.data_aws_route53_zone.DataAwsRoute53Zone;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.Locale;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * An existing Route 53 hosted zone: by its attributes, or looked up by name ({@code aws_route53_zone} data
 * source, so a missing zone fails at plan). Records are added with {@link #addAlias}.
 *
 * @param zoneId   {@code Z...}, or a reference
 * @param zoneName the zone's domain name, lower case without a final dot
 */
public record HostedZone(String zoneId, String zoneName) {
  private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{1,31}$");
  private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

  public HostedZone {
    Validate.notBlank("zoneId", zoneId);
    if (!Tokens.isUnresolved(zoneId)) Validate.matches("zoneId", zoneId, ZONE_ID, "a hosted zone id such as Z0123456789ABCDEFGHIJ");
    zoneName = domain("zoneName", zoneName);
  }

  /** A zone whose id ({@code Z...}) and name ({@code example.com}) are known. */
  public static HostedZone fromAttributes(String zoneId, String zoneName) {
    return new HostedZone(zoneId, zoneName);
  }

  /** The public zone named {@code zoneName}, read at plan. */
  public static HostedZone fromLookup(Construct scope, String id, String zoneName) {
    String name = domain("zoneName", zoneName);
    DataAwsRoute53Zone zone = DataAwsRoute53Zone.Builder.create(scope, id).name(name).privateZone(false).build();
    return new HostedZone(zone.getZoneId(), name);
  }

  /**
   * An A alias record {@code recordName} (the zone's apex or a name under it) to a load balancer or another
   * alias target ({@code lb.dnsName()}, {@code lb.zoneId()}), evaluating the target's health.
   */
  public Route53Record addAlias(Construct scope, String id, String recordName, String targetDnsName, String targetZoneId) {
    String name = domain("recordName", recordName);
    if (!name.equals(zoneName) && !name.endsWith("." + zoneName)) {
      throw Validate.invalid("recordName", recordName, "the zone's apex " + zoneName + " or a name under it");
    }
    return Route53Record.Builder.create(scope, id)
        .zoneId(zoneId)
        .name(name)
        .type("A")
        .alias(Route53RecordAlias.builder()
            .name(Validate.notBlank("targetDnsName", targetDnsName))
            .zoneId(Validate.notBlank("targetZoneId", targetZoneId))
            .evaluateTargetHealth(true)
            .build())
        .build();
  }

  private static String domain(String field, String value) {
    Validate.notBlank(field, value);
    String name = value.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    return Validate.matches(field, name, DOMAIN, "a domain name such as example.com (letters, digits, hyphens; labels up to 63 characters)");
  }

  @Override
  public String toString() {
    return zoneName + " (" + zoneId + ")";
  }
}
