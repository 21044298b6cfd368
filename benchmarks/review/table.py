#!/usr/bin/python3
"""The table of benchmarks/review/run from its runs folder: per seed, the flipped general training rows, the rows
label-issues flagged, their precision and recall against the flipped ones, the random baseline's precision at the
same K, the precision of the first F flagged rows (F = the flipped rows), the estimated noise rate and the seconds of fulcrum review (5-fold cross-fitting); then the means.

  table.py RUNS_DIR
"""
import csv
import glob
import os
import re
import sys


def ids(path):
    with open(path, newline="") as f:
        return [row["id"] for row in csv.DictReader(f)]


def main():
    runs = sys.argv[1]
    rows = []
    for noisy in sorted(glob.glob(os.path.join(runs, "noisy-seed*"))):
        if not os.path.isdir(noisy) or not os.path.isfile(os.path.join(noisy, "training.csv")):
            continue
        seed = int(re.search(r"seed(\d+)$", noisy).group(1))
        with open(os.path.join(noisy, "flipped.txt")) as f:
            flipped_all = {line.strip() for line in f if line.strip()}
        training = set(ids(os.path.join(noisy, "training.csv")))
        flipped = flipped_all & training
        flagged = ids(os.path.join(noisy, "label-issues.csv"))
        random = ids(os.path.join(noisy, "random.csv"))
        hits = sum(1 for i in flagged if i in flipped)
        # The ranking's quality apart from how many rows prune by noise rate flags: precision of the first F rows, F the flips.
        at_flips = sum(1 for i in flagged[:len(flipped)] if i in flipped) / max(1, min(len(flipped), len(flagged)))
        random_hits = sum(1 for i in random if i in flipped)
        with open(os.path.join(noisy, "label-issues.time")) as f:
            seconds = float(re.search(r"review_seconds ([\d.]+)", f.read()).group(1))
        with open(os.path.join(noisy, "label-issues.log")) as f:
            noise = float(re.search(r"estimated noise rate ([\d.]+)", f.read()).group(1))
        rows.append((seed, len(training), len(flipped), len(flagged), hits / max(1, len(flagged)), hits / max(1, len(flipped)),
                     random_hits / max(1, len(random)), at_flips, noise, seconds))
    print("| seed | training rows | flipped | flagged (K) | precision | recall | random precision at K | precision of the top F (F = flipped) | est. noise rate | review s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]:.3f} | {r[5]:.3f} | {r[6]:.3f} | {r[7]:.3f} | {r[8]:.3f} | {r[9]:.0f} |")
    if len(rows) > 1:
        mean = [sum(r[i] for r in rows) / len(rows) for i in range(1, 10)]
        print(f"| mean | {mean[0]:.0f} | {mean[1]:.0f} | {mean[2]:.0f} | {mean[3]:.3f} | {mean[4]:.3f} | {mean[5]:.3f} | {mean[6]:.3f} | {mean[7]:.3f} | {mean[8]:.0f} |")


if __name__ == "__main__":
    main()
