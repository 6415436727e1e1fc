#!/usr/bin/env bash
# Sweep of the AAEC objective's reconstruction weight on validation data (issue 13): one
# experiment per setting, AAEC only, the same seeds and splits for all; each report's
# "The generator" section has the last iteration's reconstruction R2 and diversity of X' and the
# validation Combined the choice is made on (never the test split).
#
#   CONFIG=configs/emodb.yaml SEEDS=1 scripts/objective-sweep.sh [setting ...]
#
# A setting is "element:W" (reconstruction weight W, element-mean) or "sample:W" (per-sample sum,
# T·F times larger), optionally ":audio" (only frames of real audio count; X' keeps X's padding);
# default: element:1 element:16 element:256 sample:1. Reports go to
# results/objective-sweep/<corpus>-<setting>/. A finished setting is skipped when run again
# (the experiment reuses finished runs), so the sweep resumes after a kill.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG=${CONFIG:-configs/emodb.yaml}
SEEDS=${SEEDS:-1}
THREADS=${THREADS:-1}
corpus=$(basename "$CONFIG" .yaml)
settings=("$@")
[ ${#settings[@]} -eq 0 ] && settings=(element:1 element:16 element:256 sample:1)
for s in "${settings[@]}"; do
  IFS=: read -r reduction weight frames <<< "$s"
  frames=${frames:-all}
  tag="${corpus}-${reduction}-${weight}$([ "$frames" = all ] || echo "-$frames")"
  ./aaec experiment --config "$CONFIG" --seeds "$SEEDS" --variants aaec --set threads="$THREADS" \
      --set name="sweep-$tag" --set objective.reconstructionReduction="$reduction" \
      --set objective.reconstruction="$weight" --set objective.reconstructionFrames="$frames" \
      --report "results/objective-sweep/$tag"
done
