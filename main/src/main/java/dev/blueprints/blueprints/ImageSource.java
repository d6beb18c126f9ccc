package dev.blueprints.blueprints;

import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * Where a service's container image comes from: a tag in the ECR repository the blueprint creates, or
 * a full image URI from elsewhere. Read from the settings file, never hard-coded:
 * <pre>
 *   "images": { "backend": { "tag": "1.4.2" } }                       // &lt;blueprint ECR repo&gt;:1.4.2
 *   "images": { "backend": { "uri": "public.ecr.aws/acme/api:1.4.2" } }
 * </pre>
 *
 * @param field the settings path, for messages
 * @param tag   image tag in the blueprint's repository (repositories are immutable: push a new tag per release)
 * @param uri   full image reference, used as is
 */
public record ImageSource(String field, String tag, String uri) {
  private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");
  private static final Pattern URI = Pattern.compile("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9_.-]+|@sha256:[a-f0-9]{64})$");

  public ImageSource {
    if ((tag == null) == (uri == null)) {
      throw Validate.invalid(field, tag == null ? null : "tag and uri", "exactly one of \"tag\" (pushed to the blueprint's ECR repository) or \"uri\" (a full image reference)");
    }
    if (tag != null) Validate.matches(field + ".tag", tag, TAG, "a Docker tag (letters, digits, _ . -, at most 128)");
    if (uri != null) Validate.matches(field + ".uri", uri, URI, "a full image reference with a tag or digest, e.g. public.ecr.aws/acme/api:1.4.2");
    if ("latest".equals(tag)) {
      throw Validate.invalid(field + ".tag", tag, "a release tag: the repositories are immutable, so \"latest\" could never be updated");
    }
  }

  /** Reads {@code images.<name>} of a blueprint's options. */
  public static ImageSource read(SettingsNode images, String name, String blueprint) {
    SettingsNode node = images.object(name).allowOnly("tag", "uri");
    String path = "blueprints." + blueprint + ".images." + name;
    if (!images.has(name)) throw Validate.invalid(path, null, "an object {\"tag\": \"...\"} or {\"uri\": \"...\"}");
    return new ImageSource(path, node.string("tag", null), node.string("uri", null));
  }

  /** True when the blueprint must pull from its own repository. */
  public boolean fromRegistry() {
    return uri == null;
  }

  /** The image reference for a container definition. */
  public String image(ContainerRegistry registry) {
    return uri != null ? uri : registry.imageUri(tag);
  }
}
