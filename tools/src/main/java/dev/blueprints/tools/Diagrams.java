package dev.blueprints.tools;

import dev.blueprints.app.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws what was synthesized: reads {@code cdktf.out} (the manifest and every {@code cdk.tf.json}) and writes,
 * per blueprint and environment, {@code cdktf.out/diagrams/<blueprint>-<env>.mmd} (Mermaid) and {@code .dot}
 * (Graphviz). Nodes are the entry points (REST APIs, load balancers), the services and fleets (ECS services,
 * Auto Scaling groups, instances) and the data stores, in one subgraph per stack; edges are the network
 * paths the security-group rules allow, drawn from each ingress rule's source to the resources that use the
 * rule's group (solid), plus egress rules to address ranges (dashed) and API Gateway VPC links.
 * Cross-stack references ({@code terraform_remote_state} outputs) are followed to the producing stack, so an
 * edge whose rule lives in one stack and whose peer lives in another joins the right nodes.
 *
 * <p>Works over whatever the app synthesized: it knows resource types, not blueprints.
 *
 * <pre>
 *   mvn -B -q -pl main -am compile exec:exec@diagrams      (after a synth)
 *   java -cp ... dev.blueprints.tools.Diagrams [outdir]      (default $CDKTF_OUTDIR or cdktf.out)
 * </pre>
 */
public final class Diagrams {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESOURCE_REF = Pattern.compile("(?<![\\w.])(aws_[a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.[a-z_]+");
  private static final Pattern REMOTE_REF =
      Pattern.compile("data\\.terraform_remote_state\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
  private static final String CROSS_STACK_INPUT = "cross-stack-reference-input-";

  /** What a node stands for; decides its shape. */
  public enum Kind { INTERNET, ADDRESSES, ENTRY, SERVICE, DATA, NETWORK, OTHER }

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    for (String t : List.of("aws_api_gateway_rest_api", "aws_lb", "aws_alb")) KINDS.put(t, Kind.ENTRY);
    for (String t : List.of("aws_ecs_service", "aws_autoscaling_group", "aws_instance")) KINDS.put(t, Kind.SERVICE);
    for (String t : List.of("aws_db_instance", "aws_rds_cluster", "aws_memorydb_cluster", "aws_elasticache_replication_group",
        "aws_elasticache_cluster", "aws_s3_bucket", "aws_efs_file_system", "aws_dynamodb_table", "aws_cognito_user_pool",
        "aws_db_instance_automated_backups_replication")) {
      KINDS.put(t, Kind.DATA);
    }
    KINDS.put("aws_vpc", Kind.NETWORK);
  }

  /**
   * One box.
   *
   * @param id     {@code <stack>/<type>.<name>} for a resource, {@code internet}, {@code cidr:<block>} or
   *               {@code prefix-list:<id>}
   * @param stack  the stack it belongs to; empty for the internet and address ranges
   * @param label  what the box says (construct path and what it is)
   */
  public record Node(String id, String stack, Kind kind, String label) {}

  /**
   * One allowed path.
   *
   * @param from      node id of the source
   * @param to        node id of the destination
   * @param label     protocol and ports ({@code tcp 443}, {@code all traffic}) or {@code VPC link}
   * @param outbound  from an egress rule to an address range (drawn dashed)
   */
  public record Edge(String from, String to, String label, boolean outbound) {
    @Override
    public String toString() {
      return from + (outbound ? " -.-> " : " --> ") + to + " : " + label;
    }
  }

  /** The picture of one blueprint in one environment. */
  public record Diagram(String name, List<String> stacks, Map<String, Node> nodes, Set<Edge> edges) {
    /** Mermaid flowchart, left to right, one subgraph per stack. */
    public String mermaid() {
      StringBuilder out = new StringBuilder("flowchart LR\n");
      Map<String, List<Node>> byStack = byStack();
      for (Node n : nodes.values()) if (n.stack().isEmpty()) out.append("  ").append(mermaidNode(n)).append('\n');
      for (var e : byStack.entrySet()) {
        out.append("  subgraph ").append(safeId("s_" + e.getKey())).append("[\"").append(e.getKey()).append("\"]\n");
        for (Node n : e.getValue()) out.append("    ").append(mermaidNode(n)).append('\n');
        out.append("  end\n");
      }
      for (Edge e : edges) {
        out.append("  ").append(safeId(e.from())).append(e.outbound() ? " -.->|" : " -->|").append(mermaidText(e.label()))
            .append("| ").append(safeId(e.to())).append('\n');
      }
      out.append("  classDef entry fill:#e3f2fd,stroke:#1565c0\n")
          .append("  classDef service fill:#e8f5e9,stroke:#2e7d32\n")
          .append("  classDef data fill:#fff3e0,stroke:#ef6c00\n")
          .append("  classDef outside fill:#fce4ec,stroke:#ad1457\n");
      return out.toString();
    }

    /** Graphviz digraph, one cluster per stack. */
    public String dot() {
      StringBuilder out = new StringBuilder("digraph \"").append(name).append("\" {\n")
          .append("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
      for (Node n : nodes.values()) if (n.stack().isEmpty()) out.append("  ").append(dotNode(n)).append('\n');
      for (var e : byStack().entrySet()) {
        out.append("  subgraph \"cluster_").append(e.getKey()).append("\" {\n    label=\"").append(e.getKey()).append("\";\n");
        for (Node n : e.getValue()) out.append("    ").append(dotNode(n)).append('\n');
        out.append("  }\n");
      }
      for (Edge e : edges) {
        out.append("  ").append(safeId(e.from())).append(" -> ").append(safeId(e.to())).append(" [label=\"")
            .append(dotText(e.label())).append('"').append(e.outbound() ? ", style=dashed" : "").append("];\n");
      }
      return out.append("}\n").toString();
    }

    private Map<String, List<Node>> byStack() {
      Map<String, List<Node>> out = new LinkedHashMap<>();
      for (String stack : stacks) out.put(stack, new ArrayList<>());
      for (Node n : nodes.values()) if (!n.stack().isEmpty()) out.computeIfAbsent(n.stack(), s -> new ArrayList<>()).add(n);
      return out;
    }
  }

  private Diagrams() {}

  public static void main(String[] args) {
    Path outdir = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
    if (!Files.isRegularFile(outdir.resolve("manifest.json"))) {
      System.err.println("diagrams: " + outdir.resolve("manifest.json") + " not found: synthesize first (mvn -B -q -pl main -am compile exec:exec)");
      System.exit(Main.INVALID_INPUT);
    }
    List<Path> written = write(outdir);
    System.out.printf("diagrams: wrote %d files into %s%n", written.size(), outdir.resolve("diagrams"));
  }

  /** Reads {@code outdir} and writes every diagram's {@code .mmd} and {@code .dot}; returns the files. */
  public static List<Path> write(Path outdir) {
    try {
      Path dir = Files.createDirectories(outdir.resolve("diagrams"));
      List<Path> out = new ArrayList<>();
      for (Diagram d : read(outdir)) {
        out.add(Files.writeString(dir.resolve(d.name() + ".mmd"), d.mermaid()));
        out.add(Files.writeString(dir.resolve(d.name() + ".dot"), d.dot()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One diagram per {@code <blueprint>-<env>}, in name order. */
  public static List<Diagram> read(Path outdir) {
    return new Model(outdir).diagrams();
  }

  /** A resource address in one stack. */
  private record Ref(String stack, String type, String name) {
    String id() {
      return stack + "/" + type + "." + name;
    }
  }

  /** Everything read from one cdktf.out, with the indexes the edges need. */
  private static final class Model {
    final Map<String, JsonNode> stacks = new LinkedHashMap<>();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Security group id -> node ids of the resources that use it. */
    final Map<String, Set<String>> users = new LinkedHashMap<>();
    final Set<Edge> edges = new LinkedHashSet<>();

    Model(Path outdir) {
      try {
        JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
        for (var it = manifest.path("stacks").fields(); it.hasNext(); ) {
          var e = it.next();
          String path = e.getValue().path("synthesizedStackPath").asText("stacks/" + e.getKey() + "/cdk.tf.json");
          Path file = outdir.resolve(path);
          if (Files.isRegularFile(file)) stacks.put(e.getKey(), JSON.readTree(file.toFile()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      stacks.forEach(this::addNodes);
      stacks.forEach(this::addSecurityGroupUsers);
      stacks.forEach(this::addRuleEdges);
      stacks.forEach(this::addVpcLinkEdges);
      stacks.forEach(this::addBackupReplicationEdges);
    }

    /** Database -> its automated backups copied to another region. */
    void addBackupReplicationEdges(String stack, JsonNode json) {
      resources(stack, "aws_db_instance_automated_backups_replication").forEach((name, body) -> {
        String copy = new Ref(stack, "aws_db_instance_automated_backups_replication", name).id();
        for (Ref db : refs(stack, body.path("source_db_instance_arn"))) {
          if (nodes.containsKey(db.id())) edges.add(new Edge(db.id(), copy, "backup replication", false));
        }
      });
    }

    Map<String, JsonNode> resources(String stack, String type) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      stacks.get(stack).path("resource").path(type).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }

    void addNodes(String stack, JsonNode json) {
      for (var kind : KINDS.entrySet()) {
        resources(stack, kind.getKey()).forEach((name, body) -> {
          Ref ref = new Ref(stack, kind.getKey(), name);
          String label = label(ref, body);
          // Network ACLs filter every path into and out of the subnets: say so on the VPC.
          if (kind.getKey().equals("aws_vpc") && !resources(stack, "aws_network_acl").isEmpty()) label += ", network ACL per tier";
          nodes.put(ref.id(), new Node(ref.id(), stack, kind.getValue(), label));
        });
      }
    }

    /** Which resources sit behind each security group. */
    void addSecurityGroupUsers(String stack, JsonNode json) {
      use(stack, "aws_lb", "security_groups");
      use(stack, "aws_alb", "security_groups");
      use(stack, "aws_ecs_service", "network_configuration");
      use(stack, "aws_instance", "vpc_security_group_ids", "security_groups");
      use(stack, "aws_db_instance", "vpc_security_group_ids");
      use(stack, "aws_rds_cluster", "vpc_security_group_ids");
      use(stack, "aws_memorydb_cluster", "security_group_ids");
      use(stack, "aws_elasticache_replication_group", "security_group_ids");
      use(stack, "aws_elasticache_cluster", "security_group_ids");
      // Launch templates carry the groups of the instances an Auto Scaling group launches.
      resources(stack, "aws_autoscaling_group").forEach((name, body) -> {
        String asg = new Ref(stack, "aws_autoscaling_group", name).id();
        for (Ref template : refs(stack, body)) {
          if (!template.type().equals("aws_launch_template")) continue;
          JsonNode lt = resources(template.stack(), "aws_launch_template").get(template.name());
          if (lt == null) continue;
          for (Ref sg : refs(template.stack(), lt.path("vpc_security_group_ids"), lt.path("security_group_names"),
              lt.path("network_interfaces"))) {
            addUser(sg, asg);
          }
        }
      });
      // EFS mount targets hold the groups of their file system.
      resources(stack, "aws_efs_mount_target").forEach((name, body) -> {
        for (Ref fs : refs(stack, body.path("file_system_id"))) {
          for (Ref sg : refs(stack, body.path("security_groups"))) addUser(sg, fs.id());
        }
      });
      // Interface endpoints become nodes only when a rule reaches them.
      resources(stack, "aws_vpc_endpoint").forEach((name, body) -> {
        Ref ref = new Ref(stack, "aws_vpc_endpoint", name);
        for (Ref sg : refs(stack, body.path("security_group_ids"))) addUser(sg, ref.id());
      });
    }

    void use(String stack, String type, String... fields) {
      resources(stack, type).forEach((name, body) -> {
        String user = new Ref(stack, type, name).id();
        for (String field : fields) for (Ref sg : refs(stack, body.path(field))) addUser(sg, user);
      });
    }

    void addUser(Ref sg, String user) {
      if (sg.type().equals("aws_security_group")) users.computeIfAbsent(sg.id(), k -> new LinkedHashSet<>()).add(user);
    }

    /** The resources behind a group; the group itself when nothing known uses it, so no allowed path is lost. */
    Set<String> behind(Ref sg) {
      Set<String> found = users.get(sg.id());
      if (found != null && !found.isEmpty()) return found;
      JsonNode body = stacks.containsKey(sg.stack()) ? resources(sg.stack(), sg.type()).get(sg.name()) : null;
      nodes.putIfAbsent(sg.id(), new Node(sg.id(), sg.stack(), Kind.OTHER, label(sg, body)));
      return Set.of(sg.id());
    }

    void addRuleEdges(String stack, JsonNode json) {
      resources(stack, "aws_vpc_security_group_ingress_rule").forEach((name, rule) -> {
        String port = port(rule.path("ip_protocol").asText(), rule.path("from_port"), rule.path("to_port"));
        Collection<String> sources = peers(stack, rule, "referenced_security_group_id", "cidr_ipv4", "cidr_ipv6", "prefix_list_id");
        for (Ref sg : refs(stack, rule.path("security_group_id"))) {
          for (String to : behind(sg)) for (String from : sources) edges.add(new Edge(from, to, port, false));
        }
      });
      resources(stack, "aws_vpc_security_group_egress_rule").forEach((name, rule) -> {
        if (rule.hasNonNull("referenced_security_group_id")) return;   // the mirror of an ingress rule, drawn there
        String port = port(rule.path("ip_protocol").asText(), rule.path("from_port"), rule.path("to_port"));
        Collection<String> targets = peers(stack, rule, "referenced_security_group_id", "cidr_ipv4", "cidr_ipv6", "prefix_list_id");
        for (Ref sg : refs(stack, rule.path("security_group_id"))) {
          for (String from : behind(sg)) for (String to : targets) edges.add(new Edge(from, to, port, true));
        }
      });
      // The older rule resource, in case a stack uses it.
      resources(stack, "aws_security_group_rule").forEach((name, rule) -> {
        boolean ingress = rule.path("type").asText().equals("ingress");
        if (!ingress && rule.hasNonNull("source_security_group_id")) return;
        String port = port(rule.path("protocol").asText(), rule.path("from_port"), rule.path("to_port"));
        Collection<String> peers = peers(stack, rule, "source_security_group_id", "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids");
        for (Ref sg : refs(stack, rule.path("security_group_id"))) {
          for (String local : behind(sg)) {
            for (String peer : peers) edges.add(ingress ? new Edge(peer, local, port, false) : new Edge(local, peer, port, true));
          }
        }
      });
    }

    /** The other end of a rule: resources behind a group, the internet, an address range or a prefix list. */
    Collection<String> peers(String stack, JsonNode rule, String groupField, String v4Field, String v6Field, String prefixField) {
      Set<String> out = new LinkedHashSet<>();
      for (Ref sg : refs(stack, rule.path(groupField))) out.addAll(behind(sg));
      for (String field : List.of(v4Field, v6Field)) {
        for (String cidr : texts(rule.path(field))) {
          if (cidr.equals("0.0.0.0/0") || cidr.equals("::/0")) {
            out.add(outside("internet", "Internet", Kind.INTERNET));
          } else {
            out.add(outside("cidr:" + cidr, cidr, Kind.ADDRESSES));
          }
        }
      }
      for (String prefix : texts(rule.path(prefixField))) {
        List<Ref> lists = refs(stack, new com.fasterxml.jackson.databind.node.TextNode(prefix));
        String shown = lists.isEmpty() ? prefix : prefixListName(lists.get(0));
        out.add(outside("prefix-list:" + shown, "prefix list " + shown, Kind.ADDRESSES));
      }
      return out;
    }

    String prefixListName(Ref ref) {
      JsonNode endpoint = stacks.containsKey(ref.stack()) ? resources(ref.stack(), ref.type()).get(ref.name()) : null;
      String service = endpoint == null ? "" : endpoint.path("service_name").asText();
      return service.isEmpty() ? ref.name() : service.substring(service.lastIndexOf('.') + 1);
    }

    String outside(String id, String label, Kind kind) {
      nodes.putIfAbsent(id, new Node(id, "", kind, label));
      return id;
    }

    /** API Gateway -> load balancer through a VPC link, joined by the integrations that use the link. */
    void addVpcLinkEdges(String stack, JsonNode json) {
      resources(stack, "aws_api_gateway_vpc_link").forEach((name, link) -> {
        Ref linkRef = new Ref(stack, "aws_api_gateway_vpc_link", name);
        Set<String> apis = new LinkedHashSet<>();
        for (String s : stacks.keySet()) {
          resources(s, "aws_api_gateway_integration").forEach((n, integration) -> {
            if (refs(s, integration.path("connection_id")).contains(linkRef)) {
              for (Ref api : refs(s, integration.path("rest_api_id"))) if (api.type().equals("aws_api_gateway_rest_api")) apis.add(api.id());
            }
          });
        }
        if (apis.isEmpty()) resources(stack, "aws_api_gateway_rest_api").keySet().forEach(n -> apis.add(new Ref(stack, "aws_api_gateway_rest_api", n).id()));
        for (Ref lb : refs(stack, link.path("target_arns"))) {
          for (String api : apis) if (nodes.containsKey(lb.id())) edges.add(new Edge(api, lb.id(), "VPC link", false));
        }
      });
    }

    /** Every resource referenced in a value, following remote-state outputs into the stacks that produce them. */
    List<Ref> refs(String stack, JsonNode... values) {
      Set<Ref> out = new LinkedHashSet<>();
      for (JsonNode value : values) for (String text : texts(value)) collect(stack, text, out, 0);
      return new ArrayList<>(out);
    }

    void collect(String stack, String text, Set<Ref> out, int depth) {
      if (depth > 8) return;   // outputs of outputs: deeper is a cycle, not a design
      Matcher remote = REMOTE_REF.matcher(text);
      while (remote.find()) {
        String producer = producer(stack, remote.group(1));
        if (producer == null) continue;
        JsonNode value = stacks.get(producer).path("output").path(remote.group(2)).path("value");
        for (String t : texts(value)) collect(producer, t, out, depth + 1);
      }
      Matcher resource = RESOURCE_REF.matcher(REMOTE_REF.matcher(text).replaceAll(""));
      while (resource.find()) out.add(new Ref(stack, resource.group(1), resource.group(2)));
    }

    /** The stack a remote-state data source reads: by CDKTF's name for it, else by its state key. */
    String producer(String stack, String dataName) {
      if (dataName.startsWith(CROSS_STACK_INPUT) && stacks.containsKey(dataName.substring(CROSS_STACK_INPUT.length()))) {
        return dataName.substring(CROSS_STACK_INPUT.length());
      }
      JsonNode config = stacks.get(stack).path("data").path("terraform_remote_state").path(dataName).path("config");
      String key = config.path("key").asText(config.path("path").asText(""));
      String base = key.substring(key.lastIndexOf('/') + 1).replaceFirst("\\.tfstate$", "");
      return stacks.containsKey(base) ? base : null;
    }

    String label(Ref ref, JsonNode body) {
      String path = body == null ? "" : body.path("//").path("metadata").path("path").asText("");
      // Default is the id CDKTF leaves out of addresses (a construct's inner fleet): the box names its owner.
      String shown = path.isEmpty() ? ref.name() : path.replaceFirst("^" + Pattern.quote(ref.stack()) + "/", "")
          .replace("/Default/", "/").replaceFirst("/Resource$", "");
      return shown + "\n" + what(ref.type(), body == null ? JSON.createObjectNode() : body);
    }

    List<Diagram> diagrams() {
      Map<String, List<String>> groups = new TreeMap<>();
      for (var e : stacks.entrySet()) {
        String group = group(e.getKey(), e.getValue());
        if (group != null) groups.computeIfAbsent(group, g -> new ArrayList<>()).add(e.getKey());
      }
      List<Diagram> out = new ArrayList<>();
      for (var g : groups.entrySet()) {
        Set<String> members = new TreeSet<>(g.getValue());
        Set<Edge> groupEdges = new TreeSet<>(Comparator.comparing(Edge::toString));
        for (Edge e : edges) if (members.contains(stackOf(e.from())) || members.contains(stackOf(e.to()))) groupEdges.add(e);
        Map<String, Node> groupNodes = new LinkedHashMap<>();
        for (Node n : nodes.values()) {
          boolean inEdge = groupEdges.stream().anyMatch(e -> e.from().equals(n.id()) || e.to().equals(n.id()));
          boolean own = members.contains(n.stack()) && n.kind() != Kind.OTHER && n.kind() != Kind.INTERNET && n.kind() != Kind.ADDRESSES;
          if (own || inEdge) groupNodes.put(n.id(), n);
        }
        List<String> shownStacks = new ArrayList<>(members);
        groupNodes.values().stream().map(Node::stack).filter(s -> !s.isEmpty() && !shownStacks.contains(s)).distinct().forEach(shownStacks::add);
        out.add(new Diagram(g.getKey(), shownStacks, groupNodes, new LinkedHashSet<>(groupEdges)));
      }
      return out;
    }

    String stackOf(String nodeId) {
      Node n = nodes.get(nodeId);
      return n == null ? "" : n.stack();
    }

    /**
     * {@code <blueprint>-<env>} from the provider's default tags, else from a {@code <blueprint>-<env>-<layer>} id;
     * null for a stack outside that scheme (state-bootstrap).
     */
    static String group(String stack, JsonNode json) {
      JsonNode tags = json.path("provider").path("aws").path(0).path("default_tags").path(0).path("tags");
      if (tags.hasNonNull("Blueprint") && tags.hasNonNull("Environment")) {
        String group = tags.get("Blueprint").asText() + "-" + tags.get("Environment").asText();
        if (stack.startsWith(group + "-")) return group;
      }
      int last = stack.lastIndexOf('-');
      int env = last > 0 ? stack.lastIndexOf('-', last - 1) : -1;
      return env > 0 ? stack.substring(0, last) : null;
    }
  }

  /** What a resource is, in a few words. */
  static String what(String type, JsonNode body) {
    return switch (type) {
      case "aws_lb", "aws_alb" -> {
        String lbType = body.path("load_balancer_type").asText("application");
        String kind = lbType.equals("network") ? "NLB" : lbType.equals("gateway") ? "GWLB" : "ALB";
        // Terraform's default for internal is false: an LB without it faces the internet.
        yield kind + (isTrue(body.path("internal")) ? ", internal" : ", internet-facing");
      }
      case "aws_api_gateway_rest_api" -> "REST API" + (body.toString().contains("\"PRIVATE\"") ? ", private" : ", public");
      case "aws_ecs_service" -> "ECS service" + (body.path("launch_type").asText("").isEmpty() ? "" : ", " + body.path("launch_type").asText());
      case "aws_autoscaling_group" -> "Auto Scaling group";
      case "aws_instance" -> "EC2 instance";
      case "aws_db_instance" -> "RDS " + body.path("engine").asText("database");
      case "aws_rds_cluster" -> "Aurora " + body.path("engine").asText("cluster");
      case "aws_memorydb_cluster" -> "MemoryDB";
      case "aws_elasticache_replication_group", "aws_elasticache_cluster" -> "ElastiCache";
      case "aws_s3_bucket" -> "S3 bucket";
      case "aws_efs_file_system" -> "EFS";
      case "aws_dynamodb_table" -> "DynamoDB table";
      case "aws_cognito_user_pool" -> "Cognito user pool";
      case "aws_vpc" -> "VPC " + body.path("cidr_block").asText("");
      case "aws_db_instance_automated_backups_replication" ->
          "RDS backup copies" + (body.path("provider").asText("").startsWith("aws.") ? " in " + body.path("provider").asText().substring(4) : "");
      case "aws_vpc_endpoint" -> "endpoint " + body.path("service_name").asText("");
      case "aws_security_group" -> "security group";
      default -> type;
    };
  }

  private static boolean isTrue(JsonNode value) {
    return value.isBoolean() ? value.asBoolean() : value.asText().equals("true");
  }

  /** {@code tcp 443}, {@code tcp 1024-65535}, {@code all traffic}. */
  static String port(String protocol, JsonNode from, JsonNode to) {
    if (protocol.equals("-1") || protocol.equals("all")) return "all traffic";
    String proto = switch (protocol) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      default -> protocol;
    };
    if (from.isMissingNode() || from.isNull() || proto.equals("icmp")) return proto;
    return from.asText().equals(to.asText(from.asText())) ? proto + " " + from.asText() : proto + " " + from.asText() + "-" + to.asText();
  }

  /** Every string inside a value: itself, list items, nested objects. */
  static List<String> texts(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isMissingNode() || value.isNull()) return out;
    if (value.isTextual()) out.add(value.asText());
    else if (value.isContainerNode()) value.forEach(v -> out.addAll(texts(v)));
    return out;
  }

  static String safeId(String id) {
    return "n_" + id.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static String mermaidNode(Node n) {
    String text = "\"" + mermaidText(n.label()) + "\"";
    String id = safeId(n.id());
    return switch (n.kind()) {
      case INTERNET -> id + "((" + text + ")):::outside";
      case ADDRESSES -> id + ">" + text + "]:::outside";
      case ENTRY -> id + "([" + text + "]):::entry";
      case SERVICE -> id + "[" + text + "]:::service";
      case DATA -> id + "[(" + text + ")]:::data";
      case NETWORK, OTHER -> id + "[" + text + "]";
    };
  }

  private static String mermaidText(String text) {
    return text.replace("\"", "#quot;").replace("\n", "<br/>");
  }

  private static String dotNode(Node n) {
    String shape = switch (n.kind()) {
      case INTERNET -> "ellipse";
      case ADDRESSES -> "cds";
      case ENTRY -> "box, style=rounded";
      case SERVICE -> "box";
      case DATA -> "cylinder";
      case NETWORK, OTHER -> "box, style=dashed";
    };
    return safeId(n.id()) + " [label=\"" + dotText(n.label()) + "\", shape=" + shape + "];";
  }

  private static String dotText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
