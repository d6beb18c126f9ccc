package dev.blueprints.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;

/**
 * Which jsii bundle of the AWS provider this process loads into Node.js.
 *
 * <p>jsii reads a provider's bundle as a class-path resource beside its {@code $Module} class
 * ({@code com/hashicorp/cdktf/providers/aws/provider-aws@<version>.jsii.tgz}), so the first class-path
 * entry holding that path wins. The artifact {@code blueprints-provider-aws-lazy}, a dependency of this
 * library declared before {@code cdktf-provider-aws}, holds a rewrite of the provider's bundle at that path
 * whose package index loads each of the provider's 1,792 resource modules only when it is first used, and
 * which carries jsii's runtime index, so a synth loads the code of the resources it creates and never parses
 * the 134 MB assembly. Nothing has to call this class for that: it is how jsii finds bundles.
 *
 * <p>This class is the switch back, for debugging: with {@code -Dblueprints.lazyProvider=false} (or the
 * environment variable {@code BLUEPRINTS_LAZY_PROVIDER=false}) {@link #applySwitch()} loads the provider's
 * own bundle, from the provider jar, into the jsii engine under the provider's module name, so the lookup
 * above never happens. It must run before the process first uses a provider class; {@link Providers#aws}
 * (so every {@link BlueprintStack}) calls it. An application that creates provider resources another way
 * calls it first itself.
 */
public final class ProviderBundle {
  /** System property: {@code false} loads the provider's own (eager) bundle. */
  public static final String PROPERTY = "blueprints.lazyProvider";
  /** Environment variable, read when the property is not set. */
  public static final String ENVIRONMENT = "BLUEPRINTS_LAZY_PROVIDER";
  /** The provider's jsii module class, whose package holds the bundle. */
  static final Class<? extends JsiiModule> PROVIDER_MODULE = com.hashicorp.cdktf.providers.aws.$Module.class;

  private static boolean applied;

  private ProviderBundle() {}

  /** Whether the lazy bundle (if on the class path) is used: not when the property or variable says {@code false}. */
  public static boolean lazyEnabled() {
    String value = System.getProperty(PROPERTY);
    if (value == null) value = System.getenv(ENVIRONMENT);
    return value == null || !value.trim().toLowerCase(Locale.ROOT).equals("false");
  }

  /**
   * With the lazy bundle switched off, loads the provider's own bundle into the jsii engine (once); does
   * nothing otherwise. Has no effect once the provider module is loaded.
   */
  public static synchronized void applySwitch() {
    if (applied || lazyEnabled()) return;
    applied = true;
    JsiiEngine.getInstance().loadModule(Eager.class);
  }

  /** The provider module's bundle name, e.g. {@code provider-aws@18.0.3.jsii.tgz}. */
  public static String bundleName() {
    return delegate().getBundleResourceName();
  }

  /** The bundle jsii loads by default: the first on the class path. */
  public static URL bundleOnClassPath() {
    return PROVIDER_MODULE.getResource(bundleName());
  }

  /** The provider's own bundle, in the jar that holds its bindings. */
  public static URL providerBundle() {
    String module = PROVIDER_MODULE.getSimpleName() + ".class";
    String self = PROVIDER_MODULE.getResource(module).toString();
    try {
      return new URL(self.substring(0, self.length() - module.length()) + bundleName());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsiiModule delegate() {
    try {
      return PROVIDER_MODULE.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + PROVIDER_MODULE.getName(), e);
    }
  }

  /**
   * The provider's module as jsii's engine sees it (same name, version, dependencies and classes), whose
   * bundle is read from the provider jar itself: its anchor class is defined by a loader that answers the
   * bundle's name with {@link #providerBundle()}.
   */
  public static final class Eager extends JsiiModule {
    private static final JsiiModule PROVIDER = delegate();

    public Eager() {
      super(PROVIDER.getModuleName(), PROVIDER.getModuleVersion(), anchor(), PROVIDER.getBundleResourceName());
    }

    @Override
    public List<Class<? extends JsiiModule>> getDependencies() {
      return ((com.hashicorp.cdktf.providers.aws.$Module) PROVIDER).getDependencies();
    }

    @Override
    protected Class<?> resolveClass(String fqn) throws ClassNotFoundException {
      try {
        Method m = JsiiModule.class.getDeclaredMethod("resolveClass", String.class);
        m.setAccessible(true);
        return (Class<?>) m.invoke(PROVIDER, fqn);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof ClassNotFoundException notFound) throw notFound;
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<? extends JsiiModule> anchor() {
      return (Class) new ProviderBundleLoader(Eager.class.getClassLoader()).anchor();
    }
  }

  /** Serves the provider's own bundle under the anchor class's package, and defines that class. */
  static final class ProviderBundleLoader extends ClassLoader {
    private static final String ANCHOR = ProviderBundleAnchor.class.getName();

    ProviderBundleLoader(ClassLoader parent) {
      super(parent);
    }

    Class<?> anchor() {
      String file = ANCHOR.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(file)) {
        byte[] bytes = in.readAllBytes();
        return defineClass(ANCHOR, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public URL getResource(String name) {
      String bundle = ProviderBundleAnchor.class.getPackageName().replace('.', '/') + "/" + bundleName();
      return name.equals(bundle) ? providerBundle() : super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      URL url = getResource(name);
      try {
        return url == null ? null : url.openStream();
      } catch (IOException e) {
        return null;
      }
    }
  }
}
