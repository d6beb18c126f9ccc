#!/usr/bin/env bash
# Rewrites main/src/main/resources/dev/blueprints/app/preload-classes.txt, the classes Main loads ahead on a
# background thread (see ClassPreload): runs the full synth once with -Xlog:class+load and keeps, in load
# order, every class read from a jar or a class directory. Classes of the JDK are left out (most come from its
# shared archive, the rest load fast from its modules and differ between JDK versions), as are hidden classes
# (lambdas), which have no name to load by. Run it after a change that makes the blueprints use other provider
# resources or adds classes to the synth's path; ClassPreloadTest says when.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1
log=tools/target/class-load.log
list=main/src/main/resources/dev/blueprints/app/preload-classes.txt
rm -f "$log"
mvn -B -q -pl tools -am compile exec:exec@class-list >/dev/null
mkdir -p "$(dirname "$list")"
{
  echo "# Written by tools/scripts/class-list.sh from a -Xlog:class+load run of the full synth; see ClassPreload."
  # [0.123s][info][class,load] com.example.Name source: file:/...  ->  com.example.Name
  awk '$3 == "source:" && $4 ~ /^file:/ && $2 !~ /\$\$Lambda|\/0x/ && $2 != "dev.blueprints.app.Main" { print $2 }' "$log"
} > "$list"
echo "class-list.sh: $(($(wc -l < "$list") - 1)) classes in $list"
