package dev.blueprints.app;

import dev.blueprints.app.EnvironmentFault.Kind;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The output folder is replaced whole or not at all. The synth writes into a staging folder beside it
 * ({@code .cdktf.out.staging-<pid>}); {@link #commit()} moves the old output aside and the staging folder into its
 * place (two renames on one file system), then deletes the old one. A run that fails, is interrupted or is killed
 * leaves the previous output as it was; leftovers of such runs are removed by the next run, which also puts back
 * an output a kill caught between the two renames.
 *
 * <p>When {@code CDKTF_OUTDIR} is set in the process environment (cdktf-cli sets it), CDKTF writes there whatever
 * the app is told, so the run works in place ({@link #beginInPlace}): the previous output is set aside first
 * ({@code .cdktf.out.previous-<pid>}), deleted on commit and put back on any failure; a killed run's partial output
 * is replaced by the set-aside one at the start of the next run.
 */
public final class StagedOutput {
  private static final String STAGING = ".staging-";
  private static final String PREVIOUS = ".previous-";
  private static final String REJECTED = ".rejected";

  private final Path output;
  private final Path staging;
  private final Path previous;   // in place only: where the previous output waits, or null when there was none

  private StagedOutput(Path output, Path staging, Path previous) {
    this.output = output;
    this.staging = staging;
    this.previous = previous;
  }

  private boolean inPlace() {
    return staging.equals(output);
  }

  /** Where this process sets the previous output aside. */
  static Path previousFor(Path output) {
    Path abs = output.toAbsolutePath().normalize();
    return abs.resolveSibling("." + abs.getFileName() + PREVIOUS + ProcessHandle.current().pid());
  }

  /** The folder a run of this process writes to before {@link #commit()}, beside {@code output}. */
  public static Path stagingFor(Path output) {
    Path abs = output.toAbsolutePath().normalize();
    return abs.resolveSibling("." + abs.getFileName() + STAGING + ProcessHandle.current().pid());
  }

  /** Where the report of a run the policy stopped is kept, beside the output: {@code cdktf.out.rejected}. */
  public static Path rejectedFor(Path output) {
    Path abs = output.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + REJECTED);
  }

  /**
   * Cleans up after earlier runs and creates an empty staging folder for {@code output}. An output path that is
   * a file, or a parent that cannot be created or written, is an {@link EnvironmentFault}.
   */
  public static StagedOutput begin(Path output) {
    Path abs = output.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new EnvironmentFault(Kind.OUTPUT, "the output path " + output + " is a file, not a directory; remove it,"
          + " or set CDKTF_OUTDIR to a directory path");
    }
    Path parent = abs.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw outputFault(output, "its folder " + parent + " cannot be created (" + describe(e) + ")", e);
    }
    recover(abs);
    Path staging = stagingFor(abs);
    try {
      Main.delete(staging);
      Files.createDirectory(staging);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw outputFault(output, "cannot create " + staging + " (" + describe(e) + ")", e);
    }
    return new StagedOutput(abs, staging, null);
  }

  /**
   * For a synth that writes into {@code output} itself (CDKTF honours {@code CDKTF_OUTDIR} over the app's
   * setting): the previous output is set aside until {@link #commit()}, and put back by {@link #abandon()}.
   */
  public static StagedOutput beginInPlace(Path output) {
    StagedOutput staged = begin(output);   // the same checks and clean-up
    Main.delete(staged.staging);
    Path abs = staged.output;
    Path previous = null;
    try {
      if (Files.exists(abs)) {
        previous = previousFor(abs);
        move(abs, previous);
      }
      Files.createDirectory(abs);
    } catch (IOException e) {
      throw outputFault(output, "cannot set the previous output aside (" + describe(e) + ")", e);
    }
    return new StagedOutput(abs, abs, previous);
  }

  public Path output() { return output; }

  public Path staging() { return staging; }

  /** Replaces the output with the staging folder, which must hold a complete synth. */
  public void commit() {
    if (inPlace()) {
      if (previous != null) Main.delete(previous);
      Main.delete(rejectedFor(output));
      return;
    }
    Path previous = previousFor(output);
    try {
      boolean hadOutput = Files.exists(output);
      if (hadOutput) move(output, previous);
      move(staging, output);
      if (hadOutput) Main.delete(previous);
      Main.delete(rejectedFor(output));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw outputFault(output, "cannot replace it with " + staging + " (" + describe(e) + ")", e);
    }
  }

  /** Keeps only the policy report of a rejected run, in {@link #rejectedFor}, and drops the staging folder. */
  public Path reject(String reportFile) {
    Path rejected = rejectedFor(output);
    try {
      Main.delete(rejected);
      Files.createDirectories(rejected);
      Path report = staging.resolve(reportFile);
      if (Files.exists(report)) Files.move(report, rejected.resolve(reportFile), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the findings were printed; the report file is a convenience
    } finally {
      abandon();
    }
    return rejected.resolve(reportFile);
  }

  /** Drops the staging folder; the output stays as it was. */
  public void abandon() {
    try {
      Main.delete(staging);
      if (inPlace() && previous != null) move(previous, output);
    } catch (IOException | RuntimeException e) {
      // the next run removes a leftover staging folder and puts a set-aside output back
    }
  }

  /**
   * Removes the staging and set-aside folders of runs whose process is gone; if the output is missing but a
   * set-aside one exists (a run killed between its two renames), that one is put back first.
   */
  static void recover(Path output) {
    String name = output.getFileName().toString();
    try (var siblings = Files.list(output.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String n = p.getFileName().toString();
        boolean staging = n.startsWith("." + name + STAGING);
        boolean previous = n.startsWith("." + name + PREVIOUS);
        if (!staging && !previous) continue;
        String pid = n.substring(n.lastIndexOf('-') + 1);
        if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)
            && Long.parseLong(pid) != ProcessHandle.current().pid()) {
          continue;   // another synth is running
        }
        if (previous) {
          // set aside by a run that died before committing: whatever is in the output now is partial
          Main.delete(output);
          move(p, output);
        } else {
          Main.delete(p);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw outputFault(output, "cannot tidy its folder " + output.getParent() + " (" + describe(e) + ")", e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof java.io.UncheckedIOException u) e = u.getCause();
    String what = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof NotDirectoryException ? "not a directory"
        : e instanceof FileAlreadyExistsException ? "a file is in the way"
        : e instanceof NoSuchFileException ? "no such file or directory"
        : e.getClass().getSimpleName();
    return what + ": " + e.getMessage();
  }

  static EnvironmentFault outputFault(Path output, String problem, Throwable e) {
    if (e instanceof java.io.UncheckedIOException u) e = u.getCause();
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("no space left")) return EnvironmentFault.diskFull(output);
    return new EnvironmentFault(Kind.OUTPUT, "the output folder " + output + " cannot be written: " + problem
        + "; make its folder writable by this user, or set CDKTF_OUTDIR to a directory that is");
  }
}
