package dev.blueprints.blueprints;

import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import dev.blueprints.edge.PublicDomain;
import java.util.regex.Pattern;

/**
 * How a blueprint's public load balancer listens: HTTPS for a domain ({@code domain}: a Route 53 zone and a
 * record name; a certificate is requested and validated in the zone, and alias records point the name at the
 * load balancer), HTTPS with an existing ACM certificate, or plain HTTP when the settings say so by name
 * ({@code "allowPlainHttp": true}), e.g. for a first deployment before a domain exists. HTTP redirects to HTTPS
 * whenever HTTPS is served. None given is an error, not a silent HTTP default.
 *
 * @param field          settings path, for messages
 * @param certificateArn ACM certificate for HTTPS, or null (with a domain: used instead of requesting one)
 * @param allowPlainHttp serve plain HTTP on port 80 when there is neither a certificate nor a domain
 * @param domain         the public name, or null
 */
public record WebListeners(String field, String certificateArn, boolean allowPlainHttp, DomainSettings domain) {
  private static final Pattern ACM = Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$");

  public WebListeners(String field, String certificateArn, boolean allowPlainHttp) {
    this(field, certificateArn, allowPlainHttp, null);
  }

  public WebListeners {
    if (domain != null && allowPlainHttp) {
      throw Validate.invalid(field + ".allowPlainHttp", true, "absent or false with a domain: the domain is served over HTTPS and HTTP redirects to it");
    }
    if (certificateArn != null) {
      Validate.matches(field + ".certificateArn", certificateArn, ACM, "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
    } else if (!allowPlainHttp && domain == null) {
      throw Validate.invalid(field + ".certificateArn", null,
          "an ACM certificate ARN for HTTPS (or a \"domain\" to request one); to serve plain HTTP instead, set \"allowPlainHttp\": true");
    }
  }

  public static WebListeners read(SettingsNode options, String blueprint, String... extraRecords) {
    return new WebListeners("blueprints." + blueprint, options.string("certificateArn", null), options.bool("allowPlainHttp", false),
        DomainSettings.read(options, blueprint, extraRecords));
  }

  /** This, after checking that a given certificate is in {@code region}, the region of the blueprint's load balancers. */
  public WebListeners inRegion(String region) {
    if (certificateArn != null && !certificateArn.split(":")[3].equals(region)) {
      throw Validate.invalid(field + ".certificateArn", certificateArn, "a certificate in " + region
          + ", the region of the blueprint's load balancers (ACM certificates are regional)");
    }
    return this;
  }

  public boolean https() {
    return certificateArn != null || domain != null;
  }

  /** Adds the listeners to {@code lb} forwarding to {@code target}; with a domain, its {@code recordName}. */
  public void attach(LoadBalancer lb, TargetGroup target) {
    attach(lb, target, DomainSettings.RECORD_NAME);
  }

  /**
   * Adds the listeners to {@code lb} forwarding to {@code target}. With a domain, the name in field
   * {@code record} of the domain settings gets a certificate (unless {@code certificateArn} is set), the HTTPS
   * listener uses it, and alias records point the name at {@code lb}; the domain is returned (null without one).
   */
  public PublicDomain attach(LoadBalancer lb, TargetGroup target, String record) {
    if (domain != null) {
      PublicDomain name = new PublicDomain(lb.stack(), Stacks.id(lb) + "Domain", domain.props(record, certificateArn));
      lb.addHttpsListener(name.certificateArn(), target);
      name.aliasTo(lb);
      return name;
    }
    if (https()) lb.addHttpsListener(certificateArn, target);
    else lb.addPlainHttpListener(80, target);
    return null;
  }

  /** The URL clients use for {@code lb}: {@code https://<record name>} with a domain, else the load balancer's DNS name. */
  public String url(LoadBalancer lb, String record) {
    if (domain != null) return "https://" + domain.recordName(record);
    return (https() ? "https://" : "http://") + lb.dnsName();
  }
}
