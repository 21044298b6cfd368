"""The PyTorch side of benchmarks/speed/run-accuracy-inference (docs/resources.md, "Speed against PyTorch"),
of benchmarks/speed/native and of PipelineOverheadBenchmark.

  torch_speed.py train --threads N --batch B --seed S --max-epochs E [--target 0.87] [--save model.pt]
      trains the 784-256-128-10 MLP (ReLU, softmax cross-entropy, Adam lr 1e-3) on the 60,000 Fashion-MNIST
      training images, measures the accuracy on all 10,000 t10k images after every epoch and stops at the
      first epoch that reaches the target (or after E epochs). One line per event, flushed, so the driver can
      time them as it times Fulcrum's console: "train-start", "epoch N accuracy A seconds T" (T: this
      process's seconds since train-start, the evaluations included), then "reached" or "not-reached".
  torch_speed.py predict --threads N --model model.pt --out predictions.csv [--repeats R]
      in a fresh process: reads the t10k images, loads the saved state_dict, predicts the 10,000 rows in one
      call and in batches of 1024 and 2048 (Fulcrum's predict chunk), R times each after one untimed warm-up
      call, and writes a predictions CSV with the columns `fulcrum predict` writes (id, class, one
      probability per class), so that the process's wall time covers the same work.
  torch_speed.py throughput --threads N --batch B [--rows R] [--epochs E]
      trains the same MLP on the first R training images for E epochs after one unmeasured epoch and prints
      "samples/s N" (median over the epochs, wall time) and "samples/cpu-s N" (over the process's CPU time,
      which on one thread leaves out the time other processes took the core).

Pixels are bytes / 255, as the idx data source scales them; no normalisation on either side.
"""
import argparse
import gzip
import json
import statistics
import sys
import time

import numpy as np
import torch

FASHION = "/usr/share/datasets/fashion-mnist/"
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read_idx(name):
    """An IDX file's records: images as float32 rows in [0, 1], labels as int64."""
    with gzip.open(FASHION + name) as f:
        content = f.read()
    dimensions = content[3]
    shape = [int.from_bytes(content[4 + 4 * d:8 + 4 * d], "big") for d in range(dimensions)]
    values = np.frombuffer(content, np.uint8, offset=4 + 4 * dimensions)
    if dimensions == 1:
        return values.astype(np.int64)
    return values.reshape(shape[0], -1).astype(np.float32) / 255.0


def network():
    return torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10))


def accuracy(net, images, labels):
    net.eval()
    with torch.no_grad():
        decided = net(images).argmax(1)
    net.train()
    return float((decided == labels).float().mean())


def say(line):
    print(line, flush=True)


def train(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x = torch.from_numpy(read_idx("train-images-idx3-ubyte.gz"))
    train_y = torch.from_numpy(read_idx("train-labels-idx1-ubyte.gz"))
    test_x = torch.from_numpy(read_idx("t10k-images-idx3-ubyte.gz"))
    test_y = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte.gz"))
    net = network()
    optimiser = torch.optim.Adam(net.parameters(), lr=args.learning_rate)
    loss = torch.nn.CrossEntropyLoss()
    order = torch.Generator().manual_seed(args.seed)
    rows = len(train_x)
    say(f"train-start threads {torch.get_num_threads()} batch {args.batch} seed {args.seed} torch {torch.__version__}")
    started = time.perf_counter()
    reached = False
    for epoch in range(1, args.max_epochs + 1):
        permutation = torch.randperm(rows, generator=order)
        for start in range(0, rows, args.batch):
            batch = permutation[start:start + args.batch]
            optimiser.zero_grad()
            loss(net(train_x[batch]), train_y[batch]).backward()
            optimiser.step()
        reached_accuracy = accuracy(net, test_x, test_y)
        say(f"epoch {epoch} accuracy {reached_accuracy:.4f} seconds {time.perf_counter() - started:.3f}")
        if reached_accuracy >= args.target:
            reached = True
            break
    say("reached" if reached else "not-reached")
    if args.save:
        torch.save(net.state_dict(), args.save)


def throughput(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    images = torch.from_numpy(read_idx("train-images-idx3-ubyte.gz")[:args.rows])
    labels = torch.from_numpy(read_idx("train-labels-idx1-ubyte.gz")[:args.rows])
    net = network()
    optimiser = torch.optim.Adam(net.parameters(), 1e-3)
    loss = torch.nn.CrossEntropyLoss()
    speeds, cpu_speeds = [], []
    for epoch in range(args.epochs + 1):
        order = torch.randperm(args.rows)
        started, started_cpu = time.perf_counter(), time.process_time()
        for first in range(0, args.rows, args.batch):
            picked = order[first:first + args.batch]
            optimiser.zero_grad()
            loss(net(images[picked]), labels[picked]).backward()
            optimiser.step()
        if epoch > 0:
            speeds.append(args.rows / (time.perf_counter() - started))
            cpu_speeds.append(args.rows / (time.process_time() - started_cpu))
    say(f"samples/s {statistics.median(speeds):.0f}")
    say(f"samples/cpu-s {statistics.median(cpu_speeds):.0f}")


def predict(args):
    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    images = torch.from_numpy(read_idx("t10k-images-idx3-ubyte.gz"))
    labels = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte.gz"))
    read = time.perf_counter()
    net = network()
    net.load_state_dict(torch.load(args.model))
    net.eval()
    loaded = time.perf_counter()

    def probabilities(batch):
        with torch.no_grad():
            return torch.cat([torch.softmax(net(images[i:i + batch]), 1) for i in range(0, len(images), batch)])

    timings = {}
    first = None
    for batch in (len(images), 1024, 2048):
        key = "all" if batch == len(images) else str(batch)
        start = time.perf_counter()
        result = probabilities(batch)
        once = time.perf_counter() - start
        if first is None:
            first = once  # the process's first call: what a one-shot command pays
        seconds = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            result = probabilities(batch)
            seconds.append(time.perf_counter() - start)
        timings[key] = {"first_s": once, "median_s": statistics.median(seconds), "runs": seconds}
    predicted = time.perf_counter()
    decided = result.argmax(1).numpy()
    with open(args.out, "w") as out:
        out.write("id,specific," + ",".join("specific." + c for c in CLASSES) + "\n")
        values = result.numpy()
        for row in range(len(values)):
            out.write(f"t10k-images-idx3-ubyte.gz#{row},{CLASSES[decided[row]]}," + ",".join(f"{p:.6g}" for p in values[row]) + "\n")
    written = time.perf_counter()
    print(json.dumps({"rows": len(images), "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "accuracy": float((torch.from_numpy(decided) == labels).float().mean()),
                      "read_s": read - started, "load_model_s": loaded - read, "first_call_s": first,
                      "predict": timings, "predict_all_phases_s": predicted - loaded, "write_s": written - predicted}))


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    t = commands.add_parser("train")
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--batch", type=int, default=128)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--max-epochs", type=int, default=20)
    t.add_argument("--target", type=float, default=0.87)
    t.add_argument("--learning-rate", type=float, default=1e-3)
    t.add_argument("--save")
    p = commands.add_parser("predict")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--model", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--repeats", type=int, default=5)
    h = commands.add_parser("throughput")
    h.add_argument("--threads", type=int, default=1)
    h.add_argument("--batch", type=int, default=128)
    h.add_argument("--rows", type=int, default=30000)
    h.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    {"train": train, "predict": predict, "throughput": throughput}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
