package dev.blueprints.auth;

/**
 * Something permissions can be granted to: a {@link Role}, or a construct that runs as one (an ECS
 * service's task role, an Auto Scaling group's instance role). Grant methods such as
 * {@code bucket.grantReadWrite(service, "")} take any of them.
 */
public interface Grantable {
  /** The role the grant's inline policy is attached to. */
  Role grantRole();
}
