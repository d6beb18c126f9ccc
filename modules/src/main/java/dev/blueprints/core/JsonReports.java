package dev.blueprints.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reports written next to the synthesized stacks (policy, cost): indented JSON, one file each. */
public final class JsonReports {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReports() {}

  /** Writes {@code report} to {@code outdir/fileName}, creating the folder; returns the file. */
  public static Path write(Path outdir, String fileName, JsonNode report) {
    try {
      Files.createDirectories(outdir);
      Path file = outdir.resolve(fileName);
      Files.writeString(file, JSON.writeValueAsString(report) + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outdir.resolve(fileName), e);
    }
  }
}
