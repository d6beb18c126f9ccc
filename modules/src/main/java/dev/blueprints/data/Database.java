package dev.blueprints.data;

import dev.blueprints.auth.Grant;
import dev.blueprints.auth.Grantable;
import dev.blueprints.core.Suppressions;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroup;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroupParameter;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroup;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An RDS for PostgreSQL or MySQL instance built not to lose data:
 * <ul>
 *   <li>storage encrypted, never publicly accessible, in a DB subnet group spanning at least two AZs;</li>
 *   <li>automated backups for at least 7 days, a final snapshot on delete, tags copied to snapshots,
 *       deletion protection and {@code lifecycle.prevent_destroy};</li>
 *   <li>the master password generated and kept by RDS in Secrets Manager ({@code manage_master_user_password}),
 *       so no password ever appears in code, plans or state;</li>
 *   <li>a parameter group that refuses connections without TLS, CloudWatch log exports, Enhanced Monitoring,
 *       Performance Insights where the engine supports the class, IAM authentication;</li>
 *   <li>its own security group with no rules: clients are admitted by intent,
 *       {@code db.allowDefaultPortFrom(service, "service to database")}.</li>
 * </ul>
 */
public final class Database extends BlueprintConstruct implements Connectable {
  /** The RDS CA that current client trust stores accept (rds-ca-2019 expired in 2024). */
  public static final String CA_CERT = "rds-ca-rsa2048-g1";
  private static final String MONITORING_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole";

  private final DatabaseProps props;
  private final DbInstance instance;
  private final Memo<String> instanceIdentifier;
  private final Memo<String> masterSecretArn;
  private final SecurityGroup securityGroup;
  private final DbParameterGroup parameterGroup;
  private final DbSubnetGroup subnetGroup;
  private final Role monitoringRole;

  public Database(Construct scope, String id, DatabaseProps props) {
    super(scope, id);
    this.props = props;
    Environment environment = environment();
    DatabaseEngine engine = props.engine();
    String identifier = props.identifier() != null ? props.identifier() : DataNames.name(this, null, NameLimit.RDS_IDENTIFIER);
    String family = engine.parameterFamily(props.engineVersion());

    subnetGroup = DbSubnetGroup.Builder.create(this, "SubnetGroup")
        .name(identifier)
        .description("Subnets of " + identifier)
        .subnetIds(props.subnets().subnetIds())
        .build();

    securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupProps.builder(props.vpcId(),
        DataNames.name(this, null, NameLimit.SECURITY_GROUP), "Database " + identifier + ": clients admitted by rule only").build());

    // The family is part of the name: a major upgrade creates the new group before the old one goes.
    parameterGroup = DbParameterGroup.Builder.create(this, "ParameterGroup")
        .name(DataNames.name(this, family.replace('.', '-'), NameLimit.DB_PARAMETER_GROUP))
        .family(family)
        .description("TLS-only connections and logging for " + identifier)
        .parameter(parameters(engine))
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .build();

    monitoringRole = new Role(this, "MonitoringRole",
        RoleProps.builder(DataNames.name(this, "monitoring", NameLimit.IAM_ROLE), "monitoring.rds.amazonaws.com")
            .description("Enhanced Monitoring for RDS instance " + identifier)
            .managedPolicy(MONITORING_POLICY)
            .build());

    boolean multiAz = props.multiAz() != null ? props.multiAz() : environment.highAvailability();
    boolean deletionProtection = props.deletionProtection() != null ? props.deletionProtection() : environment.deletionProtection();
    // Off only where the engine refuses it for the class (MySQL on the smallest burstable classes).
    boolean performanceInsights = props.performanceInsights() != null
        ? props.performanceInsights()
        : engine.supportsPerformanceInsights(props.instanceClass());

    // A major version ("15") lets RDS apply minor upgrades and the provider compares only that prefix, so plans stay
    // clean. An exact minor ("15.4") is a deliberate pin: automatic upgrades would move the instance off it and
    // every later plan would try to move it back (which RDS refuses), so they are off until the pin is raised.
    boolean pinned = engine.pinsMinorVersion(props.engineVersion());
    var db = DbInstance.Builder.create(this, "Resource")
        .identifier(identifier)
        .engine(engine.engineName())
        .engineVersion(props.engineVersion())
        .instanceClass(props.instanceClass())
        .storageType(props.storageType().value())
        .allocatedStorage(props.allocatedStorageGb())
        .storageEncrypted(true)
        .dbName(props.databaseName())
        .username(props.masterUsername())
        .manageMasterUserPassword(true)
        .port(engine.port())
        .dbSubnetGroupName(subnetGroup.getName())
        .vpcSecurityGroupIds(List.of(securityGroup.id()))
        .parameterGroupName(parameterGroup.getName())
        .publiclyAccessible(false)
        .multiAz(multiAz)
        .backupRetentionPeriod(props.backupRetentionDays())
        .backupWindow(props.backupWindow())
        .maintenanceWindow(props.maintenanceWindow())
        .deletionProtection(deletionProtection)
        .skipFinalSnapshot(false)
        .finalSnapshotIdentifier(identifier + "-final")
        // Automated backups survive the instance, so a mistaken delete can still be restored to a point in time.
        .deleteAutomatedBackups(false)
        .copyTagsToSnapshot(true)
        .autoMinorVersionUpgrade(!pinned)
        .allowMajorVersionUpgrade(false)
        .enabledCloudwatchLogsExports(engine.logExports())
        .monitoringInterval(60)
        .monitoringRoleArn(monitoringRole.arn())
        .iamDatabaseAuthenticationEnabled(true)
        .caCertIdentifier(CA_CERT)
        .performanceInsightsEnabled(performanceInsights)
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build());
    if (props.maxAllocatedStorageGb() != null) db.maxAllocatedStorage(props.maxAllocatedStorageGb());
    if (performanceInsights) db.performanceInsightsRetentionPeriod(7);
    if (props.kmsKeyArn() != null) {
      db.kmsKeyId(props.kmsKeyArn()).masterUserSecretKmsKeyId(props.kmsKeyArn());
      if (performanceInsights) db.performanceInsightsKmsKeyId(props.kmsKeyArn());
    }
    instance = db.build();
    masterSecretArn = Memo.of(() -> instance.getMasterUserSecret().get(0).getSecretArn());
    if (pinned) {
      Suppressions.add(instance, "BP-RDS-011", "engineVersion " + props.engineVersion() + " is pinned to a minor version: "
          + "RDS upgrades only when the pin is raised (a major version such as \"" + engine.majorVersion(props.engineVersion())
          + "\" takes minor upgrades automatically)");
    }
    instanceIdentifier = Memo.of(instance::getIdentifier);
  }

  /** TLS required, plus the logging that makes the exported logs useful. All parameters are dynamic. */
  private static List<DbParameterGroupParameter> parameters(DatabaseEngine engine) {
    Map<String, String> values = new LinkedHashMap<>();
    if (engine == DatabaseEngine.POSTGRES) {
      values.put("rds.force_ssl", "1");
      values.put("log_connections", "1");
      values.put("log_disconnections", "1");
      values.put("log_min_duration_statement", "1000");
      values.put("log_lock_waits", "1");
    } else {
      values.put("require_secure_transport", "ON");
      values.put("slow_query_log", "1");
      values.put("long_query_time", "1");
      values.put("log_output", "FILE");
    }
    List<DbParameterGroupParameter> out = new ArrayList<>();
    values.forEach((name, value) -> out.add(DbParameterGroupParameter.builder().name(name).value(value).build()));
    return out;
  }

  /** Admits {@code peer} on the database port: ingress here, egress on the peer. */
  public Database allowDefaultPortFrom(Connectable peer, String description) {
    connections().allowFrom(peer, Port.tcp(port()), description);
    return this;
  }

  /**
   * Lets {@code role} read the RDS-managed master secret: {@code GetSecretValue} and {@code DescribeSecret} on
   * exactly its ARN, and {@code kms:Decrypt} on the customer-managed key when one is set.
   */
  public Grant grantReadSecret(Grantable grantee) {
    List<PolicyStatement> statements = new ArrayList<>();
    statements.add(PolicyStatement.allow("ReadSecret",
        List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), List.of(secretArn())));
    if (props.kmsKeyArn() != null) {
      statements.add(PolicyStatement.allow("DecryptSecret", List.of("kms:Decrypt"), List.of(props.kmsKeyArn()))
          .withCondition("StringEquals", "kms:ViaService", List.of("secretsmanager." + region() + ".amazonaws.com")));
    }
    return grantee.grantRole().grant(DataNames.grantId(this, "ReadSecret"), statements);
  }

  /** Address and port clients connect to. */
  public DatabaseEndpoint endpoint() {
    return new DatabaseEndpoint(instance.getAddress(), port());
  }

  /** The engine's port (5432 or 3306), known at synth. */
  public int port() {
    return props.engine().port();
  }

  /** ARN of the master user secret RDS creates and rotates ({@code master_user_secret[0].secret_arn}). */
  public String secretArn() {
    return masterSecretArn.get();
  }

  /** The customer-managed key of the master user secret (the database's key), or null for {@code aws/secretsmanager}. */
  public String secretKmsKeyArn() {
    return props.kmsKeyArn();
  }

  /** Average CPU of the instance (%). */
  public Metric metricCpu() {
    return Metrics.rdsCpu(identifier());
  }

  /** Minimum free storage (bytes); its recommended alarm needs a threshold, e.g. 10% of the allocated storage. */
  public Metric metricFreeStorage() {
    return Metrics.rdsFreeStorage(identifier());
  }

  /** Average freeable memory (bytes); its recommended alarm needs a threshold. */
  public Metric metricFreeableMemory() {
    return Metrics.rdsFreeableMemory(identifier());
  }

  /** Maximum connections; its recommended alarm needs a threshold, e.g. 80% of max_connections. */
  public Metric metricConnections() {
    return Metrics.rdsConnections(identifier());
  }

  /** The instance identifier (a reference). */
  public String identifier() {
    return instanceIdentifier.get();
  }

  public DatabaseEngine engine() {
    return props.engine();
  }

  /** The initial database's name. */
  public String databaseName() {
    return props.databaseName();
  }

  /** The master user's name (its password lives in {@link #secretArn()}). */
  public String masterUsername() {
    return props.masterUsername();
  }

  public DbInstance resource() {
    return instance;
  }

  public DbParameterGroup parameterGroup() {
    return parameterGroup;
  }

  public DbSubnetGroup subnetGroup() {
    return subnetGroup;
  }

  public Role monitoringRole() {
    return monitoringRole;
  }

  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }
}
