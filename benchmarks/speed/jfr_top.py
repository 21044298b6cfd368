"""Where the training thread's samples fall in a JFR recording: top frames by self time, and the share of
samples inside DL4J's fit (ComputationGraph.fit on the stack) against the rest of the epoch loop.

Usage: python3 jfr_top.py RECORDING.jfr [THREAD]   (THREAD: the sampled thread's name, default main)"""
import collections
import json
import subprocess
import sys


def samples(recording, thread):
    printed = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
                             check=True, capture_output=True, text=True).stdout
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        sampled = values.get("sampledThread") or {}
        if sampled.get("javaName") != thread:
            continue
        frames = values["stackTrace"]["frames"] if values.get("stackTrace") else []
        yield event["type"], [f"{f['method']['type']['name']}.{f['method']['name']}" for f in frames]


def main():
    recording = sys.argv[1]
    thread = sys.argv[2] if len(sys.argv) > 2 else "main"
    top = collections.Counter()
    inside_fit = 0
    total = 0
    native = 0
    for kind, frames in samples(recording, thread):
        if not frames:
            continue
        total += 1
        native += kind == "jdk.NativeMethodSample"
        top[frames[0]] += 1
        if any(frame.endswith("ComputationGraph.fit") for frame in frames):
            inside_fit += 1
    print(f"{total} samples of thread {thread}: {100 * inside_fit / total:.1f} % inside ComputationGraph.fit, "
          f"{100 * native / total:.1f} % in native methods")
    for frame, count in top.most_common(25):
        print(f"  {100 * count / total:5.1f} %  {frame}")


if __name__ == "__main__":
    main()
