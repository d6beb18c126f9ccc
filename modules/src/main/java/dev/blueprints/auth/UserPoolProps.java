package dev.blueprints.auth;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Cognito user pool with e-mail sign-in and one app client for a web application.
 *
 * @param name                       pool name; unset (null) uses the naming helper
 *                                   ({@code <project>-<blueprint>-<env>-<id>})
 * @param passwordMinLength          minimum password length, 8..99 (upper case, lower case, digits and symbols
 *                                   are always required). Default: {@value #DEFAULT_PASSWORD_MIN_LENGTH}
 * @param mfa                        second factor with software (TOTP) tokens. Default: {@link #DEFAULT_MFA}
 * @param deletionProtection         Cognito deletion protection and {@code lifecycle.prevent_destroy}; unset (null)
 *                                   follows the environment ({@code Environment.deletionProtection()})
 * @param advancedSecurity           threat protection mode. Default: {@link #DEFAULT_ADVANCED_SECURITY}
 * @param advancedSecurityReason     why a weaker mode than ENFORCED was chosen (required then; null otherwise)
 * @param selfSignUp                 let users register themselves; false means administrators create users.
 *                                   Default: {@value #DEFAULT_SELF_SIGN_UP}
 * @param callbackUrls               OAuth redirect URLs of the web app (https, or http://localhost for local
 *                                   development); non-empty turns on the authorization-code flow. Default: none
 * @param logoutUrls                 OAuth sign-out URLs, same rules; needs callbackUrls. Default: none
 * @param domainPrefix               hosted-UI domain prefix ({@code <prefix>.auth.<region>.amazoncognito.com}); unset
 *                                   (null) creates no domain
 * @param idTokenValidityMinutes     ID token lifetime, 5..1440 minutes. Default: {@value #DEFAULT_ID_TOKEN_VALIDITY_MINUTES}
 * @param accessTokenValidityMinutes access token lifetime, 5..1440 minutes. Default: {@value #DEFAULT_ACCESS_TOKEN_VALIDITY_MINUTES}
 * @param refreshTokenValidityDays   refresh token lifetime, 1..3650 days. Default: {@value #DEFAULT_REFRESH_TOKEN_VALIDITY_DAYS}
 */
public record UserPoolProps(
    String name,
    int passwordMinLength,
    MfaMode mfa,
    Boolean deletionProtection,
    AdvancedSecurity advancedSecurity,
    String advancedSecurityReason,
    boolean selfSignUp,
    List<String> callbackUrls,
    List<String> logoutUrls,
    String domainPrefix,
    int idTokenValidityMinutes,
    int accessTokenValidityMinutes,
    int refreshTokenValidityDays) {

  /** Twelve characters of four classes: NIST's advice for length over rotation. */
  public static final int DEFAULT_PASSWORD_MIN_LENGTH = 12;
  /** Users may add a TOTP factor; requiring one is a choice for the application to make. */
  public static final MfaMode DEFAULT_MFA = MfaMode.OPTIONAL;
  /** Threat protection blocks sign-ins it judges compromised, not only reports them. */
  public static final AdvancedSecurity DEFAULT_ADVANCED_SECURITY = AdvancedSecurity.ENFORCED;
  /** Administrators create users: nobody can register unless asked by name. */
  public static final boolean DEFAULT_SELF_SIGN_UP = false;
  /** Cognito's own default: an hour between refreshes. */
  public static final int DEFAULT_ID_TOKEN_VALIDITY_MINUTES = 60;
  /** As the ID token, so a revoked user loses access within the hour. */
  public static final int DEFAULT_ACCESS_TOKEN_VALIDITY_MINUTES = 60;
  /** Cognito's own default: a month before signing in again. */
  public static final int DEFAULT_REFRESH_TOKEN_VALIDITY_DAYS = 30;
  private static final Pattern NAME = Pattern.compile("^[\\w\\s+=,.@-]{1,128}$");
  private static final Pattern DOMAIN_PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
  private static final List<String> RESERVED_IN_DOMAIN = List.of("aws", "amazon", "cognito");
  private static final Pattern HTTPS_URL = Pattern.compile("^https://[^\\s/?#]+(?:[/?#]\\S*)?$");
  private static final Pattern LOCALHOST_URL = Pattern.compile("^http://localhost(?::\\d{1,5})?(?:[/?#]\\S*)?$");

  public UserPoolProps {
    if (name != null) Validate.matches("name", name, NAME, "1-128 letters, digits, spaces and + = , . @ _ -");
    Validate.range("passwordMinLength", passwordMinLength, 8, 99);
    Validate.notNull("mfa", mfa);
    Validate.notNull("advancedSecurity", advancedSecurity);
    if (advancedSecurity != AdvancedSecurity.ENFORCED && (advancedSecurityReason == null || advancedSecurityReason.isBlank())) {
      throw Validate.invalid("advancedSecurityReason", advancedSecurityReason,
          "a reason is required when advancedSecurity is " + advancedSecurity + " instead of ENFORCED");
    }
    callbackUrls = redirectUrls("callbackUrls", callbackUrls);
    logoutUrls = redirectUrls("logoutUrls", logoutUrls);
    if (!logoutUrls.isEmpty() && callbackUrls.isEmpty()) {
      throw Validate.invalid("logoutUrls", logoutUrls, "logout URLs need the OAuth flow; set callbackUrls as well");
    }
    if (domainPrefix != null) checkDomainPrefix("domainPrefix", domainPrefix);
    Validate.range("idTokenValidityMinutes", idTokenValidityMinutes, 5, 1440);
    Validate.range("accessTokenValidityMinutes", accessTokenValidityMinutes, 5, 1440);
    Validate.range("refreshTokenValidityDays", refreshTokenValidityDays, 1, 3650);
  }

  /** A hosted-UI domain prefix Cognito accepts (also checked for a load balancer client's domain). */
  static String checkDomainPrefix(String field, String prefix) {
    Validate.matches(field, prefix, DOMAIN_PREFIX, "1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit");
    for (String reserved : RESERVED_IN_DOMAIN) {
      if (prefix.contains(reserved)) {
        throw Validate.invalid(field, prefix, "Cognito refuses prefixes containing \"aws\", \"amazon\" or \"cognito\"");
      }
    }
    return prefix;
  }

  private static List<String> redirectUrls(String field, List<String> urls) {
    if (urls == null) return List.of();
    for (String url : urls) {
      if (url == null || !(HTTPS_URL.matcher(url).matches() || LOCALHOST_URL.matcher(url).matches())) {
        throw Validate.invalid(field, url, "an https:// URL (http:// only for localhost)");
      }
    }
    return List.copyOf(urls);
  }

  /** True when the app client uses the OAuth authorization-code flow. */
  public boolean oauth() {
    return !callbackUrls.isEmpty();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private String name;
    private int passwordMinLength = DEFAULT_PASSWORD_MIN_LENGTH;
    private MfaMode mfa = DEFAULT_MFA;
    private Boolean deletionProtection;
    private AdvancedSecurity advancedSecurity = DEFAULT_ADVANCED_SECURITY;
    private String advancedSecurityReason;
    private boolean selfSignUp = DEFAULT_SELF_SIGN_UP;
    private final List<String> callbackUrls = new ArrayList<>();
    private final List<String> logoutUrls = new ArrayList<>();
    private String domainPrefix;
    private int idTokenValidityMinutes = DEFAULT_ID_TOKEN_VALIDITY_MINUTES;
    private int accessTokenValidityMinutes = DEFAULT_ACCESS_TOKEN_VALIDITY_MINUTES;
    private int refreshTokenValidityDays = DEFAULT_REFRESH_TOKEN_VALIDITY_DAYS;

    private Builder() {}

    public Builder name(String value) { this.name = value; return this; }
    public Builder passwordMinLength(int value) { this.passwordMinLength = value; return this; }
    public Builder mfa(MfaMode value) { this.mfa = value; return this; }
    /** Null follows the environment's {@code deletionProtection}. */
    public Builder deletionProtection(Boolean value) { this.deletionProtection = value; return this; }
    /** A weaker threat-protection mode than ENFORCED, with the reason (kept in the props for review). */
    public Builder advancedSecurity(AdvancedSecurity mode, String reason) {
      this.advancedSecurity = mode;
      this.advancedSecurityReason = reason;
      return this;
    }
    public Builder selfSignUp(boolean value) { this.selfSignUp = value; return this; }
    public Builder callbackUrls(List<String> value) { callbackUrls.clear(); callbackUrls.addAll(value); return this; }
    public Builder logoutUrls(List<String> value) { logoutUrls.clear(); logoutUrls.addAll(value); return this; }
    public Builder domainPrefix(String value) { this.domainPrefix = value; return this; }
    public Builder idTokenValidityMinutes(int value) { this.idTokenValidityMinutes = value; return this; }
    public Builder accessTokenValidityMinutes(int value) { this.accessTokenValidityMinutes = value; return this; }
    public Builder refreshTokenValidityDays(int value) { this.refreshTokenValidityDays = value; return this; }

    public UserPoolProps build() {
      return new UserPoolProps(name, passwordMinLength, mfa, deletionProtection, advancedSecurity, advancedSecurityReason,
          selfSignUp, callbackUrls, logoutUrls, domainPrefix, idTokenValidityMinutes, accessTokenValidityMinutes,
          refreshTokenValidityDays);
    }
  }
}
