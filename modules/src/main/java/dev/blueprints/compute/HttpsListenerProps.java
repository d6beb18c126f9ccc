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
 * @param certificate       the default certificate
 * @param defaultAction     what requests no rule matches get: a forward or a fixed response, after signing the
 *                          user in for {@link ListenerAction#authenticate}
 * @param tlsPolicy         the security policy. Default: {@link #DEFAULT_TLS_POLICY}
 * @param extraCertificates certificates served by SNI besides the default one, at most 25, each once. Default: none
 * @param redirectHttp      HTTP on 80 answering every request with a permanent redirect to HTTPS; false leaves port
 *                          80 closed. Default: {@value #DEFAULT_REDIRECT_HTTP}
 */
public record HttpsListenerProps(
    Certificate certificate,
    ListenerAction defaultAction,
    TlsPolicy tlsPolicy,
    List<Certificate> extraCertificates,
    boolean redirectHttp) {

  public static final TlsPolicy DEFAULT_TLS_POLICY = TlsPolicy.TLS13_TLS12;
  public static final boolean DEFAULT_REDIRECT_HTTP = true;
  /** Elastic Load Balancing's limit of certificates per listener besides the default one. */
  public static final int MAX_EXTRA_CERTIFICATES = 25;

  public HttpsListenerProps {
    Validate.notNull("certificate", certificate);
    Validate.notNull("defaultAction", defaultAction);
    Validate.notNull("tlsPolicy", tlsPolicy);
    extraCertificates = List.copyOf(Validate.notNull("certificates", extraCertificates));
    if (extraCertificates.size() > MAX_EXTRA_CERTIFICATES) {
      throw Validate.invalid("certificates", extraCertificates.size(), "at most " + MAX_EXTRA_CERTIFICATES + " extra certificates per listener");
    }
    for (Certificate c : extraCertificates) {
      if (c.equals(certificate) || extraCertificates.indexOf(c) != extraCertificates.lastIndexOf(c)) {
        throw Validate.invalid("certificates", c.arn(), "each certificate once (the default one is not repeated)");
      }
    }
  }

  public static Builder builder(Certificate certificate, ListenerAction defaultAction) {
    return new Builder(certificate, defaultAction);
  }

  public static final class Builder {
    private final Certificate certificate;
    private final ListenerAction defaultAction;
    private TlsPolicy tlsPolicy = DEFAULT_TLS_POLICY;
    private final List<Certificate> extraCertificates = new ArrayList<>();
    private boolean redirectHttp = DEFAULT_REDIRECT_HTTP;

    private Builder(Certificate certificate, ListenerAction defaultAction) {
      this.certificate = certificate;
      this.defaultAction = defaultAction;
    }

    public Builder tlsPolicy(TlsPolicy value) { this.tlsPolicy = value; return this; }
    /** An extra certificate served by SNI (another domain on the same listener). */
    public Builder certificate(Certificate value) { extraCertificates.add(Validate.notNull("certificate", value)); return this; }
    public Builder redirectHttp(boolean value) { this.redirectHttp = value; return this; }

    public HttpsListenerProps build() {
      return new HttpsListenerProps(certificate, defaultAction, tlsPolicy, extraCertificates, redirectHttp);
    }
  }
}
