package dev.blueprints.core;

import java.net.URL;
import java.util.Locale;
import java.util.Set;
import software.amazon.jsii.JsiiRuntime;

/**
 * How this process reaches the jsii kernel, the Node.js process that holds every construct.
 *
 * <p>The jsii runtime starts Node.js on a script it extracts from its jar, its relay ({@code bin/jsii-runtime.js}
 * beside {@link JsiiRuntime}); the relay starts the kernel on a socket and copies every request and response
 * between the JVM's pipes and that socket. The first class-path entry holding that path wins, and the artifact
 * {@code blueprints-jsii-direct}, a dependency of this library declared before the jsii runtime, holds the same relay
 * with one change: it hands the kernel the JVM's pipes, and the kernel reads its requests and writes its responses
 * there itself, so a call crosses two pipes (its request and its response) instead of four hops and a process in
 * between. A full synth of the blueprints makes about 3,000 calls. Nothing has to call this class for that: it is
 * how the jsii runtime finds its relay.
 *
 * <p>The relay does so only when the kernel the jsii runtime extracted ({@code lib/program.js}) is byte for byte the
 * one it was built against; any other kernel (another jsii version) runs on jsii's own channel. The switch back,
 * for debugging, is the environment variable {@code BLUEPRINTS_JSII_DIRECT=false}: the relay reads it in Node.js,
 * which no system property reaches. With {@code JSII_DEBUG} set, the relay prints which channel it chose.
 */
public final class JsiiDirect {
  /** Environment variable: {@code false} starts the kernel on jsii's own channel. */
  public static final String ENVIRONMENT = "BLUEPRINTS_JSII_DIRECT";
  /** The values of {@link #ENVIRONMENT} that switch it off, as the relay reads them (case aside). */
  static final Set<String> OFF = Set.of("false", "0", "no", "off");
  /** The relay's resource name, relative to the jsii runtime's package. */
  static final String RELAY = "bin/jsii-runtime.js";

  private JsiiDirect() {}

  /** Whether the relay may put the kernel on the JVM's pipes: not when {@link #ENVIRONMENT} says {@code false}. */
  public static boolean enabled() {
    String value = System.getenv(ENVIRONMENT);
    return value == null || !OFF.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** The relay the jsii runtime starts: the first on the class path. */
  public static URL relayOnClassPath() {
    return JsiiRuntime.class.getResource(RELAY);
  }
}
