#!/usr/bin/env bash
# Does a model answer the same when the recording is louder or quieter? Predicts every file as
# recorded and at -20, -10 and +6 dB (./aaec predict --gain-db: scaled as floats, no clipping), then
# prints, per gain and head, the share of files whose class did not change, over all files and
# over those that stay within full scale (where a fixed-point recording would not have clipped).
# Usage: scripts/gain-check.sh [--model FILE] FILE_OR_FOLDER...   (writes target/gain-check/)
set -euo pipefail
cd "$(dirname "$0")/.."
model=()
if [[ "${1:-}" == "--model" ]]; then model=(--model "$2"); shift 2; fi
out=target/gain-check
mkdir -p "$out"
for db in 0 -20 -10 6; do
  ./aaec predict "${model[@]}" --gain-db "$db" --out "$out/gain$db.csv" "$@" 2> "$out/gain$db.err"
done
python3 - "$out" <<'PY'
import csv, re, sys, pathlib
out = pathlib.Path(sys.argv[1])
def rows(db):
    with open(out / f"gain{db}.csv") as f:
        return {r["file"]: r for r in csv.DictReader(f) if not r["error"]}
base = rows(0)
heads = [h for h in next(iter(base.values())).keys() if h + "_p_" in "".join(next(iter(base.values())).keys())]
for db in (-20, -10, 6):
    beyond = set(re.findall(r"^(.*): beyond full scale", (out / f"gain{db}.err").read_text(), re.M))
    other = rows(db)
    for label, files in (("all", [f for f in base if f in other]),
                         ("within full scale", [f for f in base if f in other and f not in beyond])):
        if not files:
            print(f"{db:+d} dB, {label}: no files")
            continue
        same = {h: sum(base[f][h] == other[f][h] for f in files) for h in heads}
        both = sum(all(base[f][h] == other[f][h] for h in heads) for f in files)
        print(f"{db:+d} dB, {label} ({len(files)} files): unchanged "
              + ", ".join(f"{h} {100 * same[h] / len(files):.2f} %" for h in heads)
              + f", every head {100 * both / len(files):.2f} %")
PY
