package dev.blueprints.network;

/** Something with a security group that rules can name: a service, a database, a load balancer. */
public interface Connectable {
  Connections connections();
}
