"""Optuna 3.1's TPE on the functions of TpeVsOptunaBenchmark: the peer of Fulcrum's tpe sampler.

Usage: /usr/bin/python3 optuna_tpe.py [seeds] [trials]
Prints one line per function and study seed: the best value after each trial count in BUDGETS.
TPESampler(multivariate=True, seed=SEED) with Optuna's other defaults (10 random start-up trials,
24 candidates), run in one worker, as the Java side runs Fulcrum's.
"""
import math
import sys
import warnings

import optuna

BUDGETS = (10, 20, 40)


def quadratic(trial):
    x = trial.suggest_float("x", -5, 5)
    y = trial.suggest_float("y", -5, 5)
    return (x - 0.3) ** 2 + (y + 1.2) ** 2


def branin(trial):
    # Branin-Hoo on [-5, 10] x [0, 15]; least value 0.397887 at three points.
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else max(BUDGETS)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    print(f"optuna {optuna.__version__}")
    for name, objective in (("quadratic", quadratic), ("branin", branin)):
        for seed in range(seeds):
            sampler = optuna.samplers.TPESampler(multivariate=True, seed=seed)
            study = optuna.create_study(direction="minimize", sampler=sampler)
            study.optimize(objective, n_trials=trials)
            values = [t.value for t in study.trials]
            best = " ".join(f"best{n}={min(values[:n])!r}" for n in BUDGETS if n <= trials)
            print(f"optuna {name} seed={seed} {best}")


if __name__ == "__main__":
    main()
