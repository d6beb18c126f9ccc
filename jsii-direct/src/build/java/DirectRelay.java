import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes jsii's relay with the kernel on the JVM's pipes, run by the build of this module (single-file program:
 * {@code java DirectRelay.java ...}; see the pom).
 *
 * <p>Input: the jsii-runtime jar Maven resolved. Its relay ({@code bin/jsii-runtime.js}) and kernel
 * ({@code lib/program.js}) are checked against the SHA-256 they were reviewed at; a different jar stops the build
 * with a message saying what to do. Output, at the relay's resource path under the output directory: the relay
 * with {@code src/build/js/relay-prelude.js} before it and two edits, each of an expression that must occur exactly
 * once:
 *
 * <ol>
 *   <li>the kernel's start: its arguments and its fd 3 come from the prelude (the JVM's pipes, or jsii's socket);
 *   <li>the copying between the JVM and that socket happens only when the kernel is on the socket.
 * </ol>
 *
 * The relay's source-map comment is dropped (the map would no longer match). The kernel itself is not shipped:
 * the prelude edits the one the jsii runtime extracts, at run time, and only when its hash is the reviewed one.
 *
 * <pre>
 * java DirectRelay.java JSII_RUNTIME_JAR RELAY_SHA256 KERNEL_SHA256 PRELUDE OUTPUT_DIR
 * </pre>
 */
public final class DirectRelay {
  static final String RELAY = "software/amazon/jsii/bin/jsii-runtime.js";
  static final String KERNEL = "software/amazon/jsii/lib/program.js";
  /** The kernel's channel, as jsii 1.140 writes it: one socket, fd 3, for requests and responses. */
  static final String CHANNEL = "readFD:3,writeFD:3";
  static final String SPAWN = "n=(0,e.spawn)(process.execPath,[...process.execArgv,\"--preserve-symlinks\","
      + "(0,s.resolve)(__dirname,\"..\",\"lib\",\"program.js\")],{stdio:[\"ignore\",\"pipe\",\"pipe\",\"pipe\"]})";
  static final String DIRECT_SPAWN = "n=(0,e.spawn)(process.execPath,[...process.execArgv,\"--preserve-symlinks\","
      + "...__blueprintsDirect.kernel((0,s.resolve)(__dirname,\"..\",\"lib\",\"program.js\"))],"
      + "{stdio:[\"ignore\",\"pipe\",\"pipe\",...__blueprintsDirect.channel]})";
  static final String COPY = "const o=n.stdio[3];process.stdin.pipe(o),o.pipe(process.stdout)";
  static final String DIRECT_COPY = "if(!__blueprintsDirect.on){" + COPY + "}";
  static final String SOURCE_MAP = "\n//# sourceMappingURL=jsii-runtime.js.map";

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: DirectRelay JSII_RUNTIME_JAR RELAY_SHA256 KERNEL_SHA256 PRELUDE OUTPUT_DIR");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]), args[1].trim().toLowerCase(), args[2].trim().toLowerCase(), Path.of(args[3]), Path.of(args[4]));
    } catch (RelayException e) {
      System.err.println("[ERROR] jsii direct relay: " + e.getMessage());
      System.exit(1);
    }
  }

  static final class RelayException extends Exception {
    RelayException(String message) {
      super(message);
    }
  }

  static void run(Path jar, String relaySha, String kernelSha, Path prelude, Path outputDir) throws Exception {
    String relay;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      relay = reviewed(zip, RELAY, relaySha, jar);
      String kernel = reviewed(zip, KERNEL, kernelSha, jar);
      if (occurrences(kernel, CHANNEL) != 1) throw new RelayException(KERNEL + " does not open its channel as `" + CHANNEL + "` once");
    }
    String edited = replaceOnce(replaceOnce(relay, SPAWN, DIRECT_SPAWN), COPY, DIRECT_COPY);
    if (edited.endsWith(SOURCE_MAP)) edited = edited.substring(0, edited.length() - SOURCE_MAP.length());
    String template = Files.readString(prelude);
    if (!template.contains("@KERNEL_SHA256@")) throw new RelayException(prelude + " has no @KERNEL_SHA256@ to fill");
    String head = template.replace("@KERNEL_SHA256@", kernelSha);
    byte[] out = (head + edited + "\n").getBytes(StandardCharsets.UTF_8);

    Path target = outputDir.resolve(RELAY);
    if (Files.exists(target) && java.util.Arrays.equals(Files.readAllBytes(target), out)) return;
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.write(partial, out);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("[INFO] jsii direct relay: " + target + " (kernel SHA-256 " + kernelSha + ")");
  }

  /** The entry's text, if its SHA-256 is the reviewed one. */
  static String reviewed(ZipFile zip, String name, String expectedSha, Path jar) throws IOException, RelayException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) throw new RelayException(jar + " has no " + name + ": is it a jsii-runtime jar?");
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = in.readAllBytes();
    }
    String actual = sha256(bytes);
    if (!actual.equals(expectedSha)) {
      throw new RelayException(name + " in " + jar + " has SHA-256 " + actual + ", not the reviewed " + expectedSha
          + ". After a jsii-runtime upgrade, check that the relay still starts lib/program.js with `" + SPAWN + "` and copies"
          + " with `" + COPY + "`, and that the kernel still opens its channel with `" + CHANNEL + "` (SyncStdio), then set"
          + " jsii-direct.relay.sha256 and jsii-direct.kernel.sha256 in jsii-direct/pom.xml to the new values; or build with"
          + " -Djsii-direct.skip=true to ship no relay (jsii then uses its own).");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String replaceOnce(String text, String from, String to) throws RelayException {
    if (occurrences(text, from) != 1) throw new RelayException(RELAY + " does not contain `" + from + "` exactly once");
    return text.replace(from, to);
  }

  static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
