import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes the AWS provider's jsii bundle with a lazy package index, run by the build of this module
 * (single-file program: {@code java LazyBundle.java ...}; see the pom).
 *
 * <p>Input: the provider jar Maven resolved and the bundle's resource path in it. The bundle (an npm
 * tarball) is checked against the SHA-256 it was reviewed at; a different bundle stops the build with a
 * message saying what to do. Output, at the same resource path under the output directory, the same
 * tarball with two changes:
 *
 * <ol>
 *   <li>{@code package/lib/index.js}: every {@code exports.x = require("./x");} becomes a getter that
 *       requires {@code ./x} when {@code x} is first read. The file must have exactly the shape tsc writes
 *       for {@code export * as x from './x'} (the header, {@code exports.a = exports.b = void 0;} lines, the
 *       require lines, the source map); any other line stops the build.
 *   <li>The jsii runtime index, written by jsii's own index builder ({@code runtime-index-worker.js} of the
 *       jsii-runtime jar Maven resolved, run once in Node.js over the package's {@code .jsii}), added to the
 *       package root, so the first synth on a machine reads it instead of parsing the 134 MB assembly. If
 *       that builder is missing or fails, the bundle is written without it (jsii then parses the assembly
 *       and writes its index in the background, as it does for the original bundle) and a warning says so.
 * </ol>
 *
 * Every other entry is copied byte for byte; the output is deterministic (fixed entry times, no gzip time
 * stamp), so jsii's package cache, keyed by the bundle's hash, is reused across builds. An output already
 * written from the same inputs is kept.
 *
 * <pre>
 * java LazyBundle.java PROVIDER_JAR RESOURCE_PATH EXPECTED_SHA256 JSII_RUNTIME_JAR OUTPUT_DIR WORK_DIR [NODE]
 * </pre>
 */
public final class LazyBundle {
  /** Bumped whenever the output for the same inputs changes. */
  static final String GENERATOR_VERSION = "1";
  static final String INDEX_JS = "package/lib/index.js";
  static final String WORKER = "software/amazon/jsii/lib/runtime-index-worker.js";
  static final Pattern REQUIRE = Pattern.compile("exports\\.([A-Za-z_$][A-Za-z0-9_$]*) = require\\(\"(\\./[A-Za-z0-9_.-]+)\"\\);");
  static final Pattern VOID = Pattern.compile("exports\\.[A-Za-z_$][A-Za-z0-9_$]*( = exports\\.[A-Za-z_$][A-Za-z0-9_$]*)* = void 0;");

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: LazyBundle PROVIDER_JAR RESOURCE_PATH EXPECTED_SHA256 JSII_RUNTIME_JAR OUTPUT_DIR WORK_DIR [NODE]");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]), args[1], args[2].trim().toLowerCase(), Path.of(args[3]), Path.of(args[4]), Path.of(args[5]),
          args.length > 6 ? args[6] : "node");
    } catch (BundleException e) {
      System.err.println("[ERROR] lazy provider bundle: " + e.getMessage());
      System.exit(1);
    }
  }

  static final class BundleException extends Exception {
    BundleException(String message) {
      super(message);
    }
  }

  static void run(Path providerJar, String resource, String expectedSha, Path jsiiRuntimeJar, Path outputDir, Path workDir,
      String node) throws Exception {
    Path output = outputDir.resolve(resource);
    Path stamp = workDir.resolve("lazy-bundle.properties");
    Files.createDirectories(workDir);
    try (ZipFile jar = new ZipFile(providerJar.toFile())) {
      ZipEntry entry = jar.getEntry(resource);
      if (entry == null) throw new BundleException(providerJar + " has no " + resource + ": is the provider version in the pom the jar's?");
      String actualSha;
      try (InputStream in = jar.getInputStream(entry)) {
        actualSha = sha256(in);
      }
      if (!actualSha.equals(expectedSha)) {
        throw new BundleException(resource + " in " + providerJar + " has SHA-256 " + actualSha + ", not the reviewed "
            + expectedSha + ". After a provider upgrade, check that its lib/index.js still has only lines of the shape"
            + " `exports.x = require(\"./x\");` besides its header, then set provider-aws-lazy.sha256 in"
            + " provider-aws-lazy/pom.xml to the new value; or build with -Dprovider-aws-lazy.skip=true to ship no lazy"
            + " bundle (every synth then loads the whole provider, as without this module).");
      }
      String workerSha = Files.exists(jsiiRuntimeJar) ? sha256(Files.newInputStream(jsiiRuntimeJar)) : "none";
      Properties wanted = new Properties();
      wanted.setProperty("generator", GENERATOR_VERSION);
      wanted.setProperty("input.sha256", actualSha);
      wanted.setProperty("jsii-runtime.sha256", workerSha);
      wanted.setProperty("resource", resource);
      if (Files.exists(output) && Files.exists(stamp)) {
        Properties had = new Properties();
        try (InputStream in = Files.newInputStream(stamp)) {
          had.load(in);
        }
        if (wanted.equals(withoutOutput(had)) && sha256(Files.newInputStream(output)).equals(had.getProperty("output.sha256"))) {
          return;
        }
      }
      long start = System.nanoTime();
      Path pkg = workDir.resolve("assembly");
      deleteTree(pkg);
      Files.createDirectories(pkg.resolve("package"));
      Files.createDirectories(output.getParent());
      Path partial = output.resolveSibling(output.getFileName() + ".partial");
      int[] rewritten = {0};
      List<String> indexFiles;
      try (InputStream raw = new BufferedInputStream(jar.getInputStream(entry), 1 << 16);
           TarReader tar = new TarReader(new GZIPInputStream(raw, 1 << 16));
           OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
           GZIPOutputStream gz = new DeterministicGzip(file);
           TarWriter out = new TarWriter(gz)) {
        long mtime = 0;
        for (TarReader.Entry e; (e = tar.next()) != null; ) {
          if (e.type() == 'x' || e.type() == 'g' || e.type() == 'L') {
            throw new BundleException("unexpected extended tar header (type " + e.type() + ") in " + resource);
          }
          mtime = e.mtime();
          if (e.name().equals(INDEX_JS) && e.type() == '0') {
            byte[] lazy = lazyIndex(new String(tar.readData(e), StandardCharsets.UTF_8), rewritten);
            out.write(e.header(), lazy);
          } else if (e.type() == '0' && (e.name().equals("package/.jsii") || e.name().equals("package/.jsii.gz"))) {
            Path copy = pkg.resolve(e.name());
            try (OutputStream assembly = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
              out.copy(e, tar, assembly);
            }
          } else {
            out.copy(e, tar, null);
          }
        }
        if (rewritten[0] == 0) throw new BundleException(resource + " has no " + INDEX_JS);
        indexFiles = runtimeIndex(pkg.resolve("package"), jsiiRuntimeJar, workDir, node);
        for (String name : indexFiles) {
          out.writeFile("package/" + name, Files.readAllBytes(pkg.resolve("package").resolve(name)), mtime);
        }
        out.finish();
      }
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
      deleteTree(pkg);
      wanted.setProperty("output.sha256", sha256(Files.newInputStream(output)));
      wanted.setProperty("lazy.exports", Integer.toString(rewritten[0]));
      wanted.setProperty("runtime.index", String.join(",", indexFiles));
      try (OutputStream s = Files.newOutputStream(stamp)) {
        wanted.store(s, "inputs and output of the lazy provider bundle");
      }
      System.out.printf("lazy provider bundle: %d lazy exports, runtime index %s, %s (%.1f s)%n", rewritten[0],
          indexFiles.isEmpty() ? "not included" : "included", output, (System.nanoTime() - start) / 1e9);
    }
  }

  private static Properties withoutOutput(Properties p) {
    Properties copy = new Properties();
    for (String key : p.stringPropertyNames()) {
      if (!key.equals("output.sha256") && !key.equals("lazy.exports") && !key.equals("runtime.index")) copy.setProperty(key, p.getProperty(key));
    }
    return copy;
  }

  /** The lazy index.js, or a BundleException naming the first line of an unexpected shape. */
  static byte[] lazyIndex(String source, int[] count) throws BundleException {
    StringBuilder out = new StringBuilder(source.length() + 64 * 2000);
    String[] lines = source.split("\n", -1);
    boolean inComment = false;
    int n = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m = REQUIRE.matcher(line);
      if (m.matches()) {
        // Same property as `exports.x = require(...)` would make (enumerable), read through a getter; require caches.
        out.append("Object.defineProperty(exports, \"").append(m.group(1)).append("\", { enumerable: true, configurable: true, get: function () { return require(\"")
            .append(m.group(2)).append("\"); } });");
        n++;
      } else {
        boolean ok = line.isEmpty() || line.equals("\"use strict\";")
            || line.equals("Object.defineProperty(exports, \"__esModule\", { value: true });")
            || VOID.matcher(line).matches() || line.startsWith("//");
        if (line.startsWith("/**")) inComment = true;
        if (inComment) ok = true;
        if (line.endsWith("*/")) inComment = false;
        if (!ok || line.contains("require(") && !line.startsWith("//")) {
          throw new BundleException(INDEX_JS + " line " + (i + 1) + " has an unexpected shape, so it is not rewritten: "
              + (line.length() > 120 ? line.substring(0, 120) + "..." : line));
        }
        out.append(line);
      }
      if (i < lines.length - 1) out.append('\n');
    }
    if (n == 0) throw new BundleException(INDEX_JS + " has no line `exports.x = require(\"./x\");`: not the expected shape");
    count[0] = n;
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Runs jsii's own index builder over {@code packageDir} (which holds only the assembly) and returns the
   * names of the files it wrote, or an empty list with a warning when it cannot.
   */
  static List<String> runtimeIndex(Path packageDir, Path jsiiRuntimeJar, Path workDir, String node) throws Exception {
    Path worker = workDir.resolve("runtime-index-worker.js");
    try (ZipFile jar = new ZipFile(jsiiRuntimeJar.toFile())) {
      ZipEntry entry = jar.getEntry(WORKER);
      if (entry == null) return warn(jsiiRuntimeJar + " has no " + WORKER);
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, worker, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      return warn("cannot read " + jsiiRuntimeJar + ": " + e);
    }
    List<String> before;
    try (Stream<Path> files = Files.list(packageDir)) {
      before = files.map(p -> p.getFileName().toString()).toList();
    }
    String script = "const { Worker } = require('worker_threads');"
        + "const w = new Worker(process.argv[1], { workerData: { packageDir: process.argv[2],"
        + " supportedFeatures: ['intersection-types', 'class-covariant-overrides'] } });"
        + "w.on('message', m => { if (m && m.error) { console.error(m.error); process.exitCode = 1; } });"
        + "w.on('error', e => { console.error(e); process.exitCode = 1; });";
    Process p;
    try {
      p = new ProcessBuilder(node, "-e", script, worker.toString(), packageDir.toString()).inheritIO().start();
    } catch (IOException e) {
      return warn("cannot run " + node + ": " + e.getMessage());
    }
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return warn("jsii's index builder did not finish within 300 s");
    }
    if (p.exitValue() != 0) return warn("jsii's index builder exited with status " + p.exitValue());
    List<String> written = new ArrayList<>();
    try (Stream<Path> files = Files.list(packageDir)) {
      files.map(f -> f.getFileName().toString()).filter(f -> !before.contains(f)).sorted().forEach(written::add);
    }
    if (written.isEmpty()) return warn("jsii's index builder wrote no file");
    for (String name : written) {
      if (name.endsWith(".tmp") || name.contains("/")) return warn("jsii's index builder left " + name);
    }
    return written;
  }

  private static List<String> warn(String why) {
    System.out.println("[WARNING] lazy provider bundle: written without the jsii runtime index (" + why + "); the first"
        + " synth on a machine then parses the provider's assembly and jsii writes the index in the background.");
    return List.of();
  }

  static String sha256(InputStream in) throws Exception {
    try (in) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(f);
    }
  }

  /** gzip with no time stamp and a fixed level, so equal input gives equal bytes. */
  static final class DeterministicGzip extends GZIPOutputStream {
    DeterministicGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.DEFAULT_COMPRESSION);
    }
  }

  /** A ustar reader: 512-byte headers, data padded to 512. */
  static final class TarReader implements AutoCloseable {
    record Entry(byte[] header, String name, char type, long size, long mtime) {}

    private final InputStream in;

    TarReader(InputStream in) {
      this.in = in;
    }

    Entry next() throws IOException {
      byte[] header = in.readNBytes(512);
      if (header.length < 512 || isZero(header)) return null;
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty()) name = prefix + "/" + name;
      return new Entry(header, name, (char) header[156], octal(header, 124, 12), octal(header, 136, 12));
    }

    byte[] readData(Entry e) throws IOException {
      byte[] data = in.readNBytes(Math.toIntExact(e.size()));
      skipPadding(e.size());
      return data;
    }

    void skipPadding(long size) throws IOException {
      long pad = (512 - size % 512) % 512;
      in.readNBytes((int) pad);
    }

    InputStream raw() {
      return in;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private static boolean isZero(byte[] b) {
      for (byte x : b) if (x != 0) return false;
      return true;
    }

    static String field(byte[] h, int off, int len) {
      int end = off;
      while (end < off + len && h[end] != 0) end++;
      return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    static long octal(byte[] h, int off, int len) {
      String s = field(h, off, len).trim();
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
  }

  /** A ustar writer: copies headers as read, or writes new ones for new data. */
  static final class TarWriter implements AutoCloseable {
    private final OutputStream out;

    TarWriter(OutputStream out) {
      this.out = out;
    }

    /** Copies an entry unchanged; also into {@code tee} if given. */
    void copy(TarReader.Entry e, TarReader tar, OutputStream tee) throws IOException {
      out.write(e.header());
      long padded = (e.size() + 511) / 512 * 512;
      byte[] buffer = new byte[1 << 16];
      long left = padded;
      long data = e.size();
      while (left > 0) {
        int n = tar.raw().read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) throw new IOException("truncated tar entry " + e.name());
        out.write(buffer, 0, n);
        if (tee != null && data > 0) tee.write(buffer, 0, (int) Math.min(n, data));
        data -= n;
        left -= n;
      }
    }

    /** Writes {@code data} under a copy of {@code header} with its size and checksum updated. */
    void write(byte[] header, byte[] data) throws IOException {
      byte[] h = header.clone();
      putOctal(h, 124, 12, data.length);
      checksum(h);
      out.write(h);
      out.write(data);
      out.write(new byte[(512 - data.length % 512) % 512]);
    }

    /** A new regular file, mode 0644, owner 0:0. */
    void writeFile(String name, byte[] data, long mtime) throws IOException {
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      if (nameBytes.length > 100) throw new IOException("name too long for ustar: " + name);
      byte[] h = new byte[512];
      System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
      putOctal(h, 100, 8, 0644);
      putOctal(h, 108, 8, 0);
      putOctal(h, 116, 8, 0);
      putOctal(h, 136, 12, mtime);
      h[156] = '0';
      byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(magic, 0, h, 257, magic.length);
      write(h, data);
    }

    void finish() throws IOException {
      out.write(new byte[1024]);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    private static void putOctal(byte[] h, int off, int len, long value) {
      String s = Long.toOctalString(value);
      if (s.length() > len - 1) throw new IllegalArgumentException("value too large for tar field: " + value);
      s = "0".repeat(len - 1 - s.length()) + s;
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, h, off, b.length);
      h[off + len - 1] = 0;
    }

    private static void checksum(byte[] h) {
      for (int i = 148; i < 156; i++) h[i] = ' ';
      long sum = 0;
      for (byte b : h) sum += b & 0xff;
      String s = Long.toOctalString(sum);
      s = "0".repeat(6 - s.length()) + s;
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, h, 148, 6);
      h[154] = 0;
      h[155] = ' ';
    }
  }
}
