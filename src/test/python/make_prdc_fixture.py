#!/usr/bin/env python3
"""Fixture for GeneratorDiagnosticsTest: density and coverage (Naeem et al. 2020, k = 5) with numpy/scipy.

Density  = 1/(k M) * sum_j sum_i 1[ ||Y_j - X_i|| <= NND_k(X_i) ]
Coverage = 1/N * sum_i 1[ exists j: ||Y_j - X_i|| <= NND_k(X_i) ]
where NND_k(X_i) is the distance from real X_i to its k-th nearest other real sample.
Three fake sets: drawn like the real ones, collapsed onto one point near the centre, and shifted
off the data. Writes src/test/resources/fixtures/prdc/prdc.json.
Run: python3 src/test/python/make_prdc_fixture.py
"""
import json
import pathlib

import numpy as np
from scipy.spatial.distance import cdist

K = 5
rng = np.random.default_rng(11)
scale = np.diag([3.0, 2.0, 1.0, 1.0, 0.5, 0.5, 0.2, 0.1])
real = rng.normal(size=(60, 8)) @ scale
fakes = {
    "alike": rng.normal(size=(50, 8)) @ scale,
    "collapsed": np.tile(real.mean(axis=0) + 0.01, (50, 1)) + rng.normal(size=(50, 8)) * 1e-3,
    "shifted": rng.normal(size=(50, 8)) @ scale + 6.0,
}
rr = cdist(real, real)
np.fill_diagonal(rr, np.inf)
radius = np.sort(rr, axis=1)[:, K - 1]
out = {"k": K, "real": real.tolist(), "cases": {}}
for name, fake in fakes.items():
    inside = cdist(fake, real) <= radius[None, :]
    out["cases"][name] = {"fake": fake.tolist(), "density": float(inside.sum() / (K * len(fake))),
                          "coverage": float(inside.any(axis=0).mean())}
path = pathlib.Path(__file__).resolve().parents[1] / "resources/fixtures/prdc/prdc.json"
path.parent.mkdir(parents=True, exist_ok=True)
path.write_text(json.dumps(out, indent=1))
print({k: (v["density"], v["coverage"]) for k, v in out["cases"].items()})
