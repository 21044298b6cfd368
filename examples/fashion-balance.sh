#!/usr/bin/env bash
# Runs examples/fashion-balance.yaml once per strategy and prints the runs side by side
# (fulcrum compare). Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist/
# (apt-get install dataset-fashion-mnist).
#
# Uses the distribution's bin/fulcrum when it is built (distribution/target/fulcrum). Otherwise it
# builds the reactor (unless FULCRUM_NO_BUILD=1) and runs the launcher from core's class path with a
# plugins folder of the plugin jars the build made.
#
# Usage: examples/fashion-balance.sh [STRATEGY...]   (default: all four; RUNS=DIR sets the runs folder)
# The comparison is also written as a page, $RUNS/fashion-balance.html (HTML=FILE names another).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-$root/runs}
strategies=("$@")
[ ${#strategies[@]} -gt 0 ] || strategies=(supervised pretrain-finetune layer-wise multi-task)

distribution="$root/distribution/target/fulcrum/bin/fulcrum"
if [ -x "$distribution" ]; then
  fulcrum() { "$distribution" "$@"; }
  plugin_args=()
else
  if [ "${FULCRUM_NO_BUILD:-0}" != 1 ]; then
    (cd "$root" && mvn -B -q -DskipTests package)
  fi
  plugins=$(mktemp -d)
  trap 'rm -rf "$plugins"' EXIT
  cp "$root"/plugins/*/*/target/fulcrum-plugin-*.jar "$plugins"/
  classpath="$root/core/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
  # ND4J and OpenBLAS threads fight on small machines; the launcher gives ND4J one thread (README, "Threads")
  fulcrum() { OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} java -cp "$classpath" dev.fulcrum.core.cli.FulcrumCli "$@"; }
  plugin_args=(--plugins "$plugins")
fi

folders=()
for strategy in "${strategies[@]}"; do
  echo "== $strategy"
  started=$(date +%s)
  log=$(mktemp)
  fulcrum run "$here/fashion-balance.yaml" --set "strategy.type=$strategy" --runs "$runs" "${plugin_args[@]}" | tee "$log"
  folders+=("$(sed -n 's/^run succeeded: //p' "$log")")
  rm -f "$log"
  echo "== $strategy took $(( $(date +%s) - started )) s"
done
echo
fulcrum compare --html "${HTML:-$runs/fashion-balance.html}" "${folders[@]}"
