package dev.blueprints.blueprints;

import dev.blueprints.compute.AutoScalingGroup;
import dev.blueprints.compute.AutoScalingGroupProps;
import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.compute.ContainerUserData;
import dev.blueprints.core.Validate;
import dev.blueprints.data.Database;
import dev.blueprints.settings.SettingsNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an EC2 tier runs: a container image from settings ({@code images.<tier>}: a tag in the blueprint's
 * ECR repository or a full URI), started by user data on Amazon Linux 2023 (Docker, the CloudWatch agent,
 * the container with the tier's port and variables, logs to the tier's log group), or an application baked
 * into an AMI ({@code ami} in settings; the image is then optional, and without one the AMI's
 * {@code app.service} reads {@code /etc/app/app.env}). With both, the image runs on that AMI, whose package
 * manager must be AL2023's {@code dnf} (an AMI built from Amazon Linux 2023).
 *
 * @param field settings path of the image, for messages
 * @param image the container image, or null when the AMI holds the application
 * @param ami   the AMI id from settings, or null for the latest Amazon Linux 2023
 */
public record Ec2Application(String field, ImageSource image, String ami) {
  public Ec2Application {
    if (image == null && ami == null) {
      throw Validate.invalid(field, null, "an image {\"tag\": \"...\"} or {\"uri\": \"...\"} for the tier to run, "
          + "or an AMI with the application baked in");
    }
  }

  /**
   * Reads {@code images.<tier>} and the AMI field of a blueprint's options: the image is required unless
   * {@code amiField} names an AMI.
   */
  public static Ec2Application read(SettingsNode options, String blueprint, String tier, String amiField) {
    SettingsNode images = options.object("images");
    String ami = options.string(amiField, null);
    String field = "blueprints." + blueprint + ".images." + tier;
    if (!images.has(tier) && ami == null) {
      throw Validate.invalid(field, null, "an image {\"tag\": \"...\"} or {\"uri\": \"...\"} for the tier to run, "
          + "or an AMI with the application baked in (blueprints." + blueprint + "." + amiField + ")");
    }
    ImageSource image = images.has(tier) ? ImageSource.read(images, tier, blueprint) : null;
    return new Ec2Application(field, image, ami);
  }

  /**
   * The user data of the tier: with an image, {@link ContainerUserData} (and {@code group}'s role may pull
   * from {@code registry} when the image is a tag there); without one, {@link AppEnvironment} for the baked AMI.
   */
  public String userData(ContainerRegistry registry, int port, String logGroupName, String region, Map<String, String> environment) {
    if (image == null) return AppEnvironment.userData(environment);
    return ContainerUserData.builder(image.image(registry), port, logGroupName, region).env(environment).build().script();
  }

  /**
   * Sets the tier on {@code props}: its user data ({@link #userData}), the grace period its start needs and the AMI
   * when the settings name one.
   */
  public void configure(AutoScalingGroupProps.Builder props, ContainerRegistry registry, int port,
      String logGroupName, String region, Map<String, String> environment) {
    props.userData(userData(registry, port, logGroupName, region, environment)).healthCheckGracePeriodSeconds(gracePeriodSeconds());
    if (ami != null) props.ami(ami);
  }

  /**
   * The environment of a tier that reads {@code database}, in this order: APP_PORT and PORT, AWS_REGION, DB_HOST,
   * DB_PORT, DB_NAME and DB_SECRET_ARN (the managed secret, which the instance role reads).
   */
  public static Map<String, String> databaseEnvironment(int port, String region, Database database, String databaseName) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_PORT", String.valueOf(port));
    env.put("PORT", String.valueOf(port));
    env.put("AWS_REGION", region);
    env.put("DB_HOST", database.endpoint().address());
    env.put("DB_PORT", String.valueOf(database.port()));
    env.put("DB_NAME", databaseName);
    env.put("DB_SECRET_ARN", database.secretArn());
    return env;
  }

  /** True when the tier's application is a container (Docker on the instance), not a service baked into the AMI. */
  public boolean runsContainer() {
    return image != null;
  }

  /** Lets the tier's instances pull its image when it comes from the blueprint's repository. */
  public void grantPull(ContainerRegistry registry, AutoScalingGroup group) {
    if (image != null && image.fromRegistry()) registry.grantPull(group.role());
  }

  /** Boot, Docker and agent installation, image pull and the application's start: the group's grace period. */
  public int gracePeriodSeconds() {
    return image == null ? 300 : 480;
  }
}
