/// Errors of the Kafka links, sources and sinks.
#[derive(Debug, thiserror::Error)]
pub enum KafkaError {
    #[error("kafka config `{field}`: {message}")]
    Config {
        field: &'static str,
        message: String,
    },
    #[error("creating the kafka {what}: {source}")]
    Client {
        what: &'static str,
        #[source]
        source: rdkafka::error::KafkaError,
    },
    #[error("subscribing to {topic}: {source}")]
    Subscribe {
        topic: String,
        #[source]
        source: rdkafka::error::KafkaError,
    },
    #[error("creating topic {topic}: {message}")]
    CreateTopic { topic: String, message: String },
    #[error("the consumer thread of {topic} panicked")]
    ConsumerPanicked { topic: String },
    #[error("{failed} records could not be delivered to {topic}")]
    Undelivered { topic: String, failed: u64 },
}
