#!/usr/bin/env bash
# Extraction quality in one table: the seed gold and PolNeAR dev (or train with SPLIT=train),
# scored by ../shared/gold/score.py. Usage: scripts/eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
SPLIT=${SPLIT:-dev}
cargo build --release --quiet
bin=target/release/onrecord
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract data --json > "$tmp/seeds.jsonl"
start=$(date +%s.%N)
"$bin" extract "$SHARED/gold/polnear/$SPLIT/text" --json > "$tmp/polnear.jsonl" 2>/dev/null || true
end=$(date +%s.%N)
# The scorer prints its summary first; read all of its output (head -1 would close the pipe on
# it, and pipefail would stop this script on its broken-pipe error).
seeds=$(python3 "$SHARED/gold/score.py" seeds "$tmp/seeds.jsonl" --json | sed -n 1p)
polnear=$(python3 "$SHARED/gold/score.py" polnear "$SHARED/gold/polnear/jsonl/$SPLIT.jsonl" "$tmp/polnear.jsonl" --json | sed -n 1p)
python3 - "$seeds" "$polnear" "$SPLIT" "$start" "$end" <<'PY'
import json, sys
seeds, pol, split = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
secs = float(sys.argv[5]) - float(sys.argv[4])
print(f"{'figure':<15} {'seeds':>8} {'polnear ' + split:>14}")
for k in ["recall", "precision", "f1", "quoted_recall", "speaker", "kind", "topic", "negatives", "gold", "predicted"]:
    a, b = seeds.get(k, ""), pol.get(k, "")
    f = lambda v: f"{v:.3f}" if isinstance(v, float) else str(v)
    print(f"{k:<15} {f(a):>8} {f(b):>14}")
print(f"bars: seeds recall>=0.95 speaker>=0.95 kind>=0.90 topic>=0.90 negatives=0; polnear f1>=0.80 speaker>=0.88")
print(f"polnear {split} extraction took {secs:.2f} s")
PY
