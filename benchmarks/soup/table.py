#!/usr/bin/env python3
"""Tables of benchmarks/soup/run: soups against the best single fine-tune, SWA and EMA against the plain
fine-tune, and the cost against one run. Usage: table.py RUNS_DIR SEED..."""
import json
import re
import sys
from pathlib import Path

runs = Path(sys.argv[1])
seeds = sys.argv[2:] or ["0", "1", "2"]


def summary(name):
    files = sorted((runs / name).glob("*/summary.json"))
    return json.loads(files[0].read_text()) if files else None


def test(s, task):
    return s["metrics"]["test"][task]["accuracy"]


def validation_score(s):
    v = s["metrics"]["validation"]
    return (v["specific"]["accuracy"] + v["general"]["accuracy"]) / 2


def cost(name):
    f = runs / f"{name}.time"
    if not f.exists():
        return None
    text = f.read_text()
    rss = int(re.search(r"peak_rss_kb (\d+)", text).group(1))
    elapsed = float(re.search(r"elapsed_s ([\d.]+)", text).group(1))
    cpu = sum(float(x) for x in re.search(r"cpu_s ([\d.]+)\+([\d.]+)", text).groups())
    return elapsed, cpu, rss / 1024 / 1024


def row(cells):
    print("| " + " | ".join(cells) + " |")


def f4(x):
    return f"{x:.4f}"


print("Soups of 5 fine-tunes from one theta_0 (test accuracy, specific / general):\n")
row(["seed", "theta_0 (base's)", "best fine-tune by validation", "best specific / best general fine-tune (on test)",
     "mean fine-tune", "greedy soup (members)", "uniform soup", "greedy vs best by validation"])
row(["---"] * 8)
for seed in seeds:
    fts = [(k, summary(f"ft{k}-seed{seed}")) for k in range(1, 6)]
    fts = [(k, s) for k, s in fts if s]
    greedy = summary(f"greedy-seed{seed}")
    uniform = summary(f"uniform-seed{seed}")
    base = summary(f"base-seed{seed}")
    if len(fts) < 5 or not greedy or not uniform or not base:
        row([seed, "(not run yet)"] + [""] * 6)
        continue
    k_best, best = max(fts, key=lambda ks: validation_score(ks[1]))
    best_spec = max(test(s, "specific") for _, s in fts)
    best_gen = max(test(s, "general") for _, s in fts)
    mean_spec = sum(test(s, "specific") for _, s in fts) / len(fts)
    mean_gen = sum(test(s, "general") for _, s in fts) / len(fts)
    before = base["balance"]["general_before"]
    ingredients = greedy["ensemble"]["soup"]["ingredients"]
    d_spec = test(greedy, "specific") - test(best, "specific")
    d_gen = test(greedy, "general") - test(best, "general")
    row([seed, f"general {f4(before)}",
         f"ft{k_best}: {f4(test(best, 'specific'))} / {f4(test(best, 'general'))}",
         f"{f4(best_spec)} / {f4(best_gen)}", f"{f4(mean_spec)} / {f4(mean_gen)}",
         f"{f4(test(greedy, 'specific'))} / {f4(test(greedy, 'general'))} ({', '.join('ft' + str(i) for i in ingredients)})",
         f"{f4(test(uniform, 'specific'))} / {f4(test(uniform, 'general'))}",
         f"{d_spec:+.4f} / {d_gen:+.4f}"])

print("\nGreedy steps (validation score = mean of specific and general validation accuracy):\n")
row(["seed", "steps: member (alone -> soup with it, in/out)"])
row(["---", "---"])
for seed in seeds:
    greedy = summary(f"greedy-seed{seed}")
    if not greedy:
        continue
    steps = greedy["ensemble"]["soup"]["steps"]
    row([seed, "; ".join(f"ft{st['member']} ({st['alone']:.4f} -> {st['tried']:.4f}, {'in' if st['added'] else 'out'})"
                         for st in steps)])

print("\nWeight averaging against the plain fine-tune (ft1: same finetune-seed and rate), test accuracy specific / general,"
      " and validation before -> after averaging:\n")
row(["seed", "plain fine-tune", "SWA (last 5 epochs)", "SWA validation before -> after", "EMA (decay 0.99, per batch)",
     "EMA validation before -> after"])
row(["---"] * 6)
for seed in seeds:
    plain = summary(f"ft1-seed{seed}")
    cells = [seed, f"{f4(test(plain, 'specific'))} / {f4(test(plain, 'general'))}" if plain else "-"]
    for name in ("swa", "ema"):
        s = summary(f"{name}-seed{seed}")
        if not s:
            cells += ["-", "-"]
            continue
        phase = [p for p in s["training"]["phases"] if p.get("averaging")][0]["averaging"]
        b, a = phase["validation_before"], phase["validation_after"]
        cells.append(f"{f4(test(s, 'specific'))} / {f4(test(s, 'general'))}")
        cells.append(f"spec {b['specific']['accuracy']:.2f} -> {a['specific']['accuracy']:.2f}, "
                     f"gen {b['general']['accuracy']:.4f} -> {a['general']['accuracy']:.4f}")
    row(cells)

print("\nCost against one run (base: pre-training and fine-tuning); wall s / CPU s / peak GiB:\n")
row(["seed", "one run (base)", "one fine-tune from theta_0 (mean of 5)", "SWA run", "EMA run", "greedy soup command",
     "uniform soup command", "5 fine-tunes + greedy soup, CPU vs one run"])
row(["---"] * 8)
for seed in seeds:
    base = cost(f"base-seed{seed}")
    if not base:
        continue
    fts = [cost(f"ft{k}-seed{seed}") for k in range(1, 6)]
    fts = [c for c in fts if c]

    def show(c):
        return "-" if not c else f"{c[0]:.0f} / {c[1]:.0f} / {c[2]:.2f} ({c[1] / base[1]:.2f}x CPU, {c[2] / base[2]:.2f}x mem)"
    mean_ft = tuple(sum(c[i] for c in fts) / len(fts) for i in range(3)) if fts else None
    greedy = cost(f"greedy-seed{seed}")
    total = (sum(c[1] for c in fts) + greedy[1]) / base[1] if greedy and len(fts) == 5 else None
    row([seed, f"{base[0]:.0f} / {base[1]:.0f} / {base[2]:.2f}", show(mean_ft), show(cost(f"swa-seed{seed}")),
         show(cost(f"ema-seed{seed}")), show(greedy), show(cost(f"uniform-seed{seed}")),
         "-" if total is None else f"{total:.2f}x"])
