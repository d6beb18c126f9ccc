package dev.blueprints.compute;

/**
 * The security policy of an HTTPS listener. Only policies that refuse TLS 1.0 and 1.1 are offered.
 */
public enum TlsPolicy {
  /** TLS 1.3 and 1.2 with forward-secret ciphers: the default, for browsers and most clients. */
  TLS13_TLS12("ELBSecurityPolicy-TLS13-1-2-2021-06"),
  /** TLS 1.3 and 1.2 restricted to AES-GCM ciphers. */
  TLS13_TLS12_RESTRICTED("ELBSecurityPolicy-TLS13-1-2-Res-2021-06"),
  /** TLS 1.3 only: every current browser and SDK, but not older clients. */
  TLS13_ONLY("ELBSecurityPolicy-TLS13-1-3-2021-06"),
  /** TLS 1.3 and 1.2 with FIPS 140-3 validated cryptography. */
  TLS13_TLS12_FIPS("ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04");

  private final String value;

  TlsPolicy(String value) {
    this.value = value;
  }

  /** The {@code ssl_policy} name. */
  public String value() {
    return value;
  }
}
