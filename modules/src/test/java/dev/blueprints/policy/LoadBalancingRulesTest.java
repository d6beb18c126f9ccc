package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.prod;

import com.hashicorp.cdktf.providers.aws.autoscaling_attachment.AutoscalingAttachment;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import dev.blueprints.core.BlueprintStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancingRulesTest {
  private static Lb alb(BlueprintStack stack) {
    return Lb.Builder.create(stack, "Lb").loadBalancerType("application").dropInvalidHeaderFields(true)
        .enableDeletionProtection(true).accessLogs(LbAccessLogs.builder().bucket("logs").enabled(true).build()).build();
  }

  private static LbListenerDefaultAction forward() {
    return LbListenerDefaultAction.builder().type("forward").targetGroupArn("arn:tg").build();
  }

  @Test
  void albsDropInvalidHeaders() {
    BlueprintStack stack = dev();
    Lb lb = alb(stack);
    passes(stack, "BP-LB-001");
    lb.setDropInvalidHeaderFields(false);
    fails(stack, "BP-LB-001", "aws_lb.Lb", "drop_invalid_header_fields is false");
    lb.resetDropInvalidHeaderFields();
    fails(stack, "BP-LB-001", "aws_lb.Lb", "drop_invalid_header_fields is absent");
    lb.setLoadBalancerType("network");   // not applicable to NLBs
    passes(stack, "BP-LB-001");
  }

  @Test
  void httpsListenersUseATls12Policy() {
    BlueprintStack stack = dev();
    LbListener listener = LbListener.Builder.create(stack, "Https").loadBalancerArn("arn:lb").protocol("HTTPS").port(443)
        .certificateArn("arn:cert").sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06").defaultAction(List.of(forward())).build();
    passes(stack, "BP-LB-002");
    listener.setSslPolicy("ELBSecurityPolicy-2016-08");
    fails(stack, "BP-LB-002", "aws_lb_listener.Https", "ELBSecurityPolicy-2016-08, which allows TLS older than 1.2");
    listener.resetSslPolicy();
    fails(stack, "BP-LB-002", "aws_lb_listener.Https", "ssl_policy is absent");
    listener.setProtocol("TCP");
    passes(stack, "BP-LB-002");
  }

  @Test
  void httpListenersOnlyRedirectToHttps() {
    BlueprintStack stack = dev();
    LbListener listener = LbListener.Builder.create(stack, "Http").loadBalancerArn("arn:lb").protocol("HTTP").port(80)
        .defaultAction(List.of(LbListenerDefaultAction.builder().type("redirect").redirect(
            LbListenerDefaultActionRedirect.builder().protocol("HTTPS").port("443").statusCode("HTTP_301").build()).build()))
        .build();
    passes(stack, "BP-LB-003");
    listener.putDefaultAction(List.of(forward()));
    fails(stack, "BP-LB-003", "aws_lb_listener.Http", "default action is \"forward\"");
    listener.resetProtocol();   // absent: HTTP
    fails(stack, "BP-LB-003", "aws_lb_listener.Http", "serving plain HTTP");
  }

  @Test
  void productionLoadBalancersHaveDeletionProtection() {
    BlueprintStack prod = prod();
    Lb lb = alb(prod);
    passes(prod, "BP-LB-004");
    lb.resetEnableDeletionProtection();
    fails(prod, "BP-LB-004", "aws_lb.Lb", "enable_deletion_protection is absent in production");
    BlueprintStack dev = dev();
    alb(dev).setEnableDeletionProtection(false);
    passes(dev, "BP-LB-004");
  }

  @Test
  void albsWriteAccessLogs() {
    BlueprintStack stack = dev();
    Lb lb = alb(stack);
    passes(stack, "BP-LB-005");
    lb.putAccessLogs(LbAccessLogs.builder().bucket("logs").enabled(false).build());
    fails(stack, "BP-LB-005", "aws_lb.Lb", "access logs are off");
    lb.resetAccessLogs();
    fails(stack, "BP-LB-005", "aws_lb.Lb", "access logs are off");
  }

  @Test
  void targetGroupsHaveHealthChecksWithAPath() {
    BlueprintStack stack = dev();
    LbTargetGroup tg = LbTargetGroup.Builder.create(stack, "Tg").port(8000).protocol("HTTP").vpcId("vpc-1")
        .healthCheck(LbTargetGroupHealthCheck.builder().enabled(true).path("/health").matcher("200").build()).build();
    passes(stack, "BP-LB-006");
    tg.putHealthCheck(LbTargetGroupHealthCheck.builder().enabled(true).build());
    fails(stack, "BP-LB-006", "aws_lb_target_group.Tg", "the HTTP health check has no path");
    tg.putHealthCheck(LbTargetGroupHealthCheck.builder().enabled(false).path("/").build());
    fails(stack, "BP-LB-006", "aws_lb_target_group.Tg", "the health check is disabled");
    tg.resetHealthCheck();
    fails(stack, "BP-LB-006", "aws_lb_target_group.Tg", "no health_check block");
    tg.setProtocol("TCP");
    tg.putHealthCheck(LbTargetGroupHealthCheck.builder().enabled(true).protocol("TCP").build());
    passes(stack, "BP-LB-006");
  }

  @Test
  void autoScalingGroupsBehindATargetGroupUseElbHealthChecks() {
    BlueprintStack stack = dev();
    AutoscalingGroup asg = AutoscalingGroup.Builder.create(stack, "Asg").minSize(1).maxSize(2)
        .targetGroupArns(List.of("arn:tg")).healthCheckType("ELB").build();
    passes(stack, "BP-ASG-001");
    asg.resetHealthCheckType();
    fails(stack, "BP-ASG-001", "aws_autoscaling_group.Asg", "health_check_type is absent (default EC2)");
    asg.resetTargetGroupArns();
    passes(stack, "BP-ASG-001");   // not behind a load balancer
    AutoscalingAttachment.Builder.create(stack, "Attach").autoscalingGroupName(asg.getName()).lbTargetGroupArn("arn:tg").build();
    fails(stack, "BP-ASG-001", "aws_autoscaling_group.Asg", "health_check_type is absent");
  }
}
