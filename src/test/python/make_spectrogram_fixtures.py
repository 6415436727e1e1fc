#!/usr/bin/env python3
"""Writes the numpy reference fixtures that PowerSpectrogramTest and NormalizationTest compare against.

Independent of the Java code: the STFT power spectrogram is computed here with numpy exactly as
SPEC.md defines it (periodic Hann, FFT 1024, hop 512, centred frames with reflect padding,
|X|^2, float64 arithmetic), and the real clip is decoded with the reference FLAC decoder
(`flac -d`, Debian package `flac`) instead of FFmpeg.

Run from the repository root (needs numpy, scipy, the `flac` command and ../shared/data):
    python3 src/test/python/make_spectrogram_fixtures.py

Writes src/test/resources/fixtures/spectrogram/:
    <name>.input.npy   float32 mono 16 kHz signal (synthetic signals only)
    <name>.power.npy   float32 (T, F) power spectrogram
    emodb_03a01Fa.power.npy   the real clip, cut/padded to 4 s (T = 126)
    norm.mean.npy, norm.std.npy   float64 per-bin statistics of log(power + 1e-10) over all
                                  frames of sine, chirp and noise together
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy.io import wavfile
from scipy.signal import chirp

SR = 16000
N_FFT = 1024
HOP = 512
OUT = "src/test/resources/fixtures/spectrogram"
REAL_CLIP = "../shared/data/emodb/03a01Fa.flac"   # CC0 corpus
REAL_SECONDS = 4.0


def power_spectrogram(x):
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(N_FFT) / N_FFT)
    padded = np.pad(x.astype(np.float64), N_FFT // 2, mode="reflect")
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
    spec = np.fft.rfft(padded[idx] * window[None, :], axis=1)
    return (spec.real ** 2 + spec.imag ** 2).astype(np.float32)


def pad_or_cut(x, seconds):
    n = int(round(seconds * SR))
    return x[:n] if len(x) >= n else np.concatenate([x, np.zeros(n - len(x), dtype=x.dtype)])


def main():
    os.makedirs(OUT, exist_ok=True)
    t = np.arange(SR) / SR
    rng = np.random.default_rng(20201016)
    signals = {
        "sine": (0.5 * np.sin(2 * np.pi * 440.0 * t)).astype(np.float32),
        "chirp": (0.3 * chirp(np.arange(2 * SR) / SR, f0=100, t1=2.0, f1=7000, method="logarithmic")).astype(np.float32),
        "noise": (0.1 * rng.standard_normal(int(1.5 * SR))).astype(np.float32),
    }
    logs = []
    for name, x in signals.items():
        p = power_spectrogram(x)
        np.save(os.path.join(OUT, name + ".input.npy"), x)
        np.save(os.path.join(OUT, name + ".power.npy"), p)
        logs.append(np.log(p.astype(np.float64) + 1e-10))
        print(name, x.shape, "->", p.shape)
    stacked = np.concatenate(logs, axis=0)
    np.save(os.path.join(OUT, "norm.mean.npy"), stacked.mean(axis=0))
    np.save(os.path.join(OUT, "norm.std.npy"), stacked.std(axis=0))

    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "clip.wav")
        subprocess.run(["flac", "-d", "-s", "-f", "-o", wav, REAL_CLIP], check=True)
        rate, data = wavfile.read(wav)
    assert rate == SR and data.dtype == np.int16, (rate, data.dtype)
    x = pad_or_cut(data.astype(np.float32) / 32768.0, REAL_SECONDS)
    p = power_spectrogram(x)
    np.save(os.path.join(OUT, "emodb_03a01Fa.power.npy"), p)
    print("emodb_03a01Fa", x.shape, "->", p.shape)
    return 0


if __name__ == "__main__":
    sys.exit(main())
