#!/usr/bin/env bash
# Runs aaec's benchmark and the PyTorch/numpy references of ../shared/bench one right after the
# other on this machine, and prints the ratio aaec / reference for every figure.
# Needs: Debian's python3-torch (apt-get install -y python3-torch) for /usr/bin/python3.
# Run on an otherwise idle machine; the result is written to target/bench-compare.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=../shared/bench
export OMP_WAIT_POLICY=PASSIVE
threads=${THREADS:-2}
steps=${STEPS:-20}
out=target/bench-compare
mkdir -p "$out"

./aaec bench --threads "$threads" --steps "$steps" --json "$out/aaec.json" --wav-dir "$out/wavs"

run_ref() { # name, args...
  local name=$1; shift
  /usr/bin/python3 "$ref/aaec_ref.py" "$@" --threads "$threads" | tee "$out/ref-$name.txt" | grep -E "samples/second|peak RSS"
}
for T in 469 126; do
  run_ref "classifier-$T" --mode classifier --T "$T" --batch 32 --steps "$steps"
  run_ref "aaec-$T" --mode aaec --T "$T" --batch 32 --steps $(( steps / 2 > 3 ? steps / 2 : 3 ))
  run_ref "infer-$T" --mode infer --T "$T" --batch 32 --steps "$steps"
  run_ref "infer1-$T" --mode infer --T "$T" --batch 1 --steps $(( steps * 3 ))
done
python3 "$ref/features_ref.py" --bench "$out"/wavs/bench-*.wav | tee "$out/ref-features.txt"

python3 - "$out" <<'PY'
import json, re, sys, pathlib
out = pathlib.Path(sys.argv[1])
aaec = {m["name"]: m for m in json.loads((out / "aaec.json").read_text())["measurements"]}
def ref(name):
    text = (out / f"ref-{name}.txt").read_text()
    return json.loads(text.split("RESULT ", 1)[1])
rows = []
for T in (469, 126):
    pairs = [(f"train classifier T={T}", f"classifier-{T}"), (f"train aaec T={T}", f"aaec-{T}"),
             (f"infer T={T} batch 32", f"infer-{T}"), (f"infer T={T} batch 1", f"infer1-{T}")]
    for ours, theirs in pairs:
        r = ref(theirs)
        rows.append((ours, aaec[ours]["median"], r["samples_per_s"], aaec[ours]["unit"], r["peak_rss_mib"]))
feat = re.search(r"audio_seconds_per_second ([0-9.]+)", (out / "ref-features.txt").read_text()).group(1)
f = aaec["features (decode+resample+STFT, 1 thread)"]
rows.append((f["name"], f["median"], float(feat), f["unit"], float("nan")))
print(f"{'figure':46s} {'aaec':>10s} {'reference':>10s} {'ratio':>7s}")
for name, a, r, unit, _ in rows:
    print(f"{name:46s} {a:10.2f} {r:10.2f} {a / r:7.2f}  {unit}")
json.dump([dict(figure=n, aaec=a, reference=r, ratio=a / r, unit=u, reference_peak_rss_mib=m)
           for n, a, r, u, m in rows], open(out / "compare.json", "w"), indent=1)
print("written", out / "compare.json")
PY
