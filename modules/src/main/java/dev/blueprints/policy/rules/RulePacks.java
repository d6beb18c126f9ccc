package dev.blueprints.policy.rules;

import dev.blueprints.policy.RulePack;

/** The rule packs of the library. */
public final class RulePacks {
  /** Every rule Blueprints checks, grouped by area in the order the report lists them. */
  private static final RulePack BLUEPRINTS = RulePack.of("blueprints",
      // network
      new SecurityGroupNoPublicIngress(), new SecurityGroupRuleDescribed(), new DefaultSecurityGroupClosed(),
      new SubnetNoPublicIp(), new VpcFlowLogs(),
      // load balancing
      new AlbDropsInvalidHeaders(), new ListenerTlsPolicy(), new HttpListenerRedirects(),
      new LoadBalancerDeletionProtection(), new AlbAccessLogs(), new TargetGroupHealthCheck(),
      // EC2 and Auto Scaling
      new InstanceMetadataV2(), new EbsEncrypted(), new InstanceNoPublicIp(), new AutoScalingElbHealthCheck(),
      // ECS and ECR
      new EcsContainerInsights(), new EcsTaskNotPrivileged(), new EcsReadonlyRootFilesystem(), new EcsContainerLogging(),
      new EcsServiceCircuitBreaker(), new EcsServiceNoPublicIp(), new EcsTaskRolesSeparate(), new EcsNoSecretsInEnvironment(),
      new EcrScanOnPush(), new EcrImmutableTags(), new EcrLifecyclePolicy(),
      // RDS
      new RdsStorageEncrypted(), new RdsNotPublic(), new RdsBackupRetention(), new RdsDeletionProtection(),
      new RdsMultiAzInProduction(), new RdsManagedPassword(), new RdsFinalSnapshot(), new RdsIamAuthentication(),
      new RdsPerformanceInsights(), new RdsLogExports(), new RdsAutoMinorUpgrade(), new RdsTlsRequired(),
      // MemoryDB
      new MemoryDbTls(), new MemoryDbSnapshots(), new MemoryDbReplicasInProduction(), new MemoryDbAuthenticated(),
      // EFS
      new EfsEncrypted(), new EfsBackedUp(),
      // S3
      new S3BucketPublicAccessBlocked(), new S3BucketEncrypted(), new S3BucketVersioned(), new S3BucketTlsOnly(),
      new S3BucketOwnershipEnforced(),
      // Secrets Manager, CloudWatch, SNS
      new SecretRecoveryWindow(), new SecretCustomerKey(), new LogGroupRetention(), new LogGroupSensitiveEncrypted(), new AlarmHasActions(),
      new SnsTopicEncrypted(), new AlarmTopicSubscribedInProduction(), new AlarmTopicSubscribed(),
      // API Gateway, Cognito
      new ApiStageAccessLogs(), new ApiStageTracing(), new ApiMethodAuthorized(), new ApiStageThrottling(),
      new CognitoMfa(), new CognitoPasswordLength(), new CognitoDeletionProtection(), new CognitoPasswordComplexity(),
      // IAM, KMS
      new IamNoWildcardActions(), new IamWildcardResourceWrite(), new IamTrustPolicyConditions(), new IamNoPublicPrincipal(),
      new IamNoBroadManagedPolicies(), new IamNoReadOfEverySecret(), new KmsKeyRotation(),
      // state and reliability
      new StateBackendSecure(), new StatefulResourcePreventDestroy(), new ProviderAccountGuard(), new PhysicalNamesUnique());

  private RulePacks() {}

  /** The security and reliability rules every blueprint passes: the pack the README's rule table lists. */
  public static RulePack blueprints() {
    return BLUEPRINTS;
  }
}
