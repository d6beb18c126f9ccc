package dev.blueprints.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The test run's own temporary directory, {@code tests/target/tmp}: the surefire configuration points
 * {@code TMPDIR} and {@code java.io.tmpdir} at it and names it in {@code blueprints.test.tmpdir}. cdktf's
 * {@code Testing.synth} writes every stack to a new directory under the temporary directory and never
 * removes it (about 250 per run), so the directory is created before the first test and emptied after the
 * last. Outside that configuration (an IDE run) this listener does nothing, so it never touches {@code /tmp}.
 */
public final class TestRunTempDirectory implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Path dir = configured();
    if (dir == null) return;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Path dir = configured();
    if (dir == null || !Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a file in use by the still-running Node.js process; mvn clean removes what is left
    }
  }

  /** The directory surefire configured, or null when the tests run without that configuration. */
  private static Path configured() {
    String configured = System.getProperty("blueprints.test.tmpdir");
    if (configured == null || !configured.equals(System.getProperty("java.io.tmpdir"))) return null;
    return Path.of(configured);
  }
}
