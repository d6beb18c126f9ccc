package dev.blueprints.data;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_elb_service_account.DataAwsElbServiceAccount;
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
import dev.blueprints.auth.Grant;
import dev.blueprints.auth.Grantable;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.core.Validate;
import dev.blueprints.core.Account;
import dev.blueprints.core.Memo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.constructs.Construct;

/**
 * A private S3 bucket: all four public-access blocks, bucket-owner-enforced ownership (no ACLs),
 * default encryption, a policy that denies requests without TLS, versioning and a lifecycle that
 * expires replaced versions and abandoned multipart uploads. {@link #forLoadBalancerLogs} makes the variant that
 * accepts ALB/NLB access logs.
 */
public final class Bucket extends BlueprintConstruct {
  /** Regions with an Elastic Load Balancing log-delivery account (opened before August 2022). */
  static final Set<String> LEGACY_ELB_REGIONS = Set.of(
      "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1", "ap-northeast-1",
      "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ca-central-1",
      "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-north-1", "me-south-1", "sa-east-1",
      "us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1");
  private final S3Bucket bucket;
  private final Memo<String> bucketArn;
  private final Memo<String> bucketId;
  private final S3BucketPolicy policy;
  /** The customer-managed key of SSE-KMS, or null (SSE-S3, or SSE-KMS under the AWS-managed aws/s3 key). */
  private final String kmsKeyArn;

  public Bucket(Construct scope, String id, BucketProps props) {
    super(scope, id);
    kmsKeyArn = props.encryption() == BucketEncryption.KMS ? props.kmsKeyArn() : null;
    bucket = S3Bucket.Builder.create(this, "Resource")
        .bucket(props.name() != null ? props.name() : naming().globalName(DataNames.component(this), Account.id(this), region()))
        .forceDestroy(false)
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.preventDestroy()).build())
        .build();
    bucketArn = Memo.of(bucket::getArn);
    bucketId = Memo.of(bucket::getId);

    S3BucketPublicAccessBlock publicAccess = S3BucketPublicAccessBlock.Builder.create(this, "PublicAccessBlock")
        .bucket(bucketId.get())
        .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
        .build();

    S3BucketOwnershipControls.Builder.create(this, "Ownership")
        .bucket(bucketId.get())
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
        .bucket(bucketId.get())
        .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
            .applyServerSideEncryptionByDefault(byDefault.build())
            .bucketKeyEnabled(props.encryption() == BucketEncryption.KMS)
            .build()))
        .build();

    S3BucketVersioningA versioning = S3BucketVersioningA.Builder.create(this, "Versioning")
        .bucket(bucketId.get())
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
        .bucket(bucketId.get())
        .rule(List.of(rule.build()))
        .dependsOn(List.of(versioning))
        .build();

    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(new PolicyStatement("DenyInsecureTransport", PolicyStatement.Effect.Deny, List.of("s3:*"),
        List.of(bucketArn.get(), bucketArn.get() + "/*"), Map.of("AWS", List.of("*")), null)
        .withCondition("Bool", "aws:SecureTransport", List.of("false")));
    if (props.loadBalancerLogDelivery()) statements.addAll(loadBalancerLogStatements());
    statements.addAll(props.extraStatements());
    // The public access block must exist first, or a policy naming a service principal can be refused.
    policy = S3BucketPolicy.Builder.create(this, "Policy")
        .bucket(bucketId.get())
        .policy(PolicyDocument.json(statements))
        .dependsOn(List.of(publicAccess))
        .build();
  }

  /** A bucket for ALB/NLB access logs, named by the stack's global naming rule for {@code id}. */
  public static Bucket forLoadBalancerLogs(Construct scope, String id) {
    return new Bucket(scope, id, BucketProps.builder().loadBalancerLogDelivery(true).build());
  }

  /** A bucket for ALB/NLB access logs: {@code new Bucket(scope, id, BucketProps.loadBalancerLogs(name))}. */
  public static Bucket forLoadBalancerLogs(Construct scope, String id, String name) {
    return new Bucket(scope, id, BucketProps.loadBalancerLogs(name));
  }

  /**
   * Who may write load balancer access logs, only under {@code [prefix/]AWSLogs/<this account>/}:
   * <ul>
   *   <li>ALB in regions opened before August 2022: the region's Elastic Load Balancing account, read from
   *       {@code aws_elb_service_account} (the data source fails for regions it has no account for, hence the list);</li>
   *   <li>ALB in newer regions: the {@code logdelivery.elasticloadbalancing.amazonaws.com} service principal;</li>
   *   <li>NLB (TLS listeners): the log delivery service {@code delivery.logs.amazonaws.com}, limited to this account
   *       with {@code aws:SourceAccount}, which also reads the bucket ACL.</li>
   * </ul>
   */
  private List<PolicyStatement> loadBalancerLogStatements() {
    String account = Account.id(this);
    String region = region();
    List<String> objects = List.of(bucketArn.get() + "/AWSLogs/" + account + "/*", bucketArn.get() + "/*/AWSLogs/" + account + "/*");
    List<PolicyStatement> out = new ArrayList<>();
    if (LEGACY_ELB_REGIONS.contains(region)) {
      DataAwsElbServiceAccount elb = DataAwsElbServiceAccount.Builder.create(this, "ElbServiceAccount").build();
      out.add(new PolicyStatement("ElbAccountWritesLogs", PolicyStatement.Effect.Allow, List.of("s3:PutObject"), objects,
          Map.of("AWS", List.of(elb.getArn())), null));
    }
    out.add(new PolicyStatement("ElbServiceWritesLogs", PolicyStatement.Effect.Allow, List.of("s3:PutObject"), objects,
        Map.of("Service", List.of("logdelivery.elasticloadbalancing.amazonaws.com")), null));
    out.add(new PolicyStatement("NlbDeliveryWritesLogs", PolicyStatement.Effect.Allow, List.of("s3:PutObject"), objects,
        Map.of("Service", List.of("delivery.logs.amazonaws.com")), null)
        .withCondition("StringEquals", "s3:x-amz-acl", List.of("bucket-owner-full-control"))
        .withCondition("StringEquals", "aws:SourceAccount", List.of(account)));
    out.add(new PolicyStatement("NlbDeliveryReadsAcl", PolicyStatement.Effect.Allow, List.of("s3:GetBucketAcl"), List.of(bucketArn.get()),
        Map.of("Service", List.of("delivery.logs.amazonaws.com")), null)
        .withCondition("StringEquals", "aws:SourceAccount", List.of(account)));
    return out;
  }

  public String name() {
    return bucket.getBucket();
  }

  public String id() {
    return bucketId.get();
  }

  public String arn() {
    return bucketArn.get();
  }

  public S3Bucket resource() {
    return bucket;
  }

  public S3BucketPolicy policy() {
    return policy;
  }

  // ---- grants -------------------------------------------------------------------------------------
  //
  // Each grant is one inline policy on the grantee's role, scoped to this bucket (and to the objects under a
  // prefix when one is given). With a customer-managed key the KMS actions S3 needs on the caller's behalf
  // come with the grant, on that key only and only through S3 (kms:ViaService); the AWS-managed aws/s3 key
  // and SSE-S3 need none.

  /** {@code s3:GetObject} on the objects under {@code prefix} ({@code ""} for all), {@code s3:ListBucket}; {@code kms:Decrypt}. */
  public Grant grantRead(Grantable grantee, String prefix) {
    return grant(grantee, "Read", prefix, true, false, false);
  }

  public Grant grantRead(Grantable grantee) {
    return grantRead(grantee, "");
  }

  /**
   * {@code s3:PutObject} and {@code s3:AbortMultipartUpload} on the objects under {@code prefix};
   * {@code kms:GenerateDataKey} and {@code kms:Decrypt} (multipart uploads read back the data key).
   */
  public Grant grantWrite(Grantable grantee, String prefix) {
    return grant(grantee, "Write", prefix, false, true, false);
  }

  public Grant grantWrite(Grantable grantee) {
    return grantWrite(grantee, "");
  }

  /** Read and write as one policy. */
  public Grant grantReadWrite(Grantable grantee, String prefix) {
    return grant(grantee, "ReadWrite", prefix, true, true, false);
  }

  public Grant grantReadWrite(Grantable grantee) {
    return grantReadWrite(grantee, "");
  }

  /**
   * {@code s3:DeleteObject} on the objects under {@code prefix}: on this versioned bucket that adds a delete
   * marker, and the noncurrent version expires with the lifecycle; deleting versions for good is not granted.
   */
  public Grant grantDelete(Grantable grantee, String prefix) {
    return grant(grantee, "Delete", prefix, false, false, true);
  }

  public Grant grantDelete(Grantable grantee) {
    return grantDelete(grantee, "");
  }

  private Grant grant(Grantable grantee, String verb, String prefix, boolean read, boolean write, boolean delete) {
    Validate.notNull("grantee", grantee);
    Validate.notNull("prefix", prefix);
    if (prefix.startsWith("/") || prefix.contains("*") || prefix.contains("?") || prefix.length() > 900) {
      throw Validate.invalid("prefix", prefix, "an object key prefix such as uploads/ (no leading /, no * or ?, at most 900 characters), or \"\" for the whole bucket");
    }
    List<String> objectActions = new ArrayList<>();
    if (read) objectActions.add("s3:GetObject");
    if (write) objectActions.addAll(List.of("s3:PutObject", "s3:AbortMultipartUpload"));
    if (delete) objectActions.add("s3:DeleteObject");
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(PolicyStatement.allow(objectActions, List.of(bucketArn.get() + "/" + prefix + "*")));
    if (read) statements.add(PolicyStatement.allow(List.of("s3:ListBucket"), List.of(bucketArn.get())));
    if (kmsKeyArn != null && (read || write)) {
      List<String> kms = write ? List.of("kms:Decrypt", "kms:GenerateDataKey") : List.of("kms:Decrypt");
      statements.add(PolicyStatement.allow("UseBucketKey", kms, List.of(kmsKeyArn))
          .withCondition("StringEquals", "kms:ViaService", List.of("s3." + region() + ".amazonaws.com")));
    }
    String suffix = prefix.replaceAll("[^A-Za-z0-9]", "");
    if (!suffix.isEmpty()) suffix = Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    return grantee.grantRole().grant(DataNames.grantId(this, verb + suffix), statements);
  }
}
