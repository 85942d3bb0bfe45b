#!/usr/bin/env bash
# Stops the broker started by tests/kafka/start-broker.sh (if any).
set -euo pipefail
cd "$(dirname "$0")/../.."
STATE=target/kafka-broker
if [ -f "$STATE/pid" ]; then
    pid=$(cat "$STATE/pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        echo "stopped broker pid $pid" >&2
    fi
    rm -f "$STATE/pid"
fi
