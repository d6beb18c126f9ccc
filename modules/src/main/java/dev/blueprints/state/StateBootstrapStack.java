package dev.blueprints.state;

import dev.blueprints.core.AccountSettings;
import dev.blueprints.core.LockMode;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import dev.blueprints.core.Validate;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import dev.blueprints.core.Providers;
import dev.blueprints.core.Stacks;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * Creates the S3 bucket (and, with {@link LockMode#DYNAMODB}, the lock table) that every other stack
 * keeps its state in. It cannot keep its own state there before the bucket exists, so it uses a local
 * backend whose file sits at the repository root ({@value #LOCAL_STATE_FILE}, ignored by git); migrate
 * it into the bucket once created (see the README).
 *
 * <p>The bucket is versioned (every state write is recoverable), encrypted, closed to the public,
 * TLS-only, and protected by {@code prevent_destroy}.
 */
public final class StateBootstrapStack extends TerraformStack {
  public static final String ID = "state-bootstrap";
  /** Relative to the stack's working directory {@code cdktf.out/stacks/state-bootstrap}. */
  public static final String LOCAL_STATE_FILE = "../../../state-bootstrap.tfstate";

  private final Bucket bucket;
  private final LockTable lockTable;

  /**
   * The state stack of a deployment, {@value #ID}: the bucket (and lock table) of {@code settings.state()}, tagged
   * with the settings' project and extra tags.
   */
  public StateBootstrapStack(Construct scope, Settings settings) {
    this(scope, ID, Validate.notNull("settings", settings).project(), settings.state(), settings.tags());
  }

  public StateBootstrapStack(Construct scope, String id, String project, StateSettings state, Map<String, String> extraTags) {
    super(scope, id);
    Stacks.place(this, scope, id);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Project", project);
    tags.put("Environment", "shared");
    tags.put("Blueprint", "state");
    tags.put("Stack", id);
    tags.put("ManagedBy", "blueprints");
    tags.putAll(new java.util.TreeMap<>(extraTags));
    // With state.account declared, the bucket can only be created in that account: credentials of any other stop
    // the plan. No role is assumed: creating the bucket takes more than the state role (which only reads and
    // writes state) may do, so this stack runs with administrator credentials of the state account.
    Providers.aws(this, state.region(), tags, state.account() == null ? null : AccountSettings.of(state.account()));
    new LocalBackend(this, LocalBackendConfig.builder().path(LOCAL_STATE_FILE).build());

    // Keep a year of state history: a bad apply is undone by restoring the previous version.
    bucket = new Bucket(this, "StateBucket", BucketProps.builder().name(state.bucket()).noncurrentVersionDays(365).build());
    TerraformOutput.Builder.create(this, "StateBucketName").value(bucket.name()).build();

    if (state.lock() == LockMode.DYNAMODB) {
      lockTable = new LockTable(this, "LockTable", state.lockTable());
      TerraformOutput.Builder.create(this, "LockTableName").value(lockTable.name()).build();
    } else {
      lockTable = null;
    }
  }

  public Bucket bucket() {
    return bucket;
  }

  /** The lock table, or null when state is locked with S3 lock files. */
  public LockTable lockTable() {
    return lockTable;
  }
}
