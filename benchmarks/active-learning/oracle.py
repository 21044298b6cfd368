#!/usr/bin/env python3
"""The simulated expert of benchmarks/active-learning/run: fills a review.csv of pool rows with
`add` and each row's true label, as an expert labelling the rows would.

Usage: oracle.py REVIEW_CSV TRUTH_JSON CLASS_NAMES_JSON OUT_CSV"""
import csv
import json
import sys


def main():
    review, truth, names, out = sys.argv[1], json.load(open(sys.argv[2])), json.loads(sys.argv[3]), sys.argv[4]
    with open(review, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{review}: no rows to label")
    for row in rows:
        row["action"] = "add"
        row["new-label"] = names[truth[row["id"]]]
        row["annotator"] = "oracle"
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
