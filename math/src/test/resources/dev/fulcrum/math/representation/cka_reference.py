#!/usr/bin/python3
"""Writes cka_reference.txt: a small case for LinearCkaTest, with linear CKA computed by NumPy.

Two representations of the same 12 rows, X (12 x 5) and Y = tanh(X A) + noise (12 x 7), rounded to 6
decimals, then CKA of the rounded values in Gram space by two routes independent of LinearCka's:
  biased:   HSIC = tr(K H L H) / (n - 1)^2 with the centring matrix H written out;
  debiased: the unbiased HSIC of Song et al. 2012 (JMLR 13) as the U-statistic it is: the mean over every
            ordered 4-tuple of distinct rows (i, j, q, r) of k_ij l_ij + k_ij l_qr - 2 k_ij l_iq,
            summed tuple by tuple rather than by their closed form.
Run it again (python3 cka_reference.py) to check the committed file; it is seeded.
"""
import itertools
import os

import numpy as np

rng = np.random.default_rng(11)
n = 12
x = np.round(rng.normal(size=(n, 5)), 6)
y = np.round(np.tanh(x @ rng.normal(size=(5, 7))) + 0.3 * rng.normal(size=(n, 7)), 6)


def biased_hsic(k, l):
    h = np.eye(n) - np.ones((n, n)) / n
    return np.trace(k @ h @ l @ h) / (n - 1) ** 2


def u_statistic_hsic(k, l):
    total = 0.0
    count = 0
    for i, j, q, r in itertools.permutations(range(n), 4):
        total += k[i, j] * l[i, j] + k[i, j] * l[q, r] - 2 * k[i, j] * l[i, q]
        count += 1
    return total / count


def cka(k, l, hsic):
    return hsic(k, l) / np.sqrt(hsic(k, k) * hsic(l, l))


k = x @ x.T
l = y @ y.T
lines = ["# written by cka_reference.py: rows, then X, then Y, then linear CKA of X and Y by NumPy", f"n {n}",
         f"x {x.shape[1]}"]
lines += [" ".join(f"{v:.6f}" for v in row) for row in x]
lines += [f"y {y.shape[1]}"]
lines += [" ".join(f"{v:.6f}" for v in row) for row in y]
lines += [f"biased {cka(k, l, biased_hsic):.15e}", f"debiased {cka(k, l, u_statistic_hsic):.15e}"]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cka_reference.txt"), "w") as out:
    out.write("\n".join(lines) + "\n")
