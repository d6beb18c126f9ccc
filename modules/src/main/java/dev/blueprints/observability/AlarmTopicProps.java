package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SNS topic every alarm notifies.
 *
 * <p>CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key {@code alias/aws/sns}:
 * its key policy cannot be edited and does not let {@code cloudwatch.amazonaws.com} call
 * {@code kms:GenerateDataKey*}/{@code kms:Decrypt}, so the alarm action fails with "CloudWatch Alarms does
 * not have authorization to access the SNS topic encryption key". The default is therefore a
 * customer-managed key created with the topic; an AWS managed alias is refused.
 *
 * @param name           topic name; unset (null): the naming helper's {@code <project>-<blueprint>-<env>-alarms}
 * @param kmsKeyArn      a customer-managed key (ARN, id or alias) whose policy lets {@code cloudwatch.amazonaws.com}
 *                       call {@code kms:Decrypt} and {@code kms:GenerateDataKey*}; unset (null): a new key
 *                       (rotation on, 30-day deletion window) and alias created by {@link AlarmTopic}
 * @param emails         addresses subscribed with protocol {@code email} (each must confirm the subscription).
 *                       Unset (null): the stack settings' {@code alarmEmails}
 * @param httpsEndpoints {@code https://} URLs subscribed with protocol {@code https} (chat and paging webhooks).
 *                       Default: none
 * @param existingTopicArn an existing topic to notify instead of creating one; unset (null): the stack settings'
 *                       {@code alarmTopicArn}, and without one a new topic
 */
public record AlarmTopicProps(String name, String kmsKeyArn, List<String> emails, List<String> httpsEndpoints,
    String existingTopicArn) {
  private static final Pattern TOPIC_ARN = Pattern.compile("^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,256}$");
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern HTTPS = Pattern.compile("^https://[^\\s/?#]+(?:[/?#]\\S*)?$");
  // alias/aws/<service> and arn:...:alias/aws/<service> are AWS managed keys.
  private static final Pattern AWS_MANAGED_ALIAS = Pattern.compile("^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?alias/aws/.*$");

  public AlarmTopicProps {
    if (name != null) Validate.matches("name", name, NAME, "1-256 letters, digits, hyphens and underscores");
    if (kmsKeyArn != null) {
      Validate.notBlank("kmsKeyArn", kmsKeyArn);
      if (AWS_MANAGED_ALIAS.matcher(kmsKeyArn).matches()) {
        throw Validate.invalid("kmsKeyArn", kmsKeyArn, "CloudWatch alarms cannot publish to a topic encrypted with an AWS managed key;"
            + " give a customer-managed key whose policy allows cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*,"
            + " or leave it unset to create one");
      }
    }
    if (emails != null) emails = checked("emails", emails, EMAIL, "an e-mail address such as ops@example.com");
    httpsEndpoints = checked("httpsEndpoints", httpsEndpoints == null ? List.of() : httpsEndpoints, HTTPS,
        "an https:// URL (plain http would send alarm contents unencrypted)");
    if (existingTopicArn != null) {
      Validate.matches("existingTopicArn", existingTopicArn, TOPIC_ARN, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
      if (name != null || kmsKeyArn != null || (emails != null && !emails.isEmpty()) || !httpsEndpoints.isEmpty()) {
        throw Validate.invalid("existingTopicArn", existingTopicArn, "an existing topic keeps its own name, key and subscribers; "
            + "leave name, kmsKeyArn, emails and httpsEndpoints unset");
      }
    }
  }

  private static List<String> checked(String field, List<String> values, Pattern pattern, String allowed) {
    for (String value : values) Validate.matches(field, value, pattern, allowed);
    if (new LinkedHashSet<>(values).size() != values.size()) throw Validate.invalid(field, values, "each value may appear once");
    return List.copyOf(values);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private String name;
    private String kmsKeyArn;
    private List<String> emails;
    private final List<String> httpsEndpoints = new ArrayList<>();
    private String existingTopicArn;

    private Builder() {}

    /** Topic name. Default: the naming helper with component {@code alarms}. */
    public Builder name(String value) { this.name = value; return this; }
    /** Bring your own customer-managed key instead of the one the topic creates. */
    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }
    /** E-mail subscribers; replaces the settings' {@code alarmEmails} (an empty list subscribes nobody). */
    public Builder emails(List<String> value) { this.emails = value == null ? null : new ArrayList<>(value); return this; }
    /** HTTPS webhook subscribers. */
    public Builder httpsEndpoints(List<String> value) { httpsEndpoints.clear(); httpsEndpoints.addAll(value); return this; }

    /** Notify this existing topic instead of creating one. */
    public Builder existingTopicArn(String value) { this.existingTopicArn = value; return this; }

    public AlarmTopicProps build() {
      return new AlarmTopicProps(name, kmsKeyArn, emails, httpsEndpoints, existingTopicArn);
    }
  }
}
