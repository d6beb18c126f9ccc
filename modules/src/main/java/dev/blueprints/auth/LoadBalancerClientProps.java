package dev.blueprints.auth;

import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An app client through which an application load balancer signs users in ({@link UserPool#addLoadBalancerClient}).
 *
 * <pre>{@code
 * LoadBalancerClientProps.builder(List.of("app.example.com")).domainPrefix("acme-app").build()
 * }</pre>
 *
 * @param domains      the names users reach the load balancer's HTTPS listener at (those of its certificate), such
 *                     as {@code app.example.com}; each gets the callback URL {@code https://<name>/oauth2/idpresponse}.
 *                     References are accepted and checked at apply
 * @param domainPrefix hosted-UI domain prefix ({@code <prefix>.auth.<region>.amazoncognito.com}) created for the pool
 *                     when it has none; null uses the pool's {@code domainPrefix}, and then one is required. Default: null
 * @param scopes       OAuth scopes the client may request, {@code openid} always among them, from {@code openid},
 *                     {@code email}, {@code profile} and {@code phone}. Default: {@link #DEFAULT_SCOPES}
 */
public record LoadBalancerClientProps(List<String> domains, String domainPrefix, List<String> scopes) {
  /** The ID token alone: the load balancer passes its claims to the targets. */
  public static final List<String> DEFAULT_SCOPES = List.of("openid");
  /** Where a load balancer receives the authorization code: the only callback path it serves. */
  public static final String CALLBACK_PATH = "/oauth2/idpresponse";
  private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
  private static final Set<String> SCOPES = Set.of("openid", "email", "profile", "phone");

  public LoadBalancerClientProps {
    Validate.notNull("domains", domains);
    if (domains.isEmpty()) throw Validate.invalid("domains", domains, "at least one name the listener is reached at");
    for (int i = 0; i < domains.size(); i++) {
      String domain = domains.get(i);
      if (domain == null || !Tokens.isUnresolved(domain)) {
        Validate.matches("domains[" + i + "]", domain, HOST, "a lowercase DNS name such as app.example.com (no scheme, path or wildcard)");
      }
    }
    domains = List.copyOf(domains);
    if (domainPrefix != null) UserPoolProps.checkDomainPrefix("domainPrefix", domainPrefix);
    Validate.notNull("scopes", scopes);
    for (String scope : scopes) Validate.oneOf("scopes", scope, SCOPES);
    if (!scopes.contains("openid")) {
      throw Validate.invalid("scopes", scopes, "openid is required: the load balancer signs users in with OpenID Connect");
    }
    scopes = List.copyOf(scopes);
  }

  public static Builder builder(List<String> domains) {
    return new Builder(domains);
  }

  /** {@code https://<domain>/oauth2/idpresponse} for each domain. */
  public List<String> callbackUrls() {
    return domains.stream().map(d -> "https://" + d + CALLBACK_PATH).toList();
  }

  public static final class Builder {
    private final List<String> domains;
    private String domainPrefix;
    private final List<String> scopes = new ArrayList<>(DEFAULT_SCOPES);

    private Builder(List<String> domains) {
      this.domains = domains;
    }

    /** Creates the pool's hosted-UI domain with this prefix (only for a pool created without one). */
    public Builder domainPrefix(String value) { this.domainPrefix = value; return this; }
    /** Adds a scope the client may request besides {@code openid}: {@code email}, {@code profile} or {@code phone}. */
    public Builder scope(String value) { if (!scopes.contains(value)) scopes.add(value); return this; }

    public LoadBalancerClientProps build() {
      return new LoadBalancerClientProps(domains, domainPrefix, scopes);
    }
  }
}
