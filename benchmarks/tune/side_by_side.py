#!/usr/bin/python3
"""Fulcrum's TPE against Optuna 3.1's on the same fulcrum objective, same budget, same seeds.

  side_by_side.py --fulcrum bin/fulcrum --pipeline benchmarks/tune/fashion-small.yaml --runs DIR \\
                  --optuna OPTUNA_JSONL [--sampler tpe|nsga2] [--seeds 0,1,2,3,4] [--trials 40] [--skip-fulcrum]

Runs one `fulcrum tune` study per seed (NSGA-II with a population of 10, as the driver's) (tune.seed, the pipeline's own seed unchanged, one worker),
then reads them and the Optuna driver's output (optuna_driver.py, which runs every trial as a
`fulcrum run` of the same pipeline) and prints, per sampler, the median over seeds of the best
value of the first objective after 10, 20 and 40 trials and of the two-objective hypervolume
(reference point 0 for accuracies, as pareto.json's) after 40 trials.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess


def hypervolume(points):
    """Two maximised objectives, reference (0, 0): the area the points dominate."""
    area, best_second = 0.0, 0.0
    for first, second in sorted(points, key=lambda p: -p[0]):
        if second > best_second:
            area += first * (second - best_second)
            best_second = second
    return area


def fulcrum_trials(folder):
    with open(os.path.join(folder, "trials.csv"), newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["number"]))
    objectives = [c for c in rows[0] if c.startswith("validation.")]
    return [[float(r[o]) for o in objectives] if r["state"] == "complete" else None for r in rows]


def optuna_trials(line):
    return [t["values"] if t["state"] == "complete" else None for t in json.loads(line)["trials"]]


def figures(trials, budgets):
    done = [t for t in trials[:max(budgets)]]
    best = [max((t[0] for t in done[:b] if t), default=float("nan")) for b in budgets]
    return best, hypervolume([t for t in done if t])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fulcrum", required=True)
    parser.add_argument("--pipeline", required=True)
    parser.add_argument("--runs", required=True)
    parser.add_argument("--optuna", required=True)
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--sampler", choices=["tpe", "nsga2"], default="tpe")
    parser.add_argument("--skip-fulcrum", action="store_true")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    if not args.skip_fulcrum:
        for seed in seeds:
            sampler = ["--set", "tune.sampler={type: nsga2, population-size: 10}"] if args.sampler == "nsga2" \
                else ["--set", "tune.sampler.type=tpe"]
            subprocess.run([args.fulcrum, "tune", args.pipeline, "--runs", args.runs, "--new",
                            "--set", f"tune.name=fulcrum-{args.sampler}-{seed}", "--set", f"tune.seed={seed}",
                            "--set", "tune.parallel=1", "--set", f"tune.trials={args.trials}"] + sampler,
                           check=True, stdout=subprocess.DEVNULL)
    budgets = [10, 20, 40]
    sides = {f"Fulcrum {args.sampler}": [fulcrum_trials(os.path.join(args.runs, f"fulcrum-{args.sampler}-{s}")) for s in seeds]}
    with open(args.optuna) as f:
        sides[f"Optuna {args.sampler}"] = [optuna_trials(line) for line in f if line.strip()]
    print("| sampler | seeds | best after 10 | 20 | 40 | hypervolume after 40 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, studies in sides.items():
        results = [figures(t, budgets) for t in studies]
        best = [statistics.median(r[0][i] for r in results) for i in range(len(budgets))]
        volume = statistics.median(r[1] for r in results)
        print(f"| {name} | {len(studies)} | " + " | ".join(f"{b:.4f}" for b in best) + f" | {volume:.4f} |")


if __name__ == "__main__":
    main()
