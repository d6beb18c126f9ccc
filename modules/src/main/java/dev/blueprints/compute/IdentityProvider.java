package dev.blueprints.compute;

import dev.blueprints.auth.LoadBalancerClient;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * Who signs users in for an authenticate action ({@link AuthenticateProps}): a Cognito user pool through a
 * {@link LoadBalancerClient}, or any OpenID Connect provider by its endpoints.
 *
 * <p>The load balancer calls the provider's token and user-info endpoints itself, over HTTPS on the internet:
 * the first authenticate action on a load balancer opens egress on 443 to {@code 0.0.0.0/0} on its security
 * group, and its subnets need a route out (public, or private with NAT).
 */
public final class IdentityProvider {
  private static final Pattern HTTPS_URL = Pattern.compile("^https://[^\\s/?#]+(?:/\\S*)?$");

  private final LoadBalancerClient cognito;
  private final Oidc oidc;

  /** An OpenID Connect provider's endpoints and client, checked by {@link IdentityProvider#oidc}. */
  public record Oidc(String issuer, String authorizationEndpoint, String tokenEndpoint, String userInfoEndpoint, String clientId,
      String clientSecret) {
    @Override
    public String toString() {
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + "]";   // never the secret
    }
  }

  private IdentityProvider(LoadBalancerClient cognito, Oidc oidc) {
    this.cognito = cognito;
    this.oidc = oidc;
  }

  /** A Cognito user pool, through the client {@code UserPool.addLoadBalancerClient} made (pool ARN, client id, domain). */
  public static IdentityProvider cognito(LoadBalancerClient client) {
    return new IdentityProvider(Validate.notNull("client", client), null);
  }

  /**
   * An OpenID Connect provider. The issuer and the three endpoints are full {@code https://} URLs, as the
   * provider's discovery document ({@code <issuer>/.well-known/openid-configuration}) lists them, and its DNS
   * names must resolve publicly.
   *
   * <p>{@code clientSecret} is sensitive: pass a reference such as a {@code aws_secretsmanager_secret_version}
   * data source's {@code secret_string}, never a literal in code (a literal lands in the synthesized JSON).
   * Terraform keeps the value in state, as for every argument: the project's state bucket is encrypted and
   * private, and the plan shows it as {@code (sensitive value)}.
   */
  public static IdentityProvider oidc(String issuer, String authorizationEndpoint, String tokenEndpoint, String userInfoEndpoint,
      String clientId, String clientSecret) {
    return new IdentityProvider(null, new Oidc(https("issuer", issuer), https("authorizationEndpoint", authorizationEndpoint),
        https("tokenEndpoint", tokenEndpoint), https("userInfoEndpoint", userInfoEndpoint),
        Validate.notBlank("clientId", clientId), Validate.notBlank("clientSecret", clientSecret)));
  }

  private static String https(String field, String url) {
    Validate.notBlank(field, url);
    if (Tokens.isUnresolved(url)) return url;
    return Validate.matches(field, url, HTTPS_URL, "a full https:// URL with the domain and path (the load balancer calls it over HTTPS)");
  }

  /** The Cognito client, or null for an OpenID Connect provider. */
  public LoadBalancerClient cognito() {
    return cognito;
  }

  /** The OpenID Connect provider, or null for Cognito. */
  public Oidc oidc() {
    return oidc;
  }

  /** The Terraform action type: {@code authenticate-cognito} or {@code authenticate-oidc}. */
  public String actionType() {
    return cognito != null ? "authenticate-cognito" : "authenticate-oidc";
  }
}
