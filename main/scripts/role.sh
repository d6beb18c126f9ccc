#!/usr/bin/env bash
# Prints the IAM role an environment's settings name for one purpose, or nothing when they name none:
#
#   main/scripts/role.sh dev plan       account.planRoleArn of <settings>/dev.json (the read-only role)
#   main/scripts/role.sh prod deploy    account.roleArn of <settings>/prod.json
#
# The settings directory is $BLUEPRINTS_SETTINGS_DIR or main/settings. The CI workflow assumes the printed role
# through OIDC (falling back to a repository variable when the settings name none). Exit 2 on bad arguments or an
# unreadable settings file. Needs Node.js (a prerequisite of the project).
set -euo pipefail
die() { echo "role.sh: $*" >&2; exit 2; }
(($# == 2)) || die "usage: role.sh <environment> plan|deploy"
env=$1 purpose=$2
[[ "$env" =~ ^[a-z][a-z0-9]{1,7}$ ]] || die "environment = $env is invalid: 2-8 lowercase letters or digits"
case "$purpose" in
  plan) field=planRoleArn ;;
  deploy) field=roleArn ;;
  *) die "purpose = $purpose is invalid: plan or deploy" ;;
esac
file="${BLUEPRINTS_SETTINGS_DIR:-main/settings}/$env.json"
[[ -f "$file" ]] || die "$file not found"
node -e '
  const [file, field] = process.argv.slice(1);
  let s;
  try { s = JSON.parse(require("fs").readFileSync(file, "utf8")); } catch (e) { console.error("role.sh: " + file + ": " + e.message); process.exit(2); }
  const v = (s.account || {})[field];
  if (v !== undefined && typeof v !== "string") { console.error("role.sh: " + file + ": account." + field + " is not a string"); process.exit(2); }
  if (v) console.log(v);
' "$file" "$field"
