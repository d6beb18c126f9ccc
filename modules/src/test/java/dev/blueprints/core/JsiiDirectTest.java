package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiRuntime;

/**
 * The jsii runtime starts the relay of {@code blueprints-jsii-direct}, which puts the kernel on the JVM's pipes,
 * and falls back to jsii's own channel when switched off or given a kernel it was not built for.
 *
 * <p>The relay runs here in Node.js on its own, as the jsii runtime starts it: in a folder holding
 * {@code bin/jsii-runtime.js} and {@code lib/program.js}, its standard input and output being the channel. A
 * kernel greets first ({@code {"hello":...}}), and a closed standard input ends it.
 */
class JsiiDirectTest {
  private static final String JSII_HELLO = "{\"hello\":\"@jsii/runtime@";

  @Test
  void theDirectRelayComesFirstOnTheClassPath() throws IOException {
    String inUse = JsiiDirect.relayOnClassPath().toString();
    assertTrue(inUse.contains("jsii-direct"), "the jsii runtime would start its own relay: blueprints-jsii-direct must come before jsii-runtime: " + inUse);
    assertTrue(read(JsiiDirect.relayOnClassPath().openStream()).startsWith("// blueprints-jsii-direct:"), inUse);
  }

  @Test
  void theKernelOfThisJvmReadsAndWritesItsPipes(@TempDir Path out) throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
    assumeTrue(JsiiDirect.enabled(), "switched off (" + JsiiDirect.ENVIRONMENT + "=false)");
    new App(AppConfig.builder().outdir(out.toString()).build());   // the jsii runtime is up (a no-op when other tests started it)

    // The jsii runtime extracts its relay into a folder named jsii-java-runtime<random>.
    ProcessHandle relay = ProcessHandle.current().children()
        .filter(p -> commandLine(p).contains("jsii-java-runtime") && commandLine(p).contains("bin/jsii-runtime.js")).findFirst()
        .orElseThrow(() -> new AssertionError("no relay among this JVM's children"));
    ProcessHandle kernel = relay.children().filter(p -> commandLine(p).contains("program.js")).findFirst()
        .orElseThrow(() -> new AssertionError("no kernel under the relay " + commandLine(relay)));
    Set<String> jvmPipes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(fd -> link(fd).filter(t -> t.startsWith("pipe:")).ifPresent(jvmPipes::add));
    }
    for (int fd : new int[] {3, 4}) {
      String target = link(Path.of("/proc", "" + kernel.pid(), "fd", "" + fd)).orElse("none");
      assertTrue(jvmPipes.contains(target), "the kernel's fd " + fd + " is " + target + ", not one of this JVM's pipes " + jvmPipes);
    }
  }

  @Test
  void theKernelItWasBuiltForGoesOnThePipes(@TempDir Path dir) throws Exception {
    Relay relay = Relay.start(dir, jsiiKernel(), Map.of());
    assertTrue(String.valueOf(relay.firstLine()).startsWith(JSII_HELLO), "the kernel greets");
    assertTrue(relay.finish().contains("[blueprints-jsii-direct] kernel on the JVM's pipes"), relay.stderr);
  }

  @Test
  void theSwitchStartsTheKernelAsJsiiDoes(@TempDir Path dir) throws Exception {
    Relay relay = Relay.start(dir, jsiiKernel(), Map.of(JsiiDirect.ENVIRONMENT, "false"));
    assertTrue(String.valueOf(relay.firstLine()).startsWith(JSII_HELLO), "the kernel greets");
    assertTrue(relay.finish().contains("[blueprints-jsii-direct] kernel through the relay: BLUEPRINTS_JSII_DIRECT=false"), relay.stderr);
  }

  @Test
  void anotherKernelStaysOnJsiisChannel(@TempDir Path dir) throws Exception {
    // A kernel that greets on fd 3 the way jsii's does: it reaches the JVM only through jsii's socket.
    byte[] other = "require('fs').writeSync(3, '{\"hello\":\"other\"}\\n');\n".getBytes(StandardCharsets.UTF_8);
    Relay relay = Relay.start(dir, other, Map.of());
    assertEquals("{\"hello\":\"other\"}", relay.firstLine());
    assertTrue(relay.finish().contains("kernel through the relay: ") && relay.stderr.contains("is not the kernel this relay was built for"), relay.stderr);
  }

  /** The kernel of the jsii runtime on the class path. */
  private static byte[] jsiiKernel() throws IOException {
    try (InputStream in = JsiiRuntime.class.getResourceAsStream("lib/program.js")) {
      return in.readAllBytes();
    }
  }

  /** The relay of the class path started in {@code dir} with {@code kernel} as lib/program.js, JSII_DEBUG on. */
  private static final class Relay {
    private final Process process;
    private final BufferedReader stdout;
    private String stderr = "";

    private Relay(Process process) {
      this.process = process;
      this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Relay start(Path dir, byte[] kernel, Map<String, String> env) throws IOException {
      Files.createDirectories(dir.resolve("bin"));
      Files.createDirectories(dir.resolve("lib"));
      try (InputStream in = JsiiDirect.relayOnClassPath().openStream()) {
        Files.copy(in, dir.resolve("bin/jsii-runtime.js"));
      }
      Files.write(dir.resolve("lib/program.js"), kernel);
      ProcessBuilder pb = new ProcessBuilder(List.of("node", dir.resolve("bin/jsii-runtime.js").toString()));
      pb.environment().remove(JsiiDirect.ENVIRONMENT);
      pb.environment().putAll(env);
      pb.environment().put("JSII_DEBUG", "1");
      pb.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
      return new Relay(pb.start());
    }

    String firstLine() throws IOException {
      return stdout.readLine();
    }

    /** Closes the channel, waits for the relay and returns what it wrote to standard error. */
    String finish() throws Exception {
      process.getOutputStream().close();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the relay ends when its input is closed");
      stderr = read(process.getErrorStream());
      return stderr;
    }
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse(String.join(" ", process.info().arguments().orElse(new String[0])));
  }

  private static java.util.Optional<String> link(Path fd) {
    try {
      return java.util.Optional.of(Files.readSymbolicLink(fd).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return java.util.Optional.empty();
    }
  }
}
