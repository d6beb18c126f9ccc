package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS provider bundle jsii loads is the lazy one (provider-aws-lazy): first on the class path, and in
 * Node.js its package index loads no resource module until one is used.
 *
 * <p>The second test finds the package where jsii unpacked it, so it knows two details of jsii's package
 * cache (jsii-runtime 1.140): the directory {@code <root>/<package>/<version>/<sha256 of the tarball, NUL,
 * name, NUL, version>} and the root {@code $JSII_RUNTIME_PACKAGE_CACHE_ROOT} or
 * {@code ~/.cache/aws/jsii/package-cache}. If a jsii upgrade changes them, this test fails, not a synth.
 */
class ProviderBundleTest {
  @Test
  void theLazyBundleComesFirstOnTheClassPath() {
    String inUse = ProviderBundle.bundleOnClassPath().toString();
    assertNotEquals(ProviderBundle.providerBundle().toString(), inUse,
        "jsii would read the provider jar's own bundle: blueprints-provider-aws-lazy must come before cdktf-provider-aws");
    assertTrue(inUse.contains("provider-aws-lazy"), inUse);
    assertTrue(ProviderBundle.providerBundle().toString().contains("cdktf-provider-aws"), ProviderBundle.providerBundle().toString());
  }

  @Test
  void nodeLoadsTheLazyPackageWithItsRuntimeIndex(@TempDir Path out) throws Exception {
    assumeFalse("disabled".equalsIgnoreCase(System.getenv("JSII_RUNTIME_PACKAGE_CACHE")), "jsii package cache disabled");
    // The benchmark runs the suite once with the switch off, to compare; then the provider's own bundle is loaded.
    assumeTrue(ProviderBundle.lazyEnabled(), "the lazy bundle is switched off (" + ProviderBundle.ENVIRONMENT + "=false)");
    // Loads the provider into this JVM's jsii runtime (a no-op when other tests did).
    App app = new App(AppConfig.builder().outdir(out.toString()).stackTraces(false).build());
    Providers.aws(new TerraformStack(app, "probe"), "us-east-1", Map.of());

    String name = "@cdktf/provider-aws";
    String version = ProviderBundle.bundleName().replaceFirst("^provider-aws@(.*)\\.jsii\\.tgz$", "$1");
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = ProviderBundle.bundleOnClassPath().openStream()) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
    }
    for (String part : List.of(name, version)) {
      digest.update((byte) 0);
      digest.update(part.getBytes(StandardCharsets.UTF_8));
    }
    String root = System.getenv().getOrDefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT",
        Path.of(System.getProperty("user.home"), ".cache", "aws", "jsii", "package-cache").toString());
    Path pkg = Path.of(root, name, version, HexFormat.of().formatHex(digest.digest()));
    assertTrue(Files.isDirectory(pkg), "jsii unpacked the lazy bundle into " + pkg);

    String index = Files.readString(pkg.resolve("lib/index.js"));
    assertTrue(index.contains("Object.defineProperty(exports, \"vpc\", { enumerable: true, configurable: true, get: function () { return require(\"./vpc\"); } });"),
        "lazy export of vpc");
    assertFalse(index.lines().anyMatch(l -> l.matches("exports\\.\\w+ = require\\(.*")), "no eager require left");
    assertTrue(Files.exists(pkg.resolve(".jsii.runtime.v1.json")), "the runtime index came with the bundle");

    // Requiring the package in Node.js loads its index alone; reading an export loads that module (which
    // then fails here, outside jsii's module layout, for want of cdktf: what matters is that it was tried).
    String script = "const dir = process.argv[1];"
        + "const p = require(dir);"
        + "const loaded = Object.keys(require.cache).filter(k => k.startsWith(dir + '/lib/')).length;"
        + "let tried = '';"
        + "try { p.vpc; } catch (e) { tried = String(e.message).includes('lib/vpc') ? 'vpc' : String(e.message); }"
        + "console.log(loaded + ' ' + tried);";
    Process node = new ProcessBuilder("node", "-e", script, pkg.toString()).redirectErrorStream(true).start();
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
    String result = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals("1 vpc", result, "modules under lib/ loaded by require(package), then whether reading .vpc loads lib/vpc");
  }
}
