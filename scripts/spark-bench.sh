#!/usr/bin/env bash
# spark-predict against predict on the same files (all EmoDB clips), each a process of its own:
# wall time, clips per second and peak resident memory (GNU time), with Spark on 1 and 2 cores.
# Usage: scripts/spark-bench.sh [FOLDER]   -> prints one line per run; CPU model first.
set -euo pipefail
cd "$(dirname "$0")/.."
in=${1:-../shared/data/emodb}
n=$(find "$in" -type f \( -name '*.wav' -o -name '*.flac' -o -name '*.mp3' \) | wc -l)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), family $(grep -m1 'cpu family' /proc/cpuinfo \
  | sed 's/.*: //') model $(grep -m1 '^model\s' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores; $n files in $in"
./aaec --version > /dev/null   # builds the jar first if needed, outside the timings
run() { # label, command...
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall kb < "$work/time"
  python3 -c "import sys; w, kb, n = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); \
print(f'{sys.argv[4]:38s} {w:7.1f} s  {n / w:6.1f} clips/s  peak {kb / 1024:5.0f} MiB')" "$wall" "$kb" "$n" "$label"
}
run "predict (one process)" ./aaec predict "$in" --out "$work/p.csv"
run "predict --engine onnxruntime" ./aaec predict --engine onnxruntime "$in" --out "$work/o.csv"
run "spark-predict local[1]" ./aaec spark-predict --master 'local[1]' --input "$in" --out "$work/s1"
run "spark-predict local[2]" ./aaec spark-predict --master 'local[2]' --input "$in" --out "$work/s2"
run "spark-predict local[2] --engine onnxruntime" ./aaec spark-predict --master 'local[2]' --engine onnxruntime \
  --input "$in" --out "$work/s3"
