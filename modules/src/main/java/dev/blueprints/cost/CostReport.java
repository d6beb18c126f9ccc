package dev.blueprints.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.core.JsonReports;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A monthly cost estimate of synthesized stacks: every priced resource with the quantity and unit price behind
 * its figure, at desired capacity and at the scaling maximum; what could not be priced, with the reason; the
 * usage-based charges left out, with the assumption used; and the resources known to be free.
 *
 * @param prices  the table the figures come from
 * @param stacks  one entry per stack, in the order read
 */
public record CostReport(PriceTable prices, List<StackCost> stacks) {
  public static final String FILE_NAME = "cost-report.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public CostReport {
    stacks = List.copyOf(stacks);
  }

  /**
   * One priced charge of one resource.
   *
   * @param what            what is charged, e.g. "NAT gateway", "vCPU of 2 tasks"
   * @param quantityDesired units at desired capacity (instances, GB, addresses ...)
   * @param quantityMax     units at the scaling maximum (equal to desired when nothing scales)
   * @param hours           hours a month for hourly units, 1 for monthly units
   */
  public record Line(String address, String path, String type, String what, double quantityDesired, double quantityMax,
                     PriceTable.Price price, int hours) {
    public double monthlyDesired() {
      return quantityDesired * price.usd() * hours;
    }

    public double monthlyMax() {
      return quantityMax * price.usd() * hours;
    }

    /** How the figure is made, e.g. {@code 2 x 0.0416 USD per instance-hour x 730 h}. */
    public String basis() {
      String q = number(quantityDesired) + (quantityMax != quantityDesired ? " (max " + number(quantityMax) + ")" : "");
      return q + " x " + number(price.usd()) + " USD per " + price.unit() + (hours > 1 ? " x " + hours + " h" : "");
    }
  }

  /** A resource (or part of one) the estimator could not price, and why. */
  public record Unpriced(String address, String type, String reason) {}

  /** A usage-based charge not in the figures, with the assumption used for it. */
  public record Usage(String address, String type, String charge, String assumption) {}

  /**
   * The estimate of one stack.
   *
   * @param group        {@code <blueprint>-<env>} when the stack id says so, else the stack id
   * @param blueprint    the part of the group before the environment (the stack id when there is none)
   * @param environment  from the provider's default tag {@code Environment} or the stack id; empty when unknown
   * @param region       the aws provider's region; empty when not a literal
   * @param free         resources known to cost nothing by themselves, counted by type
   */
  public record StackCost(String stack, String group, String blueprint, String environment, String region, List<Line> lines,
                          List<Unpriced> unpriced, List<Usage> usage, SortedMap<String, Integer> free) {
    public double monthlyDesired() {
      return lines.stream().mapToDouble(Line::monthlyDesired).sum();
    }

    public double monthlyMax() {
      return lines.stream().mapToDouble(Line::monthlyMax).sum();
    }
  }

  /** Stacks of one blueprint and environment (or one stack when its id names no environment). */
  public record Group(String name, String blueprint, String environment, List<String> stacks, double monthlyDesired,
                      double monthlyMax, int unpriced) {}

  public StackCost stack(String id) {
    return stacks.stream().filter(s -> s.stack().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stack " + id + " in the cost report"));
  }

  /** Groups in the order their first stack was read. */
  public List<Group> groups() {
    Map<String, List<StackCost>> byGroup = new LinkedHashMap<>();
    for (StackCost s : stacks) byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
    List<Group> out = new ArrayList<>();
    byGroup.forEach((name, members) -> out.add(new Group(name, members.get(0).blueprint(), members.get(0).environment(),
        members.stream().map(StackCost::stack).toList(),
        members.stream().mapToDouble(StackCost::monthlyDesired).sum(),
        members.stream().mapToDouble(StackCost::monthlyMax).sum(),
        members.stream().mapToInt(s -> s.unpriced().size()).sum())));
    return out;
  }

  public Group group(String name) {
    return groups().stream().filter(g -> g.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no group " + name + " in the cost report"));
  }

  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("currency", prices.currency());
    root.put("hoursPerMonth", prices.hoursPerMonth());
    root.put("basis", "On-demand list prices (Linux), no free tier, no discounts; usage-based charges are listed under"
        + " \"usage\" with the assumption used and are not in the totals.");
    ObjectNode priceInfo = root.putObject("prices");
    priceInfo.put("table", PriceTable.RESOURCE);
    priceInfo.put("note", prices.note());
    prices.recordedDates().forEach(priceInfo.putArray("recorded")::add);
    ArrayNode sources = priceInfo.putArray("sources");
    prices.sources().forEach(source -> sources.add(JSON.valueToTree(source)));
    ArrayNode groupList = root.putArray("groups");
    for (Group g : groups()) {
      ObjectNode n = groupList.addObject();
      n.put("group", g.name());
      n.put("blueprint", g.blueprint());
      n.put("environment", g.environment());
      g.stacks().forEach(n.putArray("stacks")::add);
      n.put("monthlyDesired", money(g.monthlyDesired()));
      n.put("monthlyMax", money(g.monthlyMax()));
      n.put("unpriced", g.unpriced());
    }
    ArrayNode stackList = root.putArray("stacks");
    for (StackCost s : stacks) {
      ObjectNode n = stackList.addObject();
      n.put("stack", s.stack());
      n.put("group", s.group());
      n.put("region", s.region());
      n.put("monthlyDesired", money(s.monthlyDesired()));
      n.put("monthlyMax", money(s.monthlyMax()));
      ArrayNode lines = n.putArray("priced");
      for (Line l : s.lines()) {
        ObjectNode ln = lines.addObject();
        ln.put("address", l.address());
        ln.put("path", l.path());
        ln.put("what", l.what());
        ln.put("quantityDesired", l.quantityDesired());
        ln.put("quantityMax", l.quantityMax());
        ln.put("unit", l.price().unit());
        ln.put("unitPrice", l.price().usd());
        ln.put("monthlyDesired", money(l.monthlyDesired()));
        ln.put("monthlyMax", money(l.monthlyMax()));
        ln.put("basis", l.basis());
        ln.put("dimension", l.price().dimension() + (l.price().item().isEmpty() ? "" : " " + l.price().item()));
        ln.put("source", l.price().source());
        ln.put("recorded", l.price().recorded());
      }
      ArrayNode unpriced = n.putArray("unpriced");
      s.unpriced().forEach(u -> unpriced.addObject().put("address", u.address()).put("reason", u.reason()));
      ArrayNode usage = n.putArray("usage");
      s.usage().forEach(u -> usage.addObject().put("address", u.address()).put("charge", u.charge()).put("assumption", u.assumption()));
      ObjectNode free = n.putObject("free");
      s.free().forEach(free::put);
    }
    return root;
  }

  /** Writes {@value #FILE_NAME} into {@code outdir}; returns the file. */
  public Path write(Path outdir) {
    return JsonReports.write(outdir, FILE_NAME, toJson());
  }

  /** The console table: one line per group with its monthly figure at desired capacity and at the maximum. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "cost: monthly estimate in %s at on-demand list prices (recorded %s), %d h a month;"
        + " usage-based charges not included%n", prices.currency(), String.join(", ", prices.recordedDates()), prices.hoursPerMonth()));
    int width = Math.max(24, groups().stream().mapToInt(g -> g.name().length()).max().orElse(0) + 2);
    out.append(String.format(Locale.ROOT, "  %-" + width + "s %10s %10s  %s%n", "stacks", "desired", "maximum", "unpriced"));
    for (Group g : groups()) {
      out.append(String.format(Locale.ROOT, "  %-" + width + "s %10.2f %10.2f  %s%n", g.name(), g.monthlyDesired(), g.monthlyMax(),
          g.unpriced() == 0 ? "-" : g.unpriced()));
    }
    return out.toString();
  }

  /**
   * A Markdown table with one row per blueprint and, per environment, the monthly figure at desired capacity
   * and at the maximum; groups of other environments (or none) are left out.
   */
  public String markdown(List<String> environments) {
    StringBuilder out = new StringBuilder("| blueprint |");
    for (String env : environments) out.append(' ').append(env).append(" desired | ").append(env).append(" maximum |");
    out.append("\n|---|");
    out.append("---:|---:|".repeat(environments.size()));
    out.append('\n');
    List<String> blueprints = new ArrayList<>();
    for (Group g : groups()) if (environments.contains(g.environment()) && !blueprints.contains(g.blueprint())) blueprints.add(g.blueprint());
    for (String blueprint : blueprints) {
      out.append("| ").append(blueprint).append(" |");
      for (String env : environments) {
        Group g = groups().stream().filter(x -> x.blueprint().equals(blueprint) && x.environment().equals(env)).findFirst().orElse(null);
        if (g == null) out.append(" — | — |");
        else out.append(String.format(Locale.ROOT, " %s | %s |", usd(g.monthlyDesired()), usd(g.monthlyMax())
            + (g.unpriced() > 0 ? " (+" + g.unpriced() + " unpriced)" : "")));
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String usd(double value) {
    return String.format(Locale.ROOT, "$%,.2f", value);
  }

  static double money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
