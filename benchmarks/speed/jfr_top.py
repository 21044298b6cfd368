"""Where the training thread's samples fall in a JFR recording of a run: of the samples in the epoch loop
(HostTrainingSession.run on the stack), the share inside DL4J's fit (ComputationGraph.fit on the stack),
and the top frames, by self time, inside fit and outside it.

Usage: python3 jfr_top.py RECORDING.jfr [THREAD]   (THREAD: the sampled thread's name, default main)
Record with -XX:StartFlightRecording=filename=F.jfr,settings=profile -XX:FlightRecorderOptions:stackdepth=512
(in FULCRUM_JAVA_OPTS); DL4J's stacks are deeper than JFR's default of 64 frames."""
import collections
import json
import subprocess
import sys


def samples(recording, thread):
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
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
    inside, outside = collections.Counter(), collections.Counter()
    total = loop = 0
    for _, frames in samples(recording, thread):
        if not frames:
            continue
        total += 1
        if not any(frame.endswith("HostTrainingSession.run") for frame in frames):
            continue
        loop += 1
        fitting = any(frame.endswith("ComputationGraph.fit") for frame in frames)
        (inside if fitting else outside)[frames[0]] += 1
    fit = sum(inside.values())
    print(f"{total} samples of thread {thread}, {loop} in the epoch loop: {100 * fit / loop:.1f} % of those inside "
          f"ComputationGraph.fit, {100 * (loop - fit) / loop:.1f} % outside it (validation, batches, logging)")
    for title, counter in (("inside fit", inside), ("outside fit", outside)):
        print(f"top frames {title}, % of the epoch loop's samples:")
        for frame, count in counter.most_common(12):
            print(f"  {100 * count / loop:5.1f} %  {frame}")


if __name__ == "__main__":
    main()
