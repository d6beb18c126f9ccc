package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How an authenticate action signs users in before its forward or fixed response
 * ({@link ListenerAction#authenticate(AuthenticateProps, ListenerAction)}). HTTPS listeners of application load
 * balancers only.
 *
 * <pre>{@code
 * AuthenticateProps.builder(IdentityProvider.cognito(client))
 *     .sessionTimeoutSeconds(3600).onUnauthenticatedRequest(UnauthenticatedAction.DENY).build()
 * }</pre>
 *
 * @param provider                 who signs users in
 * @param sessionCookieName        the load balancer's session cookie (letters, digits and {@code !#$%&'*+-.^_`|~}).
 *                                 Default: {@value #DEFAULT_SESSION_COOKIE_NAME}
 * @param sessionTimeoutSeconds    how long a sign-in lasts, 1..604800 (7 days). Default:
 *                                 {@value #DEFAULT_SESSION_TIMEOUT_SECONDS} (a working day, rather than the 7 days
 *                                 Elastic Load Balancing would take)
 * @param scope                    space-separated claims requested, {@code openid} among them; with Cognito only scopes
 *                                 the client allows. Default: {@value #DEFAULT_SCOPE}
 * @param onUnauthenticatedRequest a request without a session: sign-in page, 401 or forwarded anonymously.
 *                                 Default: {@link #DEFAULT_ON_UNAUTHENTICATED_REQUEST}
 */
public record AuthenticateProps(
    IdentityProvider provider,
    String sessionCookieName,
    int sessionTimeoutSeconds,
    String scope,
    UnauthenticatedAction onUnauthenticatedRequest) {

  public static final String DEFAULT_SESSION_COOKIE_NAME = "AWSELBAuthSessionCookie";
  public static final int DEFAULT_SESSION_TIMEOUT_SECONDS = 8 * 3600;
  public static final String DEFAULT_SCOPE = "openid";
  public static final UnauthenticatedAction DEFAULT_ON_UNAUTHENTICATED_REQUEST = UnauthenticatedAction.AUTHENTICATE;
  /** The longest session Elastic Load Balancing accepts: 7 days. */
  public static final int MAX_SESSION_TIMEOUT_SECONDS = 604_800;
  /** An HTTP cookie name (RFC 6265 token). */
  private static final Pattern COOKIE_NAME = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$");
  /** OAuth scope tokens (RFC 6749), separated by single spaces. */
  private static final Pattern SCOPE = Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$");

  public AuthenticateProps {
    Validate.notNull("provider", provider);
    Validate.matches("sessionCookieName", sessionCookieName, COOKIE_NAME, "a cookie name: letters, digits and !#$%&'*+-.^_`|~");
    Validate.range("sessionTimeoutSeconds", sessionTimeoutSeconds, 1, MAX_SESSION_TIMEOUT_SECONDS);
    Validate.matches("scope", scope, SCOPE, "scope values separated by single spaces, such as \"openid email\"");
    List<String> scopes = Arrays.asList(scope.split(" "));
    if (!scopes.contains("openid")) {
      throw Validate.invalid("scope", scope, "openid among the values: the load balancer signs users in with OpenID Connect");
    }
    if (provider.cognito() != null && !provider.cognito().scopes().containsAll(scopes)) {
      throw Validate.invalid("scope", scope, "scopes the Cognito client allows: " + provider.cognito().scopes()
          + " (add more with LoadBalancerClientProps.Builder.scope)");
    }
    Validate.notNull("onUnauthenticatedRequest", onUnauthenticatedRequest);
  }

  public static Builder builder(IdentityProvider provider) {
    return new Builder(provider);
  }

  public static final class Builder {
    private final IdentityProvider provider;
    private String sessionCookieName = DEFAULT_SESSION_COOKIE_NAME;
    private int sessionTimeoutSeconds = DEFAULT_SESSION_TIMEOUT_SECONDS;
    private String scope = DEFAULT_SCOPE;
    private UnauthenticatedAction onUnauthenticatedRequest = DEFAULT_ON_UNAUTHENTICATED_REQUEST;

    private Builder(IdentityProvider provider) {
      this.provider = provider;
    }

    public Builder sessionCookieName(String value) { this.sessionCookieName = value; return this; }
    /** Users sign in again after this many seconds, whatever the identity provider's token lifetimes. */
    public Builder sessionTimeoutSeconds(int value) { this.sessionTimeoutSeconds = value; return this; }
    /** Claims to request, space-separated, such as {@code "openid email"}. */
    public Builder scope(String value) { this.scope = value; return this; }
    /** {@link UnauthenticatedAction#DENY} for APIs, {@link UnauthenticatedAction#ALLOW} for pages open to all. */
    public Builder onUnauthenticatedRequest(UnauthenticatedAction value) { this.onUnauthenticatedRequest = value; return this; }

    public AuthenticateProps build() {
      return new AuthenticateProps(provider, sessionCookieName, sessionTimeoutSeconds, scope, onUnauthenticatedRequest);
    }
  }
}
