package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The AWS provider as every Blueprints stack configures it. */
public final class Providers {
  /**
   * The bindings pin hashicorp/aws to the exact version they were generated from (5.23.1); the constraint is
   * derived from the newest argument the library writes as an override ({@link ProviderFeatures}), any later 5.x.
   */
  public static final String AWS_VERSION_CONSTRAINT = ProviderFeatures.constraint();

  private Providers() {}

  /** Adds the AWS provider for {@code region} with {@code tags} as default tags on every resource. */
  public static AwsProvider aws(TerraformStack stack, String region, Map<String, String> tags) {
    ProviderBundle.applySwitch();   // before the first provider class is used; see ProviderBundle
    AwsProvider provider = AwsProvider.Builder.create(stack, "Aws")
        .region(region)
        .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(tags).build()))
        .build();
    stack.addOverride("terraform.required_providers.aws.version", AWS_VERSION_CONSTRAINT);
    return provider;
  }

  /**
   * A second AWS provider of {@code stack} for another region, aliased by the region's name (e.g. {@code aws.us-west-2}),
   * with the same default tags, account guard and role as the stack's own; one per region and stack, created on first use.
   */
  public static AwsProvider awsInRegion(TerraformStack stack, String region) {
    StackContext context = StackContext.of(stack);
    Validate.matches("region", region, Settings.REGION, "an AWS region such as us-west-2");
    if (region.equals(context.region())) {
      throw Validate.invalid("region", region, "a region other than the stack's own (" + context.region() + ")");
    }
    String id = "Aws" + region.replace("-", "");
    var existing = stack.getNode().tryFindChild(id);
    if (existing != null) return (AwsProvider) existing;
    AwsProvider provider = AwsProvider.Builder.create(stack, id)
        .alias(region)
        .region(region)
        .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(context.tags()).build()))
        .build();
    // The same account guard and role as the stack's own provider: another region, never another account.
    AccountSettings account = context.settings().account();
    if (account != null) guard(stack, provider, account);
    return provider;
  }

  /**
   * The Terraform variable naming the role the provider assumes. Its default is the deploy role
   * ({@code account.roleArn}); {@code -var aws_role_arn=<plan role>} plans with the read-only role, and an empty
   * value assumes nothing (CI, whose OIDC credentials already are the environment's role). No other value passes
   * its validation.
   */
  public static final String ROLE_VARIABLE = "aws_role_arn";

  /**
   * The AWS provider limited to {@code account}: {@code allowed_account_ids = [account.id]} makes Terraform stop
   * before reading or changing anything when the credentials (after any role assumption) belong to another
   * account. With {@code account.roleArn}, the provider assumes the role named by the variable
   * {@value #ROLE_VARIABLE} (an {@code assume_role} block, absent when the variable is empty). A null
   * {@code account} adds neither.
   */
  public static AwsProvider aws(TerraformStack stack, String region, Map<String, String> tags, AccountSettings account) {
    if (account == null) return aws(stack, region, tags);
    AwsProvider provider = aws(stack, region, tags);
    guard(stack, provider, account);
    return provider;
  }

  /** {@code allowed_account_ids} and, with a role, the {@code assume_role} block named by {@value #ROLE_VARIABLE}. */
  private static void guard(TerraformStack stack, AwsProvider provider, AccountSettings account) {
    provider.setAllowedAccountIds(List.of(account.id()));
    if (account.hasRole()) {
      List<String> allowed = new ArrayList<>();
      allowed.add(account.roleArn());
      if (account.planRoleArn() != null) allowed.add(account.planRoleArn());
      if (stack.getNode().tryFindChild(ROLE_VARIABLE) == null) {
        TerraformVariable role = TerraformVariable.Builder.create(stack, ROLE_VARIABLE)
            .type("string")
            .defaultValue(account.roleArn())
            .description("IAM role the AWS provider assumes in account " + account.id() + ": " + String.join(" or ", allowed)
                + "; empty to use the credentials as they are")
            .validation(List.of(TerraformVariableValidationConfig.builder()
                .condition("${contains(" + hclList(allowed, true) + ", var." + ROLE_VARIABLE + ")}")
                .errorMessage("The variable aws_role_arn must be empty or one of " + String.join(", ", allowed)
                    + " (roles of account " + account.id() + ").")
                .build()))
            .build();
        role.overrideLogicalId(ROLE_VARIABLE);
      }
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("role_arn", "${assume_role.value}");
      if (account.sessionName() != null) content.put("session_name", account.sessionName());
      if (account.externalId() != null) content.put("external_id", account.externalId());
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("for_each", "${compact([var." + ROLE_VARIABLE + "])}");
      block.put("content", content);
      provider.addOverride("dynamic.assume_role", block);
    }
  }

  /** An HCL list of strings, optionally with the empty string first. */
  private static String hclList(List<String> values, boolean withEmpty) {
    StringBuilder out = new StringBuilder("[");
    if (withEmpty) out.append("\"\"");
    for (String v : values) {
      if (out.length() > 1) out.append(", ");
      out.append('"').append(v).append('"');
    }
    return out.append(']').toString();
  }
}
