#!/usr/bin/env bash
# aaec against the PyTorch/numpy references of ../shared/bench on this machine, each side with its
# own best settings, interleaved over several rounds so that a noisy neighbour hits both sides:
#   round r: aaec bench, then the reference under OMP_WAIT_POLICY=PASSIVE and =ACTIVE
# Per figure: the median over rounds of each side's median (the reference's better policy per
# figure), and the ratio aaec / reference. Records the CPU (model, family, ISA flags).
# Needs: Debian's python3-torch and OpenBLAS for /usr/bin/python3:
#   apt-get install -y python3-torch libopenblas0-pthread
# (without OpenBLAS the reference runs on netlib's reference BLAS, 3x slower: not its best setting;
# the script stops rather than compare against that).
# Usage: ROUNDS=3 STEPS=20 THREADS=2 scripts/bench-compare.sh   -> target/bench-compare/compare.json
# ONLY=infer compares inference alone (libtorch and ONNX Runtime against the reference's infer mode).
set -euo pipefail
cd "$(dirname "$0")/.."
ref=../shared/bench
threads=${THREADS:-2}
steps=${STEPS:-20}
rounds=${ROUNDS:-3}
out=target/bench-compare
mkdir -p "$out"
rm -f "$out"/aaec-*.json "$out"/ref-*.txt

grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' > "$out/cpu.txt"
grep -m1 'cpu family' /proc/cpuinfo | sed 's/.*: /family /' >> "$out/cpu.txt"
grep -m1 '^model\s' /proc/cpuinfo | sed 's/.*: /model /' >> "$out/cpu.txt"
grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|avx512f|avx512_bf16|avx512_vnni|amx_bf16|amx_tile)$' \
  | tr '\n' ' ' >> "$out/cpu.txt"
echo >> "$out/cpu.txt"
echo "CPU: $(tr '\n' ';' < "$out/cpu.txt")"

openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
if [[ ! -e "$openblas/libopenblas.so.0" ]]; then
  echo "bench-compare: OpenBLAS is missing (apt-get install -y libopenblas0-pthread); the reference would run" \
       "on netlib BLAS, far from its best" >&2
  exit 2
fi
run_ref() { # round, policy, name, args...
  local round=$1 policy=$2 name=$3; shift 3
  OMP_WAIT_POLICY=$policy LD_LIBRARY_PATH=$openblas /usr/bin/python3 "$ref/aaec_ref.py" "$@" --threads "$threads" \
    > "$out/ref-$name-$policy-$round.txt"
}
for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds: aaec"
  # the launcher's own settings (OMP_WAIT_POLICY=ACTIVE unless set)
  env -u OMP_WAIT_POLICY ./aaec bench --fork --only "${ONLY:-train,infer,features}" --threads "$threads" --steps "$steps" \
    --json "$out/aaec-$r.json" --wav-dir "$out/wavs" > "$out/aaec-$r.txt"
  echo "round $r of $rounds: reference"
  for policy in PASSIVE ACTIVE; do
    for T in 469 126; do
      if [[ -z "${ONLY:-}" ]]; then
        run_ref "$r" "$policy" "classifier-$T" --mode classifier --T "$T" --batch 32 --steps "$steps"
        run_ref "$r" "$policy" "aaec-$T" --mode aaec --T "$T" --batch 32 --steps $(( steps / 2 > 3 ? steps / 2 : 3 ))
      fi
      run_ref "$r" "$policy" "infer-$T" --mode infer --T "$T" --batch 32 --steps "$steps"
      run_ref "$r" "$policy" "infer1-$T" --mode infer --T "$T" --batch 1 --steps $(( steps * 3 ))
    done
  done
  if [[ -z "${ONLY:-}" ]]; then
    python3 "$ref/features_ref.py" --bench "$out"/wavs/bench-*.wav > "$out/ref-features-$r.txt"
  fi
done

python3 - "$out" "$rounds" <<'PY'
import json, re, statistics, sys, pathlib
out, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
cpu = (out / "cpu.txt").read_text().strip().replace("\n", "; ")
aaec = [{m["name"]: m for m in json.loads((out / f"aaec-{r}.json").read_text())["measurements"]}
        for r in range(1, rounds + 1)]
def ref(name, policy, r):
    text = (out / f"ref-{name}-{policy}-{r}.txt").read_text()
    return json.loads(text.split("RESULT ", 1)[1])["samples_per_s"]
rows = []
for T in (469, 126):
    pairs = [(f"train classifier T={T}", f"classifier-{T}"), (f"train aaec T={T}", f"aaec-{T}"),
             (f"infer T={T} batch 32", f"infer-{T}"), (f"infer T={T} batch 1", f"infer1-{T}"),
             (f"infer onnxruntime T={T} batch 32", f"infer-{T}"), (f"infer onnxruntime T={T} batch 1", f"infer1-{T}")]
    pairs = [(ours, theirs) for ours, theirs in pairs if ours in aaec[0]]
    for ours, theirs in pairs:
        a = statistics.median(x[ours]["median"] for x in aaec)
        per_policy = {p: statistics.median(ref(theirs, p, r) for r in range(1, rounds + 1))
                      for p in ("PASSIVE", "ACTIVE")}
        best = max(per_policy, key=per_policy.get)
        rows.append(dict(figure=ours, aaec=a, reference=per_policy[best], reference_policy=best,
                         reference_by_policy=per_policy, unit=aaec[0][ours]["unit"]))
feat = None if not (out / "ref-features-1.txt").exists() else statistics.median(float(re.search(r"audio_seconds_per_second ([0-9.]+)",
                                         (out / f"ref-features-{r}.txt").read_text()).group(1))
                         for r in range(1, rounds + 1))
name = "features (decode+resample+STFT, 1 thread)"
if feat is not None:
  rows.append(dict(figure=name, aaec=statistics.median(x[name]["median"] for x in aaec), reference=feat,
                 reference_policy="-", unit=aaec[0][name]["unit"]))
print(f"CPU: {cpu}; {rounds} interleaved rounds; medians over rounds")
print(f"{'figure':46s} {'aaec':>10s} {'reference':>10s} {'ref policy':>10s} {'ratio':>7s}")
for x in rows:
    x["ratio"] = x["aaec"] / x["reference"]
    print(f"{x['figure']:46s} {x['aaec']:10.2f} {x['reference']:10.2f} {x['reference_policy']:>10s} "
          f"{x['ratio']:7.2f}  {x['unit']}")
peaks = []
for mode, group in (("classifier", "train-classifier"), ("aaec", "train-aaec"), ("infer", "infer")):
    if not any(p["group"] == group for p in json.loads((out / "aaec-1.json").read_text()).get("peaks", [])):
        continue
    for T in (469, 126):
        ours = max(p["peakResidentMiB"] for r in range(1, rounds + 1)
                   for p in json.loads((out / f"aaec-{r}.json").read_text()).get("peaks", [])
                   if p["group"] == group and p["frames"] == T)
        theirs = max(json.loads((out / f"ref-{mode}-{T}-{pol}-{r}.txt").read_text().split("RESULT ", 1)[1])
                     ["peak_rss_mib"] for pol in ("PASSIVE", "ACTIVE") for r in range(1, rounds + 1))
        peaks.append(dict(step=f"{mode} T={T}", aaec_mib=ours, reference_mib=theirs, ratio=ours / theirs))
        print(f"peak RSS {mode:10s} T={T}: aaec {ours:7.0f} MiB, reference {theirs:7.0f} MiB, ratio {ours / theirs:.2f}")
json.dump(dict(cpu=cpu, rounds=rounds, rows=rows, peaks=peaks), open(out / "compare.json", "w"), indent=1)
print("written", out / "compare.json")
PY
