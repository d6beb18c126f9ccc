package dev.blueprints.data;

import dev.blueprints.auth.Grant;
import dev.blueprints.auth.Grantable;
import dev.blueprints.core.Memo;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_random_password.DataAwsSecretsmanagerRandomPassword;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A Secrets Manager secret, created empty for values set out of band or filled with a generated password.
 *
 * <p><b>Generated passwords without the random provider.</b> The project uses only the AWS provider, so the
 * password comes from the {@code aws_secretsmanager_random_password} data source (Secrets Manager's
 * {@code GetRandomPassword}). A data source is read again on every plan and returns a new value each time, so
 * the secret version carries {@code lifecycle.ignore_changes = ["secret_string"]}: the first value is kept and
 * plans stay clean. Anything else set from the same value (a MemoryDB user's password) ignores its changes the
 * same way. Rotating means putting a new value into the secret (and the consumer) outside Terraform. The value
 * is in Terraform state, which the project's S3 backend encrypts.
 */
public final class Secret extends BlueprintConstruct {
  private final SecretProps props;
  private final SecretsmanagerSecret secret;
  /** One token for the ARN, so two grants of the same access are equal. */
  private final Memo<String> arn;
  private final DataAwsSecretsmanagerRandomPassword password;

  public Secret(Construct scope, String id, SecretProps props) {
    super(scope, id);
    this.props = props;
    var builder = SecretsmanagerSecret.Builder.create(this, "Resource")
        .name(props.name())
        .description(props.description())
        .recoveryWindowInDays(props.recoveryWindowDays())
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.preventDestroy()).build());
    if (props.kmsKeyArn() != null) builder.kmsKeyId(props.kmsKeyArn());
    if (props.placeholder() != null) builder.tags(Map.of(SecretProps.FILL_TAG, "true"));
    secret = builder.build();
    arn = Memo.of(() -> secret.getArn());

    if (props.placeholder() != null) {
      // Consumers start with the placeholder; the value the user puts later is not Terraform's to change back.
      SecretsmanagerSecretVersion.Builder.create(this, "Placeholder")
          .secretId(secret.getId())
          .secretString(props.placeholder())
          .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("secret_string")).build())
          .build();
    }

    if (props.generatesPassword()) {
      password = DataAwsSecretsmanagerRandomPassword.Builder.create(this, "Password")
          .passwordLength(props.passwordLength())
          .excludePunctuation(props.excludePunctuation())
          .requireEachIncludedType(true)
          .build();
      String value = password.getRandomPassword();
      if (props.username() != null) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", props.username());
        credentials.put("password", value);
        value = Fn.jsonencode(credentials);
      }
      SecretsmanagerSecretVersion.Builder.create(this, "Value")
          .secretId(secret.getId())
          .secretString(value)
          .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("secret_string")).build())
          .build();
    } else {
      password = null;
    }
  }

  /**
   * Lets {@code role} read this secret: {@code GetSecretValue} and {@code DescribeSecret} on exactly its ARN, and
   * {@code kms:Decrypt} through Secrets Manager on the customer-managed key when one is set.
   */
  public Grant grantRead(Grantable grantee) {
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(PolicyStatement.allow("ReadSecret",
        List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), List.of(arn.get())));
    if (props.kmsKeyArn() != null) {
      statements.add(PolicyStatement.allow("DecryptSecret", List.of("kms:Decrypt"), List.of(props.kmsKeyArn()))
          .withCondition("StringEquals", "kms:ViaService",
              List.of("secretsmanager." + region() + ".amazonaws.com")));
    }
    return grantee.grantRole().grant(DataNames.grantId(this, "Read"), statements);
  }

  public String arn() {
    return arn.get();
  }

  public String name() {
    return secret.getName();
  }

  /** The customer-managed key the secret is encrypted with, or null for {@code aws/secretsmanager}. */
  public String kmsKeyArn() {
    return props.kmsKeyArn();
  }

  public SecretsmanagerSecret resource() {
    return secret;
  }

  /** The generated password as a reference, for a consumer created alongside (null without one). */
  String generatedPassword() {
    return password == null ? null : password.getRandomPassword();
  }
}
