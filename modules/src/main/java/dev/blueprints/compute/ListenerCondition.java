package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When a listener rule applies: host names and/or path patterns ({@code *} and {@code ?} wildcards). A
 * request matches when it matches one of the hosts (if any) and one of the paths (if any). A rule may
 * evaluate at most 5 values in all, as Elastic Load Balancing allows.
 *
 * <pre>{@code ListenerCondition.hosts("api.example.com").andPaths("/v1/*", "/v2/*")}</pre>
 */
public final class ListenerCondition {
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.*?-]{1,128}$");
  private static final Pattern PATH = Pattern.compile("^/[A-Za-z0-9_\\-.$/~\"'@:+&*?]{0,127}$");
  static final int MAX_VALUES = 5;

  private final List<String> hosts;
  private final List<String> paths;

  private ListenerCondition(List<String> hosts, List<String> paths) {
    this.hosts = List.copyOf(hosts);
    this.paths = List.copyOf(paths);
    if (this.hosts.size() + this.paths.size() > MAX_VALUES) {
      throw Validate.invalid("condition", this.hosts + " " + this.paths, "at most " + MAX_VALUES + " host and path values per rule");
    }
  }

  public static ListenerCondition hosts(String... values) {
    return new ListenerCondition(check("hosts", values, HOST, "host names such as api.example.com or *.example.com (letters, digits, . - * ?; up to 128)"), List.of());
  }

  public static ListenerCondition paths(String... values) {
    return new ListenerCondition(List.of(), check("paths", values, PATH, "paths starting with / such as /api/* (up to 128 characters)"));
  }

  public ListenerCondition andPaths(String... values) {
    List<String> all = new ArrayList<>(paths);
    all.addAll(check("paths", values, PATH, "paths starting with / such as /api/* (up to 128 characters)"));
    return new ListenerCondition(hosts, all);
  }

  public ListenerCondition andHosts(String... values) {
    List<String> all = new ArrayList<>(hosts);
    all.addAll(check("hosts", values, HOST, "host names such as api.example.com or *.example.com (letters, digits, . - * ?; up to 128)"));
    return new ListenerCondition(all, paths);
  }

  public List<String> hosts() {
    return hosts;
  }

  public List<String> paths() {
    return paths;
  }

  private static List<String> check(String field, String[] values, Pattern pattern, String allowed) {
    if (values == null || values.length == 0) throw Validate.invalid(field, List.of(), "at least one value");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) out.add(Validate.matches(field + "[" + i + "]", values[i], pattern, allowed));
    return out;
  }
}
