#!/usr/bin/env python3
"""Writes the scipy fixtures that ResamplerTest compares the Java resampler against.

Independent of the Java code: each signal (a tone with vibrato plus white noise, seeded) is
resampled to 16 kHz by scipy.signal.resample_poly with its defaults (Kaiser window, beta 5,
zero padding), which is what ../shared/bench/features_ref.py does to every clip.

Run from the repository root (needs numpy and scipy):
    python3 src/test/python/make_resample_fixtures.py

Writes src/test/resources/fixtures/resample/<rate>.input.npy (float32, 0.2 s at <rate>) and
<rate>.output.npy (float32, scipy's output at 16 kHz).
"""
import math
import os

import numpy as np
from scipy.signal import resample_poly

OUT = "src/test/resources/fixtures/resample"
TARGET = 16000
RATES = [8000, 11025, 22050, 44100, 48000, 96000]


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(7)
    for rate in RATES:
        t = np.arange(int(0.2 * rate)) / rate
        x = 0.4 * np.sin(2 * np.pi * 440 * t + 2 * np.sin(2 * np.pi * 6 * t)) + 0.1 * rng.standard_normal(len(t))
        x = x.astype(np.float32)
        g = math.gcd(TARGET, rate)
        y = resample_poly(x.astype(np.float64), TARGET // g, rate // g).astype(np.float32)
        np.save(os.path.join(OUT, f"{rate}.input.npy"), x)
        np.save(os.path.join(OUT, f"{rate}.output.npy"), y)
        print(rate, len(x), "->", len(y))


if __name__ == "__main__":
    main()
