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
}
