package dev.blueprints.core;

import java.util.List;
import java.util.Map;

/**
 * The AWS regions that exist, and the availability-zone letters of those whose zones are not simply a, b, c...
 * A region name that merely looks right ({@code us-east-7}) would otherwise pass synth and fail at
 * {@code terraform plan} with a provider error far from the settings field.
 */
public final class AwsRegions {
  /** Commercial, GovCloud (US) and China regions. */
  public static final List<String> ALL = List.of(
      "us-east-1", "us-east-2", "us-west-1", "us-west-2",
      "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
      "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
      "il-central-1", "me-south-1", "me-central-1", "af-south-1",
      "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
      "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
      "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
      "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1");

  /**
   * Zone letters of regions where they are not a, b, c (in order): an account's zone names map to physical zones
   * per account, but the letters that exist are fixed per region.
   */
  public static final Map<String, String> ZONE_LETTERS = Map.of(
      "ca-central-1", "abd",
      "ap-northeast-1", "acd",
      "us-west-1", "abc",
      "us-east-1", "abcdef",
      "ap-northeast-2", "abcd",
      "us-west-2", "abcd");

  private AwsRegions() {}

  /** {@code region}, or a failure naming {@code field}. */
  public static String require(String field, String region) {
    if (region == null || !ALL.contains(region)) {
      throw Validate.invalid(field, region, "an AWS region that exists, such as us-east-1 or eu-west-1 (known: " + String.join(", ", ALL) + ")");
    }
    return region;
  }

  /** The zone letters of {@code region}: a, b, c unless the table says otherwise. */
  public static String zoneLetters(String region) {
    return ZONE_LETTERS.getOrDefault(region, "abc");
  }

  /** The first {@code count} zones of {@code region}, e.g. ca-central-1a, ca-central-1b, ca-central-1d. */
  public static List<String> defaultZones(String region, int count) {
    String letters = zoneLetters(region);
    return letters.chars().limit(count).mapToObj(c -> region + (char) c).toList();
  }
}
