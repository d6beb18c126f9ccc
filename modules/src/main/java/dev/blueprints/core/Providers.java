package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Map;

/** The AWS provider as every Blueprints stack configures it. */
public final class Providers {
  /**
   * The bindings pin hashicorp/aws to the exact version they were generated from; a pessimistic
   * constraint lets {@code terraform init} pick up the 5.x fixes released since.
   */
  public static final String AWS_VERSION_CONSTRAINT = "~> 5.23";

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
   * with the same default tags as the stack's own; one per region and stack, created on first use.
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
    return AwsProvider.Builder.create(stack, id)
        .alias(region)
        .region(region)
        .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(context.tags()).build()))
        .build();
  }
}
