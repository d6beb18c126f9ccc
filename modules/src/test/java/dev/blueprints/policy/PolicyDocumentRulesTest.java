package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hashicorp.cdktf.providers.aws.ecr_repository_policy.EcrRepositoryPolicy;
import com.hashicorp.cdktf.providers.aws.iam_policy.IamPolicy;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleInlinePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_user_policy_attachment.IamUserPolicyAttachment;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_policy.SecretsmanagerSecretPolicy;
import com.hashicorp.cdktf.providers.aws.sns_topic_policy.SnsTopicPolicy;
import dev.blueprints.core.BlueprintStack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that read principals and actions out of identity, trust and resource policy documents. */
class PolicyDocumentRulesTest {
  private static String policy(String statement) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
  }

  private static final String ACCOUNT_ADMINISTERS =
      "{\"Sid\":\"AccountAdministers\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
          + "\"Action\":\"kms:*\",\"Resource\":\"*\"}";

  @Test
  void keyPoliciesGrantNamedPrincipalsOnly() {
    BlueprintStack stack = dev();
    KmsKey key = KmsKey.Builder.create(stack, "Key").enableKeyRotation(true).policy(policy(ACCOUNT_ADMINISTERS)).build();
    passes(stack, "BP-IAM-004");
    key.setPolicy(policy(ACCOUNT_ADMINISTERS + ",{\"Sid\":\"Anyone\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"));
    Finding f = fails(stack, "BP-IAM-004", "aws_kms_key.Key", "policy: Allow statement Anyone grants [kms:Decrypt] to the principal \"*\"");
    assertEquals(List.of("CKV_AWS_33", "CKV_AWS_60", "CKV_AWS_70", "CKV_AWS_169", "CKV_AWS_32", "CKV_AWS_168"), f.publicIds());
    // The AWS-managed-key pattern: anyone in the account, through the service.
    key.setPolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"111122223333\",\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}}"));
    passes(stack, "BP-IAM-004");
    // A condition that does not say who is still anyone.
    key.setPolicy(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}"));
    fails(stack, "BP-IAM-004", "aws_kms_key.Key", "to the principal \"*\"");
  }

  @Test
  void trustPoliciesNameWhoAssumesTheRole() {
    BlueprintStack stack = dev();
    IamRole role = IamRole.Builder.create(stack, "Role").assumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
        + "{\"aws:SourceAccount\":\"111122223333\"}}}")).build();
    rule(stack, "BP-IAM-004", "aws_iam_role.Role").passes()
        .after(() -> role.setAssumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"sts:AssumeRole\"}")))
        .fails("assume_role_policy: Allow statement grants [sts:AssumeRole] to the principal \"*\"");
    role.setAssumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}"));
    rule(stack, "BP-IAM-004", "aws_iam_role.Role").passes()
        .after(() -> role.setAssumeRolePolicy(policy("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":\"sts:AssumeRole\"}")))
        .fails("uses NotPrincipal");
  }

  @Test
  void topicBucketSecretAndRepositoryPoliciesAreRead() {
    String anyone = policy("{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}");
    String denyAnyone = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
    BlueprintStack stack = dev();
    SnsTopicPolicy topic = SnsTopicPolicy.Builder.create(stack, "Topic").arn("arn:aws:sns:eu-west-1:1:t").policy(denyAnyone).build();
    S3BucketPolicy bucket = S3BucketPolicy.Builder.create(stack, "Bucket").bucket("b").policy(denyAnyone).build();
    SecretsmanagerSecretPolicy secret = SecretsmanagerSecretPolicy.Builder.create(stack, "Secret").secretArn("arn:s").policy(denyAnyone).build();
    EcrRepositoryPolicy repo = EcrRepositoryPolicy.Builder.create(stack, "Repo").repository("r").policy(denyAnyone).build();
    rule(stack, "BP-IAM-004", "aws_sns_topic_policy.Topic").passes()
        .after(() -> topic.setPolicy(anyone)).fails("Allow statement Open grants [*] to the principal \"*\"");
    topic.setPolicy(denyAnyone);
    bucket.setPolicy(anyone);
    fails(stack, "BP-IAM-004", "aws_s3_bucket_policy.Bucket", "grants [*] to the principal \"*\"");
    bucket.setPolicy(denyAnyone);
    secret.setPolicy(anyone);
    fails(stack, "BP-IAM-004", "aws_secretsmanager_secret_policy.Secret", "grants [*] to the principal \"*\"");
    secret.setPolicy(denyAnyone);
    repo.setPolicy(anyone);
    fails(stack, "BP-IAM-004", "aws_ecr_repository_policy.Repo", "grants [*] to the principal \"*\"");
  }

  @Test
  void broadManagedPoliciesAreNotAttached() {
    BlueprintStack stack = dev();
    IamRolePolicyAttachment ssm = IamRolePolicyAttachment.Builder.create(stack, "Ssm").role("r")
        .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore").build();
    IamRole role = IamRole.Builder.create(stack, "Role").assumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}"))
        .managedPolicyArns(List.of("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy")).build();
    // A customer-managed policy of the same name is the account's own.
    IamUserPolicyAttachment.Builder.create(stack, "Own").user("u").policyArn("arn:aws:iam::111122223333:policy/AdministratorAccess").build();
    rule(stack, "BP-IAM-005", "aws_iam_role_policy_attachment.Ssm").passes()
        .after(() -> ssm.setPolicyArn("arn:aws:iam::aws:policy/AdministratorAccess"))
        .fails("policy_arn attaches arn:aws:iam::aws:policy/AdministratorAccess")
        .after(() -> ssm.setPolicyArn("arn:aws-us-gov:iam::aws:policy/job-function/SystemAdministrator"))
        .fails("job-function/SystemAdministrator");
    rule(stack, "BP-IAM-005", "aws_iam_role.Role")
        .after(() -> ssm.setPolicyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"))
        .after(() -> role.setManagedPolicyArns(List.of("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", "arn:aws:iam::aws:policy/AmazonS3FullAccess")))
        .fails("managed_policy_arns attaches arn:aws:iam::aws:policy/AmazonS3FullAccess")
        .after(() -> role.setManagedPolicyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")))
        .fails("ReadOnlyAccess");
  }

  @Test
  void noPolicyReadsEverySecret() {
    BlueprintStack stack = dev();
    IamRolePolicy read = IamRolePolicy.Builder.create(stack, "Read").role("r").name("p").policy(policy("{\"Effect\":\"Allow\","
        + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf\"}")).build();
    IamPolicy.Builder.create(stack, "Describe").name("d").policy(policy("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:ListSecrets\","
        + "\"Resource\":\"*\"}")).build();
    rule(stack, "BP-IAM-006", "aws_iam_role_policy.Read").passes()
        .after(() -> read.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],\"Resource\":\"*\"}")))
        .fails("Allow of [secretsmanager:GetSecretValue] on [*]: reads every secret")
        .after(() -> read.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:Get*\",\"Resource\":\"arn:aws:secretsmanager:eu-west-1:1:secret:*\"}")))
        .fails("Allow of [secretsmanager:Get*] on [arn:aws:secretsmanager:eu-west-1:1:secret:*]")
        .after(() -> read.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParametersByPath\",\"Resource\":\"arn:aws:ssm:eu-west-1:1:parameter/*\"}")))
        .fails("ssm:GetParametersByPath")
        .after(() -> read.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter\",\"Resource\":\"arn:aws:ssm:eu-west-1:1:parameter/app/*\"}")))
        .passes();
    read.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"secretsmanager:ResourceTag/app\":\"web\"}}}"));
    passes(stack, "BP-IAM-006");
    IamRole.Builder.create(stack, "Role").assumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
        + "\"Action\":\"sts:AssumeRole\"}")).inlinePolicy(List.of(IamRoleInlinePolicy.builder().name("inline")
            .policy(policy("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:*\",\"Resource\":\"*\"}")).build())).build();
    fails(stack, "BP-IAM-006", "aws_iam_role.Role", "Allow of [secretsmanager:*] on [*]");
  }
}
