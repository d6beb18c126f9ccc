package dev.blueprints.core;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;

/** Configures the S3 backend: one state object per stack, encrypted at rest, locked while Terraform runs. */
public final class RemoteState {
  /** S3 lock files ({@code use_lockfile}) arrived in Terraform 1.10. */
  public static final String LOCKFILE_TERRAFORM_VERSION = ">= 1.10.0";

  private RemoteState() {}

  public static S3Backend attach(TerraformStack stack, StateSettings state, String stackId) {
    S3BackendConfig.Builder config = S3BackendConfig.builder()
        .bucket(state.bucket())
        .key(state.keyFor(stackId))
        .region(state.region())
        .encrypt(true);
    if (state.lock() == LockMode.DYNAMODB) config.dynamodbTable(state.lockTable());
    S3Backend backend = new S3Backend(stack, config.build());
    if (state.lock() == LockMode.LOCKFILE) {
      // S3BackendConfig in cdktf 0.19 has no field for the lock file.
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      stack.addOverride("terraform.required_version", LOCKFILE_TERRAFORM_VERSION);
    }
    return backend;
  }
}
