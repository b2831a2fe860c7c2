#!/bin/sh
# Span F1 of the fact rules on NEREL (default: dev) for MONEY, PERCENT, NUMBER, ORDINAL, DATE, TIME.
# Usage: bench/eval_facts.sh [train|dev]
set -e
split=${1:-dev}
gold=/work/shared/data/ner/nerel_v1.1_$split.jsonl.gz
pred=${TMPDIR:-/tmp}/posol_facts_$split.jsonl
cargo run -q --release -p posol --example eval_facts -- "$gold" > "$pred"
python3 /work/shared/tools/score_ner.py "$gold" "$pred" --types MONEY,PERCENT,NUMBER,ORDINAL,DATE,TIME
