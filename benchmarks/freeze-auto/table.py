#!/usr/bin/python3
"""Tables of benchmarks/freeze-auto/run from its runs folder: freeze: auto against the grid of fixed cuts
(test accuracy, where auto ranks), Kendall's tau between LogME on theta_0 of each cut and the cut's final
specific test accuracy, and what freeze: auto costs.

  table.py RUNS_DIR
"""
import glob
import json
import os
import sys

from scipy.stats import kendalltau


def latest(runs, name, seed):
    folders = sorted(f for f in glob.glob(os.path.join(runs, f"{name}-seed{seed}-*"))
                     if os.path.isfile(os.path.join(f, "summary.json")))
    if not folders:
        return None
    with open(os.path.join(folders[-1], "summary.json")) as f:
        summary = json.load(f)
    return summary if summary["status"] == "succeeded" else None


def rank(value, others):
    """1 + how many of the others are strictly better."""
    return 1 + sum(1 for other in others if other > value)


def model_tables(runs, prefix, cuts, title):
    seeds = sorted({int(os.path.basename(p).split("-seed")[1].split(".")[0])
                    for p in glob.glob(os.path.join(runs, f"{prefix}auto-seed*.time"))})
    print(f"## {title}\n")
    rows, taus, same = [], [], []
    for seed in seeds:
        auto = latest(runs, f"{prefix}auto", seed)
        if auto is None:
            continue
        choice = auto["training"]["layer_choice"]
        grid = {}
        for cut in cuts:
            summary = latest(runs, f"{prefix}freeze-{cut}", seed)
            if summary is None and cut == choice["freeze"]:
                summary = auto  # not run again: the auto run is this grid point
            elif summary is not None and cut == choice["freeze"]:
                same.append(summary["balance"] == auto["balance"])
            if summary is not None:
                grid[cut] = summary
        if len(grid) < len(cuts):
            continue
        scores = {c["freeze"]: c["score"] for c in choice["candidates"]}
        specific = {cut: grid[cut]["balance"]["specific"] for cut in cuts}
        general = {cut: grid[cut]["balance"]["general"] for cut in cuts}
        tau, _ = kendalltau([scores[cut] for cut in cuts], [specific[cut] for cut in cuts])
        taus.append(tau)
        rows.append((seed, choice, auto, specific, general, scores, tau))
    if not rows:
        print("(no complete seed yet)\n")
        return
    print(f"seeds: {[r[0] for r in rows]}\n")
    print("Test accuracy per cut (specific / general), LogME of the cut's input on theta_0 (nats per row, 100 "
          "specific training rows), and freeze: auto's choice\n")
    print("| seed | " + " | ".join(f"freeze {cut}" for cut in cuts) + " | auto chose | auto's rank, specific | "
          "auto's rank, general | tau(LogME, specific) |")
    print("|---:|" + "---|" * len(cuts) + "---|---:|---:|---:|")
    for seed, choice, auto, specific, general, scores, tau in rows:
        cells = [f"{specific[c]:.4f} / {general[c]:.4f} (LogME {scores[c]:.4f})" for c in cuts]
        a_specific, a_general = auto["balance"]["specific"], auto["balance"]["general"]
        print(f"| {seed} | " + " | ".join(cells) + f" | {choice['freeze']} | "
              f"{rank(a_specific, [specific[c] for c in cuts if c != choice['freeze']])} of {len(cuts)} | "
              f"{rank(a_general, [general[c] for c in cuts if c != choice['freeze']])} of {len(cuts)} | {tau:.3f} |")
    n = len(rows)
    mean = lambda values: sum(values) / len(values)
    print("\nMean over the seeds\n")
    print("| cut | specific | general |")
    print("|---|---:|---:|")
    for cut in cuts:
        print(f"| freeze {cut} | {mean([r[3][cut] for r in rows]):.4f} | {mean([r[4][cut] for r in rows]):.4f} |")
    print(f"| freeze: auto | {mean([r[2]['balance']['specific'] for r in rows]):.4f} | "
          f"{mean([r[2]['balance']['general'] for r in rows]):.4f} |")
    print(f"\nKendall's tau (LogME on theta_0 vs final specific accuracy, {len(cuts)} cuts): "
          + ", ".join(f"{t:.3f}" for t in taus) + f"; mean {mean(taus):.3f}")
    if same:
        print(f"auto run equal to its grid point (balance identical): {sum(same)} of {len(same)}")
    seconds = [r[1]["seconds"] for r in rows]
    totals = [r[2]["timing"]["total_seconds"] for r in rows]
    print(f"freeze: auto measuring and choosing: {mean(seconds):.2f} s mean (max {max(seconds):.2f}); "
          f"whole auto run {mean(totals):.1f} s mean over {n} seeds\n")


def main(runs):
    model_tables(runs, "", ["none", "dense-1", "dense-2"], "MLP [256, 128] (the example)")
    model_tables(runs, "deep-", ["none", "dense-1", "dense-2", "dense-3"], "MLP [512, 256, 128]")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "target", "runs"))
