package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import software.constructs.Construct;

/** The account a stack deploys into, read once per stack from {@code aws_caller_identity}. */
public final class Account {
  private static final String ID = "CallerIdentity";
  private static final java.util.Map<TerraformStack, String> ACCOUNT_ID =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Account() {}

  /** The account id as a reference, e.g. for trust conditions and ARNs; one data source per stack. */
  public static String id(Construct scope) {
    TerraformStack stack = Stacks.of(scope);
    // Kept on the Java side: asked for by many constructs, each ask would cross the jsii bridge. Only this
    // method creates the data source, so the map knows every stack that has one.
    return ACCOUNT_ID.computeIfAbsent(stack, s -> new DataAwsCallerIdentity(s, ID).getAccountId());
  }
}
