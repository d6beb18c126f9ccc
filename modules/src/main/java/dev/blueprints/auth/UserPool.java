package dev.blueprints.auth;

import dev.blueprints.core.ProviderFeatures;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.StackContext;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPool;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolAccountRecoverySetting;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolAccountRecoverySettingRecoveryMechanism;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolAdminCreateUserConfig;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolPasswordPolicy;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolSoftwareTokenMfaConfiguration;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolUserAttributeUpdateSettings;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolUserPoolAddOns;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolUsernameConfiguration;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool_client.CognitoUserPoolClient;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool_client.CognitoUserPoolClientTokenValidityUnits;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool_domain.CognitoUserPoolDomain;
import dev.blueprints.core.NameLimit;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * A Cognito user pool where users sign in with their e-mail address, and one app client for a web
 * application (a public client: no secret, SRP sign-in, refresh tokens).
 *
 * <p>Defaults: passwords of 12+ characters with upper case, lower case, digits and symbols; optional TOTP
 * MFA (SMS is never offered); e-mail verified at sign-up and the only recovery channel; administrators
 * create users; case-insensitive usernames; deletion protection and {@code prevent_destroy} from the
 * environment (the pool holds the users, whom a re-create would lose); threat protection ENFORCED.
 *
 * <p>Threat protection ({@code user_pool_add_ons.advanced_security_mode}, ENFORCED or AUDIT) needs the pool on
 * Cognito's Plus feature plan (new pools start on Essentials), so the pool then sets {@code user_pool_tier = "PLUS"}.
 * That argument arrived in hashicorp/aws 5.83.0, after the 5.23.1 the Java bindings were generated from, so it
 * is written as an override listed in {@code ProviderFeatures}, from which the provider constraint is derived. Plus is billed per monthly active user above Essentials: {@code advancedSecurity(AdvancedSecurity.OFF,
 * reason)} keeps the default plan. Cognito's built-in e-mail sender is limited to a few messages a day: a
 * production pool with self sign-up should send through SES.
 */
public final class UserPool extends BlueprintConstruct {
  private final CognitoUserPool pool;
  private final CognitoUserPoolClient client;
  private final CognitoUserPoolDomain domain;
  private final String region;

  public UserPool(Construct scope, String id, UserPoolProps props) {
    super(scope, id);
    StackContext stack = context();
    this.region = stack.settings().region();
    String name = props.name() != null ? props.name() : stack.naming().name(id.toLowerCase(Locale.ROOT), NameLimit.USER_POOL);
    boolean protect = props.deletionProtection() != null ? props.deletionProtection() : stack.environment().deletionProtection();

    pool = CognitoUserPool.Builder.create(this, "Resource")
        .name(name)
        .usernameAttributes(List.of("email"))
        .autoVerifiedAttributes(List.of("email"))
        .usernameConfiguration(CognitoUserPoolUsernameConfiguration.builder().caseSensitive(false).build())
        // A changed e-mail address only replaces the old one once the user has verified it.
        .userAttributeUpdateSettings(CognitoUserPoolUserAttributeUpdateSettings.builder()
            .attributesRequireVerificationBeforeUpdate(List.of("email")).build())
        .passwordPolicy(CognitoUserPoolPasswordPolicy.builder()
            .minimumLength(props.passwordMinLength())
            .requireUppercase(true).requireLowercase(true).requireNumbers(true).requireSymbols(true)
            .temporaryPasswordValidityDays(3)
            .build())
        .mfaConfiguration(props.mfa().name())
        .softwareTokenMfaConfiguration(CognitoUserPoolSoftwareTokenMfaConfiguration.builder().enabled(true).build())
        .accountRecoverySetting(CognitoUserPoolAccountRecoverySetting.builder()
            .recoveryMechanism(List.of(CognitoUserPoolAccountRecoverySettingRecoveryMechanism.builder()
                .name("verified_email").priority(1).build()))
            .build())
        .adminCreateUserConfig(CognitoUserPoolAdminCreateUserConfig.builder()
            .allowAdminCreateUserOnly(!props.selfSignUp()).build())
        .userPoolAddOns(CognitoUserPoolUserPoolAddOns.builder()
            .advancedSecurityMode(props.advancedSecurity().name()).build())
        .deletionProtection(protect ? "ACTIVE" : "INACTIVE")
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(protect).build())
        .build();
    if (props.advancedSecurity() != AdvancedSecurity.OFF) ProviderFeatures.set(pool, "user_pool_tier", "PLUS");

    var clientBuilder = CognitoUserPoolClient.Builder.create(this, "Client")
        .name(name + "-web")
        .userPoolId(pool.getId())
        // A browser cannot keep a secret: the client is public and signs in with SRP, so passwords never leave it.
        .generateSecret(false)
        .explicitAuthFlows(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
        .preventUserExistenceErrors("ENABLED")
        .enableTokenRevocation(true)
        .idTokenValidity(props.idTokenValidityMinutes())
        .accessTokenValidity(props.accessTokenValidityMinutes())
        .refreshTokenValidity(props.refreshTokenValidityDays())
        .tokenValidityUnits(List.of(CognitoUserPoolClientTokenValidityUnits.builder()
            .idToken("minutes").accessToken("minutes").refreshToken("days").build()));
    if (props.oauth()) {
      // Authorization-code flow only (with PKCE in the app); the implicit flow would put tokens in URLs.
      clientBuilder
          .allowedOauthFlowsUserPoolClient(true)
          .allowedOauthFlows(List.of("code"))
          .allowedOauthScopes(List.of("openid", "email", "profile"))
          .supportedIdentityProviders(List.of("COGNITO"))
          .callbackUrls(props.callbackUrls());
      if (!props.logoutUrls().isEmpty()) clientBuilder.logoutUrls(props.logoutUrls());
    }
    client = clientBuilder.build();

    domain = props.domainPrefix() == null ? null : CognitoUserPoolDomain.Builder.create(this, "Domain")
        .domain(props.domainPrefix())
        .userPoolId(pool.getId())
        .build();
  }

  public String userPoolId() {
    return pool.getId();
  }

  public String arn() {
    return pool.getArn();
  }

  public String clientId() {
    return client.getId();
  }

  /** The OIDC issuer of the pool's tokens ({@code iss} claim): {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. */
  public String issuerUrl() {
    return "https://cognito-idp." + region + ".amazonaws.com/" + pool.getId();
  }

  public CognitoUserPool resource() {
    return pool;
  }

  public CognitoUserPoolClient client() {
    return client;
  }

  /** The hosted-UI domain, or null when no {@code domainPrefix} was given. */
  public CognitoUserPoolDomain domain() {
    return domain;
  }
}
