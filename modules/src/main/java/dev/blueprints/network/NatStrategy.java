package dev.blueprints.network;

/** How private subnets reach the internet. */
public enum NatStrategy {
  /** No NAT gateway: private subnets have no route out (reach AWS APIs through VPC endpoints). */
  NONE,
  /** One NAT gateway for every AZ: cheaper, but an AZ outage there cuts egress everywhere. */
  SINGLE,
  /** A NAT gateway in each AZ: egress survives the loss of an AZ. */
  ONE_PER_AZ
}
