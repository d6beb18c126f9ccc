package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.hashicorp.cdktf.providers.aws.api_gateway_method.ApiGatewayMethod;
import com.hashicorp.cdktf.providers.aws.api_gateway_method_settings.ApiGatewayMethodSettings;
import com.hashicorp.cdktf.providers.aws.api_gateway_method_settings.ApiGatewayMethodSettingsSettings;
import com.hashicorp.cdktf.providers.aws.api_gateway_stage.ApiGatewayStage;
import com.hashicorp.cdktf.providers.aws.api_gateway_stage.ApiGatewayStageAccessLogSettings;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPool;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolPasswordPolicy;
import com.hashicorp.cdktf.providers.aws.iam_policy.IamPolicy;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleInlinePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import dev.blueprints.core.BlueprintStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiAndIdentityRulesTest {
  private static ApiGatewayStage stage(BlueprintStack stack) {
    return ApiGatewayStage.Builder.create(stack, "Stage").restApiId("api-1").deploymentId("dep-1").stageName("v1")
        .xrayTracingEnabled(true)
        .accessLogSettings(ApiGatewayStageAccessLogSettings.builder().destinationArn("arn:logs").format("{}").build()).build();
  }

  private static String policy(String statement) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
  }

  @Test
  void stagesWriteAccessLogsAndTrace() {
    BlueprintStack stack = dev();
    ApiGatewayStage stage = stage(stack);
    passes(stack, "BP-APIGW-001");
    passes(stack, "BP-APIGW-002");
    stage.resetAccessLogSettings();
    fails(stack, "BP-APIGW-001", "aws_api_gateway_stage.Stage", "access_log_settings is absent");
    rule(stack, "BP-APIGW-002", "aws_api_gateway_stage.Stage")
        .after(() -> stage.setXrayTracingEnabled(false)).fails("xray_tracing_enabled is false")
        .after(stage::resetXrayTracingEnabled).fails("xray_tracing_enabled is absent");
  }

  @Test
  void methodsRequireAuthorizationExceptCorsPreflight() {
    BlueprintStack stack = dev();
    ApiGatewayMethod get = ApiGatewayMethod.Builder.create(stack, "Get").restApiId("api-1").resourceId("res-1")
        .httpMethod("GET").authorization("COGNITO_USER_POOLS").authorizerId("auth-1").build();
    ApiGatewayMethod.Builder.create(stack, "Options").restApiId("api-1").resourceId("res-1").httpMethod("OPTIONS")
        .authorization("NONE").build();
    rule(stack, "BP-APIGW-003", "aws_api_gateway_method.Get").passes()
        .after(() -> get.setAuthorization("NONE")).fails("authorization is \"NONE\": anyone can call \"GET\"");
  }

  @Test
  void stagesAreThrottled() {
    BlueprintStack stack = dev();
    ApiGatewayStage stage = stage(stack);
    fails(stack, "BP-APIGW-004", "aws_api_gateway_stage.Stage", "no throttling limits for stage \"v1\"");
    ApiGatewayMethodSettings settings = ApiGatewayMethodSettings.Builder.create(stack, "Settings").restApiId("api-1")
        .stageName(stage.getStageName()).methodPath("*/*")
        .settings(ApiGatewayMethodSettingsSettings.builder().metricsEnabled(true).build()).build();
    rule(stack, "BP-APIGW-004", "aws_api_gateway_stage.Stage")
        .fails("no throttling limits")
        .after(() -> settings.putSettings(ApiGatewayMethodSettingsSettings.builder().throttlingRateLimit(100).throttlingBurstLimit(50).build()))
        .passes();
  }

  @Test
  void userPoolsHaveMfaLongPasswordsAndDeletionProtection() {
    BlueprintStack stack = dev();
    CognitoUserPool pool = CognitoUserPool.Builder.create(stack, "Users").name("users").mfaConfiguration("OPTIONAL")
        .deletionProtection("ACTIVE")
        .passwordPolicy(CognitoUserPoolPasswordPolicy.builder().minimumLength(12).requireLowercase(true).requireUppercase(true)
            .requireNumbers(true).requireSymbols(true).build()).build();
    for (String id : List.of("BP-COG-001", "BP-COG-002", "BP-COG-003")) passes(stack, id);
    rule(stack, "BP-COG-001", "aws_cognito_user_pool.Users")
        .after(() -> pool.setMfaConfiguration("OFF")).fails("mfa_configuration is \"OFF\"")
        .after(pool::resetMfaConfiguration).fails("mfa_configuration is absent (default OFF)");
    rule(stack, "BP-COG-002", "aws_cognito_user_pool.Users")
        .after(() -> pool.putPasswordPolicy(CognitoUserPoolPasswordPolicy.builder().minimumLength(8).build()))
        .fails("minimum_length is 8")
        .after(pool::resetPasswordPolicy).fails("minimum_length is absent (default 8)");
    rule(stack, "BP-COG-003", "aws_cognito_user_pool.Users")
        .after(() -> pool.setDeletionProtection("INACTIVE")).fails("deletion_protection is \"INACTIVE\"")
        .after(pool::resetDeletionProtection).fails("deletion_protection is absent (default INACTIVE)");
  }

  @Test
  void policiesAllowNoWildcardActions() {
    BlueprintStack stack = dev();
    IamPolicy admin = IamPolicy.Builder.create(stack, "Admin").name("admin")
        .policy(policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")).build();
    rule(stack, "BP-IAM-001", "aws_iam_policy.Admin")
        .fails("Allow of action *")
        .after(() -> admin.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":\"arn:aws:s3:::b/*\"}")))
        .fails("Allow of action s3:*")
        .after(() -> admin.setPolicy(policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}")))
        .fails("uses NotAction")
        .after(() -> admin.setPolicy(policy("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}"))).passes();
    IamRole.Builder.create(stack, "Role").assumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},"
        + "\"Action\":\"sts:AssumeRole\"}")).inlinePolicy(List.of(IamRoleInlinePolicy.builder().name("inline")
            .policy(policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:x\"}")).build())).build();
    fails(stack, "BP-IAM-001", "aws_iam_role.Role", "Allow of action *");
  }

  @Test
  void writeActionsOnEveryResourceWarn() {
    BlueprintStack stack = dev();
    IamRolePolicy inline = IamRolePolicy.Builder.create(stack, "Inline").role("r").name("p")
        .policy(policy("{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"cloudwatch:PutMetricData\","
            + "\"ec2:DescribeInstances\",\"logs:PutLogEvents\"],\"Resource\":\"arn:aws:logs:x\"}")).build();
    rule(stack, "BP-IAM-002", "aws_iam_role_policy.Inline").passes()
        .after(() -> inline.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"ec2:DescribeInstances\"],\"Resource\":\"*\"}")))
        .passes()
        .after(() -> inline.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"s3:PutObject\"],\"Resource\":[\"*\"]}")))
        .fails("Allow of [s3:PutObject] on Resource \"*\"");
    inline.setPolicy(policy("{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:ResourceAccount\":\"1\"}}}"));
    passes(stack, "BP-IAM-002");
  }

  @Test
  void serviceTrustPoliciesHaveASourceCondition() {
    BlueprintStack stack = dev();
    IamRole role = IamRole.Builder.create(stack, "Role").assumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}")).build();
    fails(stack, "BP-IAM-003", "aws_iam_role.Role", "[ecs-tasks.amazonaws.com] may assume the role with no source condition");
    role.setAssumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},"
        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"1\"}}}"));
    passes(stack, "BP-IAM-003");
    role.setAssumeRolePolicy(policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}"));
    passes(stack, "BP-IAM-003");
  }
}
