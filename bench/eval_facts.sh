#!/bin/sh
# Span F1 of the fact rules on NEREL (default: dev) for MONEY, PERCENT, NUMBER, ORDINAL, DATE, TIME,
# scored by the shared scorer. The shared data folder is $POSOL_SHARED, else ../shared beside the repo.
# Usage: bench/eval_facts.sh [train|dev]
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${POSOL_SHARED:-$root/../shared}
split=${1:-dev}
gold=$shared/data/ner/nerel_v1.1_$split.jsonl.gz
pred=${TMPDIR:-/tmp}/posol_facts_$split.jsonl
cd "$root"
cargo run -q --release -p posol --example eval_facts -- "$gold" > "$pred"
python3 "$shared/tools/score_ner.py" "$gold" "$pred" --types MONEY,PERCENT,NUMBER,ORDINAL,DATE,TIME
