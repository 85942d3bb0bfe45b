#!/usr/bin/env bash
# Streams a generated input (default 1024 MB) through `newsflow run` (file
# source -> parse -> enrich -> JSON Lines files) and prints throughput and
# peak RSS. Usage: tests/bench/pipeline_rss.sh [SIZE_MB]
# NEWSFLOW_BENCH_ENRICH=0 measures parsing alone (enrichment switched off).
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${1:-1024}
work=$(mktemp -d /tmp/newsflow-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
python3 tests/bench/gen_corpus.py "$work/in/input.txt" "$size_mb"
cargo build --release -q -p newsflow
case "${NEWSFLOW_BENCH_ENRICH:-1}" in 0) enrich_off=true ;; *) enrich_off=false ;; esac
cat > "$work/bench.toml" <<TOML
data_dir = "$work/state"
[log]
level = "warn"
[admin]
enabled = false
[enrich]
disabled = $enrich_off
[sources.input]
type = "file"
paths = ["$work/in"]
max_chunk_bytes = 1048576
max_in_flight = 8
[sinks.archive]
type = "jsonl"
path = "$work/out"
[dead_letters]
path = "$work/dead"
TOML
bytes=$(stat -c %s "$work/in/input.txt")
start=$(date +%s.%N)
/usr/bin/time -v target/release/newsflow run -c "$work/bench.toml" 2> "$work/time.txt"
end=$(date +%s.%N)
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
cpu=$(awk -F: '/Percent of CPU/ {gsub(/[ %]/, "", $2); print $2}' "$work/time.txt")
records=$(cat "$work"/out/*.jsonl | wc -l)
python3 - "$bytes" "$start" "$end" "$rss_kb" "$records" "$cpu" "$enrich_off" <<'PY'
import sys
b, s, e, rss, n, cpu = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
secs = e - s
print(f"enrichment {'off' if sys.argv[7] == 'true' else 'on'}: input {b/1e6:.0f} MB, {n} articles in {secs:.1f} s: {b/1e6/secs:.1f} MB/s wall, CPU {cpu}%, peak RSS {rss/1024:.1f} MiB")
PY
