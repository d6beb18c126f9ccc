package dev.blueprints.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaModifier;
import dev.blueprints.auth.LoadBalancerClientProps;
import dev.blueprints.auth.EncryptionKeyProps;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.auth.UserPoolProps;
import dev.blueprints.compute.AuthenticateProps;
import dev.blueprints.compute.AutoScalingGroupProps;
import dev.blueprints.compute.ContainerRegistryProps;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.compute.Ec2FleetProps;
import dev.blueprints.compute.EcsCluster;
import dev.blueprints.compute.EcsClusterProps;
import dev.blueprints.compute.EcsServiceProps;
import dev.blueprints.compute.HttpsListenerProps;
import dev.blueprints.compute.IdentityProvider;
import dev.blueprints.compute.ListenerAction;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.ServiceScalingProps;
import dev.blueprints.compute.TaskDefinitionProps;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.core.AccountSettings;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import dev.blueprints.data.BackupReplicationProps;
import dev.blueprints.data.BucketProps;
import dev.blueprints.data.DatabaseEngine;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.FileSystemProps;
import dev.blueprints.data.RedisCacheProps;
import dev.blueprints.data.SecretProps;
import dev.blueprints.edge.PublicDomainProps;
import dev.blueprints.edge.RestApiProps;
import dev.blueprints.network.Certificate;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.DashboardProps;
import dev.blueprints.observability.LogGroupProps;
import dev.blueprints.observability.LogMetricFilterProps;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.MetricWidget;
import dev.blueprints.observability.TextWidget;
import dev.blueprints.testing.Fixtures;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The props convention, kept true for every props type by reflection: a public {@code record XProps} in
 * {@code dev.blueprints} (and each value record of {@link #VALUE_RECORDS}) has a public static {@code builder(...)}
 * whose arguments are all required (a null one fails), and each {@code public static final DEFAULT_<FIELD>} is what
 * {@code builder(...).build()} yields for {@code <field>}.
 */
class PropsConventionTest {
  private static final String CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123";

  /** Settings and other value records with defaults, held to the same convention. */
  private static final List<Class<?>> VALUE_RECORDS = List.of(Settings.class, StateSettings.class, AccountSettings.class,
      MetricWidget.class, TextWidget.class);

  /** {@code Type.DEFAULT_X} constants the check cannot compare, each with the reason. */
  private static final Map<String, String> UNCHECKED_DEFAULTS = Map.of(
      "LoadBalancerProps.DEFAULT_IDLE_TIMEOUT_SECONDS", "the field stays null (the attribute is left to AWS, and network"
          + " load balancers have none); effectiveIdleTimeoutSeconds() applies the constant");

  /** Simple required values for a builder, and the setters a build needs beyond them (required values set by name). */
  private record Sample(Object[] args, UnaryOperator<Object> complete) {
    static Sample of(Object... args) {
      return new Sample(args, builder -> builder);
    }

    Sample then(String setter, Object... values) {
      return new Sample(args, builder -> call(complete.apply(builder), setter, values));
    }
  }

  private static Map<Class<?>, Sample> samples() {
    BlueprintStack stack = Fixtures.stack("props");
    Network network = Fixtures.network(stack);
    SubnetGroup isolated = network.subnets(SubnetTier.ISOLATED);
    LoadBalancer nlb = new LoadBalancer(stack, "Nlb",
        LoadBalancerProps.builder(LoadBalancerKind.NETWORK, network.vpcId(), network.subnets(SubnetTier.PUBLIC)).build());
    Map<Class<?>, Sample> samples = new LinkedHashMap<>();
    samples.put(RoleProps.class, Sample.of("acme-role", "ecs-tasks.amazonaws.com"));
    samples.put(UserPoolProps.class, Sample.of());
    samples.put(EncryptionKeyProps.class, Sample.of());
    samples.put(BackupReplicationProps.class, Sample.of("us-west-2"));
    samples.put(BucketProps.class, Sample.of());
    samples.put(DatabaseProps.class, Sample.of(DatabaseEngine.POSTGRES, "15")
        .then("vpcId", "vpc-0123").then("subnets", isolated));
    samples.put(FileSystemProps.class, Sample.of("vpc-0123", isolated));
    samples.put(RedisCacheProps.class, Sample.of("vpc-0123", isolated));
    samples.put(SecretProps.class, Sample.of("acme/secret"));
    samples.put(PublicDomainProps.class, Sample.of("shop.example.com").then("hostedZoneName", "example.com"));
    samples.put(RestApiProps.class, Sample.of()
        .then("cognitoAuthorizer", "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123")
        .then("vpcLinkBackend", nlb, 8000));
    samples.put(NetworkProps.class, Sample.of(Fixtures.AZS));
    samples.put(SecurityGroupProps.class, Sample.of("vpc-0123", "acme-group", "test group"));
    samples.put(AlarmTopicProps.class, Sample.of());
    samples.put(DashboardProps.class, Sample.of().then("widget", TextWidget.of("text")));
    samples.put(LogGroupProps.class, Sample.of("/acme/app", 30));
    samples.put(LogMetricFilterProps.class, Sample.of("Acme", "Errors").then("pattern", "ERROR"));
    samples.put(AutoScalingGroupProps.class, Sample.of("vpc-0123", network.subnets(SubnetTier.PRIVATE), "t3.micro"));
    samples.put(Ec2FleetProps.class, Sample.of("vpc-0123", network.subnets(SubnetTier.PRIVATE), "t3.micro"));
    samples.put(ContainerRegistryProps.class, Sample.of("acme/web"));
    samples.put(LoadBalancerProps.class, Sample.of(LoadBalancerKind.APPLICATION, "vpc-0123", network.subnets(SubnetTier.PUBLIC)));
    samples.put(TargetGroupProps.class, Sample.of(8080));
    ContainerSpec container = ContainerSpec.builder("app", "public.ecr.aws/nginx/nginx:1.25").build();
    samples.put(TaskDefinitionProps.class, Sample.of().then("container", container));
    samples.put(ServiceScalingProps.class, Sample.of(1, 2).then("cpuTargetPercent", 60.0));
    samples.put(EcsClusterProps.class, Sample.of());
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    samples.put(EcsServiceProps.class, Sample.of(cluster, "vpc-0123", network.subnets(SubnetTier.PRIVATE))
        .then("container", container));
    samples.put(HttpsListenerProps.class,
        Sample.of(Certificate.fromArn(CERTIFICATE_ARN), ListenerAction.fixedResponse(404, "text/plain", "")));
    samples.put(AuthenticateProps.class, Sample.of(IdentityProvider.oidc("https://idp.example.com",
        "https://idp.example.com/authorize", "https://idp.example.com/token", "https://idp.example.com/userinfo", "client",
        "secret")));
    samples.put(LoadBalancerClientProps.class, Sample.of(List.of("shop.example.com")));
    StateSettings state = StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme");
    samples.put(Settings.class, Sample.of("acme", Environment.dev(), Fixtures.REGION)
        .then("availabilityZones", Fixtures.AZS).then("state", state));
    samples.put(StateSettings.class, Sample.of("acme-tfstate", Fixtures.REGION, "acme"));
    samples.put(AccountSettings.class, Sample.of("123456789012"));
    samples.put(MetricWidget.class, Sample.of("Requests").then("metric", Metric.of("AWS/ApplicationELB", "RequestCount", Map.of())));
    samples.put(TextWidget.class, Sample.of("# Shop"));
    return samples;
  }

  private static List<Class<?>> propsTypes() {
    List<Class<?>> out = new ArrayList<>();
    ArchitectureTest.productionClasses().stream()
        .filter(c -> c.getSimpleName().endsWith("Props") && c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(c -> c.reflect())
        .filter(Class::isRecord)
        .forEach(out::add);
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }

  @Test
  void everyPropsRecordIsBuiltThroughABuilderWithRequiredArgumentsAndItsDefaultsHold() {
    List<Class<?>> types = new ArrayList<>(propsTypes());
    assertTrue(types.size() >= 16, "props records found: " + types);
    types.addAll(VALUE_RECORDS);
    Map<Class<?>, Sample> samples = samples();
    List<String> problems = new ArrayList<>();
    for (Class<?> type : types) {
      problems.addAll(conventionProblems(type, samples.get(type)));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aPropsRecordWithoutABuilderIsReported() {
    record LonelyProps(String name) {}
    assertEquals(List.of(LonelyProps.class.getName() + ": no public static builder(...)"),
        conventionProblems(LonelyProps.class, null));
  }

  @Test
  void aDefaultThatTheBuilderDoesNotYieldIsReported() {
    List<String> problems = conventionProblems(DriftingProps.class, Sample.of());
    assertEquals(List.of(DriftingProps.class.getName() + ".DEFAULT_SIZE is 2 but builder(...).build().size() is 1"), problems);
  }

  /** A props type whose builder drifted from its stated default. */
  public record DriftingProps(int size) {
    public static final int DEFAULT_SIZE = 2;

    public static Builder builder() {
      return new Builder();
    }

    public static final class Builder {
      public DriftingProps build() {
        return new DriftingProps(1);
      }
    }
  }

  private static List<String> conventionProblems(Class<?> type, Sample sample) {
    Method builder = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals("builder") && Modifier.isStatic(m.getModifiers()))
        .filter(m -> !m.isAnnotationPresent(Deprecated.class)).findFirst().orElse(null);
    if (builder == null) return List.of(type.getName() + ": no public static builder(...)");
    if (sample == null) {
      return List.of(type.getName() + ": add a Sample of simple required values for builder"
          + Arrays.toString(builder.getParameterTypes()));
    }
    List<String> problems = new ArrayList<>();
    Object built;
    try {
      built = build(builder, sample, sample.args());
    } catch (IllegalArgumentException e) {
      return List.of(type.getName() + ": the sample does not build: " + e.getMessage());
    }
    Class<?>[] parameters = builder.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].isPrimitive()) continue;
      Object[] withNull = sample.args().clone();
      withNull[i] = null;
      try {
        build(builder, sample, withNull);
        problems.add(type.getName() + ": builder argument " + i + " (" + parameters[i].getSimpleName()
            + ") accepts null; an optional value is a setter");
      } catch (IllegalArgumentException expected) {
        // a required argument: a null one is refused with a message naming it
      } catch (RuntimeException unclear) {
        problems.add(type.getName() + ": a null builder argument " + i + " fails with " + unclear + ", not a message naming it");
      }
    }
    for (Field field : type.getFields()) {
      if (!field.getName().startsWith("DEFAULT_") || !Modifier.isStatic(field.getModifiers())) continue;
      String key = type.getSimpleName() + "." + field.getName();
      if (UNCHECKED_DEFAULTS.containsKey(key)) continue;
      String component = camelCase(field.getName().substring("DEFAULT_".length()));
      RecordComponent match = Arrays.stream(type.getRecordComponents())
          .filter(c -> c.getName().equals(component)).findFirst().orElse(null);
      if (match == null) {
        problems.add(type.getName() + "." + field.getName() + " names no field (" + component + ")");
        continue;
      }
      Object expected = invoke(() -> field.get(null));
      Object actual = invoke(() -> match.getAccessor().invoke(built));
      if (!expected.equals(actual)) {
        problems.add(type.getName() + "." + field.getName() + " is " + expected + " but builder(...).build()." + component
            + "() is " + actual);
      }
    }
    return problems;
  }

  private static Object build(Method builder, Sample sample, Object[] args) {
    Object b = sample.complete().apply(invoke(() -> builder.invoke(null, args)));
    return call(b, "build");
  }

  /** Calls the public method {@code name} of {@code target} taking {@code args}, unwrapping what it throws. */
  private static Object call(Object target, String name, Object... args) {
    Method method = Arrays.stream(target.getClass().getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length).findFirst()
        .orElseThrow(() -> new AssertionError(target.getClass().getName() + " has no " + name + " of " + args.length
            + " argument(s)"));
    return invoke(() -> method.invoke(target, args));
  }

  private interface Reflective {
    Object run() throws ReflectiveOperationException;
  }

  private static Object invoke(Reflective call) {
    try {
      return call.run();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code NONCURRENT_VERSION_DAYS} to {@code noncurrentVersionDays}. */
  private static String camelCase(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      out.append(out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return out.toString();
  }
}
