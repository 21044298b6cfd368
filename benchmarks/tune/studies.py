#!/usr/bin/python3
"""Two measurements of fulcrum tune on one pipeline, each a side-by-side of studies in one go.

  studies.py --fulcrum bin/fulcrum --pipeline benchmarks/tune/fashion-small.yaml --runs DIR [--trials 20]

1. ASHA against no pruning: the same trials (random search draws each trial's values from its
   own seed, so both studies try the same values), once run to the end and once under ASHA
   (its defaults: rungs at epochs 1, 3, 9, 27; a third promoted at each); prints the share of trial-epochs saved and both studies' best values.
2. Two workers against one: the unpruned study again with tune.parallel: 2; prints the wall times
   and their ratio. Each worker gets the cores divided by the workers (recorded per trial).
"""
import argparse
import csv
import json
import os
import subprocess
import time


def tune(args, name, *sets):
    command = [args.fulcrum, "tune", args.pipeline, "--runs", args.runs, "--new",
               "--set", f"tune.name={name}", "--set", "tune.sampler.type=random", "--set", f"tune.trials={args.trials}"]
    for s in sets:
        command += ["--set", s]
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def trials(args, name):
    folder = os.path.join(args.runs, name)
    with open(os.path.join(folder, "trials.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        with open(os.path.join(folder, row["run_folder"], "summary.json")) as f:
            s = json.load(f)
        row["epochs"] = (s["study"]["pruned_after_epoch"] if row["state"] == "pruned"
                         else sum(p["epochs_run"] for p in s["training"]["phases"]))
        row["cores"] = None
        with open(os.path.join(folder, row["run_folder"], "provenance.json")) as f:
            row["cores"] = json.load(f).get("study", {}).get("cores")
    return rows


def best(rows, metric):
    values = [float(r[metric]) for r in rows if r["state"] == "complete" and r[metric]]
    return max(values) if values else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fulcrum", required=True)
    parser.add_argument("--pipeline", required=True)
    parser.add_argument("--runs", required=True)
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    one = tune(args, "unpruned", "tune.pruner.type=none", "tune.parallel=1")
    asha = tune(args, "asha", "tune.pruner.type=asha", "tune.parallel=1")
    two = tune(args, "two-workers", "tune.pruner.type=none", "tune.parallel=2")
    plain, pruned, parallel = trials(args, "unpruned"), trials(args, "asha"), trials(args, "two-workers")
    metric = "validation.specific.accuracy"
    run_plain, run_pruned = sum(r["epochs"] for r in plain), sum(r["epochs"] for r in pruned)
    print(f"ASHA: {sum(r['state'] == 'pruned' for r in pruned)} of {len(pruned)} trials pruned; trial-epochs "
          f"{run_pruned} against {run_plain} unpruned: {100 * (1 - run_pruned / run_plain):.1f}% saved; "
          f"best {metric} {best(pruned, metric)} against {best(plain, metric)} unpruned; "
          f"wall {asha:.0f} s against {one:.0f} s")
    print(f"workers: one worker {one:.0f} s, two workers {two:.0f} s: ratio two/one {two / one:.2f}; "
          f"cores per trial {sorted({r['cores'] for r in plain})} and {sorted({r['cores'] for r in parallel})}; "
          f"best {best(parallel, metric)} against {best(plain, metric)}")


if __name__ == "__main__":
    main()
