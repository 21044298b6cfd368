#!/usr/bin/python3
"""Optuna 3.1 drives `fulcrum run --set ...` over the search space of a pipeline's tune: section.

The Optuna side of benchmarks/tune/side-by-side.sh: the same pipeline, the same parameters, the
same budget as `fulcrum tune`, each trial one `fulcrum run` process. Trial 0 is the pipeline as
written, as in Fulcrum (added to the study with the values its resolved config.yaml holds).
Writes one JSON line per study seed: every trial's params, values and state.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import optuna
import yaml


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pipeline", required=True)
    parser.add_argument("--fulcrum", required=True, help="the launcher, bin/fulcrum")
    parser.add_argument("--sampler", choices=["tpe", "nsga2", "random"], default="tpe")
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--population", type=int, default=10, help="NSGA-II's population size")
    parser.add_argument("--runs", required=True, help="folder for the trials' run folders")
    parser.add_argument("--out", required=True, help="JSON lines file, one line per study seed")
    return parser.parse_args()


def space_of(tune):
    """Fulcrum's parameter specs, in order, as (path, spec) pairs."""
    return list(tune["parameters"].items())


def active(spec, values):
    for path, wanted in (spec.get("when") or {}).items():
        choices = wanted if isinstance(wanted, list) else [wanted]
        if path not in values or values[path] not in choices:
            return False
    return True


def suggest(trial, space):
    values = {}
    for path, spec in space:
        if not active(spec, values):
            continue
        if "float" in spec:
            low, high = spec["float"]
            values[path] = trial.suggest_float(path, float(low), float(high), log=bool(spec.get("log", False)),
                                               step=spec.get("step"))
        elif "int" in spec:
            low, high = spec["int"]
            values[path] = trial.suggest_int(path, int(low), int(high), log=bool(spec.get("log", False)),
                                             step=int(spec.get("step", 1)))
        elif "choice" in spec:
            # Optuna's categorical values must be scalars: draw an index for structured values.
            options = spec["choice"]
            if all(isinstance(o, (str, int, float, bool)) for o in options):
                values[path] = trial.suggest_categorical(path, options)
            else:
                values[path] = options[trial.suggest_categorical(path, list(range(len(options))))]
        else:
            values[path] = spec["fixed"]
    return values


def distributions(space, values):
    result = {}
    for path, spec in space:
        if path not in values:
            continue
        if "float" in spec:
            low, high = spec["float"]
            result[path] = optuna.distributions.FloatDistribution(float(low), float(high), log=bool(spec.get("log", False)),
                                                                  step=spec.get("step"))
        elif "int" in spec:
            low, high = spec["int"]
            result[path] = optuna.distributions.IntDistribution(int(low), int(high), log=bool(spec.get("log", False)),
                                                                step=int(spec.get("step", 1)))
        elif "choice" in spec:
            options = spec["choice"]
            scalar = all(isinstance(o, (str, int, float, bool)) for o in options)
            result[path] = optuna.distributions.CategoricalDistribution(options if scalar else list(range(len(options))))
    return result


def run(args, pipeline_file, values):
    sets = []
    for path, value in values.items():
        sets += ["--set", f"{path}={json.dumps(value)}"]
    done = subprocess.run([args.fulcrum, "run", pipeline_file, "--runs", args.runs] + sets,
                          capture_output=True, text=True)
    folder = None
    for line in done.stdout.splitlines():
        if line.startswith("run succeeded: "):
            folder = line[len("run succeeded: "):].strip()
    if folder is None:
        return None, done.stderr.strip().splitlines()[-1:] or ["exit " + str(done.returncode)]
    with open(os.path.join(folder, "summary.json")) as f:
        return (json.load(f), folder), None


def metric(summary, path):
    node = summary["metrics"]
    for part in path.split("."):
        node = node[part]
    return float(node)


def resolved_values(folder, space):
    with open(os.path.join(folder, "config.yaml")) as f:
        config = yaml.safe_load(f)
    values = {}
    for path, spec in space:
        node = config
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None and active(spec, values):
            values[path] = node
    return values


def study(args, seed, pipeline_file, tune):
    space = space_of(tune)
    objectives = tune["objectives"]
    directions = ["maximize" if o.get("direction", "max") == "max" else "minimize" for o in objectives]
    if args.sampler == "tpe":
        sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, constant_liar=True)
    elif args.sampler == "nsga2":
        sampler = optuna.samplers.NSGAIISampler(seed=seed, population_size=args.population)
    else:
        sampler = optuna.samplers.RandomSampler(seed=seed)
    optuna_study = optuna.create_study(directions=directions, sampler=sampler)
    trials = []

    def evaluate(values):
        outcome, error = run(args, pipeline_file, values)
        if outcome is None:
            trials.append({"params": values, "state": "failed", "error": error})
            return None
        summary, folder = outcome
        result = [metric(summary, o["metric"]) for o in objectives]
        trials.append({"params": values, "state": "complete", "values": result, "folder": folder})
        return result

    # Trial 0: the pipeline as written.
    first = evaluate({})
    if first is not None:
        params = resolved_values(trials[0]["folder"], space)
        dists = distributions(space, params)
        encoded = {p: (v if not isinstance(dists[p], optuna.distributions.CategoricalDistribution)
                       or v in dists[p].choices else [s for s in space if s[0] == p][0][1]["choice"].index(v))
                   for p, v in params.items() if p in dists}
        trials[0]["params"] = params
        optuna_study.add_trial(optuna.trial.create_trial(params=encoded, distributions=dists, values=first))

    def objective(trial):
        values = suggest(trial, space)
        result = evaluate(values)
        if result is None:
            raise RuntimeError("trial failed: " + " ".join(trials[-1]["error"]))
        return result if len(result) > 1 else result[0]

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    optuna_study.optimize(objective, n_trials=args.trials - 1, catch=(RuntimeError,))
    return {"sampler": "optuna-" + args.sampler, "seed": seed, "objectives": objectives, "trials": trials}


def main():
    args = parse_args()
    with open(args.pipeline) as f:
        pipeline = yaml.safe_load(f)
    tune = pipeline.pop("tune")
    folder = os.path.dirname(os.path.abspath(args.pipeline))
    # Data paths in the pipeline are relative to its folder: write the copy without tune: beside it.
    handle, pipeline_file = tempfile.mkstemp(prefix=".optuna-", suffix=".yaml", dir=folder)
    with os.fdopen(handle, "w") as f:
        yaml.safe_dump(pipeline, f, sort_keys=False)
    try:
        with open(args.out, "a") as out:
            for seed in [int(s) for s in args.seeds.split(",")]:
                out.write(json.dumps(study(args, seed, pipeline_file, tune)) + "\n")
                out.flush()
                print(f"optuna-{args.sampler} seed {seed} done", file=sys.stderr)
    finally:
        os.remove(pipeline_file)


if __name__ == "__main__":
    main()
