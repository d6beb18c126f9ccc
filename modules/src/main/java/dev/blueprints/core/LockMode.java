package dev.blueprints.core;

/** How Terraform locks a stack's state while it runs. */
public enum LockMode {
  /** An S3 lock file next to the state object ({@code use_lockfile}); needs Terraform 1.10 or newer. */
  LOCKFILE,
  /** A DynamoDB table ({@code dynamodb_table}); for Terraform older than 1.10. */
  DYNAMODB
}
