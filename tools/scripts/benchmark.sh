#!/usr/bin/env bash
# Synth and test benchmark: prints a table of medians, ratios to the floor, peak memory of the
# JVM and its Node.js child, the marginal cost per resource, and PASS/FAIL per budget.
#
#   bash tools/scripts/benchmark.sh                 everything, including `mvn -B test` twice: as shipped, and with the
#                                                   provider's own bundle and jsii's relay (several minutes)
#   bash tools/scripts/benchmark.sh --skip-tests    synth measures only
#   bash tools/scripts/benchmark.sh --skip-peer     without the AWS CDK Java peer (tools/cdk-peer; built first with
#                                                   mvn, which downloads aws-cdk-lib, about 130 MB, on its first run)
#
# It prints the README's two Performance tables (measures, budgets) in Markdown, ready to paste, with the load
# average before and after: on a shared machine, rerun it when the load is below the core count.
#
# Environment: BENCH_RUNS (default 3), BENCH_JVM_FLAGS (flags of the measured JVMs; default the synth
# command's), BENCH_SIZES (default 100,1000), BENCH_SKIP_TESTS=1, BENCH_SKIP_PEER=1, BENCH_SYSTEM_NODE=1 (measure with the
# Node.js on PATH; by default the one CI uses, Node.js 22 through .ci/node.sh, when PATH has an older one).
# Exit status 1 when a budget fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${BENCH_SYSTEM_NODE:-}" != 1 ]; then
  source .ci/node.sh
fi
for tool in java mvn node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "benchmark.sh: $tool not found on PATH (see the README's prerequisites)" >&2; exit 127; }
done
for arg in "$@"; do
  case "$arg" in
    --skip-tests) export BENCH_SKIP_TESTS=1 ;;
    --skip-peer) export BENCH_SKIP_PEER=1 ;;
    *) echo "benchmark.sh: unknown argument $arg (only --skip-tests, --skip-peer)" >&2; exit 2 ;;
  esac
done
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1
exec mvn -B -q -pl tools -am compile exec:exec@benchmark
