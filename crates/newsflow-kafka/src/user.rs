//! Kafka sources and sinks for users' own topics: raw articles in (plain
//! text or JSON), enriched records out (native or ninjs).

use std::sync::Arc;

use newsflow_fetch::SourceContext;
use newsflow_model::EnrichedArticle;
use newsflow_runtime::Envelope;
use newsflow_sink::{LineFormat, SinkReport};
use tokio::sync::mpsc;

use crate::config::{KafkaConfig, KafkaSinkConfig, KafkaSourceConfig};
use crate::consumer::{spawn_consumer_link, ConsumeSpec, ConsumerReport};
use crate::decode::raw_document_decoder;
use crate::error::KafkaError;
use crate::payload::{CONTENT_TYPE_JSON, CONTENT_TYPE_NINJS};
use crate::producer::{create_link_producer, run_producer_link, ProduceSpec};

/// Consumes `config.topic` as raw documents into the pipeline until
/// `ctx.shutdown`; undecodable messages become dead letters.
pub async fn run_kafka_source(
    config: KafkaSourceConfig,
    kafka: &KafkaConfig,
    ctx: SourceContext,
) -> Result<ConsumerReport, KafkaError> {
    let spec = ConsumeSpec {
        topic: config.topic.clone(),
        group: config
            .group
            .clone()
            .unwrap_or_else(|| kafka.group(&format!("source.{}", ctx.name))),
        stage: "source".to_owned(),
    };
    let decode = raw_document_decoder(ctx.name.clone(), config.format);
    let link = spawn_consumer_link(kafka, spec, decode, ctx.out, ctx.dead_letters, ctx.shutdown)?;
    link.join().await
}

/// The same bytes as the file sinks' JSON line, without the newline.
fn native_json(record: &Arc<EnrichedArticle>, out: &mut Vec<u8>) -> Result<(), String> {
    serde_json::to_writer(out, &**record).map_err(|e| e.to_string())
}

fn ninjs_json(record: &Arc<EnrichedArticle>, out: &mut Vec<u8>) -> Result<(), String> {
    serde_json::to_writer(out, &newsflow_sink::format::to_ninjs(record)).map_err(|e| e.to_string())
}

/// Produces every enriched record of `input` to `config.topic`, acking each
/// once the broker has it. Returns when `input` is closed and drained.
pub async fn run_kafka_sink(
    config: KafkaSinkConfig,
    kafka: &KafkaConfig,
    input: mpsc::Receiver<Envelope<Arc<EnrichedArticle>>>,
) -> Result<SinkReport, KafkaError> {
    let producer = create_link_producer(kafka)?;
    let (content_type, encode): (_, crate::producer::Encoder<Arc<EnrichedArticle>>) =
        match config.format {
            LineFormat::Json => (CONTENT_TYPE_JSON, native_json),
            LineFormat::Ninjs => (CONTENT_TYPE_NINJS, ninjs_json),
        };
    let spec = ProduceSpec {
        topic: config.topic.clone(),
        content_type,
        encode,
        max_pending: kafka.producer.max_pending,
    };
    let report = run_producer_link(producer, spec, input).await;
    let sink_report = SinkReport {
        records_written: report.delivered,
        records_failed: report.failed,
        ..SinkReport::default()
    };
    if report.failed > 0 {
        return Err(KafkaError::Undelivered {
            topic: config.topic,
            failed: report.failed,
        });
    }
    Ok(sink_report)
}
