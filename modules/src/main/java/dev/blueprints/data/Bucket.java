package dev.blueprints.data;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import dev.blueprints.auth.PolicyDocument;
import dev.blueprints.auth.PolicyStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A private S3 bucket: all four public-access blocks, bucket-owner-enforced ownership (no ACLs),
 * default encryption, a policy that denies requests without TLS, versioning and a lifecycle that
 * expires replaced versions and abandoned multipart uploads.
 */
public final class Bucket extends Construct {
  private final S3Bucket bucket;
  private final S3BucketPolicy policy;

  public Bucket(Construct scope, String id, BucketProps props) {
    super(scope, id);
    bucket = S3Bucket.Builder.create(this, "Resource")
        .bucket(props.name())
        .forceDestroy(false)
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.preventDestroy()).build())
        .build();

    S3BucketPublicAccessBlock publicAccess = S3BucketPublicAccessBlock.Builder.create(this, "PublicAccessBlock")
        .bucket(bucket.getId())
        .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
        .build();

    S3BucketOwnershipControls.Builder.create(this, "Ownership")
        .bucket(bucket.getId())
        .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
        .build();

    var byDefault = S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder();
    if (props.encryption() == BucketEncryption.KMS) {
      byDefault.sseAlgorithm("aws:kms");
      if (props.kmsKeyArn() != null) byDefault.kmsMasterKeyId(props.kmsKeyArn());
    } else {
      byDefault.sseAlgorithm("AES256");
    }
    S3BucketServerSideEncryptionConfigurationA.Builder.create(this, "Encryption")
        .bucket(bucket.getId())
        .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
            .applyServerSideEncryptionByDefault(byDefault.build())
            .bucketKeyEnabled(props.encryption() == BucketEncryption.KMS)
            .build()))
        .build();

    S3BucketVersioningA versioning = S3BucketVersioningA.Builder.create(this, "Versioning")
        .bucket(bucket.getId())
        .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder()
            .status(props.versioned() ? "Enabled" : "Suspended").build())
        .build();

    var rule = S3BucketLifecycleConfigurationRule.builder()
        .id("housekeeping")
        .status("Enabled")
        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
        .abortIncompleteMultipartUpload(S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
            .daysAfterInitiation(7).build())
        .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
            .noncurrentDays(props.noncurrentVersionDays()).build());
    if (props.expirationDays() > 0) {
      rule.expiration(S3BucketLifecycleConfigurationRuleExpiration.builder().days(props.expirationDays()).build());
    }
    S3BucketLifecycleConfiguration.Builder.create(this, "Lifecycle")
        .bucket(bucket.getId())
        .rule(List.of(rule.build()))
        .dependsOn(List.of(versioning))
        .build();

    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(new PolicyStatement("DenyInsecureTransport", PolicyStatement.Effect.Deny, List.of("s3:*"),
        List.of(bucket.getArn(), bucket.getArn() + "/*"), Map.of("AWS", List.of("*")), null)
        .withCondition("Bool", "aws:SecureTransport", List.of("false")));
    statements.addAll(props.extraStatements());
    // The public access block must exist first, or a policy naming a service principal can be refused.
    policy = S3BucketPolicy.Builder.create(this, "Policy")
        .bucket(bucket.getId())
        .policy(PolicyDocument.json(statements))
        .dependsOn(List.of(publicAccess))
        .build();
  }

  public String name() {
    return bucket.getBucket();
  }

  public String id() {
    return bucket.getId();
  }

  public String arn() {
    return bucket.getArn();
  }

  public S3Bucket resource() {
    return bucket;
  }

  public S3BucketPolicy policy() {
    return policy;
  }

  /** Read access to the objects under {@code prefix} ({@code ""} for all). */
  public void grantRead(dev.blueprints.auth.Role role, String prefix) {
    role.grant("Read" + getNode().getId(), List.of(
        PolicyStatement.allow(List.of("s3:GetObject"), List.of(bucket.getArn() + "/" + prefix + "*")),
        PolicyStatement.allow(List.of("s3:ListBucket"), List.of(bucket.getArn()))));
  }
}
