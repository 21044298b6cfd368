#!/usr/bin/env python3
"""Reads benchmarks/cost/run's run folders: per row count the median training seconds, samples/s, memory
peaks (JVM heap, JavaCPP off-heap, resident as sampled in the run, and /usr/bin/time's peak RSS of the whole
process), the slope of training seconds on rows (least squares), and the reported training FLOPs against the
formula 3 x forward x rows (Kaplan et al. 2020, section 2.1)."""
import glob
import json
import os
import re
import statistics
import sys

FORWARD = 2 * 784 * 256 + 256 + 2 * 256 * 128 + 128 + 2 * 128 * 10 + 10
MIB = 1024 * 1024


def runs(folder):
    for summary_file in glob.glob(os.path.join(folder, "rows*-round*-*/summary.json")):
        name = os.path.basename(os.path.dirname(summary_file))
        match = re.match(r"(rows(\d+)-round\d+)-", name)
        summary = json.load(open(summary_file))
        if summary["status"] != "succeeded":
            continue
        time_file = os.path.join(folder, match.group(1) + ".time")
        rss = None
        if os.path.exists(time_file):
            found = re.search(r"peak_rss_kb (\d+)", open(time_file).read())
            rss = int(found.group(1)) * 1024 if found else None
        yield int(match.group(2)), summary, rss


def main(folder):
    by_rows = {}
    points = []
    for rows, summary, rss in runs(folder):
        resources = summary["resources"]
        train = summary["timing"]["stages"]["train"]
        entry = by_rows.setdefault(rows, [])
        entry.append({"train": train, "fit": resources["training"]["fit_seconds"],
                      "sps": resources["training"]["samples_per_second"],
                      "samples": resources["training"]["samples"], "flops": resources["training"]["flops"],
                      "heap": resources["memory"]["heap_peak_bytes"], "offheap": resources["memory"]["offheap_peak_bytes"],
                      "physical": resources["memory"]["physical_peak_bytes"], "rss": rss,
                      "total": summary["timing"]["total_seconds"]})
        points.append((rows, train))
    if not by_rows:
        sys.exit("no succeeded runs in " + folder)
    print("| training rows | runs | train stage s | fitting s | samples/s | peak heap MiB | peak off-heap MiB | "
          "peak resident MiB (sampled) | peak RSS MiB (/usr/bin/time) | training FLOPs reported | 3 x forward x rows |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for rows in sorted(by_rows):
        entries = by_rows[rows]
        med = lambda key: statistics.median(e[key] for e in entries if e[key] is not None)
        expected = 3 * FORWARD * entries[0]["samples"]
        exact = all(e["flops"] == 3 * FORWARD * e["samples"] for e in entries)
        print(f"| {rows:,} | {len(entries)} | {med('train'):.2f} | {med('fit'):.2f} | {med('sps'):,.0f} | "
              f"{med('heap') / MIB:.0f} | {med('offheap') / MIB:.0f} | {med('physical') / MIB:.0f} | "
              f"{med('rss') / MIB:.0f} | {entries[0]['flops']:.4g}{'' if exact else ' (differs)'} | {expected:.4g} |")
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
    intercept = mean_y - slope * mean_x
    print()
    print(f"slope: {slope * 10000:.2f} s of training per 10k rows (intercept {intercept:.2f} s; least squares over {n} runs)")
    print(f"forward FLOPs per sample: {FORWARD:,}; training FLOPs = 3 x forward x samples seen")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "target", "runs"))
