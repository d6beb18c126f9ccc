package dev.blueprints.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the repository's shell scripts in a child process with a controlled PATH. */
final class Scripts {
  /** The repository root, seen from the tests module's directory. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Scripts() {}

  /** What a script printed and how it ended. */
  record Result(int status, String stdout, String stderr) {}

  /** The current PATH without any directory holding an executable {@code terraform}. */
  static String pathWithoutTerraform() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty() && !Files.isExecutable(Path.of(dir, "terraform")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Writes an executable script. */
  static Path executable(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result run(Path workingDir, Map<String, String> env, String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(workingDir.toFile());
      pb.environment().putAll(env);
      Path out = Files.createTempFile("script", ".out");
      Path err = Files.createTempFile("script", ".err");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process process = pb.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
