package dev.blueprints.tools.release;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiParameter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javassist.CtClass;
import javassist.bytecode.AccessFlag;
import javassist.bytecode.ClassFile;
import javassist.bytecode.FieldInfo;

/**
 * The Java API of two builds of a jar compared with japicmp: every change that breaks a consumer's compiled
 * code (binary) or its sources (source) on public and protected members, one line each. Classes the jars refer
 * to but do not hold (cdktf, the provider bindings) are looked up on the class path given, or ignored.
 *
 * <p>One change is reported apart and does not block: the canonical constructor of a record that has a public
 * static {@code builder(...)} changing because a component was added. The props convention makes the builder the
 * stable API, so code that builds props through it compiles and runs as before.
 */
public final class ApiCompatibility {
  private ApiCompatibility() {}

  /**
   * @param breaking         changes that break compiled code or sources, one line each
   * @param builderUnaffected canonical constructors of records with a builder that changed: not blocking
   */
  public record Report(List<String> breaking, List<String> builderUnaffected) {}

  /** The breaking changes from {@code oldJar} to {@code newJar}, e.g. {@code "dev.blueprints.data.Bucket: grantRead(dev.blueprints.auth.Role) METHOD_REMOVED"}. */
  public static List<String> breakingChanges(Path oldJar, Path newJar, List<Path> classPath) {
    return compare(oldJar, newJar, classPath).breaking();
  }

  /** The comparison of {@code oldJar} with {@code newJar}: breaking changes and the non-blocking ones apart. */
  public static Report compare(Path oldJar, Path newJar, List<Path> classPath) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PROTECTED);
    options.setClassPathMode(JarArchiveComparatorOptions.ClassPathMode.ONE_COMMON_CLASSPATH);
    classPath.forEach(entry -> options.getClassPathEntries().add(entry.toString()));
    options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    JarArchiveComparator comparator = new JarArchiveComparator(options);
    List<JApiClass> classes = comparator.compare(new JApiCmpArchive(oldJar.toFile(), "old"), new JApiCmpArchive(newJar.toFile(), "new"));
    List<String> out = new ArrayList<>();
    List<String> builderUnaffected = new ArrayList<>();
    for (JApiClass type : classes) {
      report(out, type.getFullyQualifiedName(), "", type);
      for (JApiConstructor c : type.getConstructors()) {
        if (isBuiltRecordsCanonicalConstructor(type, c)) {
          builderUnaffected.add(type.getFullyQualifiedName() + ": <init>" + parameters(c) + " canonical constructor changed (builder users unaffected)");
        } else {
          report(out, type.getFullyQualifiedName(), "<init>" + parameters(c) + " ", c);
        }
      }
      type.getMethods().forEach(m -> report(out, type.getFullyQualifiedName(), m.getName() + parameters(m) + " ", m));
      type.getFields().forEach(f -> report(out, type.getFullyQualifiedName(), f.getName() + " ", f));
    }
    return new Report(out, builderUnaffected);
  }

  /** A removed constructor that was the old record's canonical one, where the new class is a record with a builder. */
  private static boolean isBuiltRecordsCanonicalConstructor(JApiClass type, JApiConstructor constructor) {
    if (constructor.getNewConstructor().isPresent() || constructor.getOldConstructor().isEmpty()) return false;
    if (type.getOldClass().isEmpty() || type.getNewClass().isEmpty()) return false;
    ClassFile before = type.getOldClass().map(CtClass::getClassFile2).get();
    ClassFile after = type.getNewClass().map(CtClass::getClassFile2).get();
    if (!isRecord(before) || !isRecord(after)) return false;
    String descriptor = constructor.getOldConstructor().get().getMethodInfo2().getDescriptor();
    boolean hasBuilder = after.getMethods().stream().anyMatch(m -> m.getName().equals("builder")
        && (m.getAccessFlags() & (AccessFlag.PUBLIC | AccessFlag.STATIC)) == (AccessFlag.PUBLIC | AccessFlag.STATIC));
    return hasBuilder && descriptor.equals(canonicalDescriptor(before));
  }

  private static boolean isRecord(ClassFile type) {
    return "java.lang.Record".equals(type.getSuperclass());
  }

  /** A record's fields are its components, in order: the canonical constructor takes exactly them. */
  private static String canonicalDescriptor(ClassFile record) {
    return record.getFields().stream().filter(f -> (f.getAccessFlags() & AccessFlag.STATIC) == 0)
        .map(FieldInfo::getDescriptor).collect(Collectors.joining("", "(", ")V"));
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
    Report report = compare(Path.of(args[0]), Path.of(args[1]), classPath);
    List<String> breaking = report.breaking();
    report.builderUnaffected().forEach(line -> System.out.println("api (not blocking): " + line));
    breaking.forEach(line -> System.out.println("api: " + line));
    System.out.println("api: " + breaking.size() + " breaking change(s)");
    System.exit(breaking.isEmpty() ? 0 : 1);
  }
}
