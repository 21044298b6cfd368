#!/usr/bin/python3
"""Tables of benchmarks/inspect/run from its runs folder: drift by depth per setting (mean over seeds), the
hypothesis "a full fine-tune's drift rises with depth" seed by seed, Kendall's tau between the general-accuracy
drop and the mean trunk drift across settings, and the cost of fulcrum inspect.

  table.py RUNS_DIR
"""
import glob
import json
import os
import sys

from scipy.stats import kendalltau

CONFIGS = ("full", "defaults", "freeze-1", "frozen", "wise-0.5")
TASKS = ("general", "specific")


def latest(runs, config, seed):
    folders = sorted(f for f in glob.glob(os.path.join(runs, f"{config}-seed{seed}-*"))
                     if os.path.isfile(os.path.join(f, "representations.json")))
    if not folders:
        return None
    with open(os.path.join(folders[-1], "summary.json")) as f:
        summary = json.load(f)
    with open(os.path.join(folders[-1], "representations.json")) as f:
        representations = json.load(f)
    return summary, representations


def drift(representations, layer, task):
    value = representations["drift"][layer]["tasks"][task]["drift"]
    return float("nan") if value is None else value


def mean(values):
    values = [v for v in values if v == v]
    return sum(values) / len(values) if values else float("nan")


def main(runs):
    seeds = sorted({int(os.path.basename(p).split("-seed")[1].split(".")[0])
                    for p in glob.glob(os.path.join(runs, "*-seed*.inspect.time"))})
    results = {(c, s): latest(runs, c, s) for c in CONFIGS for s in seeds}
    seeds = [s for s in seeds if all(results[(c, s)] for c in CONFIGS)]
    print(f"seeds: {seeds}\n")
    if not seeds:
        return
    layers = [layer["name"] for layer in results[(CONFIGS[0], seeds[0])][1]["drift"]]
    print("Drift = 1 - linear CKA (debiased) between theta_0 and the final model, on the validation rows "
          "(general: 1000, specific: 100), mean over the seeds\n")
    print("| setting | " + " | ".join(f"{layer} {task}" for layer in layers for task in TASKS)
          + " | specific test | general test | general before | general drop |")
    print("|---|" + "---:|" * (len(layers) * len(TASKS) + 4))
    points = []
    for config in CONFIGS:
        cells = []
        for i in range(len(layers)):
            for task in TASKS:
                cells.append(f"{mean([drift(results[(config, s)][1], i, task) for s in seeds]):.4f}")
        balance = [results[(config, s)][0]["balance"] for s in seeds]
        drop = mean([b["general_before"] - b["general"] for b in balance])
        print(f"| {config} | " + " | ".join(cells) + f" | {mean([b['specific'] for b in balance]):.4f} | "
              f"{mean([b['general'] for b in balance]):.4f} | {mean([b['general_before'] for b in balance]):.4f} | {drop:+.4f} |")
        for s in seeds:
            summary, representations = results[(config, s)]
            trunk = mean([drift(representations, i, task) for i in range(len(layers)) for task in TASKS])
            general_trunk = mean([drift(representations, i, "general") for i in range(len(layers))])
            points.append((config, s, summary["balance"]["general_before"] - summary["balance"]["general"], trunk, general_trunk))

    print("\nHypothesis 1: for a full fine-tune, drift rises with depth (each layer drifts more than the one below it)\n")
    print("| seed | " + " | ".join(f"{task}: " + " < ".join(layers) for task in TASKS) + " |")
    print("|---:|" + "---|" * len(TASKS))
    held = 0
    for s in seeds:
        cells = []
        for task in TASKS:
            values = [drift(results[("full", s)][1], i, task) for i in range(len(layers))]
            rises = all(a < b for a, b in zip(values, values[1:]))
            held += rises
            cells.append(("yes" if rises else "no") + " (" + ", ".join(f"{v:.4f}" for v in values) + ")")
        print(f"| {s} | " + " | ".join(cells) + " |")
    print(f"\nheld in {held} of {len(seeds) * len(TASKS)} (seed, task) cases")

    print("\nHypothesis 2: across settings, the general-accuracy drop (general before specific training minus general "
          "test accuracy) and the mean trunk drift\n")
    print("| setting | seed | general drop | mean trunk drift (both tasks' rows) | mean trunk drift (general rows) |")
    print("|---|---:|---:|---:|---:|")
    for config, s, drop, trunk, general_trunk in points:
        print(f"| {config} | {s} | {drop:+.4f} | {trunk:.4f} | {general_trunk:.4f} |")
    tau, p = kendalltau([p[2] for p in points], [p[3] for p in points])
    tau_general, p_general = kendalltau([p[2] for p in points], [p[4] for p in points])
    print(f"\nKendall's tau-b over the {len(points)} (setting, seed) points: {tau:.3f} (p = {p:.3g}) with the mean over "
          f"both tasks' rows, {tau_general:.3f} (p = {p_general:.3g}) with the general rows only")
    for s in seeds:
        seed_points = [p for p in points if p[1] == s]
        t, _ = kendalltau([p[2] for p in seed_points], [p[3] for p in seed_points])
        print(f"  seed {s}: tau {t:.3f} over its {len(seed_points)} settings")

    print("\nCost of fulcrum inspect (wall seconds of the launcher, and the measurement's own steps)\n")
    print("| rows | launcher wall s | peak RSS MiB | prepare | activations | scores | cka | total measured |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    cost = os.path.join(runs, "cost-5000.time")
    if os.path.exists(cost):
        fields = open(cost).read().split()
        with open(os.path.join(runs, "cost-5000.representations.json")) as f:
            seconds = json.load(f)["seconds"]
        rows = json.load(open(os.path.join(runs, "cost-5000.representations.json")))["rows"]
        label = ", ".join(f"{task} {rows[task]['train']} + {rows[task]['validation']}" for task in rows)
        print(f"| {label} | {float(fields[1]):.1f} | {int(fields[3]) / 1024:.0f} | " + " | ".join(
            f"{seconds.get(step, float('nan')):.1f}" for step in ("prepare", "activations", "scores", "cka", "total")) + " |")
    walls = []
    for config in CONFIGS:
        for s in seeds:
            fields = open(os.path.join(runs, f"{config}-seed{s}.inspect.time")).read().split()
            walls.append(float(fields[1]))
    print(f"| at most 1000 per task and partition | {mean(walls):.1f} (mean of {len(walls)}) | | | | | | |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "target", "runs"))
