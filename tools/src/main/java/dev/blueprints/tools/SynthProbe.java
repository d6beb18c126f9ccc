package dev.blueprints.tools;

import dev.blueprints.app.Main;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;

/**
 * The benchmark's reference programs (see {@link Benchmark}): the floor, an app with one empty stack that
 * has only the AWS provider, synthesized; and the same stack with N SSM parameters, for the marginal cost
 * of one resource.
 *
 * <pre>
 *   java -cp ... dev.blueprints.tools.SynthProbe floor &lt;outdir&gt;
 *   java -cp ... dev.blueprints.tools.SynthProbe resources &lt;n&gt; &lt;outdir&gt;
 * </pre>
 */
public final class SynthProbe {
  private SynthProbe() {}

  public static void main(String[] args) {
    boolean resources = args.length == 3 && args[0].equals("resources");
    if (!(args.length == 2 && args[0].equals("floor")) && !resources) {
      System.err.println("usage: SynthProbe floor <outdir> | SynthProbe resources <n> <outdir>");
      System.exit(Main.INVALID_INPUT);
    }
    int n = resources ? Integer.parseInt(args[1]) : 0;
    App app = new App(AppConfig.builder().outdir(args[args.length - 1]).stackTraces(false).build());
    TerraformStack stack = new TerraformStack(app, "probe");
    AwsProvider.Builder.create(stack, "Aws").region("us-east-1").build();
    for (int i = 0; i < n; i++) {
      SsmParameter.Builder.create(stack, "Parameter" + i).name("/probe/p" + i).type("String").value("v" + i).build();
    }
    app.synth();
  }
}
