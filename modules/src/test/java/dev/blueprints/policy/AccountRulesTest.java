package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import dev.blueprints.core.AccountSettings;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRulesTest {
  private static final String RULE = "BP-ACCOUNT-001";
  private static final String PROD = "333333333333";

  private static BlueprintStack prodWithAccount(App app) {
    Settings settings = Fixtures.prod().withAccount(AccountSettings.of(PROD));
    return Fixtures.stack(app, "test-prod-policy", settings);
  }

  @Test
  void stacksOfAnEnvironmentWithAnAccountAreGuarded() {
    BlueprintStack stack = prodWithAccount(Fixtures.app());
    passes(stack, RULE);
    AwsProvider provider = (AwsProvider) stack.getNode().findChild("Aws");
    provider.resetAllowedAccountIds();
    fails(stack, RULE, "terraform", "the aws provider has no allowed_account_ids; environment prod declares account " + PROD);
    provider.setAllowedAccountIds(List.of("222222222222"));
    Finding f = fails(stack, RULE, "terraform", "the aws provider allows accounts [222222222222], but environment prod declares [" + PROD + "]");
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void anotherStackOfThatEnvironmentWithoutTheGuardFails() {
    App app = Fixtures.app();
    prodWithAccount(app);
    TerraformStack extra = new TerraformStack(app, "shop-prod-extra");
    AwsProvider.Builder.create(extra, "Aws").region(Fixtures.REGION).build();
    SsmParameter.Builder.create(extra, "P").name("/p").type("String").value("v").build();
    fails(extra, RULE, "terraform", "the aws provider has no allowed_account_ids; environment prod declares account " + PROD);

    TerraformStack noProvider = new TerraformStack(app, "shop-prod-other");
    SsmParameter.Builder.create(noProvider, "P").name("/p").type("String").value("v").build();
    fails(noProvider, RULE, "terraform", "no aws provider sets allowed_account_ids");

    TerraformStack dev = new TerraformStack(app, "shop-dev-extra");
    AwsProvider.Builder.create(dev, "Aws").region(Fixtures.REGION).build();
    passes(dev, RULE);
  }

  @Test
  void withoutADeclaredAccountNothingIsRequired() {
    passes(PolicyAssert.prod(), RULE);
    passes(PolicyAssert.dev(), RULE);
  }
}
