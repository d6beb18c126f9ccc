#!/usr/bin/env bash
# Runs `terraform init`, `validate` and `plan -out=tfplan` for every synthesized stack in cdktf.out,
# in dependency order: the stacks of one layer run in parallel (bounded), a layer starts only when the
# one before it has succeeded. The order comes from each stack's "dependencies" in cdktf.out/manifest.json.
# CI runs this same script after synthesizing (.github/workflows/blueprints.yml).
#
#   main/scripts/plan.sh                       every stack except state-bootstrap
#   main/scripts/plan.sh 'three-tier-dev-*'    stacks whose id matches a glob (several globs allowed)
#   main/scripts/plan.sh --dry-run ...         print the layers only (needs no terraform)
#
# Options: --outdir DIR (default cdktf.out, or $CDKTF_OUTDIR), --jobs N (default $PLAN_JOBS or 2),
#          --with-bootstrap (also plan state-bootstrap; naming it exactly as a pattern does the same),
#          --role deploy|plan|none: the role the provider of a stack with an account role assumes (variable
#          aws_role_arn): deploy (default) its account.roleArn; plan its environment's account.planRoleArn, read
#          from $BLUEPRINTS_SETTINGS_DIR/<env>.json (default main/settings); none: no role, the credentials as they
#          are (CI, whose OIDC credentials already are the environment's role).
# Each stack's directory gets tfplan (binary), tfplan.txt (terraform show) and plan.log. It first prints
# cdktf.out/before-first-deploy.txt, which synth writes: what to do before the first apply.
# Needs: bash, Node.js (reads the manifest; a prerequisite of the project anyway), Terraform >= 1.10.
set -euo pipefail

die() { local status=$1; shift; echo "plan.sh: $*" >&2; exit "$status"; }

outdir="${CDKTF_OUTDIR:-cdktf.out}"
jobs="${PLAN_JOBS:-2}"
dry_run=false
with_bootstrap=false
role=deploy
patterns=()
while (($#)); do
  case "$1" in
    --outdir) (($# >= 2)) || die 2 "--outdir needs a directory"; outdir=$2; shift 2 ;;
    --jobs) (($# >= 2)) || die 2 "--jobs needs a number"; jobs=$2; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    --with-bootstrap) with_bootstrap=true; shift ;;
    --role) (($# >= 2)) || die 2 "--role needs deploy, plan or none"; role=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die 2 "unknown option $1 (options: --outdir DIR, --jobs N, --with-bootstrap, --role deploy|plan|none, --dry-run)" ;;
    *) patterns+=("$1"); shift ;;
  esac
done
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die 2 "--jobs = $jobs is invalid: a positive whole number"
[[ "$role" =~ ^(deploy|plan|none)$ ]] || die 2 "--role = $role is invalid: deploy, plan or none"

# Every prerequisite is checked before the first stack is touched: a missing tool never leaves a partial run.
command -v node >/dev/null 2>&1 \
  || die 127 "node not found on PATH: install Node.js 20 or newer (https://nodejs.org/), needed to read $outdir/manifest.json"
if ! $dry_run; then
  command -v terraform >/dev/null 2>&1 \
    || die 127 "terraform not found on PATH: install Terraform 1.10 or newer (https://developer.hashicorp.com/terraform/install; in GitHub Actions: hashicorp/setup-terraform) and run again. Nothing was planned."
  tf_version=$(terraform version -json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).terraform_version)}catch(e){console.log("")}})')
  node -e 'const [a,b]=(process.argv[1]||"0.0").split(".").map(Number); process.exit(a>1||(a===1&&b>=10)?0:1)' "$tf_version" \
    || die 127 "terraform ${tf_version:-of unknown version} is too old: install Terraform 1.10 or newer (the S3 backend uses lock files). Nothing was planned."
fi
[[ -f "$outdir/manifest.json" ]] \
  || die 2 "$outdir/manifest.json not found: synthesize first (mvn -B -q -pl main -am compile exec:exec)"

# One line per layer, stack ids separated by spaces. A dependency outside the selection is taken as
# already applied; a cycle among the selected stacks is an error.
layers=$(node - "$outdir/manifest.json" "$with_bootstrap" "${patterns[@]}" <<'JS'
const fs = require("fs");
const [file, withBootstrap, ...patterns] = process.argv.slice(2);
const stacks = JSON.parse(fs.readFileSync(file, "utf8")).stacks || {};
// Shell-style globs: * ? and [abc] / [!abc].
const glob = p => {
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i], close = c === "[" ? p.indexOf("]", i + 2) : -1;
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (close > 0) { re += "[" + p.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\") + "]"; i = close; }
    else re += c.replace(/[.+^${}()|[\]\\\/]/g, "\\$&");
  }
  return new RegExp("^" + re + "$");
};
const regexes = patterns.map(glob);
const wanted = id => {
  if (id === "state-bootstrap" && withBootstrap !== "true" && !patterns.includes(id)) return false;
  return regexes.length === 0 || regexes.some(r => r.test(id));
};
const selected = Object.keys(stacks).filter(wanted);
const pending = new Map(selected.map(id => [id, new Set((stacks[id].dependencies || []).filter(d => selected.includes(d)))]));
const out = [];
while (pending.size > 0) {
  const ready = [...pending.keys()].filter(id => pending.get(id).size === 0).sort();
  if (ready.length === 0) {
    console.error("plan.sh: dependency cycle among stacks " + [...pending.keys()].join(", "));
    process.exit(3);
  }
  out.push(ready.join(" "));
  for (const id of ready) pending.delete(id);
  for (const deps of pending.values()) for (const id of ready) deps.delete(id);
}
console.log(out.join("\n"));
JS
) || die 3 "could not compute the stack order from $outdir/manifest.json"

if [[ -z "$layers" ]]; then
  die 2 "no stack in $outdir/manifest.json matches ${patterns[*]:-(all)}$($with_bootstrap || echo ' (state-bootstrap is skipped unless --with-bootstrap)')"
fi

# The value of aws_role_arn per stack that declares it (stacks without an account role declare none), read
# before the first stack is touched: a missing plan role stops the run here.
declare -A role_var=()
if [[ "$role" != deploy ]]; then
  roles=$(node - "$outdir" "$role" "${BLUEPRINTS_SETTINGS_DIR:-main/settings}" $layers <<'JS'
const fs = require("fs"), path = require("path");
const [outdir, role, settingsDir, ...ids] = process.argv.slice(2);
for (const id of ids) {
  const tf = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8"));
  if (!(tf.variable && tf.variable.aws_role_arn)) continue;
  if (role === "none") { console.log(id + " "); continue; }
  const provider = ((tf.provider || {}).aws || [])[0] || {};
  const env = (((provider.default_tags || [])[0] || {}).tags || {}).Environment;
  const file = path.join(settingsDir, env + ".json");
  let settings;
  try { settings = JSON.parse(fs.readFileSync(file, "utf8")); } catch (e) {
    console.error("plan.sh: --role plan: stack " + id + " (environment " + env + "): cannot read " + file + ": " + e.message);
    process.exit(2);
  }
  const arn = (settings.account || {}).planRoleArn;
  if (!arn) {
    console.error("plan.sh: --role plan: " + file + " has no account.planRoleArn for stack " + id + "; add it, or use --role deploy");
    process.exit(2);
  }
  console.log(id + " " + arn);
}
JS
) || exit 2
  while read -r id arn; do if [[ -n "$id" ]]; then role_var[$id]=$arn; fi; done <<<"$roles"
fi

if $dry_run; then
  n=0; while read -r layer; do n=$((n + 1)); echo "layer $n: $layer"; done <<<"$layers"
  for id in $(printf '%s\n' "${!role_var[@]}" | sort); do echo "role of $id: ${role_var[$id]:-(none: the credentials as they are)}"; done
  exit 0
fi

export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

# What synth found the user must do before the first apply (state bucket, images, secrets to fill, alarm
# addresses, certificates, quotas): repeated here so it is read before any plan is applied.
if [[ -f "$outdir/before-first-deploy.txt" ]]; then sed 's/^/plan.sh: /' "$outdir/before-first-deploy.txt"; fi

plan_one() {
  local id=$1 dir="$outdir/stacks/$1"
  if [[ ! -f "$dir/cdk.tf.json" ]]; then echo "no $dir/cdk.tf.json"; return 1; fi
  local vars=()
  if [[ -v role_var[$id] ]]; then vars=("-var=aws_role_arn=${role_var[$id]}"); fi
  (
    cd "$dir"
    terraform init -input=false -no-color \
      && terraform validate -no-color \
      && terraform plan -input=false -no-color -lock-timeout=5m "${vars[@]}" -out=tfplan \
      && terraform show -no-color tfplan >tfplan.txt
  )
}

run_one() {
  local id=$1 status=0
  plan_one "$id" >"$outdir/stacks/$id/plan.log" 2>&1 || status=$?
  sed "s/^/[$id] /" "$outdir/stacks/$id/plan.log"
  echo "$status" >"$status_dir/$id"
}

status_dir=$(mktemp -d)
trap 'rm -rf "$status_dir"' EXIT
n=0
while read -r layer; do
  n=$((n + 1))
  echo "plan.sh: layer $n: $layer"
  for id in $layer; do
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
    run_one "$id" &
  done
  wait
  failed=()
  for id in $layer; do
    [[ "$(cat "$status_dir/$id" 2>/dev/null || echo 1)" == 0 ]] || failed+=("$id")
  done
  if ((${#failed[@]})); then
    die 1 "plan failed for ${failed[*]} (see $outdir/stacks/<id>/plan.log); later layers were not planned"
  fi
done <<<"$layers"
echo "plan.sh: planned $(wc -w <<<"$layers") stack(s) in $n layer(s); plans in $outdir/stacks/<id>/tfplan"
