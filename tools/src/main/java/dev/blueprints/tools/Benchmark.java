package dev.blueprints.tools;

import dev.blueprints.app.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.app.Blueprints;
import dev.blueprints.core.JsiiDirect;
import dev.blueprints.core.ProviderBundle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Synth and test timing, run by {@code bash tools/scripts/benchmark.sh}: each measure is a fresh JVM (as a
 * user's synth is), run {@code BENCH_RUNS} times (default 3) in interleaved rounds (every measure once per
 * round, so a drift in the machine's speed reaches the floor and the full synth alike), the median reported
 * in seconds and as a ratio to the floor, with the peak resident memory (VmHWM) of the JVM, of its Node.js children together
 * and of the largest single process, sampled from /proc every 50 ms. Then the README's test command twice (as shipped, then
 * with the provider's own bundle and jsii's relay), and the budgets with PASS / FAIL. The floor is what any CDKTF Java
 * program with this provider pays: a plain app with the provider and one VPC, the provider's own (eager) bundle loaded
 * and the kernel behind jsii's relay; the first-synth row gives each run an empty jsii package cache.
 *
 * <p>Environment: {@code BENCH_RUNS} (default 3), {@code BENCH_SKIP_TESTS=1} (skip {@code mvn -B test}),
 * {@code BENCH_JVM_FLAGS} (flags of the measured JVMs; default those of the synth command in main/pom.xml),
 * {@code BENCH_SIZES} (two resource counts for the marginal cost, default {@code 100,1000}: the cost of a resource is small beside the run-to-run noise of a JVM start),
 * {@code BENCH_SKIP_PEER=1} or {@code --skip-peer} (no AWS CDK Java peer, see {@link CdkPeer}).
 * Exit status 1 when a budget fails.
 */
public final class Benchmark {
  /** The performance budgets, recorded in the README with the latest figures. */
  static final double FULL_SYNTH_MAX_FLOOR_RATIO = 1.0;
  /**
   * The test phase may take at most this many times the same suite's as it ran before the start-up work, with the
   * provider's own bundle and jsii's relay ({@code BLUEPRINTS_LAZY_PROVIDER=false}, {@code BLUEPRINTS_JSII_DIRECT=false}).
   * A fixed number of seconds would measure the suite's size and the machine's hour, not the start-up work.
   */
  static final double TEST_PHASE_MAX_EAGER_RATIO = 1.0;
  static final long LARGEST_PROCESS_MAX_MIB = 250;
  static final double FRESH_MAX_WARM_RATIO = 2.0;
  /** fargate-web prod alone against the same shape in AWS CDK Java with validation off, the tool a user would pick instead. */
  static final double PEER_MAX_RATIO = 1.2;
  static final String DEFAULT_JVM_FLAGS = "-XX:+UseParallelGC -XX:TieredStopAtLevel=1";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One child run: wall time, peak resident memory (KiB) of the JVM and of its Node.js processes together,
   * and of the largest single process.
   */
  record Sample(double seconds, long javaKib, long nodeKib, long largestKib) {}

  /** The median of several runs of one measure, plus what it synthesized. */
  record Row(String name, double seconds, long javaKib, long nodeKib, long largestKib, int stacks, int resources) {}

  private final int runs;
  private final List<String> jvmFlags;
  private final Path root = Path.of("").toAbsolutePath();
  private final String classPath = System.getProperty("java.class.path");
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

  Benchmark(int runs, List<String> jvmFlags) {
    this.runs = runs;
    this.jvmFlags = jvmFlags;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int runs = Integer.parseInt(env.getOrDefault("BENCH_RUNS", "3"));
    boolean skipTests = env.getOrDefault("BENCH_SKIP_TESTS", "").equals("1") || Arrays.asList(args).contains("--skip-tests");
    boolean skipPeer = env.getOrDefault(CdkPeer.SKIP_VARIABLE, "").equals("1") || Arrays.asList(args).contains("--skip-peer");
    List<String> flags = Arrays.stream(env.getOrDefault("BENCH_JVM_FLAGS", DEFAULT_JVM_FLAGS).trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).toList();
    int[] sizes = Arrays.stream(env.getOrDefault("BENCH_SIZES", "100,1000").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    if (runs < 1 || sizes.length != 2 || sizes[0] >= sizes[1]) {
      System.err.println("benchmark: BENCH_RUNS >= 1 and BENCH_SIZES = two increasing counts, e.g. 100,1000");
      System.exit(Main.INVALID_INPUT);
    }
    System.exit(new Benchmark(runs, flags).run(skipTests, skipPeer, sizes));
  }

  int run(boolean skipTests, boolean skipPeer, int[] sizes) throws Exception {
    String loadBefore = loadAverage();
    System.out.printf("benchmark: %d run(s) per measure, median; JVM flags: %s; Node.js %s; %d cores; load average %s%n",
        runs, String.join(" ", jvmFlags), nodeVersion(), Runtime.getRuntime().availableProcessors(), loadBefore);
    CdkPeer.Build peer = CdkPeer.build(root, skipPeer);
    if (!peer.available()) System.out.println("benchmark: AWS CDK Java peer " + peer.skipped());
    List<Measure> warmUp = new ArrayList<>(List.of(new Measure("warm-up (not counted)", "dev.blueprints.tools.SynthProbe", List.of("floor")),
        new Measure("warm-up (not counted)", "dev.blueprints.tools.SynthProbe", List.of("floor"), List.of(EAGER))));
    // The peer's first run unpacks aws-cdk-lib (35 MB) into jsii's package cache: a first-run cost, as the provider's.
    if (peer.available()) warmUp.add(peerMeasure("warm-up (not counted)", peer, false));
    measure(warmUp, 1);

    List<Measure> measures = new ArrayList<>();
    // The reference: what any CDKTF Java program with this provider pays, the provider's own bundle loaded.
    measures.add(new Measure("floor: plain CDKTF app, AWS provider + one VPC, provider's own bundle, jsii's relay", "dev.blueprints.tools.SynthProbe",
        List.of("vpc"), List.of(EAGER), false, null, JSII_RELAY));
    measures.add(new Measure("plain CDKTF app, AWS provider + one VPC, lazy bundle", "dev.blueprints.tools.SynthProbe", List.of("vpc")));
    measures.add(new Measure("App + one empty stack with the AWS provider (lazy bundle)", "dev.blueprints.tools.SynthProbe", List.of("floor")));
    measures.add(new Measure("full synth: " + Blueprints.ids().size() + " blueprints x dev,prod", "dev.blueprints.app.Main", List.of()));
    measures.add(new Measure("full synth, provider's own bundle (-D" + ProviderBundle.PROPERTY + "=false)", "dev.blueprints.app.Main", List.of(), List.of(EAGER)));
    // What starting Node.js beside the reading of the settings (JsiiStart) saves: the same synth with the start after them.
    measures.add(new Measure("full synth, jsii started after the settings (-D" + JSII_START + "=inline)", "dev.blueprints.app.Main", List.of(), List.of("-D" + JSII_START + "=inline")));
    // The same synth without ClassPreload, so every run shows what loading classes ahead saves.
    measures.add(new Measure("full synth without the class preload (-D" + PRELOAD + "=false)", "dev.blueprints.app.Main", List.of(), List.of("-D" + PRELOAD + "=false")));
    // The same synth with the kernel behind jsii's own relay, so every run shows what the direct channel saves.
    measures.add(new Measure("full synth through jsii's relay (" + JsiiDirect.ENVIRONMENT + "=false)", "dev.blueprints.app.Main", List.of(), List.of(), false, null, JSII_RELAY));
    // A machine that never ran jsii: an empty package cache of its own, removed after the run.
    int freshMachine = measures.size();
    measures.add(new Measure("full synth, first on a fresh machine (empty jsii cache)", "dev.blueprints.app.Main", List.of(), List.of(), true));
    int fargateWeb = measures.size();
    measures.add(new Measure("fargate-web alone (prod)", "dev.blueprints.app.Main", List.of("--blueprint", "fargate-web", "--env", "prod")));
    int peerOff = measures.size();
    if (peer.available()) {
      measures.add(peerMeasure(PEER_ROWS.get(0), peer, false));
      measures.add(peerMeasure(PEER_ROWS.get(1), peer, true));
    }
    for (String id : Blueprints.ids()) {
      measures.add(new Measure(id + " alone (dev,prod)", "dev.blueprints.app.Main", List.of("--blueprint", id)));
    }
    measures.add(new Measure(sizes[0] + " SSM parameters in one stack", "dev.blueprints.tools.SynthProbe", List.of("resources", "" + sizes[0])));
    measures.add(new Measure(sizes[1] + " SSM parameters in one stack", "dev.blueprints.tools.SynthProbe", List.of("resources", "" + sizes[1])));
    List<Row> rows = measure(measures, runs);
    Row floor = rows.get(0);
    Row full = rows.get(3);
    Row fresh = rows.get(freshMachine);
    Row small = rows.get(rows.size() - 2);
    Row large = rows.get(rows.size() - 1);
    double perResourceMs = (large.seconds() - small.seconds()) * 1000 / (sizes[1] - sizes[0]);

    // The suite with the lazy bundle, then with the provider's own (which thereby gets any warmth the first run left).
    double[] test = skipTests ? null : testCommand(true);
    double[] eagerTest = skipTests ? null : testCommand(false);

    System.out.println();
    System.out.println("| measure | seconds | x floor | stacks | resources | peak JVM MiB | peak Node.js MiB | largest process MiB |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %d | %d | %d | %d | %d |%n", r.name(), r.seconds(), r.seconds() / floor.seconds(),
          r.stacks(), r.resources(), r.javaKib() / 1024, r.nodeKib() / 1024, r.largestKib() / 1024);
      if (i == fargateWeb && !peer.available()) {
        for (String name : PEER_ROWS) System.out.println("| " + name + " | " + peer.skipped() + " | | | | | | |");
      }
    }
    if (test != null) {
      System.out.printf(Locale.ROOT, "| `mvn -B test`: whole command (%d tests) | %.2f | %.2f | | | | | |%n", (int) test[2], test[0], test[0] / floor.seconds());
      System.out.printf(Locale.ROOT, "| `mvn -B test`: test phase (surefire) | %.2f | %.2f | | | | | |%n", test[1], test[1] / floor.seconds());
      System.out.printf(Locale.ROOT, "| `mvn -B test`, provider's own bundle and jsii's relay (%s=false %s=false): whole command | %.2f | %.2f | | | | | |%n",
          ProviderBundle.ENVIRONMENT, JsiiDirect.ENVIRONMENT, eagerTest[0], eagerTest[0] / floor.seconds());
      System.out.printf(Locale.ROOT, "| `mvn -B test`, provider's own bundle and jsii's relay: test phase (surefire) | %.2f | %.2f | | | | | |%n",
          eagerTest[1], eagerTest[1] / floor.seconds());
    }
    System.out.printf(Locale.ROOT, "%nmarginal cost per resource: %.2f ms ((%d - %d SSM parameters) / %d)%n",
        perResourceMs, sizes[1], sizes[0], sizes[1] - sizes[0]);

    System.out.println();
    System.out.println("| budget | measured | |");
    System.out.println("|---|---|---|");
    markdownBudget(full.seconds() <= FULL_SYNTH_MAX_FLOOR_RATIO * floor.seconds(), String.format(Locale.ROOT,
        "full synth ≤ %.1f × floor (moonshot 0.8 ×) | %.2f s = %.2f × a floor of %.2f s (%d stacks, %,d resources)",
        FULL_SYNTH_MAX_FLOOR_RATIO, full.seconds(), full.seconds() / floor.seconds(), floor.seconds(), full.stacks(), full.resources()));
    markdownBudget(full.largestKib() / 1024 <= LARGEST_PROCESS_MAX_MIB, String.format(Locale.ROOT,
        "largest process ≤ %d MiB during the full synth | %d MiB (JVM %d MiB, Node.js %d MiB)",
        LARGEST_PROCESS_MAX_MIB, full.largestKib() / 1024, full.javaKib() / 1024, full.nodeKib() / 1024));
    markdownBudget(fresh.seconds() <= FRESH_MAX_WARM_RATIO * full.seconds(), String.format(Locale.ROOT,
        "first full synth on a fresh machine ≤ %.0f × warm | %.2f s = %.2f ×", FRESH_MAX_WARM_RATIO, fresh.seconds(), fresh.seconds() / full.seconds()));
    if (test != null) {
      markdownBudget(test[1] <= TEST_PHASE_MAX_EAGER_RATIO * eagerTest[1], String.format(Locale.ROOT,
          "test phase ≤ the same suite's with the provider's own bundle and jsii's relay | %.1f s against %.1f s (%.2f ×) for %d tests",
          test[1], eagerTest[1], test[1] / eagerTest[1], (int) test[2]));
    }
    Row ours = rows.get(fargateWeb);
    Row cdk = peer.available() ? rows.get(peerOff) : null;
    System.out.println("| " + (cdk != null ? CdkPeer.budgetRow(PEER_MAX_RATIO, ours, cdk) : CdkPeer.skippedBudgetRow(PEER_MAX_RATIO, peer.skipped())) + " |");
    System.out.printf("%nload average before %s, after %s (1, 5, 15 min): above the core count, the figures are the machine's, not the code's%n%n",
        loadBefore, loadAverage());
    boolean ok = true;
    double limit = FULL_SYNTH_MAX_FLOOR_RATIO * floor.seconds();
    ok &= budget(full.seconds() <= limit, String.format(Locale.ROOT, "full synth %.2f s <= %.1f x floor (%.2f s): ratio %.2f",
        full.seconds(), FULL_SYNTH_MAX_FLOOR_RATIO, limit, full.seconds() / floor.seconds()));
    ok &= budget(full.largestKib() / 1024 <= LARGEST_PROCESS_MAX_MIB, String.format(Locale.ROOT,
        "largest process during the full synth %d MiB <= %d MiB (JVM + Node.js together: %d MiB)",
        full.largestKib() / 1024, LARGEST_PROCESS_MAX_MIB, (full.javaKib() + full.nodeKib()) / 1024));
    ok &= budget(fresh.seconds() <= FRESH_MAX_WARM_RATIO * full.seconds(), String.format(Locale.ROOT,
        "first full synth on a fresh machine %.2f s <= %.1f x warm (%.2f s): ratio %.2f",
        fresh.seconds(), FRESH_MAX_WARM_RATIO, full.seconds(), fresh.seconds() / full.seconds()));
    if (test != null) {
      ok &= budget(test[1] <= TEST_PHASE_MAX_EAGER_RATIO * eagerTest[1], String.format(Locale.ROOT,
          "test phase %.1f s <= %.1f x the same suite with the provider's own bundle and jsii's relay (%.1f s)", test[1], TEST_PHASE_MAX_EAGER_RATIO, eagerTest[1]));
    } else {
      System.out.println("SKIP test phase <= the same suite with the provider's own bundle and jsii's relay (BENCH_SKIP_TESTS / --skip-tests)");
    }
    if (cdk != null) {
      ok &= budget(CdkPeer.met(PEER_MAX_RATIO, ours, cdk), String.format(Locale.ROOT,
          "fargate-web prod alone %.2f s <= %.1f x AWS CDK Java with validation off (%.2f s): ratio %.2f",
          ours.seconds(), PEER_MAX_RATIO, cdk.seconds(), ours.seconds() / cdk.seconds()));
    } else {
      System.out.printf(Locale.ROOT, "SKIP fargate-web prod alone <= %.1f x AWS CDK Java: peer %s%n", PEER_MAX_RATIO, peer.skipped());
    }
    return ok ? 0 : 1;
  }

  private static void markdownBudget(boolean pass, String text) {
    System.out.println("| " + text + " | " + (pass ? "met" : "**not met**") + " |");
  }

  /** The first three fields of /proc/loadavg, or "?" elsewhere. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** {@code node -v} of the Node.js the measured JVMs start (JSII_NODE or PATH). */
  static String nodeVersion() {
    try {
      Process p = new ProcessBuilder(System.getenv().getOrDefault("JSII_NODE", "node"), "-v").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? v : "?";
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static boolean budget(boolean pass, String text) {
    System.out.println((pass ? "PASS " : "FAIL ") + text);
    return pass;
  }

  /** System property of the main module's JsiiStart: {@code inline} starts jsii after the settings are read. */
  static final String JSII_START = "blueprints.jsiiStart";
  /** {@code dev.blueprints.app.ClassPreload}'s switch. */
  static final String PRELOAD = "blueprints.preload";

  /** The peer's rows: validation off (the budget's), then on (AWS CDK's default). */
  static final List<String> PEER_ROWS = peerRows("AWS CDK Java " + CdkPeer.AWS_CDK_LIB_VERSION.replaceAll("\\.0$", "") + ", fargate-web shape (prod)");

  private static List<String> peerRows(String peer) {
    return List.of(peer + ", validation off (" + CdkPeer.VALIDATION_VARIABLE + "=false)", peer + ", validation on (default)");
  }

  /** The peer run on its own class path; {@code validation} false sets {@code CDK_VALIDATION=false}. */
  static Measure peerMeasure(String name, CdkPeer.Build peer, boolean validation) {
    return new Measure(name, CdkPeer.MAIN_CLASS, List.of(), List.of(), false, peer.classPath(),
        validation ? Map.of() : Map.of(CdkPeer.VALIDATION_VARIABLE, "false"));
  }

  /** Switches the provider's lazy bundle off in a measured JVM. */
  static final String EAGER = "-D" + ProviderBundle.PROPERTY + "=false";
  /** Starts a measured JVM's kernel behind jsii's own relay (the environment reaches the relay; a property would not). */
  static final Map<String, String> JSII_RELAY = Map.of(JsiiDirect.ENVIRONMENT, "false");

  /**
   * One program to time: a main class and its arguments; {@code freshCache} runs it with an empty jsii package cache
   * of its own ({@code JSII_RUNTIME_PACKAGE_CACHE_ROOT}), as on a new machine. {@code classPath} null is this module's;
   * {@code env} is added to the child's environment. Every main class but {@code Main} (which reads
   * {@code CDKTF_OUTDIR}) gets the output folder as its last argument.
   */
  record Measure(String name, String mainClass, List<String> args, List<String> jvmArgs, boolean freshCache,
      String classPath, Map<String, String> env) {
    Measure(String name, String mainClass, List<String> args) {
      this(name, mainClass, args, List.of(), false);
    }

    Measure(String name, String mainClass, List<String> args, List<String> jvmArgs) {
      this(name, mainClass, args, jvmArgs, false);
    }

    Measure(String name, String mainClass, List<String> args, List<String> jvmArgs, boolean freshCache) {
      this(name, mainClass, args, jvmArgs, freshCache, null, Map.of());
    }
  }

  /**
   * Runs every measure once per round, {@code n} rounds, each run in a fresh JVM. Interleaving matters on a
   * shared machine whose speed drifts over minutes: the floor and the full synth see the same drift, so
   * their ratio stays fair. Returns, per measure, the median time, the highest peak memory and what the
   * last run wrote.
   */
  List<Row> measure(List<Measure> measures, int n) throws Exception {
    List<List<Sample>> samples = new ArrayList<>();
    int[][] counts = new int[measures.size()][2];
    for (int m = 0; m < measures.size(); m++) samples.add(new ArrayList<>());
    for (int round = 0; round < n; round++) {
      for (int m = 0; m < measures.size(); m++) {
        Measure measure = measures.get(m);
        Path outdir = Files.createTempDirectory("blueprints-bench");
        Path cache = measure.freshCache() ? Files.createTempDirectory("blueprints-bench-jsii-cache") : null;
        try {
          List<String> command = new ArrayList<>();
          command.add(java.toString());
          command.addAll(jvmFlags);
          command.addAll(measure.jvmArgs());
          command.addAll(List.of("-cp", measure.classPath() != null ? measure.classPath() : classPath, measure.mainClass()));
          command.addAll(measure.args());
          if (!measure.mainClass().equals(Main.class.getName())) command.add(outdir.toString());
          Map<String, String> env = new java.util.HashMap<>(Map.of("CDKTF_OUTDIR", outdir.toString()));
          env.putAll(measure.env());
          if (cache != null) env.put("JSII_RUNTIME_PACKAGE_CACHE_ROOT", cache.toString());
          samples.get(m).add(timed(command, env, root));
          counts[m] = count(outdir);
        } finally {
          Main.delete(outdir);
          if (cache != null) Main.delete(cache);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < measures.size(); m++) {
      List<Sample> runs = samples.get(m);
      List<Double> times = new ArrayList<>(runs.stream().map(Sample::seconds).toList());
      Collections.sort(times);
      double median = times.size() % 2 == 1 ? times.get(times.size() / 2)
          : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
      long javaKib = runs.stream().mapToLong(Sample::javaKib).max().orElse(0);
      long nodeKib = runs.stream().mapToLong(Sample::nodeKib).max().orElse(0);
      long largestKib = runs.stream().mapToLong(Sample::largestKib).max().orElse(0);
      System.out.printf(Locale.ROOT, "  %-55s %s s%n", measures.get(m).name(),
          String.join(" ", runs.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.seconds())).toList()));
      rows.add(new Row(measures.get(m).name(), median, javaKib, nodeKib, largestKib, counts[m][0], counts[m][1]));
    }
    return rows;
  }

  /** Runs a child to completion, sampling VmHWM of it and its descendants every 50 ms. */
  static Sample timed(List<String> command, Map<String, String> env, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.environment().putIfAbsent("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    pb.environment().putIfAbsent("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
    Path log = Files.createTempFile("blueprints-bench", ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process process = pb.start();
    Map<Long, long[]> peaks = new ConcurrentHashMap<>();   // pid -> {isNode, VmHWM KiB}
    Thread sampler = new Thread(() -> {
      while (process.isAlive()) {
        sample(process.toHandle(), peaks);
        process.toHandle().descendants().forEach(h -> sample(h, peaks));
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    int status = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    if (status != 0) {
      System.err.println(Files.readString(log));
      throw new IllegalStateException("exit status " + status + ": " + String.join(" ", command.subList(0, Math.min(3, command.size()))) + " ...");
    }
    Files.deleteIfExists(log);
    long java = 0;
    long node = 0;
    long largest = 0;
    for (long[] p : peaks.values()) {
      if (p[0] == 1) node += p[1];
      else java = Math.max(java, p[1]);
      largest = Math.max(largest, p[1]);
    }
    return new Sample(seconds, java, node, largest);
  }

  private static void sample(ProcessHandle handle, Map<Long, long[]> peaks) {
    Path status = Path.of("/proc", Long.toString(handle.pid()), "status");
    try {
      String name = "";
      long hwm = 0;
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("Name:")) name = line.substring(5).trim();
        else if (line.startsWith("VmHWM:")) hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
      boolean node = name.startsWith("node");
      if (!node && !name.startsWith("java")) return;
      peaks.merge(handle.pid(), new long[] {node ? 1 : 0, hwm}, (a, b) -> new long[] {a[0], Math.max(a[1], b[1])});
    } catch (IOException | UncheckedIOException e) {
      // the process ended between listing and reading
    }
  }

  /** Stacks and resources in an outdir: CDKTF's (Terraform JSON) or AWS CDK's cloud assembly (CloudFormation). */
  static int[] count(Path outdir) throws IOException {
    Path manifest = outdir.resolve("manifest.json");
    if (!Files.exists(manifest)) return new int[] {0, 0};
    JsonNode tree = JSON.readTree(manifest.toFile());
    if (tree.has("artifacts")) return countCloudFormation(outdir, tree);
    int stacks = 0;
    int resources = 0;
    for (var it = tree.path("stacks").fields(); it.hasNext(); ) {
      var e = it.next();
      stacks++;
      JsonNode json = JSON.readTree(outdir.resolve(e.getValue().path("synthesizedStackPath").asText()).toFile());
      for (JsonNode byType : json.path("resource")) resources += byType.size();
    }
    return new int[] {stacks, resources};
  }

  /** The stacks of a cloud assembly and the resources of their templates ({@code AWS::CDK::Metadata} is not one). */
  static int[] countCloudFormation(Path outdir, JsonNode manifest) throws IOException {
    int stacks = 0;
    int resources = 0;
    for (JsonNode artifact : manifest.path("artifacts")) {
      if (!artifact.path("type").asText().equals("aws:cloudformation:stack")) continue;
      stacks++;
      JsonNode template = JSON.readTree(outdir.resolve(artifact.path("properties").path("templateFile").asText()).toFile());
      for (JsonNode resource : template.path("Resources")) {
        if (!resource.path("Type").asText().equals("AWS::CDK::Metadata")) resources++;
      }
    }
    return new int[] {stacks, resources};
  }

  /** A module's closing line of surefire: {@code Tests run: N, Failures: 0, Errors: 0, Skipped: 0}. */
  private static final Pattern TESTS_RUN =
      Pattern.compile(".*Tests run: (\\d+), Failures: \\d+, Errors: \\d+, Skipped: \\d+\\s*$");

  /**
   * The README's test command: whole wall time, the surefire phase (from the first module's tests to the last
   * module's results, so the compiles between modules count) and the number of tests; {@code lazy = false} runs it
   * as before this project's start-up work: the provider's own bundle and jsii's relay ({@code BLUEPRINTS_LAZY_PROVIDER=false}
   * and {@code BLUEPRINTS_JSII_DIRECT=false} in every test JVM).
   */
  double[] testCommand(boolean lazy) throws Exception {
    String which = lazy ? "" : " with " + ProviderBundle.ENVIRONMENT + "=false " + JsiiDirect.ENVIRONMENT + "=false";
    System.out.println("  mvn -B test" + which + " (once; BENCH_SKIP_TESTS=1 skips it) ...");
    ProcessBuilder pb = new ProcessBuilder("mvn", "-B", "test").directory(root.toFile()).redirectErrorStream(true);
    pb.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    for (String variable : List.of(ProviderBundle.ENVIRONMENT, JsiiDirect.ENVIRONMENT)) {
      if (lazy) {
        pb.environment().remove(variable);
      } else {
        pb.environment().put(variable, "false");
      }
    }
    long start = System.nanoTime();
    Process process = pb.start();
    long phaseStart = -1;
    long phaseEnd = -1;
    int tests = 0;
    Path log = root.resolve("tests/target/benchmark-mvn-test" + (lazy ? "" : "-eager") + ".log");
    Files.createDirectories(log.getParent());
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         var out = Files.newBufferedWriter(log)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.newLine();
        long now = System.nanoTime();
        if (line.contains("T E S T S") && phaseStart < 0) phaseStart = now;
        if (line.contains("Results:") || line.contains("Tests run:") && !line.contains(" -- in ")) phaseEnd = now;
        var total = TESTS_RUN.matcher(line);
        if (total.matches()) tests += Integer.parseInt(total.group(1));
      }
    }
    int status = process.waitFor();
    double total = (System.nanoTime() - start) / 1e9;
    if (status != 0) throw new IllegalStateException("mvn -B test" + which + " failed (exit " + status + "); see " + log);
    double phase = phaseStart < 0 || phaseEnd < phaseStart ? total : (phaseEnd - phaseStart) / 1e9;
    System.out.printf(Locale.ROOT, "  mvn -B test%s: %.2f s, test phase %.2f s (%d tests)%n", which, total, phase, tests);
    return new double[] {total, phase, tests};
  }
}
