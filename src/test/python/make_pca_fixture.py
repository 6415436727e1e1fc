#!/usr/bin/env python3
"""Fixture for ProjectionTest: a 2-D PCA and nearest-neighbour distances computed with numpy.

Writes src/test/resources/fixtures/pca/pca.json: real samples, other samples, the two leading
principal axes (sign fixed: largest |component| positive), the projections of the other
samples, and their mean distance to the nearest real sample.
Run: python3 src/test/python/make_pca_fixture.py
"""
import json
import pathlib

import numpy as np

rng = np.random.default_rng(7)
real = rng.normal(size=(40, 6)) @ np.diag([5.0, 3.0, 1.0, 0.5, 0.2, 0.1]) + 2.0
other = rng.normal(size=(5, 6)) * 2.0
mean = real.mean(axis=0)
cov = np.cov(real, rowvar=False)
values, vectors = np.linalg.eigh(cov)
order = np.argsort(values)[::-1][:2]
axes = vectors[:, order].T
for a in axes:
    if a[np.argmax(np.abs(a))] < 0:
        a *= -1
projected = (other - mean) @ axes.T
d = np.sqrt(((other[:, None, :] - real[None, :, :]) ** 2).sum(axis=2)).min(axis=1).mean()
out = pathlib.Path(__file__).resolve().parents[1] / "resources/fixtures/pca/pca.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps({"real": real.tolist(), "other": other.tolist(), "axes": axes.tolist(),
                           "projected": projected.tolist(), "meanNearestDistance": float(d)}, indent=1))
print("written", out)
