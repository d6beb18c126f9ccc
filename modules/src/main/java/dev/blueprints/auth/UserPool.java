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
import dev.blueprints.core.Validate;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * A Cognito user pool where users sign in with their e-mail address, and one app client for a web
 * application (a public client: no secret, SRP sign-in, refresh tokens). {@link #addLoadBalancerClient} adds a
 * client for an application load balancer that signs users in itself.
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
  private CognitoUserPoolDomain domain;
  private final String region;
  private final String name;

  public UserPool(Construct scope, String id, UserPoolProps props) {
    super(scope, id);
    StackContext stack = context();
    this.region = stack.settings().region();
    this.name = props.name() != null ? props.name() : stack.naming().name(id.toLowerCase(Locale.ROOT), NameLimit.USER_POOL);
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

    // A browser cannot keep a secret: the client is public and signs in with SRP, so passwords never leave it.
    var clientBuilder = client("Client", "web", false, List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
        .idTokenValidity(props.idTokenValidityMinutes())
        .accessTokenValidity(props.accessTokenValidityMinutes())
        .refreshTokenValidity(props.refreshTokenValidityDays())
        .tokenValidityUnits(List.of(CognitoUserPoolClientTokenValidityUnits.builder()
            .idToken("minutes").accessToken("minutes").refreshToken("days").build()));
    if (props.oauth()) {
      // Authorization-code flow only (with PKCE in the app); the implicit flow would put tokens in URLs.
      codeFlow(clientBuilder, List.of("openid", "email", "profile"), props.callbackUrls());
      if (!props.logoutUrls().isEmpty()) clientBuilder.logoutUrls(props.logoutUrls());
    }
    client = clientBuilder.build();

    domain = props.domainPrefix() == null ? null : domain(props.domainPrefix());
  }

  /**
   * An app client for an application load balancer's {@code authenticate-cognito} action
   * ({@code ListenerAction.authenticate(IdentityProvider.cognito(client), ...)}): a confidential client with a
   * secret (the load balancer keeps it and reads it from Cognito), the authorization-code grant only, the
   * {@code openid} scope (and those asked for), the Cognito user directory, and
   * {@code https://<domain>/oauth2/idpresponse} as callback URL for each of {@code props.domains()}. Creates
   * the hosted-UI domain from {@code props.domainPrefix()} when the pool has none, which the sign-in pages need.
   */
  public LoadBalancerClient addLoadBalancerClient(String id, LoadBalancerClientProps props) {
    Validate.notNull("props", props);
    if (getNode().tryFindChild(id) != null || id.equals("Domain")) {
      throw Validate.invalid("id", id, "already used by another child of " + getNode().getPath() + " (or kept for its domain)");
    }
    if (domain == null && props.domainPrefix() == null) {
      throw Validate.invalid("domainPrefix", null, "the load balancer signs users in on the pool's hosted UI, and " + getNode().getPath()
          + " has no domain: give one here or in UserPoolProps.domainPrefix");
    }
    if (domain != null && props.domainPrefix() != null) {
      throw Validate.invalid("domainPrefix", props.domainPrefix(), "unset: " + getNode().getPath() + " has its domain already");
    }
    if (domain == null) domain = domain(props.domainPrefix());
    // The load balancer exchanges the code at the token endpoint itself (server side), so it can keep a secret.
    var builder = client(id, id.toLowerCase(Locale.ROOT), true, List.of("ALLOW_REFRESH_TOKEN_AUTH"));
    codeFlow(builder, props.scopes(), props.callbackUrls());
    return new LoadBalancerClient(pool.getArn(), builder.build(), domain.getDomain(), props.scopes());
  }

  private CognitoUserPoolClient.Builder client(String id, String suffix, boolean secret, List<String> authFlows) {
    return CognitoUserPoolClient.Builder.create(this, id)
        .name(name + "-" + suffix)
        .userPoolId(pool.getId())
        .generateSecret(secret)
        .explicitAuthFlows(authFlows)
        .preventUserExistenceErrors("ENABLED")
        .enableTokenRevocation(true);
  }

  /** The authorization-code flow only: the implicit flow would put tokens in URLs. */
  private static void codeFlow(CognitoUserPoolClient.Builder client, List<String> scopes, List<String> callbackUrls) {
    client.allowedOauthFlowsUserPoolClient(true)
        .allowedOauthFlows(List.of("code"))
        .allowedOauthScopes(scopes)
        .supportedIdentityProviders(List.of("COGNITO"))
        .callbackUrls(callbackUrls);
  }

  private CognitoUserPoolDomain domain(String prefix) {
    return CognitoUserPoolDomain.Builder.create(this, "Domain").domain(prefix).userPoolId(pool.getId()).build();
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

  /** The hosted-UI domain, or null when no {@code domainPrefix} was given (here or to {@link #addLoadBalancerClient}). */
  public CognitoUserPoolDomain domain() {
    return domain;
  }
}
