package dev.blueprints.blueprints.fargateweb;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.ContainerHealth;
import dev.blueprints.blueprints.ImageSource;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.blueprints.Layers;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.LogRetention;
import dev.blueprints.core.Settings;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code fargate-web} (seed {@code 001_2504c192ae2652d9.txt}): a Next.js frontend (3000) and a FastAPI
 * backend (8000) on ECS Fargate, each behind its own internet-facing ALB (health {@code /} and
 * {@code /health}), images from two ECR repositories, PostgreSQL 15 and MemoryDB Redis 7 reachable only
 * from the backend, Secrets Manager secrets injected into the tasks, 30-day logs, backend auto scaling.
 *
 * <pre>
 *   network  VPC, public / private / isolated tiers, NAT (per AZ in prod)
 *   data     ECR frontend + backend, RDS PostgreSQL 15, MemoryDB Redis 7, secrets (app key, external API key)
 *   compute  ECS cluster, two ALBs, two services, auto scaling, alarm topic, alarms, dashboard
 * </pre>
 *
 * <p>Where the seed leaves things open or insecure, this blueprint chooses:
 * <ul>
 *   <li>The database and cache sit in isolated subnets (no route out), not in the services' subnets.</li>
 *   <li>The seed's "all traffic" egress for the backend becomes HTTPS out (external APIs, ECR) plus
 *       exactly 5432 to the database and 6379 to the cache; the frontend gets HTTPS out only (it calls
 *       the backend through the backend's public HTTPS endpoint, as browsers do).</li>
 *   <li>Redis is reached over TLS ({@code rediss://}) with an ACL user whose password is in Secrets
 *       Manager; the database password is managed by RDS in Secrets Manager. The backend receives
 *       {@code DB_USER}/{@code DB_PASSWORD} and {@code REDIS_USERNAME}/{@code REDIS_PASSWORD} as secrets
 *       and host/port/name as plain variables, and composes its URLs from them.</li>
 *   <li>HTTPS with the certificate in settings; plain HTTP only when the settings say
 *       {@code "allowPlainHttp": true}.</li>
 * </ul>
 *
 * <p>Settings ({@code blueprints.fargate-web} in {@code main/settings/<env>.json}): {@code images.frontend},
 * {@code images.backend} ({@code {"tag": ...}} or {@code {"uri": ...}}), {@code certificateArn} or
 * {@code allowPlainHttp}, {@code logRetentionDays} (default 30, the seed's), {@code healthChecks.frontend} and
 * {@code healthChecks.backend} (container checks; defaults {@code GET /} on 3000 with {@code node} and
 * {@code GET /health} on 8000 with {@code python3}, see {@link ContainerHealth}).
 */
public final class FargateWebBlueprint extends Blueprint {
  public static final String ID = "fargate-web";
  /** The domain settings' field naming the backend's public endpoint (the frontend's is {@code recordName}). */
  public static final String BACKEND_RECORD = "backendRecordName";
  /** Next.js's {@code GET /} through the image's own {@code node} (curl may be absent). */
  static final ContainerHealth FRONTEND_HEALTH = new ContainerHealth(ContainerSpec.HealthCheck.httpWithNode(3000, "/"), 60);
  /** FastAPI's {@code GET /health} through the image's own {@code python3}. */
  static final ContainerHealth BACKEND_HEALTH = new ContainerHealth(ContainerSpec.HealthCheck.httpWithPython(8000, "/health"), 60);

  public FargateWebBlueprint() {
    super(ID, "001_2504c192ae2652d9.txt");
  }

  @Override
  public List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly("images", "certificateArn", "allowPlainHttp", "domain", "logRetentionDays", "healthChecks");
    ContainerHealth.allowOnly(options, "frontend", "backend");
    SettingsNode images = options.object("images").allowOnly("frontend", "backend");
    FargateWebComputeStack.Options compute = new FargateWebComputeStack.Options(
        ImageSource.read(images, "frontend", ID),
        ImageSource.read(images, "backend", ID),
        WebListeners.read(options, ID, BACKEND_RECORD).inRegion(settings.region()),
        LogRetention.require("blueprints." + ID + ".logRetentionDays", options.integer("logRetentionDays", 30)),
        FRONTEND_HEALTH.read(options, ID, "frontend"),
        BACKEND_HEALTH.read(options, ID, "backend"));

    return Layers.add(this, app, settings, EnumSet.allOf(SubnetTier.class), null, FargateWebDataStack::new,
        (scope, id, s, network, data) -> new FargateWebComputeStack(scope, id, s, network, data, compute)).stacks();
  }
}
