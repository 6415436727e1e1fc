#!/usr/bin/env python3
"""Writes the fixtures with which OnnxModelsTest checks scripts/onnx_input.py, the numpy recipe the
README gives users of an exported model, against aaec's own feature pipeline.

The clip is decoded with the reference FLAC decoder (`flac -d`, Debian package `flac`), not FFmpeg;
the model description is the shipped model's model.json. Three scalings: the shipped one (mel 64,
level 'spectral', silence 'keep'), the same bands with level 'utterance' and silence 'trim', and
the 513 linear bins with level 'none' (mean 0, std 1, so the input is the log power itself).

Run from the repository root (needs numpy, scipy, the `flac` command and ../shared/data):
    python3 src/test/python/make_onnx_input_fixtures.py

Writes src/test/resources/fixtures/onnx/:
    <variant>.normalization.json   the scaling, as an exported model's aaec.normalization holds it
    <variant>.features.npy         float32 [frames, bins] network input for emodb 03a01Fa
"""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import numpy as np
from scipy.io import wavfile

sys.path.insert(0, "scripts")
from onnx_input import features  # noqa: E402

CLIP = "../shared/data/emodb/03a01Fa.flac"   # CC0 corpus
MODEL = "src/main/resources/org/aaec/serving/default-model.aaec"
OUT = "src/test/resources/fixtures/onnx"


def main():
    os.makedirs(OUT, exist_ok=True)
    info = json.loads(zipfile.ZipFile(MODEL).read("model.json"))
    feat, shipped = info["features"], info["normalization"]
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "clip.wav")
        subprocess.run(["flac", "-d", "-s", "-f", "-o", wav, CLIP], check=True)
        rate, x = wavfile.read(wav)
    assert rate == feat["sampleRate"] and x.dtype == np.int16
    samples = x.astype(np.float32) / 32768.0
    variants = {
        "shipped": shipped,
        "utterance-trim": dict(shipped, level="utterance", silence="trim"),
        "linear-none": dict(shipped, mel=None, level="none", silence="keep", mean=[0.0] * 513, std=[1.0] * 513),
    }
    for name, norm in variants.items():
        with open(os.path.join(OUT, name + ".normalization.json"), "w") as f:
            json.dump(norm, f)
        np.save(os.path.join(OUT, name + ".features.npy"), features(samples, feat, norm))
        print(name, features(samples, feat, norm).shape)


if __name__ == "__main__":
    main()
