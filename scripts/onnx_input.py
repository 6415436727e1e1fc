#!/usr/bin/env python3
"""The input of an ONNX model written by `aaec export`, computed with numpy from the model's metadata.

An exported aaec classifier takes `features`, float32 [batch, frames, bins]: the standardised
(mel) power spectrogram of a 16 kHz mono clip. Everything needed to compute it is in the ONNX
metadata (aaec.features, aaec.normalization, aaec.heads); this file is that recipe in numpy,
step for step as aaec computes it in Java (checked by aaec's OnnxModelsTest against a fixture it
made). Read it top to bottom; copy what you need.

Usage (needs numpy and scipy; onnxruntime to predict):
    python3 onnx_input.py classifier.onnx clip.wav        # WAV at the model's rate, mono or stereo

    import onnxruntime as ort, json
    s = ort.InferenceSession("classifier.onnx")
    meta = s.get_modelmeta().custom_metadata_map
    x = features(samples, json.loads(meta["aaec.features"]), json.loads(meta["aaec.normalization"]))
    probs = s.run(None, {"features": x[None]})              # one array [1, K] per head
"""
import json
import sys

import numpy as np


def power_spectrogram(samples, feat):
    """|STFT|^2: the clip cut or zero-padded to maxSeconds, periodic Hann, frames centred by reflect padding."""
    n, hop = feat["nFft"], feat["hop"]
    target = int(round(feat["maxSeconds"] * feat["sampleRate"]))
    x = np.zeros(target, dtype=np.float64)
    x[:min(target, len(samples))] = samples[:target]
    if feat["center"]:
        x = np.pad(x, n // 2, mode="reflect")
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n) / n)
    frames = 1 + (len(x) - n) // hop
    idx = np.arange(n)[None, :] + hop * np.arange(frames)[:, None]
    spec = np.fft.rfft(x[idx] * window[None, :], axis=1)
    return (spec.real ** 2 + spec.imag ** 2).astype(np.float32)


def mel_matrix(mel):
    """Triangular filters, equally spaced on the HTK mel scale between fMin and fMax, peak 1."""
    to_mel = lambda hz: 2595.0 * np.log10(1.0 + hz / 700.0)
    to_hz = lambda m: 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    lo, hi = to_mel(mel["fMin"]), to_mel(mel["fMax"])
    edges = to_hz(lo + (hi - lo) * np.arange(mel["bands"] + 2) / (mel["bands"] + 1))
    f = np.arange(mel["nFft"] // 2 + 1) * mel["sampleRate"] / mel["nFft"]
    left, centre, right = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    return np.maximum(0.0, np.minimum((f - left) / (centre - left), (right - f) / (right - centre)))


def active_frames(power):
    """Frames with power, >= 10 dB above the 10th-percentile frame energy and within 30 dB of the loudest."""
    energy = power.astype(np.float64).mean(axis=1)
    non_zero = np.sort(energy[energy > 0])
    if len(non_zero) == 0:
        return energy, np.zeros(len(energy), dtype=bool)
    floor = non_zero[int(np.floor(0.10 * (len(non_zero) - 1)))]
    threshold = max(floor * 10.0, non_zero[-1] * 1e-3)
    return energy, (energy > 0) & (energy >= threshold)


def level_frames(energy, active):
    """The frames a level is measured on: the active ones, else every frame with power."""
    return active if active.any() else energy > 0


def scales(power, level):
    """What power is multiplied by before the log, per bin: 1, 1 / clip level, or 1 / clip spectrum."""
    bins = power.shape[1]
    if level == "none":
        return np.ones(bins)
    energy, active = active_frames(power)
    used = level_frames(energy, active)
    if level == "utterance":
        return np.full(bins, 1.0 / np.exp(np.log(energy[used]).mean()) if used.any() else 1.0)
    p = power[used].astype(np.float64)                                     # level == "spectral"
    spectrum = np.ones(bins)
    if len(p):
        arithmetic = p.sum(axis=0)
        geo = np.exp(np.log(np.maximum(p, 1e-6 * arithmetic / len(p))).mean(axis=0))
        spectrum = np.where(arithmetic > 0, geo, 1.0)
    return 1.0 / spectrum


def features(samples, feat, norm):
    """The network input [frames, bins] for one clip of float samples in [-1, 1] at feat['sampleRate']."""
    power = power_spectrogram(np.asarray(samples, dtype=np.float32), feat)
    if norm is None:                                                       # a model trained on raw power
        return power
    if norm.get("mel"):
        power = (power.astype(np.float64) @ mel_matrix(norm["mel"]).T).astype(np.float32)
    scale = scales(power, norm["level"])
    mean, std = np.asarray(norm["mean"]), np.asarray(norm["std"])
    out = np.zeros(power.shape, dtype=np.float32)
    rows = np.arange(power.shape[0])
    if norm["silence"] == "trim":                                          # cut silence before and after the sound
        _, active = active_frames(power)
        first, last = (np.flatnonzero(active)[[0, -1]] if active.any() else (0, -1))
        start, end = (max(0, first - 3), min(len(active), last + 4)) if active.any() else (0, 0)
        rows = [t for t in range(start, end) if power[t].any()]            # frames without power stay 0 (the mean)
        target = [t - start for t in rows]
    else:
        target = rows
    out[target] = ((np.log(power[rows].astype(np.float64) * scale + norm["floor"]) - mean) / std).astype(np.float32)
    return out


def main():
    from scipy.io import wavfile
    import onnx                                                            # only to read the metadata here
    meta = {p.key: p.value for p in onnx.load(sys.argv[1]).metadata_props}
    feat, norm = json.loads(meta["aaec.features"]), json.loads(meta["aaec.normalization"])
    rate, x = wavfile.read(sys.argv[2])
    if rate != feat["sampleRate"]:
        sys.exit(f"{sys.argv[2]}: {rate} Hz; resample to {feat['sampleRate']} Hz first")
    x = x.astype(np.float32) / (32768.0 if x.dtype == np.int16 else 1.0)
    x = x.mean(axis=1) if x.ndim == 2 else x
    print(features(x, feat, norm).shape, "->", json.loads(meta["aaec.heads"]))


if __name__ == "__main__":
    main()
