#!/usr/bin/python3
"""Tables of benchmarks/interpolate/run from its runs folder: the alpha curves (validation, mean over
seeds), the chosen alphas on test with the two hypotheses of issue 10, and the sweep's cost.

  table.py RUNS_DIR
"""
import glob
import json
import os
import sys


def latest(runs, config, seed):
    folders = sorted(glob.glob(os.path.join(runs, f"{config}-seed{seed}-*")))
    folders = [f for f in folders if os.path.isfile(os.path.join(f, "summary.json"))]
    if not folders:
        return None
    with open(os.path.join(folders[-1], "summary.json")) as f:
        summary = json.load(f)
    peak = None
    timing = os.path.join(runs, f"{config}-seed{seed}.time")
    if os.path.exists(timing):
        for line in open(timing):
            if line.startswith("peak_rss_kb"):
                peak = int(line.split()[1]) / 1024
    return summary, peak


def dominated(point, other):
    """other at least as good on both sides and better on one."""
    return other[0] >= point[0] and other[1] >= point[1] and (other[0] > point[0] or other[1] > point[1])


def main(runs):
    seeds = sorted({int(os.path.basename(p).split("-seed")[1].split(".")[0])
                    for p in glob.glob(os.path.join(runs, "*-seed*.time"))})
    results = {(c, s): latest(runs, c, s) for c in ("full-wise", "full", "defaults-wise") for s in seeds}
    # a seed counts once its three runs have finished (the script may still be running)
    seeds = [s for s in seeds if all(results[(c, s)] and results[(c, s)][0]["status"] == "succeeded"
                                     for c in ("full-wise", "full", "defaults-wise"))]
    print(f"seeds: {seeds}\n")
    print("Validation accuracy along the line theta(alpha) = (1 - alpha) theta_0 + alpha theta_1, mean over the seeds "
          "(specific: 100 rows, general: 1000 rows)\n")
    print("| alpha | full fine-tune specific | full fine-tune general | defaults specific | defaults general |")
    print("|---:|---:|---:|---:|---:|")
    curves = {c: [results[(c, s)][0]["balance"]["curve"] for s in seeds if results[(c, s)]] for c in ("full-wise", "defaults-wise")}
    for i, point in enumerate(curves["full-wise"][0]):
        cells = []
        for config in ("full-wise", "defaults-wise"):
            for side in ("specific", "general"):
                values = [curve[i][side] for curve in curves[config]]
                cells.append(f"{sum(values) / len(values):.4f}")
        print(f"| {point['alpha']:.1f} | " + " | ".join(cells) + " |")
    print("\nThe chosen alpha (rule mean) on test rows, against theta_1 and the plain runs (specific / general)\n")
    print("| seed | run | chosen alpha | chosen: test | theta_1: test | theta_0 general (test) | "
          "some alpha within 3 pts general of theta_0 and 0.5 pt specific of theta_1 (validation) | "
          "dominated by defaults | dominated by full fine-tune |")
    print("|---:|---|---:|---|---|---:|---|---|---|")
    undominated = {"full-wise": 0, "defaults-wise": 0}
    for seed in seeds:
        defaults = results[("defaults-wise", seed)][0]["interpolation"]["fine_tuned_test"]
        full = results[("full", seed)][0]["balance"]
        defaults_point = (defaults["specific"], defaults["general"])
        full_point = (full["specific"], full["general"])
        for config in ("full-wise", "defaults-wise"):
            summary = results[(config, seed)][0]
            wise = summary["interpolation"]
            curve = summary["balance"]["curve"]
            start, end = curve[0], curve[-1]
            keeps = [p["alpha"] for p in curve
                     if p["general"] >= start["general"] - 0.03 and p["specific"] >= end["specific"] - 0.005]
            chosen = (wise["test"]["specific"], wise["test"]["general"])
            by_defaults = dominated(chosen, defaults_point)
            by_full = dominated(chosen, full_point)
            if not by_defaults and not by_full:
                undominated[config] += 1
            print(f"| {seed} | {config} | {wise['chosen_alpha']:.1f} | {chosen[0]:.4f} / {chosen[1]:.4f} | "
                  f"{wise['fine_tuned_test']['specific']:.4f} / {wise['fine_tuned_test']['general']:.4f} | "
                  f"{summary['balance']['general_before']:.4f} | "
                  f"{'yes: alpha ' + ', '.join(f'{a:.1f}' for a in keeps) if keeps else 'no'} | "
                  f"{'yes' if by_defaults else 'no'} | {'yes' if by_full else 'no'} |")
    print(f"\nplain runs on test (specific / general): "
          + "; ".join(f"seed {s}: defaults {results[('defaults-wise', s)][0]['interpolation']['fine_tuned_test']['specific']:.4f} / "
                      f"{results[('defaults-wise', s)][0]['interpolation']['fine_tuned_test']['general']:.4f}, full fine-tune "
                      f"{results[('full', s)][0]['balance']['specific']:.4f} / {results[('full', s)][0]['balance']['general']:.4f}"
                      for s in seeds))
    print(f"chosen point dominated by neither: full-wise on {undominated['full-wise']} of {len(seeds)} seeds, "
          f"defaults-wise on {undominated['defaults-wise']} of {len(seeds)}\n")
    print("Cost: the sweep's seconds against the whole run, peak resident memory against the plain full fine-tune\n")
    print("| seed | run | sweep s | run s | sweep share | peak MB | plain full fine-tune peak MB |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for seed in seeds:
        plain_peak = results[("full", seed)][1]
        for config in ("full-wise", "defaults-wise"):
            summary, peak = results[(config, seed)]
            sweep = summary["interpolation"]["seconds"]
            total = summary["timing"]["total_seconds"]
            print(f"| {seed} | {config} | {sweep:.2f} | {total:.1f} | {sweep / total:.1%} | {peak:.0f} | {plain_peak:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1])
