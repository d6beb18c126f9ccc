package dev.blueprints.data;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The RDS engines {@link Database} supports, with what differs between them. */
public enum DatabaseEngine {
  /** RDS for PostgreSQL, major versions 13 to 17. */
  POSTGRES("postgres", 5432, Pattern.compile("^(1[3-7])(\\.\\d+)?$"),
      "a PostgreSQL major version 13 to 17, optionally with a minor version: \"15\" or \"15.4\"",
      List.of("postgresql", "upgrade"),
      Set.of("admin", "rdsadmin", "rds_superuser", "rds_replication", "rdsrepladmin", "public"),
      63, Set.of()),
  /** RDS for MySQL 8.0 and 8.4. */
  MYSQL("mysql", 3306, Pattern.compile("^(8\\.[04])(\\.\\d+)?$"),
      "a MySQL version 8.0 or 8.4, optionally with a patch version: \"8.0\", \"8.0.35\", \"8.4\" or \"8.4.3\"",
      // The general log records every statement, including CREATE USER ... IDENTIFIED BY '<password>', so
      // it is not exported; the audit log needs an option group with the MariaDB audit plugin.
      List.of("error", "slowquery"),
      Set.of("rdsadmin", "rdsrepladmin", "rds_superuser_role", "mysql.sys", "mysql.session", "mysql.infoschema"),
      16,
      // Performance Insights is not supported for these classes on RDS for MySQL (AWS: "Amazon RDS DB engine,
      // Region, and instance class support"); RDS for PostgreSQL supports every class.
      Set.of("db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"));

  private final String engineName;
  private final int port;
  private final Pattern versions;
  private final String acceptedVersions;
  private final List<String> logExports;
  private final Set<String> reservedUsernames;
  private final int maxUsernameLength;
  private final Set<String> classesWithoutPerformanceInsights;

  DatabaseEngine(String engineName, int port, Pattern versions, String acceptedVersions, List<String> logExports,
      Set<String> reservedUsernames, int maxUsernameLength, Set<String> classesWithoutPerformanceInsights) {
    this.engineName = engineName;
    this.port = port;
    this.versions = versions;
    this.acceptedVersions = acceptedVersions;
    this.logExports = logExports;
    this.reservedUsernames = reservedUsernames;
    this.maxUsernameLength = maxUsernameLength;
    this.classesWithoutPerformanceInsights = classesWithoutPerformanceInsights;
  }

  /** The {@code engine} argument of {@code aws_db_instance}. */
  public String engineName() {
    return engineName;
  }

  /** The engine's default port. */
  public int port() {
    return port;
  }

  /** The versions this engine accepts, for error messages. */
  public String acceptedVersions() {
    return acceptedVersions;
  }

  /** Whether {@code version} is a version of this engine. */
  public boolean accepts(String version) {
    return version != null && versions.matcher(version).matches();
  }

  /** The major version ({@code 15}, {@code 8.0}); {@code version} must be {@link #accepts accepted}. */
  public String majorVersion(String version) {
    Matcher m = versions.matcher(version);
    if (!m.matches()) throw new IllegalArgumentException(version + " is not a " + engineName + " version");
    return m.group(1);
  }

  /** Whether {@code version} names an exact minor ({@code 15.4}, {@code 8.0.35}) rather than a major version. */
  public boolean pinsMinorVersion(String version) {
    return !majorVersion(version).equals(version);
  }

  /** The parameter group family: {@code postgres15}, {@code mysql8.0}. */
  public String parameterFamily(String version) {
    return engineName + majorVersion(version);
  }

  /** The CloudWatch log types exported. */
  public List<String> logExports() {
    return logExports;
  }

  /** Master user names the engine refuses as reserved words. */
  public Set<String> reservedUsernames() {
    return reservedUsernames;
  }

  public int maxUsernameLength() {
    return maxUsernameLength;
  }

  /** Whether the engine supports Performance Insights on {@code instanceClass}. */
  public boolean supportsPerformanceInsights(String instanceClass) {
    return !classesWithoutPerformanceInsights.contains(instanceClass);
  }

  /** Minimum allocated storage in GiB for gp2 and gp3. */
  public int minStorageGb() {
    return 20;
  }
}
