#!/usr/bin/python3
"""Prints a study's Pareto front beside default runs and the PyTorch peer's points, as a Markdown table.

  front_table.py STUDY_FOLDER [--defaults RUN_FOLDER...] [--peer PEER_OUTPUT]

The front comes from the study's pareto.json; each row shows the trial's params and its
validation and test accuracy of both tasks (test read from the trial's summary.json for this
report only: the study chose on validation). Default runs are ordinary run folders (one per
strategy, e.g. from examples/fashion-balance.sh); the peer output is what
../shared/peers/torch_transfer.py prints (test accuracies). The last lines say whether one front
trial dominates every default run on both validation accuracies, and on both test accuracies.
"""
import argparse
import json
import os
import re


def summary(folder):
    with open(os.path.join(folder, "summary.json")) as f:
        return json.load(f)


def accuracies(s, split):
    m = s["metrics"][split]
    return m["specific"]["accuracy"], m["general"]["accuracy"]


def dominates(a, b):
    return all(x >= y for x, y in zip(a, b)) and any(x > y for x, y in zip(a, b))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("study")
    parser.add_argument("--defaults", nargs="*", default=[])
    parser.add_argument("--peer")
    args = parser.parse_args()
    with open(os.path.join(args.study, "pareto.json")) as f:
        pareto = json.load(f)
    print("| point | params | validation specific / general | test specific / general |")
    print("| --- | --- | --- | --- |")
    front = []
    for trial in pareto["front"]:
        s = summary(os.path.join(args.study, trial["run_folder"]))
        val, test = accuracies(s, "validation"), accuracies(s, "test")
        front.append((trial["trial"], val, test))
        params = ", ".join(f"{k.split('.')[-1]}={v:.4g}" if isinstance(v, float) else f"{k.split('.')[-1]}={v}"
                           for k, v in trial["params"].items())
        mark = " (selected)" if trial.get("selected") else ""
        print(f"| front: trial {trial['trial']}{mark} | {params} | {val[0]:.4f} / {val[1]:.4f} | {test[0]:.4f} / {test[1]:.4f} |")
    defaults = []
    for folder in args.defaults:
        s = summary(folder)
        val, test = accuracies(s, "validation"), accuracies(s, "test")
        defaults.append((val, test))
        print(f"| default: {s['training']['strategy']} | as in the file | {val[0]:.4f} / {val[1]:.4f} | {test[0]:.4f} / {test[1]:.4f} |")
    if args.peer:
        with open(args.peer) as f:
            for line in f:
                m = re.match(r"(.+?)\s+specific=([\d.]+) general=([\d.]+|nan)", line.strip())
                if m:
                    general = "-" if m.group(3) == "nan" else f"{float(m.group(3)):.4f}"
                    print(f"| PyTorch peer: {m.group(1)} | hand-written | | {float(m.group(2)):.4f} / {general} |")
    if defaults:
        for split, index in (("validation", 1), ("test", 2)):
            winners = [t for t in front if all(dominates(t[index], d[index - 1]) for d in defaults)]
            print(f"\nfront trials dominating every default run on {split}: "
                  + (", ".join(str(t[0]) for t in winners) if winners else "none"))
    hv = pareto.get("hypervolume") or {}
    print(f"hypervolume (validation): {hv.get('value')}; front size {len(front)}")


if __name__ == "__main__":
    main()
