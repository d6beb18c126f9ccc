package dev.blueprints.tools;

import dev.blueprints.app.Main;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import dev.blueprints.core.ProviderBundle;

/**
 * The benchmark's reference programs (see {@link Benchmark}): the floor, an app with one empty stack that
 * has only the AWS provider, synthesized; a plain CDKTF app with the provider and one VPC; and the empty
 * stack with N SSM parameters, for the marginal cost of one resource. {@code -Dblueprints.lazyProvider=false}
 * loads the provider's own bundle (see {@link ProviderBundle}).
 *
 * <pre>
 *   java -cp ... dev.blueprints.tools.SynthProbe floor &lt;outdir&gt;
 *   java -cp ... dev.blueprints.tools.SynthProbe vpc &lt;outdir&gt;
 *   java -cp ... dev.blueprints.tools.SynthProbe resources &lt;n&gt; &lt;outdir&gt;
 * </pre>
 */
public final class SynthProbe {
  private SynthProbe() {}

  public static void main(String[] args) {
    boolean resources = args.length == 3 && args[0].equals("resources");
    boolean vpc = args.length == 2 && args[0].equals("vpc");
    if (!(args.length == 2 && args[0].equals("floor")) && !resources && !vpc) {
      System.err.println("usage: SynthProbe floor <outdir> | SynthProbe vpc <outdir> | SynthProbe resources <n> <outdir>");
      System.exit(Main.INVALID_INPUT);
    }
    int n = resources ? Integer.parseInt(args[1]) : 0;
    ProviderBundle.applySwitch();
    App app = new App(AppConfig.builder().outdir(args[args.length - 1]).stackTraces(false).build());
    TerraformStack stack = new TerraformStack(app, "probe");
    AwsProvider.Builder.create(stack, "Aws").region("us-east-1").build();
    if (vpc) Vpc.Builder.create(stack, "Vpc").cidrBlock("10.0.0.0/16").build();
    for (int i = 0; i < n; i++) {
      SsmParameter.Builder.create(stack, "Parameter" + i).name("/probe/p" + i).type("String").value("v" + i).build();
    }
    app.synth();
  }
}
