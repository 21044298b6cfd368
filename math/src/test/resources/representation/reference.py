#!/usr/bin/env python3
"""Reference values for LogMeTest, LeepTest and LinearProbeTest, computed with NumPy from the papers'
definitions (written for Fulcrum; no code taken from elsewhere).

Writes the small cases (CSV: label first, then the row's values) and expected.txt (name value).
Run from this folder: python3 reference.py   (NumPy 2; the cases are seeded, so a rerun rewrites the same files)

LogME (You et al. 2021, arXiv 2102.11005): per class k, the log evidence of the one-hot column y_k
under y = F w + noise, w ~ N(0, I/alpha), noise ~ N(0, I/beta), maximised over alpha and beta. Here
the evidence is the Gaussian log-density log N(y; 0, F F^T / alpha + I / beta) of its definition, and
alpha, beta are found by MacKay's fixed point on the explicit posterior (A = alpha I + beta F^T F,
m = beta A^-1 F^T y, gamma = d - alpha tr A^-1); the script checks that the point is stationary.
LEEP (Nguyen et al. 2020, arXiv 2002.12462, Eq. 2). The probe: multinomial logistic regression on
standardised features, minimising sum of log-losses + |W|^2 / 2 (C = 1, intercepts unpenalised),
solved by Newton's method to convergence.
"""
import numpy as np


def evidence(f, y, alpha, beta):
    n = f.shape[0]
    cov = f @ f.T / alpha + np.eye(n) / beta
    sign, logdet = np.linalg.slogdet(cov)
    assert sign > 0
    return -0.5 * (n * np.log(2 * np.pi) + logdet + y @ np.linalg.solve(cov, y))


def maximised_evidence(f, y):
    n, d = f.shape
    alpha, beta = 1.0, 1.0
    for _ in range(10000):
        a = alpha * np.eye(d) + beta * f.T @ f
        m = beta * np.linalg.solve(a, f.T @ y)
        gamma = d - alpha * np.trace(np.linalg.inv(a))
        new_alpha = gamma / (m @ m)
        new_beta = (n - gamma) / np.sum((f @ m - y) ** 2)
        done = abs(new_alpha / new_beta - alpha / beta) < 1e-13 * (alpha / beta)
        alpha, beta = new_alpha, new_beta
        if done:
            break
    else:
        raise RuntimeError("no fixed point")
    best = evidence(f, y, alpha, beta)
    h = 1e-4  # the point must be a maximum in log alpha and log beta
    for da, db in [(h, 0), (-h, 0), (0, h), (0, -h)]:
        assert evidence(f, y, alpha * np.exp(da), beta * np.exp(db)) <= best + 1e-9
    return best


def logme(f, labels, classes):
    return np.mean([maximised_evidence(f, (labels == k).astype(float)) / f.shape[0] for k in range(classes)])


def leep(theta, labels, classes):
    n = theta.shape[0]
    joint = np.stack([theta[labels == y].sum(axis=0) for y in range(classes)]) / n
    conditional = joint / joint.sum(axis=0, keepdims=True)
    return np.mean(np.log(np.sum(conditional[labels] * theta, axis=1)))


def probe_accuracy(train_x, train_y, test_x, test_y, classes, c=1.0):
    mean, scale = train_x.mean(axis=0), train_x.std(axis=0)
    design = lambda x: np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    x, d = design(train_x), train_x.shape[1] + 1
    onehot = np.eye(classes)[train_y]
    penalty = np.diag(np.r_[np.ones(d - 1), 0.0])
    w = np.zeros((d, classes))
    for _ in range(100):
        z = x @ w
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = (c * x.T @ (p - onehot) + penalty @ w).ravel(order="F")
        hess = np.zeros((d * classes, d * classes))
        for a in range(classes):
            for b in range(classes):
                weight = p[:, a] * ((a == b) - p[:, b])
                hess[a * d:(a + 1) * d, b * d:(b + 1) * d] = c * (x * weight[:, None]).T @ x + (a == b) * penalty
        # The softmax's parameters are determined only up to a shared shift of the columns' intercepts: least squares.
        step = np.linalg.lstsq(hess, grad, rcond=None)[0]
        w -= step.reshape((d, classes), order="F")
        if np.abs(step).max() < 1e-12:
            break
    scores = design(test_x) @ w
    ordered = np.sort(scores, axis=1)
    margin = (ordered[:, -1] - ordered[:, -2]).min()
    assert margin > 1e-3, "a score row too close to a tie for a reference"
    return np.mean(scores.argmax(axis=1) == test_y)


def save(name, labels, values):
    np.savetxt(name, np.column_stack([labels, values]), delimiter=",", fmt="%.17g")


def blobs(rng, n, d, classes, spread):
    labels = np.arange(n) % classes
    centres = rng.normal(size=(classes, d)) * spread
    return labels, centres[labels] + rng.normal(size=(n, d))


rng = np.random.default_rng(11)
expected = {}
labels, f = blobs(rng, 40, 6, 3, 1.5)
save("logme-tall.csv", labels, f)
expected["logme-tall"] = logme(f, labels, 3)
# More features than rows, of rank 5 (as a layer with few live units): the dual path, with zero eigenvalues.
labels, f = blobs(rng, 9, 5, 3, 1.0)
f = f @ rng.normal(size=(5, 14))
save("logme-wide.csv", labels, f)
expected["logme-wide"] = logme(f, labels, 3)
labels = rng.integers(0, 3, size=30)
logits = rng.normal(size=(30, 4)) + 2 * np.eye(4)[labels]
theta = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
save("leep.csv", labels, theta)
expected["leep"] = leep(theta, labels, 3)
labels, x = blobs(rng, 100, 4, 3, 0.8)
save("probe-train.csv", labels[:60], x[:60])
save("probe-score.csv", labels[60:], x[60:])
expected["probe"] = probe_accuracy(x[:60], labels[:60], x[60:], labels[60:], 3)
with open("expected.txt", "w") as out:
    for name, value in expected.items():
        out.write(f"{name} {value:.17g}\n")
print(open("expected.txt").read(), end="")
