package dev.blueprints.data;

import com.hashicorp.cdktf.providers.aws.db_instance_automated_backups_replication.DbInstanceAutomatedBackupsReplication;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import dev.blueprints.auth.PolicyDocument;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.core.Account;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Providers;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Copies a {@link Database}'s automated backups (snapshots and transaction logs) to a second region
 * ({@code aws_db_instance_automated_backups_replication}), so the database can be restored to a point in time
 * there when its own region is lost. The replication is a resource of the destination region: it uses the stack's
 * provider alias for that region ({@link Providers#awsInRegion}). The source is encrypted, so the copies are too,
 * under a customer-managed key in the destination region (created here unless one is given).
 *
 * <p>Build it in the database's stack. Storage and transfer in the destination region are charged.
 */
public final class BackupReplication extends BlueprintConstruct {
  private final KmsKey key;
  private final DbInstanceAutomatedBackupsReplication replication;

  public BackupReplication(Construct scope, String id, Database database, BackupReplicationProps props) {
    super(scope, validated(scope, id, database, props));
    AwsProvider provider = Providers.awsInRegion(Stacks.of(this), props.region());
    String kmsKeyArn;
    if (props.kmsKeyArn() == null) {
      String name = DataNames.name(this, null, dev.blueprints.core.NameLimit.RDS_IDENTIFIER);
      key = KmsKey.Builder.create(this, "Key")
          .provider(provider)
          .description("Encrypts the cross-region copies of the automated backups of " + name)
          .enableKeyRotation(true)
          .deletionWindowInDays(30)
          // The default key policy's shape: the account administers the key, IAM policies grant its use (RDS
          // creates its grant with the permissions of whoever starts the replication).
          .policy(PolicyDocument.json(new PolicyStatement("AccountAdministers", PolicyStatement.Effect.Allow,
              List.of("kms:*"), List.of("*"), Map.of("AWS", List.of(Account.id(this))), null)))
          // Deleting the key would make every copy unreadable: removing it is a deliberate two-step change.
          .lifecycle(com.hashicorp.cdktf.TerraformResourceLifecycle.builder().preventDestroy(true).build())
          .build();
      KmsAlias.Builder.create(this, "KeyAlias").provider(provider).name("alias/" + name).targetKeyId(key.getKeyId()).build();
      kmsKeyArn = key.getArn();
    } else {
      key = null;
      kmsKeyArn = props.kmsKeyArn();
    }
    replication = DbInstanceAutomatedBackupsReplication.Builder.create(this, "Resource")
        .provider(provider)
        .sourceDbInstanceArn(database.resource().getArn())
        .kmsKeyId(kmsKeyArn)
        .retentionPeriod(props.retentionDays())
        .build();
  }

  private static String validated(Construct scope, String id, Database database, BackupReplicationProps props) {
    Validate.notNull("database", database);
    Validate.notNull("props", props);
    if (Stacks.of(database) != Stacks.of(scope)) {
      throw Validate.invalid("database", Stacks.id(Stacks.of(database)), "a database of this stack (" + Stacks.id(Stacks.of(scope)) + ")");
    }
    String home = dev.blueprints.core.StackContext.of(scope).region();
    if (props.region().equals(home)) {
      throw Validate.invalid("backupReplication.region", props.region(), "a region other than the database's own (" + home + ")");
    }
    return id;
  }

  /** The key in the destination region, or null when one was given. */
  public KmsKey key() {
    return key;
  }

  public DbInstanceAutomatedBackupsReplication resource() {
    return replication;
  }
}
