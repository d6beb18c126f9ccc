package dev.blueprints.cdkpeer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogMaxAggregationInterval;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MemoryUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.DesyncMitigationMode;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.memorydb.CfnACL;
import software.amazon.awscdk.services.memorydb.CfnCluster;
import software.amazon.awscdk.services.memorydb.CfnSubnetGroup;
import software.amazon.awscdk.services.memorydb.CfnUser;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PerformanceInsightRetention;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.constructs.Construct;

/**
 * The benchmark's peer: the application the fargate-web blueprint synthesizes for prod, written with AWS CDK Java
 * (L2 constructs; L1 for MemoryDB, which has no L2 in aws-cdk-lib) and synthesized to CloudFormation in the same four
 * stacks: the state bucket, the network (VPC over three AZs, a NAT gateway per AZ, flow logs, an S3 endpoint), the
 * data (PostgreSQL, MemoryDB, two ECR repositories, the access-log bucket, secrets) and the compute (two Fargate
 * services behind their own load balancers, scaling, 14 alarms to an encrypted topic, a dashboard, log queries and
 * the redeploy on a secret's new value). Values cross stacks as CloudFormation exports.
 *
 * <p>A fixed environment (account 123456789012, us-east-1, the zones named) so nothing is looked up, and no asset
 * needs Docker: the images are tags of the data stack's repositories. Usage: {@code FargateWebPeer <outdir>}. The
 * benchmark runs it with {@code CDK_VALIDATION=false} (validation off) and without (on).
 */
public final class FargateWebPeer {
  private static final String PREFIX = "bp-fargate-web-prod";
  private static final String IMAGE_TAG = "1.0.0";
  private static final Environment ENV = Environment.builder().account("123456789012").region("us-east-1").build();

  private FargateWebPeer() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: FargateWebPeer <outdir>");
      System.exit(2);
    }
    // stackTraces(false), as the blueprints' synth: no stack trace kept per annotation.
    App app = new App(AppProps.builder().outdir(Path.of(args[0]).toAbsolutePath().toString()).stackTraces(false).build());
    stateStack(app);
    Network network = networkStack(app);
    Data data = dataStack(app, network);
    computeStack(app, network, data);
    app.synth();
  }

  private static Stack stack(App app, String layer) {
    return new Stack(app, PREFIX.replace("bp-", "") + "-" + layer, StackProps.builder().env(ENV).build());
  }

  private static void stateStack(App app) {
    Stack stack = new Stack(app, "state-bootstrap", StackProps.builder().env(ENV).build());
    privateBucket(stack, "StateBucket", "blueprints-tfstate-example");
  }

  /** Versioned, encrypted, TLS-only, owner-enforced, never public; old versions expire. */
  private static Bucket privateBucket(Construct scope, String id, String name) {
    return Bucket.Builder.create(scope, id)
        .bucketName(name)
        .versioned(true)
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .lifecycleRules(List.of(LifecycleRule.builder().id("housekeeping")
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .noncurrentVersionExpiration(Duration.days(90)).build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  record Network(Vpc vpc) {
    SubnetSelection subnets(SubnetType type) {
      return SubnetSelection.builder().subnetType(type).build();
    }
  }

  private static Network networkStack(App app) {
    Stack stack = stack(app, "network");
    Vpc vpc = Vpc.Builder.create(stack, "Network")
        .vpcName(PREFIX + "-network")
        .ipAddresses(IpAddresses.cidr("10.0.0.0/16"))
        .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c"))
        .natGateways(3)
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24).mapPublicIpOnLaunch(false).build(),
            SubnetConfiguration.builder().name("Private").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(24).build(),
            SubnetConfiguration.builder().name("Isolated").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
        .restrictDefaultSecurityGroup(true)
        .gatewayEndpoints(Map.of("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build()))
        .build();
    LogGroup flowLogs = LogGroup.Builder.create(stack, "FlowLogGroup")
        .logGroupName("/bp-fargate-web/prod/vpc-flow-logs/network")
        .retention(RetentionDays.ONE_YEAR)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
        .trafficType(FlowLogTrafficType.ALL)
        .maxAggregationInterval(FlowLogMaxAggregationInterval.ONE_MINUTE)
        .build());
    return new Network(vpc);
  }

  record Data(DatabaseInstance database, CfnCluster cache, Connections cacheConnections, ISecret cacheSecret,
      ISecret secretKey, ISecret apiKey, Repository backendRepository, Repository frontendRepository, Bucket accessLogs) {}

  private static Data dataStack(App app, Network network) {
    Stack stack = stack(app, "data");
    IInstanceEngine engine = DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder().version(PostgresEngineVersion.VER_15).build());
    SecurityGroup databaseGroup = closedGroup(stack, "DatabaseSecurityGroup", network, "PostgreSQL of " + PREFIX);
    DatabaseInstance database = DatabaseInstance.Builder.create(stack, "Database")
        .instanceIdentifier(PREFIX + "-database")
        .engine(engine)
        .instanceType(InstanceType.of(InstanceClass.T3, InstanceSize.MEDIUM))
        .vpc(network.vpc())
        .vpcSubnets(network.subnets(SubnetType.PRIVATE_ISOLATED))
        .securityGroups(List.of(databaseGroup))
        .multiAz(true)
        .allocatedStorage(20)
        .storageType(StorageType.GP3)
        .storageEncrypted(true)
        .credentials(Credentials.fromGeneratedSecret("app_admin"))
        .databaseName("app")
        .port(5432)
        .parameterGroup(ParameterGroup.Builder.create(stack, "ParameterGroup")
            .engine(engine)
            .description("TLS-only connections and logging for " + PREFIX + "-database")
            .parameters(Map.of("rds.force_ssl", "1", "log_connections", "1", "log_disconnections", "1",
                "log_min_duration_statement", "1000", "log_lock_waits", "1"))
            .build())
        .backupRetention(Duration.days(7))
        .preferredBackupWindow("03:00-04:00")
        .preferredMaintenanceWindow("sun:04:30-sun:05:30")
        .deleteAutomatedBackups(false)
        .deletionProtection(true)
        .removalPolicy(RemovalPolicy.SNAPSHOT)
        .cloudwatchLogsExports(List.of("postgresql", "upgrade"))
        .monitoringInterval(Duration.seconds(60))
        .enablePerformanceInsights(true)
        .performanceInsightRetention(PerformanceInsightRetention.DEFAULT)
        .iamAuthentication(true)
        .autoMinorVersionUpgrade(true)
        .allowMajorVersionUpgrade(false)
        .copyTagsToSnapshot(true)
        .caCertificate(CaCertificate.RDS_CA_RSA2048_G1)
        .publiclyAccessible(false)
        .build();

    // MemoryDB has no L2 construct in aws-cdk-lib: its L1 resources, as the blueprint's RedisCache writes them.
    SecurityGroup cacheGroup = closedGroup(stack, "CacheSecurityGroup", network, "MemoryDB of " + PREFIX);
    Secret cacheSecret = Secret.Builder.create(stack, "CacheSecret")
        .secretName("/bp-fargate-web/prod/cache")
        .description("MemoryDB user of " + PREFIX + "-cache: {\"username\", \"password\"}")
        .generateSecretString(SecretStringGenerator.builder()
            .secretStringTemplate("{\"username\":\"app\"}").generateStringKey("password")
            .excludePunctuation(true).passwordLength(32).build())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    CfnUser user = CfnUser.Builder.create(stack, "CacheUser")
        .userName("app")
        .accessString("on ~* &* +@all")
        .authenticationMode(Map.of("Type", "password", "Passwords", List.of(cacheSecret.secretValueFromJson("password").unsafeUnwrap())))
        .build();
    CfnACL acl = CfnACL.Builder.create(stack, "CacheAcl").aclName(PREFIX + "-cache").userNames(List.of(user.getUserName())).build();
    acl.getNode().addDependency(user);
    CfnSubnetGroup cacheSubnets = CfnSubnetGroup.Builder.create(stack, "CacheSubnetGroup")
        .subnetGroupName(PREFIX + "-cache")
        .subnetIds(network.vpc().selectSubnets(network.subnets(SubnetType.PRIVATE_ISOLATED)).getSubnetIds())
        .build();
    CfnCluster cache = CfnCluster.Builder.create(stack, "Cache")
        .clusterName(PREFIX + "-cache")
        .description("Redis for bp-fargate-web")
        .nodeType("db.t4g.small")
        .engineVersion("7.1")
        .aclName(acl.getAclName())
        .numShards(1)
        .numReplicasPerShard(1)
        .tlsEnabled(true)
        .port(6379)
        .subnetGroupName(cacheSubnets.getSubnetGroupName())
        .securityGroupIds(List.of(cacheGroup.getSecurityGroupId()))
        .snapshotRetentionLimit(7)
        .snapshotWindow("03:00-04:00")
        .maintenanceWindow("sun:05:00-sun:06:00")
        .finalSnapshotName(PREFIX + "-cache-final")
        .autoMinorVersionUpgrade(true)
        .build();
    cache.getNode().addDependency(acl, cacheSubnets);
    cache.applyRemovalPolicy(RemovalPolicy.RETAIN);

    Secret secretKey = Secret.Builder.create(stack, "SecretKey")
        .secretName(PREFIX + "-secret-key")
        .description("SECRET_KEY of the backend (signing sessions and tokens)")
        .generateSecretString(SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true).build())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Secret apiKey = Secret.Builder.create(stack, "ExternalApiKey")
        .secretName(PREFIX + "-openai-api-key")
        .description("OPENAI_API_KEY of the backend; set the value out of band: aws secretsmanager put-secret-value")
        .secretStringValue(SecretValue.unsafePlainText("placeholder"))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    return new Data(database, cache,
        Connections.Builder.create().securityGroups(List.of(cacheGroup)).defaultPort(Port.tcp(6379)).build(),
        cacheSecret, secretKey, apiKey, repository(stack, "Backend"), repository(stack, "Frontend"),
        privateBucket(stack, "AccessLogs", null));
  }

  /** A security group that allows nothing out; the services' connections add what they need. */
  private static SecurityGroup closedGroup(Construct scope, String id, Network network, String description) {
    return SecurityGroup.Builder.create(scope, id).vpc(network.vpc()).description(description).allowAllOutbound(false).build();
  }

  private static Repository repository(Construct scope, String name) {
    return Repository.Builder.create(scope, name + "Repository")
        .repositoryName(PREFIX + "-" + name.toLowerCase())
        .imageScanOnPush(true)
        .imageTagMutability(TagMutability.IMMUTABLE)
        .encryption(RepositoryEncryption.AES_256)
        .lifecycleRules(List.of(
            software.amazon.awscdk.services.ecr.LifecycleRule.builder().rulePriority(1).description("Expire untagged images after 7 days")
                .tagStatus(TagStatus.UNTAGGED).maxImageAge(Duration.days(7)).build(),
            software.amazon.awscdk.services.ecr.LifecycleRule.builder().rulePriority(2).description("Keep the last 30 images")
                .tagStatus(TagStatus.ANY).maxImageCount(30).build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  /** One web service: its task, log group, security group, public load balancer, scaling and alarms. */
  record Web(String name, FargateService service, ApplicationLoadBalancer loadBalancer, ApplicationTargetGroup targetGroup,
      LogGroup logs, ScalableTaskCount scaling) {}

  /** What a web service runs: container, port, sizes, health check and what it reads. */
  record WebSpec(String name, Repository repository, int port, String cpu, String memory, int maxTasks, String healthPath,
      List<String> healthCommand, Map<String, String> environment, Map<String, software.amazon.awscdk.services.ecs.Secret> secrets,
      List<String> volumes) {}

  private static void computeStack(App app, Network network, Data data) {
    Stack stack = stack(app, "compute");
    Key key = Key.Builder.create(stack, "AlarmTopicKey")
        .description("Alarm topic of " + PREFIX)
        .enableKeyRotation(true)
        .alias("alias/" + PREFIX + "-alarms")
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Topic topic = Topic.Builder.create(stack, "AlarmTopic").topicName(PREFIX + "-alarms").masterKey(key).enforceSsl(true).build();
    topic.addSubscription(new EmailSubscription("alarms@example.com"));
    // CloudWatch publishes alarms to the encrypted topic: it needs the key.
    key.grant(new software.amazon.awscdk.services.iam.ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");

    Cluster cluster = Cluster.Builder.create(stack, "Cluster")
        .clusterName(PREFIX + "-cluster")
        .vpc(network.vpc())
        .containerInsightsV2(ContainerInsights.ENABLED)
        .enableFargateCapacityProviders(true)
        .build();

    Web backend = web(stack, network, data, cluster, new WebSpec("Backend", data.backendRepository(), 8000, "512", "1024", 10, "/health",
        List.of("CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=4)\" || exit 1"),
        Map.of("APP_PORT", "8000", "DB_HOST", data.database().getDbInstanceEndpointAddress(), "DB_NAME", "app", "DB_PORT", "5432",
            "DEBUG", "false", "ENV", "production", "LOG_LEVEL", "WARNING", "REDIS_HOST", data.cache().getAttrClusterEndpointAddress(),
            "REDIS_PORT", "6379", "REDIS_TLS", "true"),
        Map.of("DB_PASSWORD", ecsSecret(data.database().getSecret(), "password"),
            "DB_USER", ecsSecret(data.database().getSecret(), "username"),
            "OPENAI_API_KEY", ecsSecret(data.apiKey(), null),
            "REDIS_PASSWORD", ecsSecret(data.cacheSecret(), "password"),
            "REDIS_USERNAME", ecsSecret(data.cacheSecret(), "username"),
            "SECRET_KEY", ecsSecret(data.secretKey(), null)),
        List.of("tmp")));
    backend.scaling().scaleOnMemoryUtilization("MemoryScaling", MemoryUtilizationScalingProps.builder()
        .targetUtilizationPercent(75).scaleInCooldown(Duration.seconds(300)).scaleOutCooldown(Duration.seconds(60)).build());
    Web frontend = web(stack, network, data, cluster, new WebSpec("Frontend", data.frontendRepository(), 3000, "256", "512", 6, "/",
        List.of("CMD-SHELL", "node -e \"require('http').get('http://localhost:3000/',r=>process.exit(r.statusCode<400?0:1)).on('error',()=>process.exit(1))\" || exit 1"),
        Map.of("NEXT_PUBLIC_API_URL", "http://" + backend.loadBalancer().getLoadBalancerDnsName(), "NODE_ENV", "production", "PORT", "3000"),
        Map.of(), List.of("next-cache", "tmp")));

    backend.service().getConnections().allowTo(data.database(), Port.tcp(5432), "backend to PostgreSQL");
    backend.service().getConnections().allowTo(data.cacheConnections(), Port.tcp(6379), "backend to MemoryDB");

    List<Alarm> alarms = new ArrayList<>();
    for (Web web : List.of(backend, frontend)) {
      String n = web.name().toLowerCase();
      alarms.add(alarm(stack, web.name() + "AlbHttp5xx", n + "-alb-5xx", web.loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum()), 5, 5));
      if (web == backend) {
        alarms.add(alarm(stack, web.name() + "AlbTarget5xx", n + "-alb-target-5xx", web.loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum()), 5, 5));
        alarms.add(alarm(stack, web.name() + "AlbTargetResponseTime", n + "-alb-latency",
            web.loadBalancer().getMetrics().targetResponseTime(MetricOptions.builder().statistic("p95").period(Duration.minutes(1)).build()), 1, 5));
      }
      alarms.add(alarm(stack, web.name() + "AlbUnhealthyHosts", n + "-alb-unhealthy",
          web.targetGroup().getMetrics().unhealthyHostCount(MetricOptions.builder().statistic("Maximum").period(Duration.minutes(1)).build()), 0, 3));
      alarms.add(alarm(stack, web.name() + "EcsServiceCpu", n + "-ecs-cpu", web.service().metricCpuUtilization(average()), 80, 3));
      alarms.add(alarm(stack, web.name() + "EcsServiceMemory", n + "-ecs-memory", web.service().metricMemoryUtilization(average()), 80, 3));
    }
    alarms.add(alarm(stack, "CacheMemoryDbCpu", "cache-memorydb-cpu", memoryDb(data, "EngineCPUUtilization"), 80, 5));
    alarms.add(alarm(stack, "CacheMemoryDbMemory", "cache-memorydb-memory", memoryDb(data, "DatabaseMemoryUsagePercentage"), 80, 5));
    alarms.add(alarm(stack, "DatabaseRdsCpu", "database-rds-cpu", data.database().metricCPUUtilization(average()), 80, 5));
    alarms.add(Alarm.Builder.create(stack, "DatabaseRdsFreeStorage")
        .alarmName(PREFIX + "-database-rds-storage")
        .metric(data.database().metricFreeStorageSpace(MetricOptions.builder().statistic("Minimum").period(Duration.minutes(5)).build()))
        .threshold(2147483648.0)
        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
        .evaluationPeriods(1)
        .build());
    SnsAction notify = new SnsAction(topic);
    for (Alarm alarm : alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    dashboard(stack, backend, frontend, data);
    queries(stack, backend, frontend);
    redeployOnNewSecret(stack, cluster, backend, List.of(data.database().getSecret(), data.cacheSecret(), data.secretKey(), data.apiKey()));
  }

  private static Web web(Stack stack, Network network, Data data, Cluster cluster, WebSpec spec) {
    String name = PREFIX + "-" + spec.name().toLowerCase();
    String container = spec.name().toLowerCase();
    LogGroup logs = LogGroup.Builder.create(stack, spec.name() + "LogGroup")
        .logGroupName("/ecs/" + name + "/" + container)
        .retention(RetentionDays.ONE_MONTH)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, spec.name() + "TaskDefinition")
        .family(name)
        .cpu(Integer.parseInt(spec.cpu()))
        .memoryLimitMiB(Integer.parseInt(spec.memory()))
        .volumes(spec.volumes().stream().map(v -> Volume.builder().name(v).build()).toList())
        .build();
    var definition = task.addContainer(container, ContainerDefinitionOptions.builder()
        .image(ContainerImage.fromEcrRepository(spec.repository(), IMAGE_TAG))
        .essential(true)
        .readonlyRootFilesystem(true)
        .privileged(false)
        .portMappings(List.of(PortMapping.builder().containerPort(spec.port()).build()))
        .environment(spec.environment())
        .secrets(spec.secrets())
        .healthCheck(HealthCheck.builder().command(spec.healthCommand()).interval(Duration.seconds(30)).timeout(Duration.seconds(5))
            .retries(3).startPeriod(Duration.seconds(60)).build())
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("ecs").build()))
        .build());
    definition.addMountPoints(spec.volumes().stream()
        .map(v -> MountPoint.builder().sourceVolume(v).containerPath(v.equals("tmp") ? "/tmp" : "/app/.next/cache").readOnly(false).build())
        .toArray(MountPoint[]::new));

    SecurityGroup serviceGroup = closedGroup(stack, spec.name() + "SecurityGroup", network, name + " tasks");
    // Pulling images, reading secrets, writing logs: HTTPS to AWS endpoints through the NAT gateways.
    serviceGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to AWS APIs");
    FargateService service = FargateService.Builder.create(stack, spec.name())
        .serviceName(name)
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(2)
        .minHealthyPercent(100)
        .maxHealthyPercent(200)
        .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .healthCheckGracePeriod(Duration.seconds(60))
        .assignPublicIp(false)
        .securityGroups(List.of(serviceGroup))
        .vpcSubnets(network.subnets(SubnetType.PRIVATE_WITH_EGRESS))
        .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder().capacityProvider("FARGATE").weight(1).build()))
        .enableEcsManagedTags(true)
        .enableExecuteCommand(false)
        .build();

    SecurityGroup lbGroup = closedGroup(stack, spec.name() + "LoadBalancerSecurityGroup", network, name + " load balancer");
    ApplicationLoadBalancer loadBalancer = ApplicationLoadBalancer.Builder.create(stack, spec.name() + "LoadBalancer")
        .loadBalancerName(name)
        .vpc(network.vpc())
        .internetFacing(true)
        .vpcSubnets(network.subnets(SubnetType.PUBLIC))
        .securityGroup(lbGroup)
        .deletionProtection(true)
        .dropInvalidHeaderFields(true)
        .desyncMitigationMode(DesyncMitigationMode.DEFENSIVE)
        .http2Enabled(true)
        .idleTimeout(Duration.seconds(60))
        .build();
    loadBalancer.logAccessLogs(data.accessLogs(), container);
    // Plain HTTP on 80, as the blueprint's prod settings ask (allowPlainHttp, no certificate given).
    ApplicationListener listener = loadBalancer.addListener("Http80",
        BaseApplicationListenerProps.builder().port(80).protocol(ApplicationProtocol.HTTP).open(true).build());
    ApplicationTargetGroup targetGroup = listener.addTargets(spec.name(), AddApplicationTargetsProps.builder()
        .port(spec.port())
        .protocol(ApplicationProtocol.HTTP)
        .targets(List.of(service))
        .deregistrationDelay(Duration.seconds(30))
        .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
            .path(spec.healthPath()).healthyHttpCodes("200-399").interval(Duration.seconds(30)).timeout(Duration.seconds(5))
            .healthyThresholdCount(3).unhealthyThresholdCount(3).build())
        .build());

    ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(2).maxCapacity(spec.maxTasks()).build());
    scaling.scaleOnCpuUtilization("CpuScaling", CpuUtilizationScalingProps.builder()
        .targetUtilizationPercent(spec.name().equals("Backend") ? 60 : 70)
        .scaleInCooldown(Duration.seconds(300)).scaleOutCooldown(Duration.seconds(60)).build());
    return new Web(spec.name(), service, loadBalancer, targetGroup, logs, scaling);
  }

  /** A container secret: one JSON field of a secret, or the whole value when {@code field} is null. */
  private static software.amazon.awscdk.services.ecs.Secret ecsSecret(ISecret secret, String field) {
    return field == null ? software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(secret)
        : software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(secret, field);
  }

  private static MetricOptions sum() {
    return MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build();
  }

  private static MetricOptions average() {
    return MetricOptions.builder().statistic("Average").period(Duration.minutes(1)).build();
  }

  private static Metric memoryDb(Data data, String metric) {
    return Metric.Builder.create().namespace("AWS/MemoryDB").metricName(metric)
        .dimensionsMap(Map.of("ClusterName", data.cache().getClusterName())).statistic("Maximum").period(Duration.minutes(1)).build();
  }

  private static Alarm alarm(Construct scope, String id, String name, IMetric metric, double threshold, int periods) {
    return Alarm.Builder.create(scope, id)
        .alarmName(PREFIX + "-" + name)
        .metric(metric)
        .threshold(threshold)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(periods)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }

  private static GraphWidget graph(String title, IMetric metric) {
    return GraphWidget.Builder.create().title(title).left(List.of(metric)).width(8).build();
  }

  private static void dashboard(Stack stack, Web backend, Web frontend, Data data) {
    List<IWidget> widgets = new ArrayList<>();
    for (Web web : List.of(frontend, backend)) {
      var metrics = web.loadBalancer().getMetrics();
      widgets.add(graph(web.name() + " load balancer: Requests", metrics.requestCount(sum())));
      widgets.add(graph(web.name() + " load balancer: Target response time (s)", metrics.targetResponseTime()));
      widgets.add(graph(web.name() + " load balancer: 5xx", metrics.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum())));
    }
    for (Web web : List.of(frontend, backend)) {
      widgets.add(graph(web.name() + " service: CPU (%)", web.service().metricCpuUtilization()));
      widgets.add(graph(web.name() + " service: Memory (%)", web.service().metricMemoryUtilization()));
    }
    widgets.add(graph("PostgreSQL: CPU (%)", data.database().metricCPUUtilization()));
    widgets.add(graph("PostgreSQL: Connections", data.database().metricDatabaseConnections()));
    widgets.add(graph("PostgreSQL: Free storage (bytes)", data.database().metricFreeStorageSpace()));
    widgets.add(graph("Redis: Engine CPU (%)", memoryDb(data, "EngineCPUUtilization")));
    widgets.add(graph("Redis: Memory used (%)", memoryDb(data, "DatabaseMemoryUsagePercentage")));
    List<List<IWidget>> rows = new ArrayList<>();
    for (int i = 0; i < widgets.size(); i += 3) rows.add(widgets.subList(i, Math.min(i + 3, widgets.size())));
    Dashboard.Builder.create(stack, "Dashboard").dashboardName(PREFIX).widgets(rows).build();
  }

  private static void queries(Stack stack, Web backend, Web frontend) {
    QueryDefinition.Builder.create(stack, "FindErrors")
        .queryDefinitionName(PREFIX + "/Find errors")
        .logGroups(List.of(frontend.logs(), backend.logs()))
        .queryString(QueryString.Builder.create()
            .fields(List.of("@timestamp", "@logStream", "@message"))
            .filterStatements(List.of("@message like /(?i)(error|exception|traceback|fatal|panic|critical)/"))
            .sort("@timestamp desc").limit(200).build())
        .build();
    QueryDefinition.Builder.create(stack, "ApiRequestLatency")
        .queryDefinitionName(PREFIX + "/API request latency")
        .logGroups(List.of(backend.logs()))
        .queryString(QueryString.Builder.create()
            .fields(List.of("@timestamp", "duration_ms"))
            .filterStatements(List.of("ispresent(duration_ms)"))
            .statsStatements(List.of("count(*) as requests, avg(duration_ms) as avg_ms, pct(duration_ms, 50) as p50_ms, "
                + "pct(duration_ms, 95) as p95_ms, pct(duration_ms, 99) as p99_ms, max(duration_ms) as max_ms by bin(5m)"))
            .build())
        .build();
  }

  /** A secret read by the backend gets a new current value: a state machine forces a new deployment of the service. */
  private static void redeployOnNewSecret(Stack stack, Cluster cluster, Web backend, List<ISecret> secrets) {
    CallAwsService redeploy = CallAwsService.Builder.create(stack, "ForceNewDeployment")
        .service("ecs")
        .action("updateService")
        .parameters(Map.of("Cluster", cluster.getClusterName(), "Service", backend.service().getServiceName(), "ForceNewDeployment", true))
        .iamResources(List.of(backend.service().getServiceArn()))
        .build();
    redeploy.addRetry(RetryProps.builder().errors(List.of("States.ALL")).interval(Duration.seconds(10)).maxAttempts(3).backoffRate(2).build());
    StateMachine machine = StateMachine.Builder.create(stack, "RedeployStateMachine")
        .stateMachineName(PREFIX + "-backendsecrets-redeploy")
        .comment("New tasks of " + PREFIX + "-backend read the secrets' current values")
        .definitionBody(DefinitionBody.fromChainable(redeploy))
        .build();
    Rule.Builder.create(stack, "RedeployRule")
        .ruleName(PREFIX + "-backendsecrets-redeploy")
        .description("A secret read by " + PREFIX + "-backend has a new current value: redeploy the service")
        .eventPattern(EventPattern.builder()
            .source(List.of("aws.secretsmanager"))
            .detailType(List.of("Secret Label Updated"))
            .resources(secrets.stream().map(ISecret::getSecretArn).toList())
            .detail(Map.of("labelUpdated", List.of("AWSCURRENT")))
            .build())
        .targets(List.of(new SfnStateMachine(machine)))
        .build();
  }
}
