#!/usr/bin/env python3
"""Files for benchmarks/active-learning/run, one seed: from the Fashion-MNIST training images of the
specific classes (5-9), a seeded 40 per class as the labelled start (the idx source draws 20 to train
and 20 to validate from them) and every other image of those classes as the unlabelled pool, with the
pool's true labels kept apart for the simulated expert.

Usage: prepare.py SEED OUT_DIR
Writes OUT_DIR/start-images.gz, start-labels.gz, pool-images.gz (IDX, as LeCun's MNIST files) and
pool-truth.json ({"pool-images.gz#J": label value}: the id the idx source gives pool image J)."""
import gzip
import json
import struct
import sys
from pathlib import Path

import numpy as np

FASHION = Path("/usr/share/datasets/fashion-mnist")
CLASSES = [5, 6, 7, 8, 9]
START_PER_CLASS = 40


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def write_idx(path, array):
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(">" + "I" * array.ndim, *array.shape)
    with gzip.open(path, "wb") as f:
        f.write(header + np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def main():
    seed, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    images = read_idx(FASHION / "train-images-idx3-ubyte.gz")
    labels = read_idx(FASHION / "train-labels-idx1-ubyte.gz")
    rng = np.random.default_rng(seed)
    start, pool = [], []
    for c in CLASSES:
        records = rng.permutation(np.flatnonzero(labels == c))
        start.extend(records[:START_PER_CLASS])
        pool.extend(records[START_PER_CLASS:])
    start, pool = np.sort(np.array(start)), np.sort(np.array(pool))
    write_idx(out / "start-images.gz", images[start])
    write_idx(out / "start-labels.gz", labels[start])
    write_idx(out / "pool-images.gz", images[pool])
    truth = {f"pool-images.gz#{j}": int(labels[record]) for j, record in enumerate(pool)}
    (out / "pool-truth.json").write_text(json.dumps(truth))
    print(f"seed {seed}: {len(start)} start rows, {len(pool)} pool rows")


if __name__ == "__main__":
    main()
