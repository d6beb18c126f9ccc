package dev.blueprints.compute;

/** Where a task definition's tasks may run ({@code requires_compatibilities}): it must match the cluster. */
public enum TaskCompatibility {
  /** Fargate: awsvpc networking, the Fargate CPU and memory pairs, EFS and ephemeral volumes only. */
  FARGATE,
  /** The EC2 instances of an EC2 cluster's capacity provider: any network mode and volume. */
  EC2;

  /** The compatibility tasks on {@code cluster} need. */
  public static TaskCompatibility of(EcsCluster cluster) {
    return cluster.isEc2() ? EC2 : FARGATE;
  }
}
