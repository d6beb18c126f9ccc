package dev.blueprints.core;

import java.util.regex.Pattern;

/**
 * Token checks answered on the Java side. CDKTF's {@code Token.isUnresolved(String)} is a round trip to the jsii
 * runtime (0.1–0.2 ms each; the props of a full synth asked it 62 times) for what is a pattern match: a string is
 * unresolved when it holds a string token, {@code ${TfToken[...]}} (cdktf 0.19, {@code tokens/private/encoding.js},
 * {@code STRING_TOKEN_REGEX}). {@code TokensTest} checks the answers against CDKTF's own.
 */
public final class Tokens {
  /** A CDKTF string token: {@code ${TfToken[} a key of letters, digits and {@code :._-}, then {@code ]}}. */
  public static final Pattern STRING_TOKEN = Pattern.compile("\\$\\{TfToken\\[[a-zA-Z0-9:._-]+\\]\\}");

  private Tokens() {}

  /** Whether {@code value} holds a CDKTF string token (a reference resolved at synth), as {@code Token.isUnresolved} answers. */
  public static boolean isUnresolved(String value) {
    return value != null && STRING_TOKEN.matcher(value).find();
  }
}
