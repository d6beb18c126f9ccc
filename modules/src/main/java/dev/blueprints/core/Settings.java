package dev.blueprints.core;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One deployment target: a project in one environment, region and set of availability zones, with its
 * remote state and extra tags. Built from an environment preset and a settings file; validated here so
 * a bad value stops the program before anything is synthesized.
 *
 * @param project           short project name, the first part of every physical name (2-16 of a-z 0-9 -)
 * @param environment       the environment and its preset values
 * @param region            AWS region of every stack
 * @param availabilityZones the AZs subnets are placed in, in order; 2 or 3, each in {@code region}
 * @param state             the S3 backend every stack uses
 * @param tags              extra tags for every resource (through the provider's {@code default_tags})
 * @param alarmEmails       addresses subscribed to the alarm topic (may be empty)
 * @param account           the AWS account the environment deploys into and the roles to assume there; null
 *                          when not declared (the stacks then use whatever account the credentials belong to)
 * @param alarmTopicArn     an existing SNS topic (with its own subscribers) in {@code region} that alarms notify instead
 *                          of a topic of their own; unset (null) creates one per stack with alarms
 */
public record Settings(
    String project,
    Environment environment,
    String region,
    List<String> availabilityZones,
    StateSettings state,
    Map<String, String> tags,
    List<String> alarmEmails,
    AccountSettings account,
    String alarmTopicArn) {

  /** Tag keys Blueprints sets itself; settings may not override them. */
  public static final List<String> RESERVED_TAGS = List.of("Project", "Environment", "Blueprint", "Stack", "ManagedBy");
  private static final Pattern PROJECT = Pattern.compile("^[a-z][a-z0-9-]{0,14}[a-z0-9]$");
  static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern TOPIC_ARN = Pattern.compile("^arn:aws[a-z-]*:sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_-]{1,256}$");
  private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{N}\\s_.:/=+\\-@]{0,256}$");
  private static final Pattern TAG_KEY = Pattern.compile("^[\\p{L}\\p{N}\\s_.:/=+\\-@]{1,128}$");

  public Settings {
    Validate.matches("project", project, PROJECT, "2-16 lowercase letters, digits and hyphens, starting with a letter");
    Validate.notNull("environment", environment);
    AwsRegions.require("region", region);
    Validate.notNull("availabilityZones", availabilityZones);
    if (availabilityZones.size() < 2 || availabilityZones.size() > 3) {
      throw Validate.invalid("availabilityZones", availabilityZones, "2 or 3 availability zones are required, got " + availabilityZones.size());
    }
    for (String az : availabilityZones) {
      if (az == null || !az.matches(Pattern.quote(region) + "[" + AwsRegions.zoneLetters(region) + "]")) {
        throw Validate.invalid("availabilityZones", az, "an availability zone of region " + region + ": "
            + String.join(", ", AwsRegions.defaultZones(region, AwsRegions.zoneLetters(region).length())));
      }
    }
    if (new LinkedHashSet<>(availabilityZones).size() != availabilityZones.size()) {
      throw Validate.invalid("availabilityZones", availabilityZones, "each availability zone may appear once");
    }
    Validate.notNull("state", state);
    tags = Map.copyOf(tags == null ? Map.of() : tags);
    for (var tag : tags.entrySet()) {
      if (tag.getKey() != null && tag.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        throw Validate.invalid("tags." + tag.getKey(), tag.getValue(), "tag keys starting with \"aws:\" are reserved by AWS");
      }
      if (RESERVED_TAGS.contains(tag.getKey())) {
        throw Validate.invalid("tags." + tag.getKey(), tag.getValue(), "the keys " + RESERVED_TAGS + " are set by Blueprints");
      }
      Validate.matches("tags key", tag.getKey(), TAG_KEY, "1-128 letters, digits, spaces and _.:/=+-@");
      if (tag.getValue() == null || !TAG_VALUE.matcher(tag.getValue()).matches()) {
        throw Validate.invalid("tags." + tag.getKey(), tag.getValue(), "a value of at most 256 letters, digits, spaces and _.:/=+-@");
      }
    }
    alarmEmails = List.copyOf(alarmEmails == null ? List.of() : alarmEmails);
    for (String email : alarmEmails) Validate.matches("alarmEmails", email, EMAIL, "an e-mail address");
    if (alarmTopicArn != null) {
      Validate.matches("alarmTopicArn", alarmTopicArn, TOPIC_ARN, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
      String topicRegion = alarmTopicArn.split(":")[3];
      if (!topicRegion.equals(region)) {
        throw Validate.invalid("alarmTopicArn", alarmTopicArn, "a topic in region " + region
            + " (CloudWatch alarms notify SNS topics of their own region only), got one in " + topicRegion);
      }
    }
    availabilityZones = List.copyOf(availabilityZones);
  }

  /** Settings that declare no account: stacks deploy into the account of the credentials; alarms notify topics of their own. */
  public Settings(String project, Environment environment, String region, List<String> availabilityZones,
      StateSettings state, Map<String, String> tags, List<String> alarmEmails) {
    this(project, environment, region, availabilityZones, state, tags, alarmEmails, null, null);
  }

  /** Settings whose alarms notify topics of their own per stack. */
  public Settings(String project, Environment environment, String region, List<String> availabilityZones,
      StateSettings state, Map<String, String> tags, List<String> alarmEmails, AccountSettings account) {
    this(project, environment, region, availabilityZones, state, tags, alarmEmails, account, null);
  }

  /** The naming helper for this project and environment. */
  public Naming naming() {
    return new Naming(project, environment.name());
  }

  /**
   * The provider's default tags for one stack: {@code Project}, {@code Environment}, the stack's own
   * {@code extraTags}, {@code Stack}, {@code ManagedBy}, then the settings' {@code tags}.
   */
  public Map<String, String> tagsFor(String stackId, Map<String, String> extraTags) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Project", project);
    all.put("Environment", environment.name());
    all.putAll(extraTags);
    all.put("Stack", stackId);
    all.put("ManagedBy", "blueprints");
    all.putAll(new java.util.TreeMap<>(tags));
    return all;
  }

  /** A copy using the first {@code count} availability zones. */
  public Settings withAvailabilityZones(List<String> zones) {
    return new Settings(project, environment, region, zones, state, tags, alarmEmails, account, alarmTopicArn);
  }

  /** A copy deploying to {@code value} in {@code zones} (the state bucket stays where it is). */
  public Settings withRegion(String value, List<String> zones) {
    return new Settings(project, environment, value, zones, state, tags, alarmEmails, account, alarmTopicArn);
  }

  public Settings withEnvironment(Environment value) {
    return new Settings(project, value, region, availabilityZones, state, tags, alarmEmails, account, alarmTopicArn);
  }

  /** A copy deploying into {@code value} (null: the account of the credentials). */
  public Settings withAccount(AccountSettings value) {
    return new Settings(project, environment, region, availabilityZones, state, tags, alarmEmails, value, alarmTopicArn);
  }

  /**
   * Settings by name rather than position: {@code Settings.builder("shop", Environment.dev(), "eu-west-1")
   * .availabilityZones(List.of("eu-west-1a", "eu-west-1b")).state(StateSettings.lockfile(...)).build()}.
   * Availability zones and state are required; tags, alarm e-mails, the account and the alarm topic default to none. The checks are the
   * record's, so a missing or bad value fails naming its field.
   */
  public static Builder builder(String project, Environment environment, String region) {
    return new Builder(project, environment, region);
  }

  public static final class Builder {
    private final String project;
    private final Environment environment;
    private final String region;
    private List<String> availabilityZones;
    private StateSettings state;
    private Map<String, String> tags = Map.of();
    private List<String> alarmEmails = List.of();
    private AccountSettings account;
    private String alarmTopicArn;

    private Builder(String project, Environment environment, String region) {
      this.project = project;
      this.environment = environment;
      this.region = region;
    }

    public Builder availabilityZones(List<String> value) { this.availabilityZones = value; return this; }
    public Builder state(StateSettings value) { this.state = value; return this; }
    public Builder tags(Map<String, String> value) { this.tags = value; return this; }
    public Builder alarmEmails(List<String> value) { this.alarmEmails = value; return this; }
    /** The account the environment deploys into. Default: none declared (the credentials' account). */
    public Builder account(AccountSettings value) { this.account = value; return this; }
    /** An existing topic that alarms notify instead of a topic of their own per stack. */
    public Builder alarmTopicArn(String value) { this.alarmTopicArn = value; return this; }

    public Settings build() {
      return new Settings(project, environment, region, availabilityZones, state, tags, alarmEmails, account, alarmTopicArn);
    }
  }
}
