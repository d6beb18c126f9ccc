package dev.blueprints.edge;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificate;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidation;
import dev.blueprints.network.Certificate;
import com.hashicorp.cdktf.providers.aws.api_gateway_base_path_mapping.ApiGatewayBasePathMapping;
import com.hashicorp.cdktf.providers.aws.api_gateway_domain_name.ApiGatewayDomainName;
import com.hashicorp.cdktf.providers.aws.api_gateway_domain_name.ApiGatewayDomainNameEndpointConfiguration;
import com.hashicorp.cdktf.providers.aws.data_aws_route53_zone.DataAwsRoute53Zone;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * A public name for an endpoint of this stack: the Route 53 hosted zone (by id, or looked up by name), an ACM
 * certificate for the name validated by a DNS record in that zone (or an existing certificate), and alias
 * records pointing the name at a load balancer ({@link #aliasTo(LoadBalancer)}) or at a regional REST API
 * custom domain ({@link #mapRestApi(RestApi)}).
 *
 * <p>{@link #certificateArn()} is the ARN once validation has finished, so an HTTPS listener or API domain
 * that uses it waits for an issued certificate instead of failing on a pending one. The certificate is
 * replaced create-before-destroy, so a change of name never leaves a listener without one.
 */
public final class PublicDomain extends BlueprintConstruct {
  /** TLS 1.2 minimum for API Gateway custom domains (the strongest policy the 5.23 provider offers). */
  public static final String API_SECURITY_POLICY = "TLS_1_2";

  private final PublicDomainProps props;
  private final String zoneId;
  private final AcmCertificate certificate;
  private final Route53Record validationRecord;
  private final String certificateArn;
  private final List<Route53Record> aliases = new ArrayList<>();

  public PublicDomain(Construct scope, String id, PublicDomainProps props) {
    super(scope, id);
    this.props = Validate.notNull("props", props);
    zoneId = props.hostedZoneId() != null ? props.hostedZoneId() : DataAwsRoute53Zone.Builder.create(this, "Zone")
        .name(props.hostedZoneName())
        .privateZone(false)
        .build()
        .getZoneId();
    if (props.certificateArn() != null) {
      certificate = null;
      validationRecord = null;
      certificateArn = props.certificateArn();
      return;
    }
    certificate = AcmCertificate.Builder.create(this, "Certificate")
        .domainName(props.recordName())
        .validationMethod("DNS")
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .build();
    // One name, so one validation option: its CNAME goes into the zone.
    var option = certificate.getDomainValidationOptions().get(0);
    validationRecord = Route53Record.Builder.create(this, "CertificateValidationRecord")
        .zoneId(zoneId)
        .name(option.getResourceRecordName())
        .type(option.getResourceRecordType())
        .records(List.of(option.getResourceRecordValue()))
        .ttl(60)
        .allowOverwrite(true)
        .build();
    certificateArn = AcmCertificateValidation.Builder.create(this, "CertificateValidation")
        .certificateArn(certificate.getArn())
        .validationRecordFqdns(List.of(validationRecord.getFqdn()))
        .build()
        .getCertificateArn();
  }

  /** Alias records for the name to {@code lb}: A, and AAAA when the load balancer is dual-stack. */
  public PublicDomain aliasTo(LoadBalancer lb) {
    Validate.notNull("lb", lb);
    requireNoTarget();
    if (!lb.isInternetFacing()) throw Validate.invalid("lb", lb.getNode().getPath(), "an internet-facing load balancer for a public name");
    String addressType = lb.resource().getIpAddressTypeInput();
    boolean dualStack = addressType != null && addressType.startsWith("dualstack");
    alias("A", lb.dnsName(), lb.zoneId());
    if (dualStack) alias("AAAA", lb.dnsName(), lb.zoneId());
    return this;
  }

  /**
   * A regional custom domain for {@code api} with the certificate and a TLS 1.2 minimum, the API's stage mapped
   * at the root of the name, and an A alias record to the domain's regional endpoint. Returns the domain resource.
   */
  public ApiGatewayDomainName mapRestApi(RestApi api) {
    Validate.notNull("api", api);
    requireNoTarget();
    ApiGatewayDomainName domain = ApiGatewayDomainName.Builder.create(this, "ApiDomain")
        .domainName(props.recordName())
        .regionalCertificateArn(certificateArn)
        .securityPolicy(API_SECURITY_POLICY)
        .endpointConfiguration(ApiGatewayDomainNameEndpointConfiguration.builder().types(List.of("REGIONAL")).build())
        .build();
    ApiGatewayBasePathMapping.Builder.create(this, "ApiMapping")
        .apiId(api.id())
        .stageName(api.stage().getStageName())
        .domainName(domain.getDomainName())
        .build();
    alias("A", domain.getRegionalDomainName(), domain.getRegionalZoneId());
    return domain;
  }

  private void requireNoTarget() {
    if (!aliases.isEmpty()) throw Validate.invalid("recordName", props.recordName(), "one target per name: " + getNode().getPath() + " already has its alias records");
  }

  private void alias(String type, String target, String targetZoneId) {
    aliases.add(Route53Record.Builder.create(this, "Alias" + type)
        .zoneId(zoneId)
        .name(props.recordName())
        .type(type)
        .alias(Route53RecordAlias.builder().name(target).zoneId(targetZoneId).evaluateTargetHealth(true).build())
        .build());
  }

  /** The certificate to serve: the validated new certificate's ARN (a reference), or the existing one. */
  public String certificateArn() {
    return certificateArn;
  }

  /** The name clients use. */
  public String recordName() {
    return props.recordName();
  }

  /** {@code https://<recordName>}. */
  public String url() {
    return "https://" + props.recordName();
  }

  /** The hosted zone id (a reference when the zone was looked up by name). */
  public String zoneId() {
    return zoneId;
  }

  /**
   * The certificate to serve, for {@code HttpsListenerProps.builder(domain.certificate(), ...)} or
   * {@code lb.addHttpsListener(domain.certificate(), target)}: {@link #certificateArn()} as a {@link Certificate}.
   */
  public Certificate certificate() {
    return Certificate.fromArn(certificateArn);
  }

  /** The new certificate's resource, or null when an existing one was given. */
  public AcmCertificate certificateResource() {
    return certificate;
  }

  /** The DNS validation record, or null when an existing certificate was given. */
  public Route53Record validationRecord() {
    return validationRecord;
  }

  public List<Route53Record> aliases() {
    return List.copyOf(aliases);
  }
}
