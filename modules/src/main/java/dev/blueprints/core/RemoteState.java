package dev.blueprints.core;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Map;
import software.constructs.Construct;

/** Configures the S3 backend: one state object per stack, encrypted at rest, locked while Terraform runs. */
public final class RemoteState {
  /** S3 lock files ({@code use_lockfile}) arrived in Terraform 1.10. */
  public static final String LOCKFILE_TERRAFORM_VERSION = ">= 1.10.0";
  /** The S3 backend's {@code assume_role} block (and the same in {@code terraform_remote_state}) arrived in Terraform 1.6. */
  public static final String ASSUME_ROLE_TERRAFORM_VERSION = ">= 1.6.0";

  private RemoteState() {}

  public static S3Backend attach(TerraformStack stack, StateSettings state, String stackId) {
    S3BackendConfig.Builder config = S3BackendConfig.builder()
        .bucket(state.bucket())
        .key(state.keyFor(stackId))
        .region(state.region())
        .encrypt(true);
    if (state.lock() == LockMode.DYNAMODB) config.dynamodbTable(state.lockTable());
    S3Backend backend = state.roleArn() == null
        ? new S3Backend(stack, config.build())
        : new AssumingRole(stack, config.build(), assumeRole(state));
    if (state.lock() == LockMode.LOCKFILE) {
      // S3BackendConfig in cdktf 0.19 has no field for the lock file.
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      stack.addOverride("terraform.required_version", LOCKFILE_TERRAFORM_VERSION);
    }
    if (state.roleArn() != null) {
      // Nor for the assume_role block that replaced the top-level role_arn in Terraform 1.6.
      stack.addOverride("terraform.backend.s3.assume_role", assumeRole(state));
      if (state.lock() != LockMode.LOCKFILE) stack.addOverride("terraform.required_version", ASSUME_ROLE_TERRAFORM_VERSION);
    }
    return backend;
  }

  /** The {@code assume_role} block of the backend and of every remote-state read. */
  public static Map<String, Object> assumeRole(StateSettings state) {
    return Map.of("role_arn", state.roleArn());
  }

  /**
   * An S3 backend whose state is reached through a role. CDKTF builds the {@code terraform_remote_state} reads of
   * cross-stack references from the backend's typed config, which stack overrides do not reach, so each read it
   * creates gets the same {@code assume_role} block here.
   */
  private static final class AssumingRole extends S3Backend {
    private final Map<String, Object> assumeRole;

    AssumingRole(Construct scope, S3BackendConfig config, Map<String, Object> assumeRole) {
      super(scope, config);
      this.assumeRole = assumeRole;
    }

    @Override
    public TerraformRemoteState getRemoteStateDataSource(Construct scope, String name, String fromStack) {
      TerraformRemoteState read = super.getRemoteStateDataSource(scope, name, fromStack);
      read.addOverride("config.assume_role", assumeRole);
      return read;
    }
  }
}
