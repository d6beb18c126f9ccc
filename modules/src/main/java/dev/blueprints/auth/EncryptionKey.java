package dev.blueprints.auth;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import dev.blueprints.core.Account;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Providers;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A customer-managed KMS key with its alias: rotation on, a 30-day deletion window, {@code prevent_destroy}, and a
 * key policy in which the account administers the key (so IAM policies grant its use, as in the default key
 * policy) and only the named service principals may use it directly.
 *
 * <pre>{@code
 * EncryptionKey key = new EncryptionKey(this, "DataKey", EncryptionKeyProps.builder()
 *     .description("Encrypts the shop's data").build());
 * new Bucket(this, "Uploads", BucketProps.builder().kmsKeyArn(key.arn()).build());
 * key.grantDecrypt(service, "s3");                    // kms:Decrypt through S3 only
 * }</pre>
 *
 * <p>The key resource is this construct's default child and the alias its sibling {@code <id>Alias}, so a key
 * and alias once created as two resources ({@code <id>} and {@code <id>Alias}) keep their Terraform addresses
 * when built with this construct instead.
 */
public final class EncryptionKey extends BlueprintConstruct {
  private final KmsKey key;
  private final Memo<String> arn;
  private final KmsAlias alias;
  /** Where the key lives: what {@code kms:ViaService} names. */
  private final String keyRegion;

  public EncryptionKey(Construct scope, String id, EncryptionKeyProps props) {
    super(scope, id);
    Validate.notNull("props", props);
    String account = Account.id(this);
    boolean elsewhere = props.region() != null && !props.region().equals(region());
    keyRegion = elsewhere ? props.region() : region();
    List<PolicyStatement> policy = new ArrayList<>();
    // A key policy's resource is always "*" (the key itself).
    policy.add(new PolicyStatement("AccountAdministers", PolicyStatement.Effect.Allow, List.of("kms:*"), List.of("*"),
        Map.of("AWS", List.of(account)), null));
    for (EncryptionKeyProps.ServiceUse use : props.services()) {
      PolicyStatement statement = new PolicyStatement(use.sid(), PolicyStatement.Effect.Allow, use.actions(), List.of("*"),
          Map.of("Service", List.of(use.principal())), null);
      policy.add(use.sourceAccount() ? statement.withCondition("StringEquals", "aws:SourceAccount", List.of(account)) : statement);
    }
    var builder = KmsKey.Builder.create(this, "Default")
        .description(props.description())
        .enableKeyRotation(props.rotation())
        .deletionWindowInDays(props.deletionWindowDays())
        .policy(PolicyDocument.json(policy));
    if (props.preventDestroy()) builder.lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build());
    if (elsewhere) builder.provider(Providers.awsInRegion(Stacks.of(this), props.region()));
    key = builder.build();
    arn = Memo.of(key::getArn);

    String aliasName = props.alias() != null ? props.alias() : naming().name(Naming.component(id), NameLimit.GENERIC);
    var aliasBuilder = KmsAlias.Builder.create(scope, id + "Alias").name("alias/" + aliasName).targetKeyId(key.getKeyId());
    if (elsewhere) aliasBuilder.provider(Providers.awsInRegion(Stacks.of(this), props.region()));
    alias = aliasBuilder.build();
  }

  /** The key's ARN (a reference): what resources' {@code kms_key_id}/{@code kmsKeyArn} take. */
  public String arn() {
    return arn.get();
  }

  /** {@code alias/<name>}. */
  public String aliasName() {
    return alias.getName();
  }

  /** Lets {@code grantee} encrypt and decrypt with the key (and create data keys), called directly. */
  public Grant grantEncryptDecrypt(Grantable grantee) {
    return grant(grantee, "EncryptDecrypt", ENCRYPT_DECRYPT, null);
  }

  /** As {@link #grantEncryptDecrypt(Grantable)}, only through {@code service} ({@code kms:ViaService}, e.g. {@code "s3"}). */
  public Grant grantEncryptDecrypt(Grantable grantee, String service) {
    return grant(grantee, "EncryptDecrypt", ENCRYPT_DECRYPT, service);
  }

  /** Lets {@code grantee} decrypt with the key, called directly. */
  public Grant grantDecrypt(Grantable grantee) {
    return grant(grantee, "Decrypt", List.of("kms:Decrypt"), null);
  }

  /** As {@link #grantDecrypt(Grantable)}, only through {@code service} ({@code kms:ViaService}, e.g. {@code "secretsmanager"}). */
  public Grant grantDecrypt(Grantable grantee, String service) {
    return grant(grantee, "Decrypt", List.of("kms:Decrypt"), service);
  }

  private static final List<String> ENCRYPT_DECRYPT =
      List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");

  private Grant grant(Grantable grantee, String verb, List<String> actions, String service) {
    Validate.notNull("grantee", grantee);
    PolicyStatement statement = PolicyStatement.allow(verb + "Key", actions, List.of(arn()));
    if (service != null) {
      Validate.matches("service", service, java.util.regex.Pattern.compile("^[a-z0-9-]+$"), "a service's endpoint prefix such as s3 or secretsmanager");
      statement = statement.withCondition("StringEquals", "kms:ViaService", List.of(service + "." + keyRegion + ".amazonaws.com"));
    }
    return grantee.grantRole().grant(verb + Stacks.id(this) + (service == null ? "" : "Via" + service.replace("-", "")), List.of(statement));
  }

  /** The {@code aws_kms_key} resource. */
  public KmsKey resource() {
    return key;
  }

  public KmsAlias aliasResource() {
    return alias;
  }
}
