package dev.blueprints.core;

/**
 * Empty; {@link ProviderBundle} defines a copy of it in a class loader of its own, whose resource lookup
 * returns the provider jar's own jsii bundle, and hands that copy to jsii as the module class to read
 * the bundle beside.
 */
final class ProviderBundleAnchor {
  private ProviderBundleAnchor() {}
}
