package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Secrets reach containers through {@code secrets} (fetched at start), never as plain environment values. */
public final class EcsNoSecretsInEnvironment extends ContainerRule {
  /**
   * Variable names that hold a credential: the upper-cased name ends with a credential word ({@code DB_PASSWORD},
   * {@code DJANGO_SECRET_KEY}, {@code GITHUB_TOKEN}); a word further in ({@code PASSWORD_RESET_EXPIRES_MINUTES}) is a setting.
   */
  static final Pattern SECRET_NAME = Pattern.compile(
      "(^|_)(PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_KEY_BASE|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?)$");
  /** Names that point at a secret rather than hold it. */
  static final Pattern POINTER_NAME = Pattern.compile(".*_(ARN|ID|NAME|FILE|PATH|URL|ENDPOINT|REGION)$");
  /** References that carry a secret's value into the plain text of the task definition. */
  static final List<String> SECRET_VALUE_REFERENCES = List.of(".secret_string", ".secret_binary", "aws_secretsmanager_random_password.",
      "random_password.", ".master_password", ".auth_token", "aws_iam_access_key.");

  public EcsNoSecretsInEnvironment() {
    super("BP-ECS-008", Severity.ERROR,
        "Container environment variables carry no secrets: no variable whose name ends in a credential word (PASSWORD, SECRET, TOKEN,"
            + " API_KEY, ...) has a value, and no value is a secret's content (secret_string, a generated password).",
        "Move the variable to the container's secrets with valueFrom = the secret's ARN (ContainerSpec.secret); the task"
            + " definition, the console and DescribeTaskDefinition then show only the ARN.",
        List.of("AVD-AWS-0036"));
  }

  @Override
  protected List<String> problems(JsonNode c, String container) {
    List<String> out = new ArrayList<>();
    for (JsonNode variable : ResourceView.elements(c.path("environment"))) {
      String name = variable.path("name").asText("");
      String value = variable.path("value").asText("");
      if (value.isEmpty()) continue;
      String upper = name.toUpperCase(Locale.ROOT);
      boolean namedSecret = SECRET_NAME.matcher(upper).find() && !POINTER_NAME.matcher(upper).matches();
      boolean secretValue = SECRET_VALUE_REFERENCES.stream().anyMatch(value::contains);
      if (namedSecret || secretValue) {
        out.add(container + " has " + name + " in its plain environment"
            + (secretValue ? " with a secret's value" : "") + ": readable by anyone who can describe the task definition");
      }
    }
    return out;
  }
}
