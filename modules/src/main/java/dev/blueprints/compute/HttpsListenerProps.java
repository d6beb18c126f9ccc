package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTPS listener on 443 ({@link LoadBalancer#addHttpsListener(HttpsListenerProps)}).
 *
 * <pre>{@code
 * HttpsListenerProps.builder(Certificate.fromArn(arn), ListenerAction.forward(web))
 *     .tlsPolicy(TlsPolicy.TLS13_ONLY).certificate(Certificate.fromArn(otherDomainArn)).build()
 * }</pre>
 *
 * Defaults, stated once here: {@link TlsPolicy#TLS13_TLS12}, no extra certificates, HTTP on 80 redirecting to
 * HTTPS ({@code redirectHttp(false)} leaves port 80 closed).
 */
public final class HttpsListenerProps {
  private final Certificate certificate;
  private final ListenerAction defaultAction;
  private final TlsPolicy tlsPolicy;
  private final List<Certificate> extraCertificates;
  private final boolean redirectHttp;

  private HttpsListenerProps(Builder b) {
    this.certificate = Validate.notNull("certificate", b.certificate);
    this.defaultAction = Validate.notNull("defaultAction", b.defaultAction);
    this.tlsPolicy = Validate.notNull("tlsPolicy", b.tlsPolicy);
    this.extraCertificates = List.copyOf(b.extraCertificates);
    // ALB listeners take up to 25 certificates besides the default one.
    if (extraCertificates.size() > 25) throw Validate.invalid("certificates", extraCertificates.size(), "at most 25 extra certificates per listener");
    for (Certificate c : extraCertificates) {
      if (c.equals(certificate) || extraCertificates.indexOf(c) != extraCertificates.lastIndexOf(c)) {
        throw Validate.invalid("certificates", c.arn(), "each certificate once (the default one is not repeated)");
      }
    }
    this.redirectHttp = b.redirectHttp;
  }

  public static Builder builder(Certificate certificate, ListenerAction defaultAction) {
    return new Builder(certificate, defaultAction);
  }

  public Certificate certificate() {
    return certificate;
  }

  public ListenerAction defaultAction() {
    return defaultAction;
  }

  public TlsPolicy tlsPolicy() {
    return tlsPolicy;
  }

  /** Certificates served by SNI besides the default one. */
  public List<Certificate> extraCertificates() {
    return extraCertificates;
  }

  public boolean redirectHttp() {
    return redirectHttp;
  }

  public static final class Builder {
    private final Certificate certificate;
    private final ListenerAction defaultAction;
    private TlsPolicy tlsPolicy = TlsPolicy.TLS13_TLS12;
    private final List<Certificate> extraCertificates = new ArrayList<>();
    private boolean redirectHttp = true;

    private Builder(Certificate certificate, ListenerAction defaultAction) {
      this.certificate = certificate;
      this.defaultAction = defaultAction;
    }

    public Builder tlsPolicy(TlsPolicy value) { this.tlsPolicy = value; return this; }
    /** An extra certificate served by SNI (another domain on the same listener). */
    public Builder certificate(Certificate value) { extraCertificates.add(Validate.notNull("certificate", value)); return this; }
    public Builder redirectHttp(boolean value) { this.redirectHttp = value; return this; }

    public HttpsListenerProps build() {
      return new HttpsListenerProps(this);
    }
  }
}
