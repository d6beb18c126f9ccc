package dev.blueprints.core;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Input checks shared by every props record. Each failure names the field, the value given and what
 * is allowed, so a typo in a settings file gives one readable message instead of a jsii stack trace.
 */
public final class Validate {
  private Validate() {}

  /** Throws {@link IllegalArgumentException} with the standard message shape. */
  public static IllegalArgumentException invalid(String field, Object value, String allowed) {
    return new IllegalArgumentException(field + " = " + quote(value) + " is invalid: " + allowed);
  }

  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) throw invalid(field, value, "a non-empty value is required");
    return value;
  }

  public static <T> T notNull(String field, T value) {
    if (value == null) throw invalid(field, null, "a value is required");
    return value;
  }

  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) throw invalid(field, value, "allowed range is " + min + ".." + max);
    return value;
  }

  public static double finite(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) throw invalid(field, value, "a finite number is required");
    return value;
  }

  public static String matches(String field, String value, Pattern pattern, String allowed) {
    if (value == null || !pattern.matcher(value).matches()) throw invalid(field, value, allowed);
    return value;
  }

  public static <T> T oneOf(String field, T value, Collection<T> allowed) {
    if (!allowed.contains(value)) throw invalid(field, value, "allowed values are " + allowed);
    return value;
  }

  /** Checks {@code min <= max} for a pair of fields, e.g. an Auto Scaling group's size. */
  public static void ordered(String minField, int min, String maxField, int max) {
    if (min > max) {
      throw new IllegalArgumentException(
          minField + " = " + min + " is greater than " + maxField + " = " + max + ": " + minField + " must be <= " + maxField);
    }
  }

  private static String quote(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
