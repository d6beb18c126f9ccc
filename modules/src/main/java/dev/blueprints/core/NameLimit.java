package dev.blueprints.core;

/** Maximum physical-name lengths per AWS resource kind, as the service APIs enforce them. */
public enum NameLimit {
  LOAD_BALANCER(32),
  TARGET_GROUP(32),
  S3_BUCKET(63),
  RDS_IDENTIFIER(63),
  MEMORYDB_CLUSTER(40),
  IAM_ROLE(64),
  IAM_POLICY(128),
  SECURITY_GROUP(255),
  ECS_CLUSTER(255),
  ECS_SERVICE(255),
  ECR_REPOSITORY(256),
  LAUNCH_TEMPLATE(128),
  AUTOSCALING_GROUP(255),
  SECRET(512),
  LOG_GROUP(512),
  SNS_TOPIC(256),
  DYNAMODB_TABLE(255),
  COGNITO_DOMAIN(63),
  USER_POOL(128),
  DB_SUBNET_GROUP(255),
  DB_PARAMETER_GROUP(255),
  MEMORYDB_ACL(40),
  MEMORYDB_USER(40),
  MEMORYDB_SUBNET_GROUP(255),
  MEMORYDB_PARAMETER_GROUP(255),
  EFS(256),
  ECS_TASK_FAMILY(255),
  CLOUDWATCH_ALARM(255),
  DASHBOARD(255),
  API_GATEWAY(1024),
  VPC_LINK(255),
  IAM_INSTANCE_PROFILE(128),
  GENERIC(128);

  private final int maxLength;

  NameLimit(int maxLength) {
    this.maxLength = maxLength;
  }

  public int maxLength() {
    return maxLength;
  }
}
