package dev.blueprints.tools.release;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiParameter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java API of two builds of a jar compared with japicmp: every change that breaks a consumer's compiled
 * code (binary) or its sources (source) on public and protected members, one line each. Classes the jars refer
 * to but do not hold (cdktf, the provider bindings) are looked up on the class path given, or ignored.
 */
public final class ApiCompatibility {
  private ApiCompatibility() {}

  /** The breaking changes from {@code oldJar} to {@code newJar}, e.g. {@code "dev.blueprints.data.Bucket: grantRead(dev.blueprints.auth.Role) METHOD_REMOVED"}. */
  public static List<String> breakingChanges(Path oldJar, Path newJar, List<Path> classPath) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PROTECTED);
    options.setClassPathMode(JarArchiveComparatorOptions.ClassPathMode.ONE_COMMON_CLASSPATH);
    classPath.forEach(entry -> options.getClassPathEntries().add(entry.toString()));
    options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    JarArchiveComparator comparator = new JarArchiveComparator(options);
    List<JApiClass> classes = comparator.compare(new JApiCmpArchive(oldJar.toFile(), "old"), new JApiCmpArchive(newJar.toFile(), "new"));
    List<String> out = new ArrayList<>();
    for (JApiClass type : classes) {
      report(out, type.getFullyQualifiedName(), "", type);
      type.getConstructors().forEach(c -> report(out, type.getFullyQualifiedName(), "<init>" + parameters(c) + " ", c));
      type.getMethods().forEach(m -> report(out, type.getFullyQualifiedName(), m.getName() + parameters(m) + " ", m));
      type.getFields().forEach(f -> report(out, type.getFullyQualifiedName(), f.getName() + " ", f));
    }
    return out;
  }

  private static String parameters(JApiBehavior behavior) {
    return behavior.getParameters().stream().map(JApiParameter::getType).collect(Collectors.joining(", ", "(", ")"));
  }

  private static void report(List<String> out, String type, String member, JApiCompatibility element) {
    for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
      if (change.isBinaryCompatible() && change.isSourceCompatible()) continue;
      out.add(type + ": " + member + change.getType());
    }
  }

  /** {@code java ... ApiCompatibility <old.jar> <new.jar> [class path entries separated by the path separator]}. */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: ApiCompatibility <old.jar> <new.jar> [class path]");
      System.exit(2);
    }
    List<Path> classPath = new ArrayList<>();
    if (args.length > 2) for (String entry : args[2].split(File.pathSeparator)) if (!entry.isBlank()) classPath.add(Path.of(entry));
    List<String> breaking = breakingChanges(Path.of(args[0]), Path.of(args[1]), classPath);
    breaking.forEach(line -> System.out.println("api: " + line));
    System.out.println("api: " + breaking.size() + " breaking change(s)");
    System.exit(breaking.isEmpty() ? 0 : 1);
  }
}
