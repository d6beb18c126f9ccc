#!/usr/bin/env bash
# Releases blueprints-modules and blueprints-testing (jar, sources, javadoc) at VERSION, after the two
# compatibility checks against the last release (or --baseline REF):
#   api        the Java API of blueprints-modules (japicmp): no binary- or source-breaking change
#   addresses  the Terraform addresses of stateful resources of the reference app (the blueprints, every
#              environment): none disappears without a moved block
# A breaking change passes only when VERSION moves the major version (the minor one while the major is 0).
#
#   bash tools/scripts/release.sh 0.2.0 --dry-run                 # build, test, check; publish nothing
#   bash tools/scripts/release.sh 0.2.0 --dry-run --baseline v0.1.0
#   bash tools/scripts/release.sh 0.2.0                           # the release workflow, on tag v0.2.0: also deploys
#
# Deploying uses the repository of <distributionManagement> (GitHub Packages of $GITHUB_REPOSITORY by default,
# -Dblueprints.release.url=... for another) with the credentials of the server id "github" in settings.xml.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

usage() { echo "usage: release.sh VERSION [--dry-run] [--baseline REF] [--skip-tests]" >&2; exit 2; }
version="" dry=0 baseline="" skip_tests=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry=1 ;;
    --skip-tests) skip_tests=1 ;;
    --baseline) [ $# -ge 2 ] || usage; baseline="$2"; shift ;;
    -*) echo "release.sh: unknown option $1" >&2; usage ;;
    *) [ -z "$version" ] || usage; version="${1#v}" ;;
  esac
  shift
done
[ -n "$version" ] || usage
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "release.sh: VERSION = \"$version\" is invalid: MAJOR.MINOR.PATCH, e.g. 1.4.0" >&2; exit 2; }
if [ "$dry" = 0 ] && ! grep -q "^## \[$version\]" CHANGELOG.md; then
  echo "release.sh: CHANGELOG.md has no section \"## [$version]\": move the Unreleased entries under it first" >&2; exit 2
fi
if [ -z "$baseline" ]; then
  baseline=$(git describe --tags --abbrev=0 --match 'v[0-9]*.[0-9]*.[0-9]*' HEAD 2>/dev/null || true)
  [ "$baseline" != "v$version" ] || baseline=$(git describe --tags --abbrev=0 --match 'v[0-9]*.[0-9]*.[0-9]*' HEAD^ 2>/dev/null || true)
fi

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 CHECKPOINT_DISABLE=1
work=$(mktemp -d "${TMPDIR:-/tmp}/blueprints-release.XXXXXX")
cleanup() {
  for tree in "$work/change" "$work/baseline"; do [ -d "$tree" ] && git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Builds REF in a work tree of its own at version V: the modules jars and the reference app's synthesized output.
build() {
  local name=$1 ref=$2 at=$3
  git worktree add --detach -q "$work/$name" "$ref"
  (cd "$work/$name"
   [ -z "$at" ] || mvn -B -q versions:set -DnewVersion="$at" -DgenerateBackupPoms=false -DprocessAllModules=true
   mvn -B -q -pl modules -am package -DskipTests
   CDKTF_OUTDIR="$work/$name-out" mvn -B -q -pl main -am compile exec:exec >"$work/$name-synth.log" 2>&1 \
     || { cat "$work/$name-synth.log" >&2; exit 1; })
}

echo "release.sh: $version (dry run: $dry), baseline: ${baseline:-none}"
build change HEAD "$version"
if [ "$skip_tests" = 0 ]; then (cd "$work/change" && mvn -B -q test); echo "release.sh: tests passed"; fi
jar="$work/change/modules/target/blueprints-modules-$version.jar"
testing_jar="$work/change/testing/target/blueprints-testing-$version.jar"
for f in "$jar" "${jar%.jar}-sources.jar" "${jar%.jar}-javadoc.jar" "$testing_jar" "${testing_jar%.jar}-sources.jar" "${testing_jar%.jar}-javadoc.jar"; do
  [ -s "$f" ] || { echo "release.sh: $f was not built" >&2; exit 1; }
done
echo "release.sh: artifacts $(cd "$(dirname "$jar")" && ls blueprints-modules-"$version"*.jar | tr '\n' ' ')"

if [ -z "$baseline" ]; then
  echo "release.sh: no earlier release tag (v*.*.*) and no --baseline: the compatibility checks have nothing to compare with"
else
  build baseline "$baseline" ""
  baseline_version=$(cd "$work/baseline" && mvn -B -q -N help:evaluate -Dexpression=project.version -DforceStdout -Dstyle.color=never \
    | sed 's/\x1b\[[0-9;]*m//g')
  [[ "$baseline" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] && baseline_version="${baseline#v}"
  old_jar="$work/baseline/modules/target/blueprints-modules-$baseline_version.jar"
  (cd "$work/change" && mvn -B -q -pl tools -am compile dependency:build-classpath -Dmdep.outputFile="$work/tools.cp" >/dev/null)
  # The tools' class path holds the modules' own dependencies (cdktf, the provider), for japicmp's look-ups.
  tools_cp="$work/change/tools/target/classes:$(cat "$work/tools.cp")"
  status=0
  java -cp "$tools_cp" dev.blueprints.tools.release.ApiCompatibility "$old_jar" "$jar" "$(cat "$work/tools.cp")" || status=1
  java -cp "$tools_cp" dev.blueprints.tools.release.AddressCompatibility "$work/baseline-out" "$work/change-out" || status=1
  if [ "$status" != 0 ]; then
    if java -cp "$tools_cp" dev.blueprints.tools.release.SemanticVersion "$baseline_version" "$version"; then
      echo "release.sh: breaking changes allowed: $baseline_version -> $version is a major step (the minor one while the major is 0); say what consumers do in CHANGELOG.md"
    else
      echo "release.sh: breaking changes since $baseline ($baseline_version) need a new major version (or, for addresses, a moved block)" >&2
      exit 1
    fi
  fi
fi

if [ "$dry" = 1 ]; then
  echo "release.sh: dry run complete: nothing published"
  exit 0
fi
(cd "$work/change" && mvn -B -pl modules -am deploy -DskipTests)
echo "release.sh: blueprints-modules $version published"
