package dev.blueprints.data;

import com.hashicorp.cdktf.providers.aws.db_instance_automated_backups_replication.DbInstanceAutomatedBackupsReplication;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import dev.blueprints.auth.EncryptionKey;
import dev.blueprints.auth.EncryptionKeyProps;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Providers;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
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
  private final EncryptionKey key;
  private final DbInstanceAutomatedBackupsReplication replication;

  public BackupReplication(Construct scope, String id, Database database, BackupReplicationProps props) {
    super(scope, validated(scope, id, database, props));
    AwsProvider provider = Providers.awsInRegion(Stacks.of(this), props.region());
    String kmsKeyArn;
    if (props.kmsKeyArn() == null) {
      String name = DataNames.name(this, null, dev.blueprints.core.NameLimit.RDS_IDENTIFIER);
      // The account administers the key and IAM policies grant its use (RDS creates its grant with the
      // permissions of whoever starts the replication); deleting it would make every copy unreadable.
      key = new EncryptionKey(this, "Key", EncryptionKeyProps.builder()
          .description("Encrypts the cross-region copies of the automated backups of " + name)
          .alias(name)
          .region(props.region())
          .build());
      kmsKeyArn = key.arn();
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
    return key == null ? null : key.resource();
  }

  public DbInstanceAutomatedBackupsReplication resource() {
    return replication;
  }
}
