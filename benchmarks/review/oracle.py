#!/usr/bin/python3
"""Plays the expert on a label-issues review.csv of benchmarks/review/run, from the true (clean) labels:

  oracle.py REVIEW_CSV OUT_DIR
    OUT_DIR/exclude.csv  every flagged row: action exclude
    OUT_DIR/oracle.csv   every flagged row (the top K, K = all flagged): relabel to its true label where its given
                         label was flipped, keep where it was right

Both keep review.csv's columns, so the feedback: section reads them as it reads an expert's file.
"""
import csv
import gzip
import os
import sys

import numpy as np

LABELS = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"
CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def main():
    review, out = sys.argv[1], sys.argv[2]
    with gzip.open(LABELS, "rb") as f:
        truth = np.frombuffer(f.read()[8:], dtype=np.uint8)
    with open(review, newline="") as f:
        reader = csv.DictReader(f)
        columns, rows = reader.fieldnames, list(reader)
    os.makedirs(out, exist_ok=True)
    relabelled = 0
    for name, decide in (("exclude", lambda row, true: ("exclude", "")),
                         ("oracle", lambda row, true: ("keep", "") if true == row["given-label"] else ("relabel", true))):
        with open(os.path.join(out, name + ".csv"), "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                true = CLASS_NAMES[truth[int(row["id"].rsplit("#", 1)[1])]]
                action, label = decide(row, true)
                relabelled += name == "oracle" and action == "relabel"
                writer.writerow(dict(row, action=action, **{"new-label": label, "annotator": "oracle", "note": ""}))
    print(f"{len(rows)} flagged rows: exclude.csv excludes them all, oracle.csv relabels {relabelled} and keeps the rest")


if __name__ == "__main__":
    main()
