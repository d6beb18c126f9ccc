package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that look across the stacks of one app. */
class AppRulesTest {
  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";

  @Test
  void twoResourcesOfOneStackClaimingOneNameFail() {
    BlueprintStack stack = dev();
    SnsTopic.Builder.create(stack, "First").name("orders").build();
    passes(stack, "BP-NAME-001");
    SnsTopic.Builder.create(stack, "Second").name("orders").build();
    fails(stack, "BP-NAME-001", "aws_sns_topic.Second", "name \"orders\" is already claimed by test-dev-policy aws_sns_topic.First (unique in region eu-west-1)");
  }

  @Test
  void iamNamesClashAcrossStacksInDifferentRegionsAndRegionalOnesDoNot() {
    App app = Fixtures.app();
    Settings west = Fixtures.dev();
    Settings east = Settings.builder("acme", west.environment(), "us-east-1")
        .availabilityZones(List.of("us-east-1a", "us-east-1b")).state(west.state()).tags(west.tags()).build();
    BlueprintStack a = Fixtures.stack(app, "a-dev-one", west);
    BlueprintStack b = Fixtures.stack(app, "b-dev-two", east);
    SnsTopic.Builder.create(a, "Topic").name("alarms").build();
    SnsTopic.Builder.create(b, "Topic").name("alarms").build();
    IamRole.Builder.create(a, "Role").name("acme-app").assumeRolePolicy(TRUST).build();
    IamRole.Builder.create(b, "Role").name("acme-app").assumeRolePolicy(TRUST).build();
    var error = assertThrows(PolicyViolationException.class, () -> Policy.synth(app));
    String text = error.getMessage();
    assertTrue(text.contains("BP-NAME-001") && text.contains("name \"acme-app\" is already claimed by a-dev-one aws_iam_role.Role (unique in the account)"), text);
    assertTrue(!text.contains("\"alarms\""), "topics of different regions may share a name: " + text);
  }

  @Test
  void twoStacksOfOneRegionSettingTheAccountsApiGatewayRoleFail() {
    App app = Fixtures.app();
    BlueprintStack dev = Fixtures.stack(app, "a-dev-edge", Fixtures.dev());
    BlueprintStack prod = Fixtures.stack(app, "a-prod-edge", Fixtures.prod());
    com.hashicorp.cdktf.providers.aws.api_gateway_account.ApiGatewayAccount.Builder.create(dev, "Account")
        .cloudwatchRoleArn("arn:aws:iam::123456789012:role/dev-apigw").build();
    com.hashicorp.cdktf.providers.aws.api_gateway_account.ApiGatewayAccount.Builder.create(prod, "Account")
        .cloudwatchRoleArn("arn:aws:iam::123456789012:role/prod-apigw").build();
    String text = assertThrows(PolicyViolationException.class, () -> Policy.synth(app)).getMessage();
    assertTrue(text.contains("the account's API Gateway settings in region eu-west-1 are already set by a-dev-edge "
        + "aws_api_gateway_account.Account"), text);
  }
}
