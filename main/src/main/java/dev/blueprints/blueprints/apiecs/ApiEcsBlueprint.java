package dev.blueprints.blueprints.apiecs;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.DomainSettings;
import dev.blueprints.edge.PublicDomainProps;
import dev.blueprints.blueprints.ContainerHealth;
import dev.blueprints.blueprints.BlueprintOptions;
import dev.blueprints.blueprints.ImageSource;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.blueprints.Layers;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.core.Validate;
import dev.blueprints.edge.LoggingLevel;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code api-ecs} (seed {@code 000_3dbf590de395fa95.txt}): a regional REST API authorizing callers with
 * Cognito ID tokens, forwarding through a VPC link to an NLB on TCP 8000, a target group, and an ECS
 * service on an EC2 capacity provider (t2.xlarge) running the Django container, with its SQLite
 * database on a volume, logs in CloudWatch.
 *
 * <pre>
 *   network  VPC, public / private tiers (no database tier: there is no database server)
 *   data     ECR repository, Cognito user pool + web client, EFS for SQLite (the durable option)
 *   compute  ECS cluster on EC2 (t2.xlarge), internal NLB TCP 8000, service, alarm topic, alarms
 *   edge     REST API (Cognito authorizer, VPC link, access logs, throttling), API alarms
 * </pre>
 *
 * <p><b>Where the data lives.</b> SQLite is a file. With {@code "sqliteStorage": "efs"} (the default) the
 * file is on an encrypted EFS file system with backups, mounted through an access point at
 * {@code /app/data}: it survives task restarts, instance replacement and AZ loss. With
 * {@code "sqliteStorage": "instance"} (the seed's development setup) it lives in a Docker volume on the
 * EC2 instance's root disk: it survives task restarts on that instance but is <b>lost when the
 * instance is replaced</b> (scale-in, health replacement, AMI update). Either way SQLite allows one
 * writer, so the service runs exactly one task and deploys stop the old task before starting the new one
 * (minimum healthy 0 %, maximum 100 %): a short outage per deployment instead of two writers on one
 * file. The seed lists RDS as the production database; {@code fargate-web} and {@code ecs-cluster}
 * show that shape.
 *
 * <p>Production choices where the seed differs: the seed's NLB is internet-facing, which would let
 * anyone bypass the Cognito authorizer by calling the NLB directly; here the NLB is internal and only
 * reachable through the API's VPC link. The instances sit in private subnets without public IPs.
 *
 * <p>Settings ({@code blueprints.api-ecs}): {@code images.backend}, {@code instanceType} (t2.xlarge),
 * {@code sqliteStorage} ({@code efs} | {@code instance}), {@code corsOrigins}, {@code callbackUrls},
 * {@code executionLogging} ({@code OFF} | {@code ERROR} | {@code INFO}; needs the account's API Gateway
 * CloudWatch role) and {@code accountCloudWatchRole} (default true: the edge stack creates the account's API Gateway
 * CloudWatch role, which access logs need too; false when another stack of the same account and region holds it),
 * {@code domain} ({@code hostedZoneId} or {@code hostedZoneName}, {@code recordName}: a regional custom domain
 * with a DNS-validated certificate, TLS 1.2, the stage mapped at its root and an alias record),
 * {@code certificateArn} (an existing certificate for that domain) and {@code healthChecks.backend} (the container
 * check; default {@code GET http://localhost:8000/health} with {@code python3}, see {@link ContainerHealth}).
 * Access logs are always on. {@code corsOrigins} are answered by the preflight, named on API Gateway's own error
 * responses and given to the backend as {@code CORS_ALLOWED_ORIGINS} for its responses.
 */
public final class ApiEcsBlueprint extends Blueprint {
  public static final String ID = "api-ecs";
  /** Django's {@code GET /health} through the image's own Python; 90 s to start (migrations on EFS). */
  static final ContainerHealth HEALTH = new ContainerHealth(
      ContainerSpec.HealthCheck.httpWithPython(ApiEcsComputeStack.PORT, "/health"), 90);

  public ApiEcsBlueprint() {
    super(ID, "000_3dbf590de395fa95.txt");
  }

  @Override
  public List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly("images", "instanceType", "sqliteStorage", "corsOrigins", "callbackUrls", "executionLogging",
        "accountCloudWatchRole", "domain", "certificateArn", "healthChecks");
    ContainerHealth.allowOnly(options, "backend");
    SettingsNode images = options.object("images").allowOnly("backend");
    String storage = Validate.oneOf("blueprints." + ID + ".sqliteStorage", options.string("sqliteStorage", "efs"), List.of("efs", "instance"));
    ImageSource image = ImageSource.read(images, "backend", ID);
    List<String> corsOrigins = options.strings("corsOrigins", List.of());
    List<String> callbackUrls = options.strings("callbackUrls", List.of());
    // Stage logging (access logs included) needs the account's API Gateway CloudWatch role, one setting per account
    // and region: the edge stack creates it unless the settings say the account already has one ("false").
    LoggingLevel executionLogging = options.enumValue("executionLogging", LoggingLevel.class, LoggingLevel.OFF);
    boolean accountRole = options.bool("accountCloudWatchRole", true);
    // A custom domain for the API: a certificate is requested in the zone unless certificateArn names one.
    DomainSettings domain = DomainSettings.read(options, ID);
    String certificateArn = options.string("certificateArn", null);
    if (certificateArn != null && domain == null) {
      throw Validate.invalid("blueprints." + ID + ".certificateArn", certificateArn, "only with a \"domain\": the certificate is for the API's custom domain");
    }
    PublicDomainProps apiDomain = domain == null ? null : domain.props(DomainSettings.RECORD_NAME, certificateArn);

    String instanceType = new BlueprintOptions(options, ID).instanceType("instanceType", "t2.xlarge");
    var health = HEALTH.read(options, ID, "backend");
    var layers = Layers.add(this, app, settings, EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE), null,
        (scope, id, s, network) -> new ApiEcsDataStack(scope, id, s, network, storage.equals("efs"), callbackUrls),
        (scope, id, s, network, data) -> new ApiEcsComputeStack(scope, id, s, network, data, image, instanceType, health,
            corsOrigins));
    return layers.and(new ApiEcsEdgeStack(app, stackId(settings, "edge"), settings, layers.data(), layers.compute(),
        corsOrigins, accountRole, executionLogging, apiDomain)).stacks();
  }
}
