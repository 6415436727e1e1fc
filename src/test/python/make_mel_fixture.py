#!/usr/bin/env python3
"""Fixture for MelBandsTest: HTK mel filterbanks as torchaudio.functional.melscale_fbanks defines
them (mel_scale="htk", norm=None), written here in numpy in torchaudio's vectorised form:

    all_freqs = linspace(0, sr // 2, n_freqs)
    m_pts     = linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2),  hz_to_mel(f) = 2595 log10(1 + f / 700)
    f_pts     = mel_to_hz(m_pts)
    slopes    = f_pts[None, :] - all_freqs[:, None]
    fb        = max(0, min(-slopes[:, :-2] / diff(f_pts)[:-1], slopes[:, 2:] / diff(f_pts)[1:]))

Cases: a small bank in full (8 bands, 8 kHz, FFT 64), and for 64 and 128 bands at SPEC.md's
16 kHz / FFT 1024 each band's weight sum plus the projection of a seeded random power
spectrogram (5 frames). Writes src/test/resources/fixtures/mel/mel.json.
Run: python3 src/test/python/make_mel_fixture.py
"""
import json
import pathlib

import numpy as np


def hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + f / 700.0)


def mel_to_hz(m):
    return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


def fbanks(n_mels, sr, n_fft, f_min=0.0, f_max=None):
    f_max = sr / 2 if f_max is None else f_max
    n_freqs = n_fft // 2 + 1
    all_freqs = np.linspace(0, sr // 2, n_freqs)
    m_pts = np.linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2)
    f_pts = mel_to_hz(m_pts)
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts[None, :] - all_freqs[:, None]
    down = -1.0 * slopes[:, :-2] / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    return np.maximum(0.0, np.minimum(down, up))  # n_freqs x n_mels


rng = np.random.default_rng(5)
out = {"small": {"bands": 8, "sampleRate": 8000, "nFft": 64, "matrix": fbanks(8, 8000, 64).T.tolist()}, "cases": []}
for bands in (64, 128):
    fb = fbanks(bands, 16000, 1024)
    power = rng.exponential(size=(5, 513)).astype(np.float32) * np.float32(1e-3)
    out["cases"].append({
        "bands": bands, "sampleRate": 16000, "nFft": 1024,
        "rowSums": fb.sum(axis=0).tolist(),
        "power": power.ravel().tolist(),
        "projected": (power.astype(np.float64) @ fb).ravel().tolist(),
    })
path = pathlib.Path(__file__).resolve().parents[1] / "resources" / "fixtures" / "mel" / "mel.json"
path.write_text(json.dumps(out))
print("wrote", path)
