#!/usr/bin/python3
"""Writes a noisy copy of Fashion-MNIST's training labels for benchmarks/review/run: 10 % of the records of the
general classes 0-4 (seeded) get another of those 5 classes, uniformly (symmetric noise). The other records keep
their labels, so the specific source of examples/fashion-balance.yaml is untouched.

  noisy.py SEED OUT_DIR [RATE]   -> OUT_DIR/train-labels-idx1-ubyte.gz and OUT_DIR/flipped.txt (one row id a line)
"""
import gzip
import os
import sys

import numpy as np

LABELS = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"
IMAGES_NAME = "train-images-idx3-ubyte.gz"   # row ids are the images file's name and the record
GENERAL = 5


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    rate = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    with gzip.open(LABELS, "rb") as f:
        raw = f.read()
    header, labels = raw[:8], np.frombuffer(raw[8:], dtype=np.uint8).copy()
    rng = np.random.default_rng(seed)
    general = np.flatnonzero(labels < GENERAL)
    flipped = np.sort(rng.choice(general, size=int(round(rate * len(general))), replace=False))
    for record in flipped:
        others = [c for c in range(GENERAL) if c != labels[record]]
        labels[record] = others[rng.integers(len(others))]
    os.makedirs(out, exist_ok=True)
    with gzip.open(os.path.join(out, "train-labels-idx1-ubyte.gz"), "wb") as f:
        f.write(header + labels.tobytes())
    with open(os.path.join(out, "flipped.txt"), "w") as f:
        f.writelines(f"{IMAGES_NAME}#{record}\n" for record in flipped)
    print(f"{len(flipped)} of {len(general)} general labels flipped (seed {seed})")


if __name__ == "__main__":
    main()
