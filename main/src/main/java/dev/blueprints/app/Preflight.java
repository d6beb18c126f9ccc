package dev.blueprints.app;

import dev.blueprints.app.EnvironmentFault.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Checks of the machine made before the app is created, so that a fault ends in one line naming the cause and
 * the fix ({@link EnvironmentFault}) instead of a Java and Node.js stack trace: the settings directory can be
 * read, Node.js runs and is recent enough, the AWS provider jar is present and readable, and the jsii package
 * cache can be written. The output path is checked when its staging folder is created ({@link StagedOutput}).
 */
public final class Preflight {
  /** Oldest Node.js major the jsii runtime 1.140 runs on (20 is end of life: it works, with a warning). */
  public static final int OLDEST_NODE = 20;
  /** Node.js majors the jsii runtime supports without a warning. */
  public static final String SUPPORTED_NODE = "22 or 24";
  static final String PROVIDER_MODULE = "com.hashicorp.cdktf.providers.aws.$Module";
  static final String PROVIDER_BUNDLE = "com/hashicorp/cdktf/providers/aws/provider-aws@18.0.3.jsii.tgz";
  private static final Pattern NODE_VERSION = Pattern.compile("^v(\\d+)\\.(\\d+)\\.(\\d+)");

  private Preflight() {}

  /**
   * Where the run reads and writes, for the checks and for recognizing faults after the fact.
   *
   * @param node      the Node.js executable jsii will start ({@code JSII_NODE}, or {@code node} on PATH)
   * @param jsiiCache the jsii package cache, or null when the cache is disabled
   * @param output    the output folder
   * @param staging   the folder the synth writes into before it replaces the output
   */
  public record Paths(String node, Path jsiiCache, Path output, Path staging) {
    public static Paths of(Map<String, String> env, Path output, Path staging) {
      String node = env.getOrDefault("JSII_NODE", "node");
      Path cache = null;
      if (!"disabled".equalsIgnoreCase(env.getOrDefault("JSII_RUNTIME_PACKAGE_CACHE", "enabled"))) {
        String root = env.get("JSII_RUNTIME_PACKAGE_CACHE_ROOT");
        if (root != null && !root.isBlank()) cache = Path.of(root);
        else if (env.get("HOME") != null) cache = Path.of(env.get("HOME"), ".cache", "aws", "jsii", "package-cache");
      }
      return new Paths(node, cache, output, staging);
    }
  }

  /** Every check but the output's; throws the first {@link EnvironmentFault} found. */
  public static void check(Map<String, String> env, Path settingsDir, Paths paths) {
    beforeNodeStarts(env, settingsDir, paths);
    providerJar(Preflight.class.getClassLoader());
  }

  /** What starting the jsii runtime needs: the settings directory, Node.js and the jsii package cache. */
  static void beforeNodeStarts(Map<String, String> env, Path settingsDir, Paths paths) {
    settingsDirectory(settingsDir);
    if (env.get("JSII_RUNTIME") == null) node(paths.node());
    jsiiCache(paths.jsiiCache());
  }

  /** The settings directory exists as a directory this user can list; a missing one is bad input (status 2). */
  static void settingsDirectory(Path dir) {
    if (!Files.exists(dir)) return;   // reported as a missing settings file, with the environment's name
    if (!Files.isDirectory(dir)) {
      throw new EnvironmentFault(Kind.SETTINGS_DIR, "the settings directory " + dir + " is a file, not a directory;"
          + " point --settings or BLUEPRINTS_SETTINGS_DIR at the directory that holds <env>.json");
    }
    try (var list = Files.list(dir)) {
      list.findFirst();
    } catch (IOException | SecurityException e) {
      throw new EnvironmentFault(Kind.SETTINGS_DIR, "the settings directory " + dir + " cannot be read ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "); give this user read and execute permission on it"
          + " (chmod u+rx), or point --settings or BLUEPRINTS_SETTINGS_DIR elsewhere");
    }
  }

  /** Runs {@code node --version}: missing, failing, unparsable or older than {@link #OLDEST_NODE} is a fault. */
  static int node(String node) {
    String version;
    try {
      Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw nodeFault(node, "did not answer --version within 30 s");
      }
      version = new String(out, StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) throw nodeFault(node, "exited with status " + p.exitValue() + " on --version"
          + (version.isEmpty() ? "" : " (" + EnvironmentFault.firstLine(version) + ")"));
    } catch (IOException e) {
      throw nodeMissing(node, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw nodeFault(node, "was interrupted");
    }
    Matcher m = NODE_VERSION.matcher(version);
    if (!m.find()) throw nodeFault(node, "answered --version with \"" + EnvironmentFault.firstLine(version) + "\", not a version");
    int major = Integer.parseInt(m.group(1));
    if (major < OLDEST_NODE) {
      throw nodeFault(node, "is " + m.group() + ", older than the jsii runtime accepts (" + OLDEST_NODE + " and newer)");
    }
    return major;
  }

  static EnvironmentFault nodeMissing(String node, String detail) {
    String where = node.contains("/") ? node + " (JSII_NODE)" : "\"" + node + "\" on PATH";
    return new EnvironmentFault(Kind.NODE, "Node.js not found: cannot run " + where + " (" + detail + "); the jsii runtime"
        + " needs Node.js " + SUPPORTED_NODE + " (20 works, with an end-of-life warning): install it and put it on PATH,"
        + " or set JSII_NODE to its path");
  }

  private static EnvironmentFault nodeFault(String node, String problem) {
    String where = node.contains("/") ? "Node.js at " + node + " (JSII_NODE)" : "Node.js (\"" + node + "\" on PATH)";
    return new EnvironmentFault(Kind.NODE, where + " " + problem + "; the jsii runtime needs Node.js " + SUPPORTED_NODE
        + " (20 works, with an end-of-life warning): install it and put it on PATH, or set JSII_NODE to its path");
  }

  /** The provider's classes come from a jar that opens and holds the provider's jsii bundle. */
  static void providerJar(ClassLoader loader) {
    Class<?> module;
    try {
      module = Class.forName(PROVIDER_MODULE, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw providerJarFault("its classes are not on the class path (" + e + ")");
    }
    var source = module.getProtectionDomain().getCodeSource();
    if (source == null || !source.getLocation().getPath().endsWith(".jar")) return;   // classes from a folder (an IDE)
    try {
      providerJar(Path.of(source.getLocation().toURI()));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      // not a file URL: nothing to open
    }
  }

  /** {@code jar} opens as a zip file and holds the provider's jsii bundle. */
  static void providerJar(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry(PROVIDER_BUNDLE) == null) throw providerJarFault(jar + " holds no " + PROVIDER_BUNDLE);
    } catch (IOException e) {
      throw providerJarFault(jar + " cannot be opened (" + e.getMessage() + ")");
    }
  }

  static EnvironmentFault providerJarFault(String detail) {
    return new EnvironmentFault(Kind.PROVIDER_JAR, "the AWS provider jar (com.hashicorp:cdktf-provider-aws:18.0.3) is"
        + " missing or corrupt: " + detail + "; delete ~/.m2/repository/com/hashicorp/cdktf-provider-aws/18.0.3 and run"
        + " the command again, so Maven downloads it anew (123 MB)");
  }

  /** The jsii package cache, or the nearest folder that exists on its path, is a directory this user can write. */
  static void jsiiCache(Path cache) {
    if (cache == null) return;
    Path existing = cache.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return;
    if (!Files.isDirectory(existing)) {
      throw jsiiCacheFault(cache, existing + " is a file, not a directory");
    }
    if (!Files.isWritable(existing)) throw jsiiCacheFault(cache, existing + " is not writable by this user");
  }

  static EnvironmentFault jsiiCacheFault(Path cache, String detail) {
    return new EnvironmentFault(Kind.JSII_CACHE, "the jsii package cache " + cache + " cannot be written: " + detail
        + "; fix its permissions, set JSII_RUNTIME_PACKAGE_CACHE_ROOT to a writable directory (about 420 MB), or set"
        + " JSII_RUNTIME_PACKAGE_CACHE=disabled (slower: every run unpacks the provider anew)");
  }
}
