"""Tables of benchmarks/speed/run-accuracy-inference's results folder: table.py RESULTS_DIR [TARGET].

Every log line starts with the driver's clock as the line arrived. Time to accuracy is counted from the training
start (Fulcrum's "model: ..." line, printed as the model stage ends and the training stage starts; torch's "train-start") to the first epoch line whose accuracy
on the 10,000 t10k images reaches the target (Fulcrum's accuracy read from metrics.jsonl, and checked against its
console line), and from the command's start. Prints markdown; results.json gets every raw figure.
"""
import glob
import json
import os
import re
import statistics
import sys

TARGET = float(sys.argv[2]) if len(sys.argv) > 2 else 0.87
results = sys.argv[1]


def stamped(path):
    lines = []
    with open(path) as f:
        for raw in f:
            stamp, _, text = raw.rstrip("\n").partition(" ")
            lines.append((float(stamp), text))
    return lines


def first(lines, pattern):
    for stamp, text in lines:
        match = re.search(pattern, text)
        if match:
            return stamp, match
    raise SystemExit(f"no line matches {pattern!r}")


def epoch_lines(lines, pattern):
    return [(stamp, re.search(pattern, text)) for stamp, text in lines if re.search(pattern, text)]


def fulcrum_run(log):
    lines = stamped(log)
    start = lines[0][0]
    end = lines[-1][0]
    # The model stage prints its line as it ends, so the training stage starts there; the strategy's first line
    # comes after the stage's set-up (its batches' arrays), which is part of the stage and counted.
    train_start, _ = first(lines, r"^model: ")
    first_batch, _ = first(lines, r"^\[supervised\] \d+ training rows")
    folder = first(lines, r"^run succeeded: (\S+)")[1].group(1)
    console = epoch_lines(lines, r"^\[supervised\] epoch (\d+)/\d+ .*val specific acc ([0-9.]+)")
    metrics = [json.loads(line) for line in open(os.path.join(folder, "metrics.jsonl"))]
    train_seconds = {m["epoch"]: m["seconds"] for m in metrics if m["split"] == "train"}
    accuracy = {m["epoch"]: m["metrics"]["specific"]["accuracy"] for m in metrics if m["split"] == "validation"}
    epochs = []
    for stamp, match in console:
        epoch = int(match.group(1))
        if abs(float(match.group(2)) - accuracy[epoch]) > 5e-5:
            raise SystemExit(f"{log}: epoch {epoch}'s console accuracy {match.group(2)} is not metrics.jsonl's {accuracy[epoch]}")
        epochs.append({"epoch": epoch, "accuracy": accuracy[epoch], "from_train_start_s": stamp - train_start,
                       "from_command_start_s": stamp - start,
                       "epoch_seconds_metrics": sum(train_seconds[e] for e in range(1, epoch + 1))})
    summary = json.load(open(os.path.join(folder, "summary.json")))
    provenance = json.load(open(os.path.join(folder, "provenance.json")))
    test = summary["metrics"]["test"]["specific"]["accuracy"] if "metrics" in summary else None
    return {"log": log, "folder": folder, "command_s": end - start, "epochs": epochs, "reached": reached(epochs),
            "stage_setup_s": first_batch - train_start,
            "test_accuracy": test, "stage_seconds": summary.get("resources", {}).get("stage_seconds"),
            "provenance": provenance, "loadavg": lines[0][1].split("loadavg ")[1]}


def torch_run(log):
    lines = stamped(log)
    start = lines[0][0]
    train_start, header = first(lines, r"^train-start (.*)")
    epochs = [{"epoch": int(m.group(1)), "accuracy": float(m.group(2)), "from_train_start_s": stamp - train_start,
               "from_command_start_s": stamp - start, "own_timer_s": float(m.group(3))}
              for stamp, m in epoch_lines(lines, r"^epoch (\d+) accuracy ([0-9.]+) seconds ([0-9.]+)")]
    return {"log": log, "command_s": lines[-1][0] - start, "epochs": epochs, "reached": reached(epochs),
            "settings": header.group(1), "loadavg": lines[0][1].split("loadavg ")[1]}


def reached(epochs):
    return next((e for e in epochs if e["accuracy"] >= TARGET), None)


def median(values):
    return statistics.median(values) if values else float("nan")


def seconds(runs, key):
    return [r["reached"][key] for r in runs if r["reached"]]


def describe(runs, key):
    values = seconds(runs, key)
    missed = len(runs) - len(values)
    text = f"{median(values):.1f}" if values else "-"
    return text + (f" ({missed} of {len(runs)} never reached)" if missed else "")


raw = {"target": TARGET, "machine": open(os.path.join(results, "machine.txt")).read().splitlines(), "train": {}, "predict": {}}
print(f"## Time to {TARGET} test accuracy (Fashion-MNIST t10k, 784-256-128-10 MLP, Adam lr 1e-3)\n")
for line in raw["machine"]:
    print(f"    {line}")
print()
sides = {}
for log in sorted(glob.glob(os.path.join(results, "logs", "fulcrum-b*-s*.log"))):
    batch = int(re.search(r"-b(\d+)-", log).group(1))
    sides.setdefault((batch, "fulcrum"), []).append(fulcrum_run(log))
for log in sorted(glob.glob(os.path.join(results, "logs", "torch-b*-s*-t*.log"))):
    batch, threads = (int(v) for v in re.search(r"-b(\d+)-s\d+-t(\d+)", log).groups())
    sides.setdefault((batch, f"pytorch {threads} thread" + ("s" if threads > 1 else "")), []).append(torch_run(log))
print("| batch | side | seeds | epochs to 0.87 (per seed) | s from training start (median) | per seed | "
      "s from command start (median) | whole command s (median) |")
print("|---:|---|---:|---|---:|---|---:|---:|")
best = {}
for (batch, side), runs in sorted(sides.items()):
    per_seed = ", ".join(f"{r['reached']['from_train_start_s']:.1f}" if r["reached"] else "never" for r in runs)
    epochs = ", ".join(str(r["reached"]["epoch"]) if r["reached"] else f">{len(r['epochs'])}" for r in runs)
    print(f"| {batch} | {side} | {len(runs)} | {epochs} | {describe(runs, 'from_train_start_s')} | {per_seed} | "
          f"{describe(runs, 'from_command_start_s')} | {median([r['command_s'] for r in runs]):.1f} |")
    raw["train"][f"{side} batch {batch}"] = runs
    values = seconds(runs, "from_train_start_s")
    if values and len(values) == len(runs):
        best.setdefault(side.split()[0], {})[batch] = (median(values), side, median(seconds(runs, "from_command_start_s")))
print()
if "fulcrum" in best and "pytorch" in best:
    fulcrum_best = min(best["fulcrum"].items(), key=lambda kv: kv[1][0])
    torch_best = {}
    for (batch, side), runs in sides.items():
        values = seconds(runs, "from_train_start_s")
        if side.startswith("pytorch") and values and len(values) == len(runs):
            if batch not in torch_best or median(values) < torch_best[batch][0]:
                torch_best[batch] = (median(values), side, median(seconds(runs, "from_command_start_s")))
    torch_overall = min(torch_best.items(), key=lambda kv: kv[1][0])
    print("| batch | Fulcrum s from training start | best PyTorch s (threads) | Fulcrum / PyTorch | "
          "Fulcrum s from command start | PyTorch s from command start | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for batch in sorted(best["fulcrum"]):
        if batch in torch_best:
            f, t = best["fulcrum"][batch], torch_best[batch]
            print(f"| {batch} | {f[0]:.1f} | {t[0]:.1f} ({t[1]}) | x{f[0] / t[0]:.2f} | {f[2]:.1f} | {t[2]:.1f} | x{f[2] / t[2]:.2f} |")
    print(f"| best of each | {fulcrum_best[1][0]:.1f} (batch {fulcrum_best[0]}) | {torch_overall[1][0]:.1f} "
          f"(batch {torch_overall[0]}, {torch_overall[1][1]}) | x{fulcrum_best[1][0] / torch_overall[1][0]:.2f} | "
          f"{fulcrum_best[1][2]:.1f} | {torch_overall[1][2]:.1f} | x{fulcrum_best[1][2] / torch_overall[1][2]:.2f} |")
    print()

print("Per Fulcrum run: the epochs' seconds in metrics.jsonl up to the epoch reaching the target, the training "
      "stage's set-up before its first epoch, stage seconds, test accuracy (the best epoch's), settings from provenance.json:\n")
for (batch, side), runs in sorted(sides.items()):
    if side != "fulcrum":
        continue
    for r in runs:
        p = r["provenance"]
        threads = p.get("threads", {})
        known = {"fulcrum_version", "seed", "config", "plugins", "plugins_lock", "data_files", "starting_point", "jvm", "os",
                 "threads", "libraries", "resumed_from"}
        extra = {k: v for k, v in p.items() if k not in known}
        stages = r["stage_seconds"] or {}
        fit = f"{r['reached']['epoch_seconds_metrics']:.1f}" if r["reached"] else "-"
        print(f"- batch {batch}, seed {p.get('seed')}: metrics.jsonl epoch seconds to target {fit}, stage set-up before them "
              f"{r['stage_setup_s']:.1f}; stages data {stages.get('data', 0):.1f} s, "
              f"train {stages.get('train', 0):.1f} s, test {stages.get('test', 0):.1f} s; test accuracy {r['test_accuracy']}; "
              f"max epoch accuracy {max(e['accuracy'] for e in r['epochs']):.4f}; load {r['loadavg']}; threads {json.dumps(threads)}; "
              f"libraries {json.dumps(p.get('libraries'))}" + (f"; other provenance {json.dumps(extra)}" if extra else ""))
print()

print("## Inference: predicting the 10,000 t10k images with a saved model\n")
fulcrum_predicts, torch_predicts = [], []
for log in sorted(glob.glob(os.path.join(results, "logs", "predict-fulcrum-*.log"))):
    lines = stamped(log)
    _, m = first(lines, r"(\d+) rows predicted in ([0-9.]+) s \(([0-9]+) rows/s\); read in ([0-9.]+) s, written in ([0-9.]+) s")
    _, acc = first(lines, r"accuracy ([0-9.]+) on (\d+) labelled rows")
    fulcrum_predicts.append({"wall_s": lines[-1][0] - lines[0][0], "rows": int(m.group(1)), "predict_s": float(m.group(2)),
                             "read_s": float(m.group(4)), "write_s": float(m.group(5)), "accuracy": float(acc.group(1))})
for log in sorted(glob.glob(os.path.join(results, "logs", "predict-torch-*.log"))):
    lines = stamped(log)
    _, m = first(lines, r"^(\{.*\})$")
    figures = json.loads(m.group(1))
    figures["wall_s"] = lines[-1][0] - lines[0][0]
    torch_predicts.append(figures)
warm_lines = stamped(os.path.join(results, "logs", "predict-warm.log"))
_, warm = first(warm_lines, r"predict-warm rows (\d+) first_s ([0-9.]+) warm_median_s ([0-9.]+) warm_rows_per_s (\d+) calls (\d+) warm_s (.*)")
_, settings = first(warm_lines, r"predict-settings (.*)")
raw["predict"] = {"fulcrum": fulcrum_predicts, "torch": torch_predicts, "fulcrum_warm": warm.group(0), "fulcrum_settings": settings.group(1)}
rows = fulcrum_predicts[0]["rows"]
f_wall = median([p["wall_s"] for p in fulcrum_predicts])
t_wall = median([p["wall_s"] for p in torch_predicts])
f_cold = median([p["predict_s"] for p in fulcrum_predicts])
f_warm = float(warm.group(3))
t_first = median([p["first_call_s"] for p in torch_predicts])
t_all = median([p["predict"]["all"]["median_s"] for p in torch_predicts])
t_1024 = median([p["predict"]["1024"]["median_s"] for p in torch_predicts])
t_2048 = median([p["predict"]["2048"]["median_s"] for p in torch_predicts])
print(f"Fulcrum settings (PredictWarm, in the launcher's JVM): {settings.group(1)}; PyTorch {torch_predicts[0]['threads']} thread, "
      f"torch {torch_predicts[0]['torch']}; accuracy Fulcrum {fulcrum_predicts[0]['accuracy']}, PyTorch {torch_predicts[0]['accuracy']:.4f}\n")
print("| | Fulcrum s | Fulcrum rows/s | PyTorch s | PyTorch rows/s | Fulcrum / PyTorch speed |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| whole command (process start to exit, reading and writing the CSV included) | {f_wall:.2f} | {rows / f_wall:,.0f} | "
      f"{t_wall:.2f} | {rows / t_wall:,.0f} | x{t_wall / f_wall:.2f} |")
print(f"| predict step, first call in the process (Fulcrum chunks of 2048; PyTorch all rows in one call) | {f_cold:.4f} | "
      f"{rows / f_cold:,.0f} | {t_first:.4f} | {rows / t_first:,.0f} | x{t_first / f_cold:.2f} |")
print(f"| predict step, warm (Fulcrum median of {int(warm.group(5)) - 1} calls after the first; PyTorch all rows in one call) | "
      f"{f_warm:.4f} | {rows / f_warm:,.0f} | {t_all:.4f} | {rows / t_all:,.0f} | x{t_all / f_warm:.2f} |")
print(f"| predict step, warm, PyTorch in batches of 2048 | | | {t_2048:.4f} | {rows / t_2048:,.0f} | x{t_2048 / f_warm:.2f} |")
print(f"| predict step, warm, PyTorch in batches of 1024 | | | {t_1024:.4f} | {rows / t_1024:,.0f} | x{t_1024 / f_warm:.2f} |")
print()
print("Raw: Fulcrum predict " + "; ".join(f"wall {p['wall_s']:.2f} s, predict {p['predict_s']:.4f} s, read {p['read_s']:.3f} s, "
                                          f"written {p['write_s']:.3f} s" for p in fulcrum_predicts))
print(f"Raw: Fulcrum warm: first {warm.group(2)} s, warm calls {warm.group(6)}")
print("Raw: PyTorch predict " + "; ".join(f"wall {p['wall_s']:.2f} s, read {p['read_s']:.3f} s, load {p['load_model_s']:.3f} s, "
                                          f"first {p['first_call_s']:.4f} s, all {p['predict']['all']['median_s']:.4f} s, "
                                          f"2048 {p['predict']['2048']['median_s']:.4f} s, 1024 {p['predict']['1024']['median_s']:.4f} s, "
                                          f"write {p['write_s']:.3f} s" for p in torch_predicts))
with open(os.path.join(results, "results.json"), "w") as f:
    json.dump(raw, f, indent=1, default=str)
