//! Distributed mode against a real Kafka-compatible broker (started by
//! tests/kafka/start-broker.sh; `tests/run.sh` does it and exports
//! KAFKA_BROKERS). Without KAFKA_BROKERS these tests print why and skip.
//! Output topics are read back with Python confluent-kafka, not our code.

mod faults;
mod harness;
mod pipeline;
