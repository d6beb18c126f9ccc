package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import software.constructs.Construct;

/** The account a stack deploys into, read once per stack from {@code aws_caller_identity}. */
public final class Account {
  private static final String ID = "CallerIdentity";

  private Account() {}

  /** The account id as a reference, e.g. for trust conditions and ARNs; one data source per stack. */
  public static String id(Construct scope) {
    TerraformStack stack = TerraformStack.of(scope);
    var existing = stack.getNode().tryFindChild(ID);
    DataAwsCallerIdentity identity = existing != null ? (DataAwsCallerIdentity) existing : new DataAwsCallerIdentity(stack, ID);
    return identity.getAccountId();
  }
}
