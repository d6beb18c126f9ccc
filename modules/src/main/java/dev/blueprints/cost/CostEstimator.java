package dev.blueprints.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.cost.CostReport.Line;
import dev.blueprints.cost.CostReport.StackCost;
import dev.blueprints.cost.CostReport.Unpriced;
import dev.blueprints.cost.CostReport.Usage;
import dev.blueprints.policy.ResourceView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Estimates the monthly cost of synthesized CDKTF stacks from their Terraform JSON alone (no construct classes,
 * no AWS call), so it works on any CDKTF output directory: {@code manifest.json} and
 * {@code stacks/<stack>/cdk.tf.json}. Each resource is priced from {@link PriceTable} in its provider's region,
 * at desired capacity and at its scaling maximum (ECS service desired count vs the Application Auto Scaling
 * target's maximum, Auto Scaling group desired or minimum vs maximum size, RDS allocated vs maximum storage).
 * Resource types are priced, known free, or usage-only (their charges depend on traffic or data and are listed
 * with the assumption used); anything else, and any class, region or value the table or the JSON cannot
 * settle, is reported as unpriced with the reason, never guessed.
 */
public final class CostEstimator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENVIRONMENT_IN_ID =
      Pattern.compile("^(.+?)-(dev|development|test|qa|uat|stage|staging|prod|production)-.+$");

  /** EC2 detailed monitoring publishes this many metrics per instance at one-minute resolution. */
  static final int DETAILED_MONITORING_METRICS = 7;
  /** Baseline capacity units per hour priced for each load balancer; more is usage. */
  static final int LCU_BASELINE = 1;

  /** Resource types that cost nothing by themselves (their cost, if any, is priced on another resource). */
  static final Set<String> FREE = Set.of(
      "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_route", "aws_route_table",
      "aws_route_table_association", "aws_main_route_table_association", "aws_vpc_ipv4_cidr_block_association",
      "aws_vpc_dhcp_options", "aws_vpc_dhcp_options_association", "aws_security_group", "aws_security_group_rule",
      "aws_eip_association", "aws_key_pair", "aws_placement_group", "aws_launch_template", "aws_launch_configuration",
      "aws_autoscaling_policy", "aws_autoscaling_schedule", "aws_autoscaling_lifecycle_hook", "aws_autoscaling_attachment",
      "aws_autoscaling_notification", "aws_appautoscaling_target", "aws_appautoscaling_policy",
      "aws_appautoscaling_scheduled_action", "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_listener_certificate",
      "aws_lb_target_group", "aws_lb_target_group_attachment", "aws_alb_listener", "aws_alb_listener_rule",
      "aws_alb_target_group", "aws_alb_target_group_attachment", "aws_ecs_cluster_capacity_providers",
      "aws_ecs_capacity_provider", "aws_ecs_task_definition", "aws_ecs_account_setting_default", "aws_ecr_lifecycle_policy",
      "aws_ecr_repository_policy", "aws_efs_mount_target", "aws_efs_access_point", "aws_efs_backup_policy",
      "aws_efs_file_system_policy", "aws_db_subnet_group", "aws_db_parameter_group", "aws_db_option_group",
      "aws_memorydb_subnet_group", "aws_memorydb_acl", "aws_memorydb_user", "aws_memorydb_parameter_group",
      "aws_elasticache_subnet_group", "aws_elasticache_parameter_group", "aws_kms_alias", "aws_sns_topic_policy",
      "aws_sns_topic_subscription", "aws_sqs_queue_policy", "aws_secretsmanager_secret_version",
      "aws_secretsmanager_secret_policy", "aws_cognito_user_pool_client", "aws_cognito_user_pool_domain",
      "aws_cognito_user_group", "aws_cloudwatch_log_resource_policy", "aws_cloudwatch_log_stream", "aws_acm_certificate",
      "aws_acm_certificate_validation", "aws_lambda_permission", "aws_api_gateway_vpc_link", "aws_cloudwatch_event_target");
  /** Prefixes of free types: IAM, bucket settings, security-group rules, ACLs, default VPC objects, REST API parts. */
  static final List<String> FREE_PREFIXES = List.of("aws_iam_", "aws_s3_bucket_", "aws_vpc_security_group_", "aws_network_acl",
      "aws_default_", "aws_api_gateway_", "aws_apigatewayv2_");
  /** Providers whose resources live only in Terraform state. */
  static final List<String> FREE_PROVIDERS = List.of("random_", "null_", "time_", "tls_", "local_", "archive_", "terraform_data");

  /** Types whose charges are all usage-based: no fixed monthly charge, the usage listed with its assumption. */
  static final Map<String, String> USAGE_ONLY = Map.ofEntries(
      Map.entry("aws_s3_bucket", "storage per GB-month, requests and data transfer out; assumed 0 GB stored at the start"),
      Map.entry("aws_ecr_repository", "image storage per GB-month and data transfer out; assumed 0 GB stored at the start"),
      Map.entry("aws_efs_file_system", "storage per GB-month and elastic throughput per GB read or written; assumed 0 GB stored at the start"),
      Map.entry("aws_flow_log", "flow-log records delivered (vended-log ingestion per GB); assumed 0 GB"),
      Map.entry("aws_api_gateway_rest_api", "REST API requests per million and data transfer out; assumed 0 requests"),
      Map.entry("aws_apigatewayv2_api", "HTTP/WebSocket API requests or messages per million; assumed 0 requests"),
      Map.entry("aws_sns_topic", "publishes and deliveries (e-mail, HTTPS, SMS); assumed 0"),
      Map.entry("aws_sqs_queue", "requests per million; assumed 0"),
      Map.entry("aws_cloudwatch_event_rule", "events from AWS services on the default bus are free, custom events per million; assumed 0"),
      Map.entry("aws_sfn_state_machine", "state transitions per thousand (a redeploy after a secret change is two); assumed 0"),
      Map.entry("aws_lambda_function", "requests and GB-seconds; assumed 0"),
      Map.entry("aws_route53_record", "DNS queries per million; assumed 0"),
      Map.entry("aws_cloudfront_distribution", "requests and data transfer out; assumed 0"),
      Map.entry("aws_backup_plan", "backup storage per GB-month; assumed 0 GB"),
      Map.entry("aws_backup_vault", "backup storage per GB-month; assumed 0 GB"),
      Map.entry("aws_cloudwatch_query_definition", "Logs Insights data scanned per GB each time the saved query runs; assumed 0 GB"),
      Map.entry("aws_db_instance_automated_backups_replication",
          "copied backup storage per GB-month in the destination region and cross-region transfer per GB; assumed 0 GB"));

  /** Types AWS charges for that this estimator does not price (yet). */
  static final Set<String> CHARGED_NOT_IN_TABLE = Set.of(
      "aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_elasticache_serverless_cache", "aws_rds_cluster",
      "aws_rds_cluster_instance", "aws_db_proxy", "aws_opensearch_domain", "aws_elasticsearch_domain", "aws_eks_cluster",
      "aws_eks_node_group", "aws_msk_cluster", "aws_redshift_cluster", "aws_wafv2_web_acl", "aws_cloudwatch_composite_alarm",
      "aws_ec2_transit_gateway", "aws_ec2_transit_gateway_vpc_attachment", "aws_vpn_connection", "aws_vpn_gateway",
      "aws_globalaccelerator_accelerator", "aws_kinesis_stream", "aws_mq_broker", "aws_docdb_cluster", "aws_neptune_cluster",
      "aws_networkfirewall_firewall", "aws_route53_health_check", "aws_route53_resolver_endpoint", "aws_db_snapshot",
      "aws_ebs_snapshot", "aws_fsx_lustre_file_system", "aws_fsx_windows_file_system", "aws_directory_service_directory",
      "aws_shield_protection", "aws_guardduty_detector", "aws_config_configuration_recorder", "aws_cloudtrail",
      "aws_ami", "aws_ami_copy", "aws_ec2_host", "aws_instance_spot_request", "aws_spot_instance_request", "aws_spot_fleet_request",
      "aws_ec2_fleet", "aws_sagemaker_endpoint", "aws_sagemaker_notebook_instance", "aws_xray_sampling_rule");

  private interface Pricer {
    void price(Pass pass, ResourceView r);
  }

  private static final Map<String, Pricer> PRICERS = new HashMap<>();

  static {
    PRICERS.put("aws_nat_gateway", CostEstimator::natGateway);
    PRICERS.put("aws_eip", (p, r) -> p.charge(r, "public IPv4 address (Elastic IP)", "vpc.public-ipv4", "", 1, 1));
    PRICERS.put("aws_lb", CostEstimator::loadBalancer);
    PRICERS.put("aws_alb", CostEstimator::loadBalancer);
    PRICERS.put("aws_vpc_endpoint", CostEstimator::vpcEndpoint);
    PRICERS.put("aws_instance", CostEstimator::instance);
    PRICERS.put("aws_autoscaling_group", CostEstimator::autoScalingGroup);
    PRICERS.put("aws_ebs_volume", (p, r) -> p.volume(r, "EBS volume", new Volume(r.text("type"), r.integer("size"),
        r.integer("iops"), r.integer("throughput")), 1, 1));
    PRICERS.put("aws_ecs_service", CostEstimator::ecsService);
    PRICERS.put("aws_ecs_cluster", CostEstimator::ecsCluster);
    PRICERS.put("aws_db_instance", CostEstimator::database);
    PRICERS.put("aws_memorydb_cluster", CostEstimator::memoryDb);
    PRICERS.put("aws_kms_key", (p, r) -> p.charge(r, "KMS key", "kms.key", "", 1, 1));
    PRICERS.put("aws_secretsmanager_secret", (p, r) -> p.charge(r, "secret", "secretsmanager.secret", "", 1, 1));
    PRICERS.put("aws_cloudwatch_metric_alarm", CostEstimator::alarm);
    PRICERS.put("aws_cloudwatch_dashboard", (p, r) -> p.charge(r, "dashboard", "cloudwatch.dashboard", "", 1, 1));
    PRICERS.put("aws_cloudwatch_log_group", CostEstimator::logGroup);
    PRICERS.put("aws_cognito_user_pool", CostEstimator::userPool);
    PRICERS.put("aws_api_gateway_stage", CostEstimator::apiStage);
    PRICERS.put("aws_route53_zone", (p, r) -> p.charge(r, "hosted zone", "route53.hosted-zone", "", 1, 1));
    PRICERS.put("aws_dynamodb_table", CostEstimator::dynamoDbTable);
    PRICERS.put("aws_ssm_parameter", (p, r) -> {
      if ("Advanced".equalsIgnoreCase(r.text("tier"))) p.unpriced(r, "advanced SSM parameters are charged; not in the price table");
      else p.free(r);
    });
  }

  private final PriceTable prices;

  public CostEstimator(PriceTable prices) {
    this.prices = prices;
  }

  /** Estimates every stack of a CDKTF output directory with the repository's price table. */
  public static CostReport estimate(Path outdir) {
    return new CostEstimator(PriceTable.aws()).estimateOutput(outdir);
  }

  /**
   * Every stack listed in {@code outdir/manifest.json}, in its order; without a manifest, every
   * {@code stacks/<stack>/cdk.tf.json} by name.
   */
  public CostReport estimateOutput(Path outdir) {
    List<StackCost> stacks = new ArrayList<>();
    Path manifest = outdir.resolve("manifest.json");
    try {
      if (Files.exists(manifest)) {
        JsonNode root = JSON.readTree(manifest.toFile());
        var it = root.path("stacks").fields();
        while (it.hasNext()) {
          var e = it.next();
          String relative = e.getValue().path("synthesizedStackPath").asText("stacks/" + e.getKey() + "/cdk.tf.json");
          stacks.add(estimateStack(e.getKey(), JSON.readTree(outdir.resolve(relative).toFile())));
        }
      } else {
        try (Stream<Path> dirs = Files.list(outdir.resolve("stacks"))) {
          for (Path dir : dirs.sorted().toList()) {
            Path file = dir.resolve("cdk.tf.json");
            if (Files.exists(file)) stacks.add(estimateStack(dir.getFileName().toString(), JSON.readTree(file.toFile())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CostReport(prices, stacks);
  }

  /** The estimate of one stack's Terraform JSON. */
  public StackCost estimateStack(String id, JsonNode root) {
    Pass pass = new Pass(id, root);
    root.path("resource").fields().forEachRemaining(byType -> byType.getValue().fields().forEachRemaining(e -> {
      ResourceView r = new ResourceView(byType.getKey(), e.getKey(), e.getValue());
      pass.resource(r);
    }));
    String environment = environment(id, root);
    String group = id;
    String blueprint = id;
    if (!environment.isEmpty() && id.contains("-" + environment + "-")) {
      blueprint = id.substring(0, id.indexOf("-" + environment + "-"));
      group = blueprint + "-" + environment;
    } else if (!environment.isEmpty()) {
      environment = "";
    }
    return new StackCost(id, group, blueprint, environment, pass.region == null ? "" : pass.region, pass.lines, pass.unpriced,
        pass.usage, pass.free);
  }

  /** The provider's default tag {@code Environment}, else a well-known environment name inside the stack id. */
  static String environment(String id, JsonNode root) {
    for (JsonNode provider : ResourceView.elements(root.path("provider").path("aws"))) {
      for (JsonNode defaults : ResourceView.elements(provider.path("default_tags"))) {
        JsonNode env = defaults.path("tags").path("Environment");
        if (env.isTextual() && !ResourceView.expression(env.asText())) return env.asText().toLowerCase(Locale.ROOT);
      }
    }
    Matcher m = ENVIRONMENT_IN_ID.matcher(id);
    return m.matches() ? m.group(2) : "";
  }

  /** A volume: type (null means EC2's default, gp2), size in GB (null: from the AMI), provisioned IOPS and throughput. */
  record Volume(String type, Integer sizeGb, Integer iops, Integer throughput) {}

  /** What an instance is made of: type, volumes, detailed monitoring, a public IPv4 address. */
  record InstanceSpec(String instanceType, List<Volume> volumes, boolean detailedMonitoring, boolean publicIp) {}

  /** The state of one stack's estimate. */
  private final class Pass {
    final String id;
    final JsonNode root;
    final String region;
    final String regionProblem;
    final Map<String, String> aliasRegions = new HashMap<>();
    final List<Line> lines = new ArrayList<>();
    final List<Unpriced> unpriced = new ArrayList<>();
    final List<Usage> usage = new ArrayList<>();
    final TreeMap<String, Integer> free = new TreeMap<>();
    int multiplier = 1;

    Pass(String id, JsonNode root) {
      this.id = id;
      this.root = root;
      String defaultRegion = null;
      String problem = "the stack has no aws provider block with a region";
      for (JsonNode provider : ResourceView.elements(root.path("provider").path("aws"))) {
        JsonNode region = provider.path("region");
        String value = region.isTextual() && !ResourceView.expression(region.asText()) ? region.asText() : null;
        if (provider.path("alias").isTextual()) {
          if (value != null) aliasRegions.put(provider.path("alias").asText(), value);
        } else if (value != null) {
          defaultRegion = value;
        } else {
          problem = region.isMissingNode() ? "the aws provider has no region (it would come from the environment)"
              : "the aws provider's region is the expression " + region.asText();
        }
      }
      this.region = defaultRegion;
      this.regionProblem = problem;
    }

    void resource(ResourceView r) {
      String type = r.type();
      Integer count = count(r);
      if (count == null) return;
      multiplier = count;
      if (count == 0) {
        free.merge(type + " (count 0)", 1, Integer::sum);
        return;
      }
      Pricer pricer = PRICERS.get(type);
      if (pricer != null) {
        pricer.price(this, r);
      } else if (USAGE_ONLY.containsKey(type)) {
        String text = USAGE_ONLY.get(type);
        usage(r, text.substring(0, text.indexOf(';')), text.substring(text.indexOf(';') + 1).strip());
      } else if (FREE.contains(type) || FREE_PREFIXES.stream().anyMatch(type::startsWith)
          || FREE_PROVIDERS.stream().anyMatch(type::startsWith)) {
        free(r);
      } else if (CHARGED_NOT_IN_TABLE.contains(type)) {
        unpriced(r, "charged by AWS; " + type + " is not in the estimator's price table");
      } else {
        unpriced(r, "resource type " + type + " is unknown to the estimator: neither priced nor known to be free");
      }
    }

    /** The count or for_each multiplier; null (reported) when it is an expression. */
    Integer count(ResourceView r) {
      JsonNode count = r.body().path("count");
      if (!count.isMissingNode()) {
        Integer n = r.integer("count");
        if (n == null) unpriced(r, "count is the unresolved expression " + count.asText() + "; the number of copies is unknown");
        return n;
      }
      JsonNode forEach = r.body().path("for_each");
      if (!forEach.isMissingNode()) {
        if (forEach.isContainerNode()) return forEach.size();
        unpriced(r, "for_each is the unresolved expression " + forEach.asText() + "; the number of copies is unknown");
        return null;
      }
      return 1;
    }

    String regionOf(ResourceView r) {
      String provider = r.text("provider");
      if (provider != null && provider.startsWith("aws.")) return aliasRegions.get(provider.substring(4));
      return region;
    }

    void free(ResourceView r) {
      free.merge(r.type(), multiplier, Integer::sum);
    }

    void unpriced(ResourceView r, String reason) {
      unpriced.add(new Unpriced(r.address(), r.type(), reason));
    }

    void usage(ResourceView r, String charge, String assumption) {
      usage.add(new Usage(r.address(), r.type(), charge, assumption));
    }

    /** Prices {@code desired} and {@code max} units of a dimension (per copy of the resource); reports gaps. */
    void charge(ResourceView r, String what, String dimension, String item, double desired, double max) {
      String regionOfResource = regionOf(r);
      if (regionOfResource == null) {
        unpriced(r, what + ": region unknown: " + (r.text("provider") != null
            ? "provider " + r.text("provider") + " has no literal region" : regionProblem));
        return;
      }
      if (!prices.knowsRegion(regionOfResource)) {
        unpriced(r, what + ": region " + regionOfResource + " is not in the price table");
        return;
      }
      Optional<PriceTable.Price> price = prices.find(dimension, regionOfResource, item);
      if (price.isEmpty()) {
        unpriced(r, what + ": no price for " + dimension + (item.isEmpty() ? "" : " " + item) + " in " + regionOfResource
            + " in the price table");
        return;
      }
      String label = multiplier > 1 ? what + " (x" + multiplier + " copies)" : what;
      lines.add(new Line(r.address(), r.path(), r.type(), label, desired * multiplier, max * multiplier, price.get(),
          price.get().hourly() ? prices.hoursPerMonth() : 1));
    }

    /** A volume attached per instance, {@code desired}/{@code max} instances. */
    void volume(ResourceView r, String what, Volume v, double desired, double max) {
      String type = v.type() == null ? "gp2" : v.type();
      if (v.sizeGb() == null) {
        usage(r, what + " storage", "size not set: it comes from the AMI snapshot and is not priced");
        return;
      }
      if (!type.equals("gp2") && !type.equals("gp3")) {
        unpriced(r, what + ": volume type " + type + " is not in the price table");
        return;
      }
      charge(r, what + ", " + type + " " + v.sizeGb() + " GB", "ebs." + type, "", desired * v.sizeGb(), max * v.sizeGb());
      if (type.equals("gp3") && v.iops() != null && v.iops() > 3000) {
        charge(r, what + ", gp3 IOPS above 3,000", "ebs.gp3-iops", "", desired * (v.iops() - 3000), max * (v.iops() - 3000));
      }
      if (type.equals("gp3") && v.throughput() != null && v.throughput() > 125) {
        charge(r, what + ", gp3 throughput above 125 MiB/s", "ebs.gp3-throughput", "", desired * (v.throughput() - 125),
            max * (v.throughput() - 125));
      }
    }

    /** Instances of one spec: type, volumes, monitoring, public addresses. */
    void instances(ResourceView r, InstanceSpec spec, double desired, double max, String unit) {
      if (spec.instanceType() == null || ResourceView.expression(spec.instanceType())) {
        unpriced(r, "instance type " + (spec.instanceType() == null ? "not set" : "is the expression " + spec.instanceType()));
      } else {
        charge(r, spec.instanceType() + " " + unit, "ec2.instance", spec.instanceType(), desired, max);
      }
      for (Volume v : spec.volumes()) volume(r, "EBS volume per instance", v, desired, max);
      if (spec.detailedMonitoring()) {
        charge(r, "detailed monitoring, " + DETAILED_MONITORING_METRICS + " metrics per instance", "cloudwatch.metric", "",
            desired * DETAILED_MONITORING_METRICS, max * DETAILED_MONITORING_METRICS);
      }
      if (spec.publicIp()) charge(r, "public IPv4 address per instance", "vpc.public-ipv4", "", desired, max);
    }

    /** The resource of {@code type} that {@code value} refers to ({@code ${type.name.attr}}), if in this stack. */
    Optional<ResourceView> referenced(String type, String value) {
      if (value == null) return Optional.empty();
      Matcher m = Pattern.compile("\\$\\{" + Pattern.quote(type) + "\\.([A-Za-z0-9_-]+)\\.").matcher(value);
      if (!m.find()) return Optional.empty();
      JsonNode body = root.path("resource").path(type).path(m.group(1));
      return body.isMissingNode() ? Optional.empty() : Optional.of(new ResourceView(type, m.group(1), body));
    }

    List<ResourceView> resources(String type) {
      List<ResourceView> out = new ArrayList<>();
      root.path("resource").path(type).fields().forEachRemaining(e -> out.add(new ResourceView(type, e.getKey(), e.getValue())));
      return out;
    }
  }

  // --- pricers -------------------------------------------------------------------------------------------------

  private static void natGateway(Pass p, ResourceView r) {
    p.charge(r, "NAT gateway", "vpc.nat-gateway", "", 1, 1);
    p.usage(r, "data processed per GB (plus data transfer)", "assumed 0 GB; every GB through the gateway is charged at about the hourly rate per GB");
  }

  private static void loadBalancer(Pass p, ResourceView r) {
    String kind = Optional.ofNullable(r.text("load_balancer_type")).orElse("application");
    String dimension = switch (kind) {
      case "application" -> "elb.alb";
      case "network" -> "elb.nlb";
      default -> null;
    };
    if (dimension == null) {
      p.unpriced(r, "load balancer type " + kind + " is not in the price table");
      return;
    }
    String name = kind.equals("application") ? "Application Load Balancer" : "Network Load Balancer";
    p.charge(r, name, dimension, "", 1, 1);
    p.charge(r, "capacity units, baseline " + LCU_BASELINE + " per hour", dimension + "-lcu", "", LCU_BASELINE, LCU_BASELINE);
    p.usage(r, "capacity units above the baseline of " + LCU_BASELINE + " per hour, and data transfer",
        "assumed at most " + LCU_BASELINE + " capacity unit per hour (new connections, active connections, processed bytes, rule evaluations)");
    if (r.isExpression("internal")) {
      p.unpriced(r, "public IPv4 addresses: internal is the expression " + r.text("internal"));
      return;
    }
    if (r.isTrue("internal") || "dualstack-without-public-ipv4".equals(r.text("ip_address_type"))) return;
    int zones;
    if (r.has("subnet_mapping")) zones = r.blocks("subnet_mapping").size();
    else if (r.at("subnets").isArray()) zones = r.at("subnets").size();
    else {
      p.unpriced(r, "public IPv4 addresses of an internet-facing load balancer: the number of subnets (AZs) is not a literal list");
      return;
    }
    p.charge(r, "public IPv4 addresses, one per AZ (" + zones + ")", "vpc.public-ipv4", "", zones, zones);
  }

  private static void vpcEndpoint(Pass p, ResourceView r) {
    String kind = Optional.ofNullable(r.text("vpc_endpoint_type")).orElse("Gateway");
    switch (kind) {
      case "Gateway" -> p.free(r);
      case "Interface" -> {
        if (!r.at("subnet_ids").isArray()) {
          p.unpriced(r, "interface endpoint: subnet_ids is not a literal list, the number of AZs is unknown");
          return;
        }
        int zones = r.at("subnet_ids").size();
        p.charge(r, "interface endpoint in " + zones + " AZs", "vpc.interface-endpoint", "", zones, zones);
        p.usage(r, "data processed per GB", "assumed 0 GB");
      }
      default -> p.unpriced(r, "VPC endpoint type " + kind + " is not in the price table");
    }
  }

  private static void instance(Pass p, ResourceView r) {
    List<Volume> volumes = new ArrayList<>();
    for (JsonNode block : r.blocks("root_block_device")) volumes.add(volume(block));
    for (JsonNode block : r.blocks("ebs_block_device")) volumes.add(volume(block));
    if (r.blocks("root_block_device").isEmpty()) volumes.add(new Volume(null, null, null, null));
    if (r.has("instance_market_options")) {
      p.unpriced(r, "spot instance: spot prices vary, not in the price table");
      return;
    }
    p.instances(r, new InstanceSpec(r.text("instance_type"), volumes, r.isTrue("monitoring"), r.isTrue("associate_public_ip_address")),
        1, 1, "instance");
  }

  private static Volume volume(JsonNode block) {
    return new Volume(text(block, "volume_type"), integer(block, "volume_size"), integer(block, "iops"), integer(block, "throughput"));
  }

  private static void autoScalingGroup(Pass p, ResourceView r) {
    if (r.has("mixed_instances_policy")) {
      p.unpriced(r, "mixed instances policy: the instance types and spot share are not priced");
      return;
    }
    Integer min = r.integer("min_size");
    Integer max = r.integer("max_size");
    Integer desired = r.has("desired_capacity") ? r.integer("desired_capacity") : min;
    if (desired == null || max == null) {
      p.unpriced(r, "instance counts are not literals (desired_capacity " + r.show("desired_capacity") + ", min_size "
          + r.show("min_size") + ", max_size " + r.show("max_size") + ")");
      return;
    }
    Optional<InstanceSpec> spec = Optional.empty();
    Optional<ResourceView> template = p.referenced("aws_launch_template", r.text("launch_template.id"))
        .or(() -> p.referenced("aws_launch_template", r.text("launch_template.name")));
    if (template.isPresent()) spec = Optional.of(launchTemplate(template.get()));
    Optional<ResourceView> configuration = p.referenced("aws_launch_configuration", r.text("launch_configuration"));
    if (configuration.isPresent()) spec = Optional.of(launchConfiguration(configuration.get()));
    if (spec.isEmpty()) {
      p.unpriced(r, "the launch template or configuration is not a resource of this stack; the instance type is unknown");
      return;
    }
    p.instances(r, spec.get(), desired, Math.max(desired, max), "instances, " + desired + " desired"
        + (r.has("desired_capacity") ? "" : " (min_size)") + ", max " + max);
  }

  private static InstanceSpec launchTemplate(ResourceView t) {
    List<Volume> volumes = new ArrayList<>();
    for (JsonNode mapping : t.blocks("block_device_mappings")) {
      for (JsonNode ebs : ResourceView.elements(mapping.path("ebs"))) volumes.add(volume(ebs));
    }
    if (volumes.isEmpty()) volumes.add(new Volume(null, null, null, null));
    boolean publicIp = t.blocks("network_interfaces").stream().anyMatch(n -> "true".equalsIgnoreCase(n.path("associate_public_ip_address").asText()));
    return new InstanceSpec(t.text("instance_type"), volumes, t.isTrue("monitoring.enabled"), publicIp);
  }

  private static InstanceSpec launchConfiguration(ResourceView c) {
    List<Volume> volumes = new ArrayList<>();
    for (JsonNode block : c.blocks("root_block_device")) volumes.add(volume(block));
    for (JsonNode block : c.blocks("ebs_block_device")) volumes.add(volume(block));
    if (c.blocks("root_block_device").isEmpty()) volumes.add(new Volume(null, null, null, null));
    // Launch configurations enable detailed monitoring unless told otherwise.
    return new InstanceSpec(c.text("instance_type"), volumes, !c.isFalse("enable_monitoring"), c.isTrue("associate_public_ip_address"));
  }

  private static void ecsService(Pass p, ResourceView r) {
    String launchType = r.text("launch_type");
    List<String> providers = new ArrayList<>();
    for (JsonNode s : r.blocks("capacity_provider_strategy")) providers.add(s.path("capacity_provider").asText());
    boolean spot = providers.contains("FARGATE_SPOT");
    boolean fargate = "FARGATE".equals(launchType) || providers.contains("FARGATE") || spot;
    Optional<ResourceView> task = p.referenced("aws_ecs_task_definition", r.text("task_definition"));
    if (!fargate && ("EC2".equals(launchType) || "EXTERNAL".equals(launchType) || !providers.isEmpty())) {
      p.free(r);   // tasks run on the cluster's instances, priced with their Auto Scaling group (or outside AWS)
      return;
    }
    if (!fargate) {
      List<String> compatibilities = task.map(t -> ResourceView.strings(t.at("requires_compatibilities"))).orElse(List.of());
      if (compatibilities.equals(List.of("FARGATE"))) fargate = true;
      else if (compatibilities.equals(List.of("EC2"))) {
        p.free(r);
        return;
      } else {
        p.unpriced(r, "neither launch_type nor capacity_provider_strategy is set: the cluster's default strategy decides where tasks run");
        return;
      }
    }
    if ("DAEMON".equals(r.text("scheduling_strategy"))) {
      p.unpriced(r, "DAEMON scheduling on Fargate is not priced");
      return;
    }
    if (task.isEmpty()) {
      p.unpriced(r, "the task definition is not a resource of this stack; its CPU and memory are unknown");
      return;
    }
    ResourceView t = task.get();
    Integer cpu = t.integer("cpu");
    Integer memory = t.integer("memory");
    if (cpu == null || memory == null) {
      p.unpriced(r, "task CPU " + t.show("cpu") + " and memory " + t.show("memory") + " must be literal numbers (CPU units, MiB)");
      return;
    }
    String os = Optional.ofNullable(t.text("runtime_platform.operating_system_family")).orElse("LINUX");
    if (!os.equals("LINUX")) {
      p.unpriced(r, "Fargate on " + os + " is not in the price table");
      return;
    }
    String arch = "ARM64".equals(t.text("runtime_platform.cpu_architecture")) ? "arm" : "x86";
    int desired = Optional.ofNullable(r.integer("desired_count")).orElse(r.has("desired_count") ? -1 : 0);
    if (desired < 0) {
      p.unpriced(r, "desired_count is the expression " + r.text("desired_count"));
      return;
    }
    int max = desired;
    String scaling = "no auto scaling";
    for (ResourceView target : p.resources("aws_appautoscaling_target")) {
      if (!"ecs:service:DesiredCount".equals(target.text("scalable_dimension"))) continue;
      if (!ResourceView.mentions(target.at("resource_id"), r.refPrefix())) continue;
      Integer targetMin = target.integer("min_capacity");
      Integer targetMax = target.integer("max_capacity");
      if (targetMin == null || targetMax == null) {
        p.unpriced(r, "scaling bounds of " + target.address() + " are not literals; priced at desired_count only");
        break;
      }
      desired = Math.max(desired, targetMin);
      max = Math.max(desired, targetMax);
      scaling = "scaling " + targetMin + "-" + targetMax;
    }
    double vcpu = cpu / 1024.0;
    double gb = memory / 1024.0;
    String tasks = desired + " tasks (" + scaling + ")";
    p.charge(r, "Fargate vCPU, " + CostReport.number(vcpu) + " per task x " + tasks, "fargate.vcpu." + arch, "", desired * vcpu, max * vcpu);
    p.charge(r, "Fargate memory, " + CostReport.number(gb) + " GB per task x " + tasks, "fargate.memory." + arch, "", desired * gb, max * gb);
    Integer storage = t.integer("ephemeral_storage.size_in_gib");
    if (storage != null && storage > 20) {
      p.charge(r, "Fargate ephemeral storage above 20 GB", "fargate.ephemeral-storage", "", desired * (storage - 20.0), max * (storage - 20.0));
    }
    if (r.isTrue("network_configuration.assign_public_ip")) {
      p.charge(r, "public IPv4 address per task", "vpc.public-ipv4", "", desired, max);
    }
    if (spot) {
      p.usage(r, "FARGATE_SPOT share of the tasks", "priced at the on-demand rate (an upper bound); spot prices vary");
    }
  }

  private static void ecsCluster(Pass p, ResourceView r) {
    boolean insights = r.blocks("setting").stream()
        .anyMatch(s -> "containerInsights".equals(s.path("name").asText()) && !"disabled".equals(s.path("value").asText()));
    if (insights) {
      p.usage(r, "Container Insights metrics and performance log events", "not priced: billed per custom metric and per GB of log events, which grow with tasks and containers");
    } else {
      p.free(r);
    }
  }

  private static void database(Pass p, ResourceView r) {
    String engine = r.text("engine");
    if (engine == null) {
      p.unpriced(r, r.has("replicate_source_db") ? "read replica without engine: it comes from the source instance" : "engine not set");
      return;
    }
    String dimension = switch (engine) {
      case "postgres" -> "rds.instance.postgres";
      case "mysql" -> "rds.instance.mysql";
      default -> null;
    };
    if (dimension == null) {
      p.unpriced(r, "RDS engine " + engine + " is not in the price table");
      return;
    }
    String instanceClass = r.text("instance_class");
    int copies = r.isTrue("multi_az") ? 2 : 1;
    if (r.isExpression("multi_az")) p.unpriced(r, "multi_az is the expression " + r.text("multi_az") + "; priced as Single-AZ");
    String deployment = copies == 2 ? "Multi-AZ (primary + standby)" : "Single-AZ";
    if (instanceClass == null || ResourceView.expression(instanceClass)) {
      p.unpriced(r, "instance class " + r.show("instance_class") + " is not a literal");
    } else {
      p.charge(r, instanceClass + " " + engine + ", " + deployment, dimension, instanceClass, copies, copies);
    }
    Integer allocated = r.integer("allocated_storage");
    if (allocated == null) {
      p.unpriced(r, "allocated_storage " + r.show("allocated_storage") + " is not a literal; storage not priced");
    } else {
      String storageType = Optional.ofNullable(r.text("storage_type")).orElse(r.has("iops") ? "io1" : "gp2");
      Integer maxAllocated = r.integer("max_allocated_storage");
      int maxGb = maxAllocated != null && maxAllocated > allocated ? maxAllocated : allocated;
      p.charge(r, "storage " + storageType + ", " + allocated + " GB" + (maxGb > allocated ? " (autoscaling to " + maxGb + " GB)" : "")
          + (copies == 2 ? " x 2 (Multi-AZ)" : ""), "rds.storage", storageType, allocated * copies, maxGb * copies);
      Integer iops = r.integer("iops");
      if (storageType.equals("gp3") && iops != null) {
        int baseline = allocated < 400 ? 3000 : 12000;
        if (iops > baseline) p.charge(r, "gp3 IOPS above the " + baseline + " included", "rds.gp3-iops", "", (iops - baseline) * copies, (iops - baseline) * copies);
      }
      if (storageType.equals("io1") && iops != null) p.charge(r, "provisioned IOPS", "rds.io1-iops", "", iops * copies, iops * copies);
    }
    if (r.isTrue("manage_master_user_password")) {
      p.charge(r, "master password secret managed by RDS", "secretsmanager.secret", "", 1, 1);
    }
    Integer insightsRetention = r.integer("performance_insights_retention_period");
    if (r.isTrue("performance_insights_enabled") && insightsRetention != null && insightsRetention > 7) {
      p.unpriced(r, "Performance Insights retention of " + insightsRetention + " days (beyond the free 7) is not in the price table");
    }
    p.usage(r, "backup storage beyond the allocated storage, and snapshots kept after deletion",
        "assumed within the free backup allowance (100% of the allocated storage)");
    Integer monitoring = r.integer("monitoring_interval");
    if (monitoring != null && monitoring > 0) {
      p.usage(r, "Enhanced Monitoring (CloudWatch Logs ingestion)", "assumed 0 GB; grows with the " + monitoring + " s interval");
    }
    if (!r.blocks("enabled_cloudwatch_logs_exports").isEmpty()) {
      p.usage(r, "exported database logs (CloudWatch Logs ingestion and storage)", "assumed 0 GB");
    }
  }

  private static void memoryDb(Pass p, ResourceView r) {
    String engine = Optional.ofNullable(r.text("engine")).orElse("redis");
    String nodeType = r.text("node_type");
    Integer shards = r.has("num_shards") ? r.integer("num_shards") : Integer.valueOf(1);
    Integer replicas = r.has("num_replicas_per_shard") ? r.integer("num_replicas_per_shard") : Integer.valueOf(1);
    if (nodeType == null || ResourceView.expression(nodeType) || shards == null || replicas == null) {
      p.unpriced(r, "node_type " + r.show("node_type") + ", num_shards " + r.show("num_shards") + " and num_replicas_per_shard "
          + r.show("num_replicas_per_shard") + " must be literals");
      return;
    }
    int nodes = shards * (1 + replicas);
    p.charge(r, nodeType + " " + engine + ", " + shards + " shard(s) x (1 primary + " + replicas + " replica(s)) = " + nodes + " nodes",
        "memorydb.node." + engine, nodeType, nodes, nodes);
    p.usage(r, "data written per GB and snapshot storage beyond the free allowance", "assumed 0 GB");
  }

  private static void alarm(Pass p, ResourceView r) {
    List<JsonNode> queries = r.blocks("metric_query");
    int metrics = queries.isEmpty() ? 1 : (int) queries.stream().filter(q -> q.has("metric")).count();
    boolean highResolution = false;
    Integer period = r.integer("period");
    if (period != null && period < 60) highResolution = true;
    for (JsonNode q : queries) {
      Integer qp = integer(q.path("metric"), "period");
      if (qp != null && qp < 60) highResolution = true;
    }
    if (metrics == 0) metrics = 1;
    p.charge(r, highResolution ? "high-resolution alarm" + (metrics > 1 ? ", " + metrics + " metrics" : "")
            : "alarm" + (metrics > 1 ? ", " + metrics + " metrics" : ""),
        highResolution ? "cloudwatch.alarm-high-resolution" : "cloudwatch.alarm-standard", "", metrics, metrics);
  }

  private static void logGroup(Pass p, ResourceView r) {
    String retention = r.has("retention_in_days") ? r.show("retention_in_days") + " days" : "never expires";
    p.usage(r, "log ingestion per GB and storage per GB-month (retention " + retention + ")", "assumed 0 GB");
  }

  private static void userPool(Pass p, ResourceView r) {
    String tier = Optional.ofNullable(r.text("user_pool_tier")).orElse("ESSENTIALS");
    p.usage(r, "monthly active users, " + tier + " tier" + ("ENFORCED".equals(r.text("user_pool_add_ons.advanced_security_mode"))
        ? " with threat protection" : ""), "assumed 0 MAU; every active user is charged per month at the tier's rate");
  }

  private static void apiStage(Pass p, ResourceView r) {
    if (r.isTrue("cache_cluster_enabled")) p.unpriced(r, "stage cache of " + r.show("cache_cluster_size") + " GB is not in the price table");
    else p.free(r);
    if (r.isTrue("xray_tracing_enabled")) p.usage(r, "X-Ray traces recorded and retrieved", "assumed 0 traces");
  }

  private static void dynamoDbTable(Pass p, ResourceView r) {
    String mode = Optional.ofNullable(r.text("billing_mode")).orElse("PROVISIONED");
    p.usage(r, "storage per GB-month" + (mode.equals("PAY_PER_REQUEST") ? ", read and write request units" : "")
        + (r.isTrue("point_in_time_recovery.enabled") ? ", point-in-time recovery per GB-month" : ""), "assumed 0 GB and 0 requests");
    if (!mode.equals("PROVISIONED")) return;
    int reads = Optional.ofNullable(r.integer("read_capacity")).orElse(0);
    int writes = Optional.ofNullable(r.integer("write_capacity")).orElse(0);
    for (JsonNode index : r.blocks("global_secondary_index")) {
      reads += Optional.ofNullable(integer(index, "read_capacity")).orElse(0);
      writes += Optional.ofNullable(integer(index, "write_capacity")).orElse(0);
    }
    if (reads > 0) p.charge(r, "provisioned read capacity", "dynamodb.rcu", "", reads, reads);
    if (writes > 0) p.charge(r, "provisioned write capacity", "dynamodb.wcu", "", writes, writes);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isNumber()) return value.asInt();
    if (value.isTextual() && value.asText().matches("\\d+")) return Integer.parseInt(value.asText());
    return null;
  }
}
