package dev.blueprints.app;

import java.util.Locale;

/**
 * A fault of the machine rather than of the settings: Node.js missing, too old or ending mid-synth, an output path
 * that cannot be written, a missing or corrupt provider jar, an unwritable jsii package cache, a full disk, an
 * unreadable settings directory. {@link Main} prints {@link #getMessage()} as one line (the cause and the fix) and
 * exits with {@link Kind#status()}, one status per kind, so scripts can tell them apart.
 */
public final class EnvironmentFault extends RuntimeException {
  /** What failed; each kind has its own exit status (2 and 3 are bad settings and policy violations). */
  public enum Kind {
    NODE(4), OUTPUT(5), DISK_FULL(6), PROVIDER_JAR(7), JSII_CACHE(8), SETTINGS_DIR(9);

    private final int status;

    Kind(int status) { this.status = status; }

    public int status() { return status; }
  }

  private final Kind kind;

  public EnvironmentFault(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() { return kind; }

  public int status() { return kind.status(); }

  /** What the jsii runtime says when Node.js ends in the middle of a synth (killed, out of memory, crashed). */
  static final String NODE_EXITED = "Child process exited unexpectedly";

  /** Whether {@code thrown}, or one of its causes, is the jsii runtime reporting that Node.js ended mid-synth. */
  static boolean nodeExited(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(NODE_EXITED)) return true;
    }
    return false;
  }

  /** The fault for a disk that filled up while writing {@code where}. */
  public static EnvironmentFault diskFull(Object where) {
    return new EnvironmentFault(Kind.DISK_FULL, "the disk is full: no space left on device while writing " + where
        + "; free some space (the provider's jsii package cache alone needs about 420 MB) and run the synth again;"
        + " the previous output was left as it was");
  }

  /**
   * Recognizes a fault of the machine in an exception thrown by the synth (a Java I/O error, or one the jsii
   * runtime relays from Node.js, such as {@code ENOSPC} or {@code ENOTDIR}); null when it is none of them.
   */
  public static EnvironmentFault recognize(Throwable thrown, Preflight.Paths paths) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EnvironmentFault fault) return fault;
      String text = String.valueOf(t.getMessage());
      String lower = text.toLowerCase(Locale.ROOT);
      if (text.contains("ENOSPC") || lower.contains("no space left on device")) return diskFull(paths.staging());
      if (text.contains("Cannot run program")) return Preflight.nodeMissing(paths.node(), firstLine(text));
      if (text.contains(NODE_EXITED)) {
        return new EnvironmentFault(Kind.NODE, "Node.js (jsii's kernel) ended in the middle of the synth: it was killed,"
            + " ran out of memory or crashed (its own message, if it left one, is above); run the synth again; the"
            + " previous output was left as it was");
      }
      if (t instanceof java.util.zip.ZipException || t instanceof NoClassDefFoundError
          || lower.contains("provider-aws@") && lower.contains("tgz")) {
        return Preflight.providerJarFault(firstLine(text));
      }
      boolean ioCode = text.contains("EACCES") || text.contains("EROFS") || text.contains("ENOTDIR")
          || text.contains("EEXIST") || text.contains("EPERM") || t instanceof java.nio.file.AccessDeniedException
          || t instanceof java.nio.file.FileSystemException;
      if (ioCode && paths.jsiiCache() != null && text.contains(paths.jsiiCache().toString())) {
        return Preflight.jsiiCacheFault(paths.jsiiCache(), firstLine(text));
      }
      if (ioCode) {
        return new EnvironmentFault(Kind.OUTPUT, "cannot write the output: " + firstLine(text) + "; make "
            + paths.output().toAbsolutePath().getParent() + " a writable directory, or set CDKTF_OUTDIR to one");
      }
    }
    return null;
  }

  static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.replaceFirst("^(java\\.io\\.IOException|software\\.amazon\\.jsii\\.JsiiError|Error): ", "");
  }
}
