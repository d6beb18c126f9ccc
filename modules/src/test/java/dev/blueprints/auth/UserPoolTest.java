package dev.blueprints.auth;

import static dev.blueprints.testing.Fixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class UserPoolTest {
  private static final String POOL = "aws_cognito_user_pool";
  private static final String CLIENT = "aws_cognito_user_pool_client";

  private static Synthesized synth(UserPoolProps props) {
    BlueprintStack stack = Fixtures.stack("auth");
    new UserPool(stack, "Users", props);
    return Synthesized.of(stack);
  }

  private static void fails(String expectedPrefix, Executable build) {
    String message = assertThrows(IllegalArgumentException.class, build).getMessage();
    assertTrue(message.startsWith(expectedPrefix), message);
  }

  @Test
  void defaultPoolHasAStrongPasswordPolicyOptionalTotpAndEmailSignIn() {
    Synthesized json = synth(UserPoolProps.builder().build());
    JsonNode pool = json.only(POOL);
    assertEquals("acme-test-dev-users", pool.path("name").asText());
    JsonNode password = Synthesized.at(pool, "password_policy");
    assertEquals(12, password.path("minimum_length").asInt());
    for (String rule : List.of("require_uppercase", "require_lowercase", "require_numbers", "require_symbols")) {
      assertTrue(password.path(rule).asBoolean(), rule);
    }
    assertEquals(3, password.path("temporary_password_validity_days").asInt());
    assertEquals("OPTIONAL", pool.path("mfa_configuration").asText());
    assertTrue(Synthesized.at(pool, "software_token_mfa_configuration.enabled").asBoolean());
    assertTrue(pool.path("sms_configuration").isMissingNode(), "no SMS factor");
    assertEquals(List.of("email"), texts(pool.path("username_attributes")));
    assertEquals(List.of("email"), texts(pool.path("auto_verified_attributes")));
    assertFalse(Synthesized.at(pool, "username_configuration.case_sensitive").asBoolean());
    JsonNode recovery = Synthesized.at(pool, "account_recovery_setting.recovery_mechanism");
    assertEquals(1, recovery.size());
    assertEquals("verified_email", recovery.get(0).path("name").asText());
    assertTrue(Synthesized.at(pool, "admin_create_user_config.allow_admin_create_user_only").asBoolean());
    assertEquals("ENFORCED", Synthesized.at(pool, "user_pool_add_ons.advanced_security_mode").asText());
    assertEquals("PLUS", pool.path("user_pool_tier").asText(), "threat protection needs the Plus plan");
    assertEquals(List.of("email"), texts(Synthesized.at(pool, "user_attribute_update_settings.attributes_require_verification_before_update")));
  }

  @Test
  void deletionProtectionFollowsTheEnvironmentUnlessSet() {
    JsonNode pool = synth(UserPoolProps.builder().build()).only(POOL);
    assertEquals("ACTIVE", pool.path("deletion_protection").asText());
    assertTrue(Synthesized.at(pool, "lifecycle.prevent_destroy").asBoolean());

    BlueprintStack unprotected = Fixtures.stack(Fixtures.app(), "test-dev-auth",
        Fixtures.settings(Environment.dev().withDeletionProtection(false)));
    new UserPool(unprotected, "Users", UserPoolProps.builder().build());
    JsonNode fromEnvironment = Synthesized.of(unprotected).only(POOL);
    assertEquals("INACTIVE", fromEnvironment.path("deletion_protection").asText());
    assertFalse(Synthesized.at(fromEnvironment, "lifecycle.prevent_destroy").asBoolean());

    JsonNode explicit = synth(UserPoolProps.builder().deletionProtection(false).build()).only(POOL);
    assertEquals("INACTIVE", explicit.path("deletion_protection").asText());
  }

  @Test
  void webClientIsPublicUsesSrpAndHidesWhetherAUserExists() {
    Synthesized json = synth(UserPoolProps.builder().build());
    JsonNode client = json.only(CLIENT);
    assertEquals(json.ref(POOL, json.only(POOL), "id"), client.path("user_pool_id").asText());
    assertEquals("acme-test-dev-users-web", client.path("name").asText());
    assertFalse(client.path("generate_secret").asBoolean());
    assertTrue(client.has("generate_secret"), "generate_secret is written explicitly");
    assertEquals(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), texts(client.path("explicit_auth_flows")));
    assertEquals("ENABLED", client.path("prevent_user_existence_errors").asText());
    assertTrue(client.path("enable_token_revocation").asBoolean());
    assertEquals(60, client.path("id_token_validity").asInt());
    assertEquals(60, client.path("access_token_validity").asInt());
    assertEquals(30, client.path("refresh_token_validity").asInt());
    JsonNode units = Synthesized.at(client, "token_validity_units");
    assertEquals("minutes", Synthesized.at(units, "id_token").asText());
    assertEquals("minutes", Synthesized.at(units, "access_token").asText());
    assertEquals("days", Synthesized.at(units, "refresh_token").asText());
    assertTrue(client.path("allowed_oauth_flows").isMissingNode(), "no OAuth unless callback URLs are given");
    assertEquals(0, json.count("aws_cognito_user_pool_domain"));
  }

  @Test
  void optionsChangeMfaSignUpAdvancedSecurityTokensAndName() {
    Synthesized json = synth(UserPoolProps.builder()
        .name("customers")
        .passwordMinLength(16)
        .mfa(MfaMode.ON)
        .selfSignUp(true)
        .advancedSecurity(AdvancedSecurity.AUDIT, "Plus plan not enabled yet")
        .idTokenValidityMinutes(15).accessTokenValidityMinutes(5).refreshTokenValidityDays(1)
        .build());
    JsonNode pool = json.only(POOL);
    assertEquals("customers", pool.path("name").asText());
    assertEquals(16, Synthesized.at(pool, "password_policy.minimum_length").asInt());
    assertEquals("ON", pool.path("mfa_configuration").asText());
    assertFalse(Synthesized.at(pool, "admin_create_user_config.allow_admin_create_user_only").asBoolean());
    assertEquals("AUDIT", Synthesized.at(pool, "user_pool_add_ons.advanced_security_mode").asText());
    assertEquals("PLUS", pool.path("user_pool_tier").asText());

    JsonNode off = synth(UserPoolProps.builder().advancedSecurity(AdvancedSecurity.OFF, "cost: Essentials plan").build()).only(POOL);
    assertEquals("OFF", Synthesized.at(off, "user_pool_add_ons.advanced_security_mode").asText());
    assertTrue(off.path("user_pool_tier").isMissingNode(), "the default plan when threat protection is off");
    JsonNode client = json.only(CLIENT);
    assertEquals(15, client.path("id_token_validity").asInt());
    assertEquals(5, client.path("access_token_validity").asInt());
    assertEquals(1, client.path("refresh_token_validity").asInt());
  }

  @Test
  void oauthUsesTheCodeFlowOnlyAndTheDomainBelongsToThePool() {
    Synthesized json = synth(UserPoolProps.builder()
        .callbackUrls(List.of("https://app.example.com/callback", "http://localhost:3000/callback"))
        .logoutUrls(List.of("https://app.example.com/"))
        .domainPrefix("acme-login")
        .build());
    JsonNode client = json.only(CLIENT);
    assertTrue(client.path("allowed_oauth_flows_user_pool_client").asBoolean());
    assertEquals(List.of("code"), texts(client.path("allowed_oauth_flows")));
    assertEquals(List.of("openid", "email", "profile"), texts(client.path("allowed_oauth_scopes")));
    assertEquals(List.of("COGNITO"), texts(client.path("supported_identity_providers")));
    assertEquals(List.of("https://app.example.com/callback", "http://localhost:3000/callback"), texts(client.path("callback_urls")));
    assertEquals(List.of("https://app.example.com/"), texts(client.path("logout_urls")));
    json.assertResource("aws_cognito_user_pool_domain",
        Map.of("domain", "acme-login", "user_pool_id", json.ref(POOL, json.only(POOL), "id")));
  }

  @Test
  void accessorsReferenceThePoolAndTheClient() {
    BlueprintStack stack = Fixtures.stack("auth");
    UserPool pool = new UserPool(stack, "Users", UserPoolProps.builder().build());
    Map<String, String> accessors = Map.of("Id", pool.userPoolId(), "Arn", pool.arn(), "ClientId", pool.clientId(),
        "Issuer", pool.issuerUrl());
    accessors.forEach((id, value) -> new TerraformOutput(stack, id, TerraformOutputConfig.builder().value(value).build()));
    Synthesized json = Synthesized.of(stack);
    String poolName = json.nameOf(POOL, json.only(POOL));
    assertEquals("${aws_cognito_user_pool." + poolName + ".id}", output(json, "Id"));
    assertEquals("${aws_cognito_user_pool." + poolName + ".arn}", output(json, "Arn"));
    assertEquals(json.ref(CLIENT, json.only(CLIENT), "id"), output(json, "ClientId"));
    assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/${aws_cognito_user_pool." + poolName + ".id}", output(json, "Issuer"));
    assertNull(pool.domain());
  }

  private static String output(Synthesized json, String id) {
    return json.root().path("output").path(id).path("value").asText();
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    fails("passwordMinLength = 6 is invalid: allowed range is 8..99", () -> UserPoolProps.builder().passwordMinLength(6).build());
    fails("passwordMinLength = 100 is invalid", () -> UserPoolProps.builder().passwordMinLength(100).build());
    fails("domainPrefix = \"Acme_Login\" is invalid: 1-63 lowercase letters",
        () -> UserPoolProps.builder().domainPrefix("Acme_Login").build());
    fails("domainPrefix = \"acme-cognito\" is invalid: Cognito refuses prefixes containing",
        () -> UserPoolProps.builder().domainPrefix("acme-cognito").build());
    fails("domainPrefix = \"-acme\" is invalid", () -> UserPoolProps.builder().domainPrefix("-acme").build());
    fails("callbackUrls = \"http://app.example.com/cb\" is invalid: an https:// URL (http:// only for localhost)",
        () -> UserPoolProps.builder().callbackUrls(List.of("http://app.example.com/cb")).build());
    fails("logoutUrls = [https://app.example.com/] is invalid: logout URLs need the OAuth flow",
        () -> UserPoolProps.builder().logoutUrls(List.of("https://app.example.com/")).build());
    fails("advancedSecurityReason = \" \" is invalid: a reason is required when advancedSecurity is OFF",
        () -> UserPoolProps.builder().advancedSecurity(AdvancedSecurity.OFF, " ").build());
    fails("idTokenValidityMinutes = 2 is invalid", () -> UserPoolProps.builder().idTokenValidityMinutes(2).build());
    fails("name = \"bad/name\" is invalid", () -> UserPoolProps.builder().name("bad/name").build());
  }
}
