#!/usr/bin/env python3
"""Tables of benchmarks/active-learning/run: specific (and general) test accuracy per round, rows chosen
by `uncertain --diverse` against `random`, per seed and averaged. Usage: table.py RUNS_DIR SEED..."""
import json
import re
import sys
from pathlib import Path

runs = Path(sys.argv[1])
seeds = sys.argv[2:] or ["0", "1", "2"]
ROUNDS = 3


def summary(name):
    files = sorted((runs / name).glob("*/summary.json"))
    return json.loads(files[0].read_text()) if files else None


def accuracy(s, task):
    return s["metrics"]["test"][task]["accuracy"] if s else None


def seconds(name):
    f = runs / f"{name}.time"
    return float(re.search(r"elapsed_s ([\d.]+)", f.read_text()).group(1)) if f.exists() else None


def row(cells):
    print("| " + " | ".join(cells) + " |")


def curve(method, seed, task):
    start = accuracy(summary(f"start-seed{seed}"), task)
    return [start] + [accuracy(summary(f"{method}-r{r}-seed{seed}"), task) for r in range(1, ROUNDS + 1)]


def show(values):
    return " -> ".join("-" if v is None else f"{v:.4f}" for v in values)


for task in ("specific", "general"):
    print(f"\n{task} test accuracy by round (round 0: 20 labels per class; each round +20 labels):\n")
    row(["seed", "uncertain (margin, diverse)", "random", "uncertain - random after the last round"])
    row(["---"] * 4)
    means = {"uncertain": [[] for _ in range(ROUNDS + 1)], "random": [[] for _ in range(ROUNDS + 1)]}
    for seed in seeds:
        curves = {m: curve(m, seed, task) for m in means}
        for m, values in curves.items():
            for r, v in enumerate(values):
                if v is not None:
                    means[m][r].append(v)
        last = (curves["uncertain"][-1], curves["random"][-1])
        row([seed, show(curves["uncertain"]), show(curves["random"]),
             "-" if None in last else f"{last[0] - last[1]:+.4f}"])
    mean = {m: [sum(v) / len(v) if v else None for v in means[m]] for m in means}
    row(["mean", show(mean["uncertain"]), show(mean["random"]),
         "-" if None in (mean["uncertain"][-1], mean["random"][-1]) else f"{mean['uncertain'][-1] - mean['random'][-1]:+.4f}"])

print("\nSeconds per step (mean over seeds and rounds): start run, review, fine-tune round\n")
for method in ("uncertain", "random"):
    reviews = [seconds(f"{method}-r{r}-seed{s}.review") for s in seeds for r in range(1, ROUNDS + 1)]
    rounds = [seconds(f"{method}-r{r}-seed{s}") for s in seeds for r in range(1, ROUNDS + 1)]
    reviews, rounds = [x for x in reviews if x], [x for x in rounds if x]
    if reviews and rounds:
        print(f"- {method}: review {sum(reviews) / len(reviews):.1f} s, round run {sum(rounds) / len(rounds):.1f} s")
starts = [x for x in (seconds(f"start-seed{s}") for s in seeds) if x]
if starts:
    print(f"- start run (pre-training and fine-tuning): {sum(starts) / len(starts):.1f} s")
