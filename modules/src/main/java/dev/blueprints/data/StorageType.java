package dev.blueprints.data;

/** RDS storage types offered by {@link Database}. */
public enum StorageType {
  /** General purpose SSD gp3: 3000 IOPS baseline at any size, cheaper per GiB than gp2. */
  GP3,
  /** General purpose SSD gp2: IOPS grow with size (3 per GiB). */
  GP2;

  /** The {@code storage_type} argument: the constant's name in lower case. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
