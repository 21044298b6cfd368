#!/usr/bin/python3
"""The table of benchmarks/review/run-feedback: per seed, the general test accuracy clean / noisy / after excluding
the flagged rows / after the oracle's relabels, and the share of the noisy-to-clean gap each fix recovers (and, over several seeds, the
mean accuracies and the shares of the mean gap).

  feedback_table.py RUNS_DIR
"""
import glob
import json
import os
import sys

SETTINGS = ("clean", "noisy", "exclude", "oracle")


def accuracy(runs, setting, seed):
    folders = sorted(f for f in glob.glob(os.path.join(runs, f"{setting}-seed{seed}-*")) if os.path.isdir(f))
    if not folders:
        return None
    with open(os.path.join(folders[-1], "summary.json")) as f:
        summary = json.load(f)
    return summary["metrics"]["test"]["general"]["accuracy"]


def main():
    runs = sys.argv[1]
    seeds = sorted({int(p.rsplit("seed", 1)[1].split("-")[0]) for p in glob.glob(os.path.join(runs, "clean-seed*-*"))})
    print("| seed | clean | noisy | exclude flagged | oracle relabels | gap recovered (exclude) | gap recovered (oracle) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for seed in seeds:
        a = {s: accuracy(runs, s, seed) for s in SETTINGS}
        if None not in a.values():
            rows.append((str(seed), a))
    if len(rows) > 1:
        rows.append(("mean", {s: sum(a[s] for _, a in rows) / len(rows) for s in SETTINGS}))
    for label, a in rows:
        gap = a["clean"] - a["noisy"]
        share = lambda fix: (a[fix] - a["noisy"]) / gap if gap > 0 else float("nan")
        print(f"| {label} | {a['clean']:.4f} | {a['noisy']:.4f} | {a['exclude']:.4f} | {a['oracle']:.4f} | "
              f"{share('exclude'):.2f} | {share('oracle'):.2f} |")


if __name__ == "__main__":
    main()
