package dev.blueprints.data;

/** Default encryption of a bucket's objects. */
public enum BucketEncryption {
  /** SSE-KMS with the given key, or the AWS-managed {@code aws/s3} key when none is given; S3 Bucket Keys on. */
  KMS,
  /** SSE-S3 (AES-256). The only option Elastic Load Balancing access logs accept. */
  S3_MANAGED
}
