"""Training throughput of the 784-256-128-10 MLP (ReLU, Adam lr 1e-3, cross-entropy) in PyTorch on the
first ROWS Fashion-MNIST training images, for the side-by-side in PipelineOverheadBenchmark.

Usage: /usr/bin/python3 torch_throughput.py BATCH THREADS [ROWS] [EPOCHS]
Prints `samples/s N` (median over the epochs after one unmeasured epoch), and `samples/cpu-s N`: over the
process's CPU time, which on one thread leaves out the time other processes took the core."""
import gzip
import statistics
import sys
import time

import numpy as np
import torch

FASHION = "/usr/share/datasets/fashion-mnist/"


def read_idx(name, offset):
    with gzip.open(FASHION + name) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def main():
    batch, threads = int(sys.argv[1]), int(sys.argv[2])
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 30000
    epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images = torch.from_numpy(read_idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:rows].astype(np.float32) / 255)
    labels = torch.from_numpy(read_idx("train-labels-idx1-ubyte.gz", 8)[:rows].astype(np.int64))
    net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                              torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(net.parameters(), 1e-3)
    loss = torch.nn.CrossEntropyLoss()
    speeds = []
    cpu_speeds = []
    for epoch in range(epochs + 1):
        order = torch.randperm(rows)
        started = time.perf_counter()
        started_cpu = time.process_time()
        for first in range(0, rows, batch):
            picked = order[first:first + batch]
            optimizer.zero_grad()
            loss(net(images[picked]), labels[picked]).backward()
            optimizer.step()
        if epoch > 0:
            speeds.append(rows / (time.perf_counter() - started))
            cpu_speeds.append(rows / (time.process_time() - started_cpu))
    print(f"samples/s {statistics.median(speeds):.0f}")
    print(f"samples/cpu-s {statistics.median(cpu_speeds):.0f}")


if __name__ == "__main__":
    main()
