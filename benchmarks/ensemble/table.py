"""The tables of benchmarks/ensemble/run: per seed and task, the ensemble against its members, and the cost."""
import glob
import json
import re
import statistics
import sys


def summary(folder):
    return json.load(open(glob.glob(folder + "/*/summary.json")[0]))


def cost(time_file):
    """CPU seconds (user + system: what the run itself did, whatever else loads the machine), wall seconds, peak GiB."""
    text = open(time_file).read()
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", text).group(1)) for kind in ("User", "System"))
    clock = re.search(r"Elapsed \(wall clock\) time.*: (.+)", text).group(1).split(":")
    wall = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
    peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return cpu, wall, peak_kib / 1024 / 1024


out, seeds = sys.argv[1], sys.argv[2:]
print("| seed | task | ensemble acc | best member | mean member | ensemble ECE | mean member ECE | ensemble NLL | mean member NLL |")
print("|---|---|---|---|---|---|---|---|---|")
gains = {}
for seed in seeds:
    s = summary(f"{out}/ensemble-{seed}")
    members = s["ensemble"]["members"]
    for task in ("specific", "general"):
        accuracy = [m["metrics"]["test"][task]["accuracy"] for m in members]
        ece = [m["calibration"]["test"][task]["ece"] for m in members]
        nll = [m["calibration"]["test"][task]["nll"] for m in members]
        row = (s["metrics"]["test"][task]["accuracy"], max(accuracy), statistics.mean(accuracy),
               s["calibration"]["test"][task]["ece"], statistics.mean(ece),
               s["calibration"]["test"][task]["nll"], statistics.mean(nll))
        gains.setdefault(task, []).append(row)
        print(f"| {seed} | {task} | " + " | ".join(f"{v:.4f}" for v in row) + " |")
for task, rows in gains.items():
    mean = [statistics.mean(r[i] for r in rows) for i in range(7)]
    print(f"| mean | {task} | " + " | ".join(f"{v:.4f}" for v in mean) + " |")
print()
print("| seed | one run: CPU s | ensemble: CPU s | ratio | one run: wall s | ensemble: wall s | one run: peak GiB | ensemble: peak GiB | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for seed in seeds:
    single_cpu, single_wall, single_gib = cost(f"{out}/single-{seed}.time")
    ensemble_cpu, ensemble_wall, ensemble_gib = cost(f"{out}/ensemble-{seed}.time")
    print(f"| {seed} | {single_cpu:.1f} | {ensemble_cpu:.1f} | {ensemble_cpu / single_cpu:.2f}x | {single_wall:.1f} | "
          f"{ensemble_wall:.1f} | {single_gib:.2f} | {ensemble_gib:.2f} | {ensemble_gib / single_gib:.2f}x |")
    member1 = summary(f"{out}/ensemble-{seed}")["ensemble"]["members"][0]["metrics"]["test"]["specific"]["accuracy"]
    single = summary(f"{out}/single-{seed}")["metrics"]["test"]["specific"]["accuracy"]
    print(f"<!-- seed {seed}: member 1 specific test accuracy {member1:.4f}, the plain run's {single:.4f} -->")
