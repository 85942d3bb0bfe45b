//! Throughput of the JSON Lines file sink on synthetic articles.
//!
//! `cargo run --release -p newsflow-sink --example file_sink_throughput -- [RECORDS] [DIR]`
//! Prints records/s and MB/s with fsync on and off (native JSON format).

use std::sync::Arc;
use std::time::Instant;

use newsflow_model::{Article, EnrichedArticle, Provenance};
use newsflow_runtime::{AckTracker, Envelope};
use newsflow_sink::{run_article_file_sink, JsonlFileSinkConfig};
use tokio::sync::mpsc;

fn synthetic_article(n: usize) -> EnrichedArticle {
    let paragraphs: Vec<String> = (0..8)
        .map(|p| format!("Paragraph {p} of synthetic story {n}: the committee met again to discuss the budget for the coming year, and members disagreed about almost everything."))
        .collect();
    EnrichedArticle::from_article(Article {
        schema_version: newsflow_model::SCHEMA_VERSION,
        id: format!("{n:032x}"),
        source: "bench".into(),
        url: Some(format!("https://news.example/{n}")),
        title: Some(format!("Synthetic story {n}")),
        kicker: None,
        deck: None,
        dateline: None,
        lede: paragraphs.first().cloned(),
        byline: vec!["A. Writer".into()],
        agencies: vec![],
        media_credits: vec![],
        published_at: None,
        fetched_at: None,
        body: paragraphs.join("\n\n"),
        paragraphs,
        truncated: false,
        provenance: Provenance {
            parser: "bench/1".into(),
            origin: "bench".into(),
            segment: 0,
            lines: None,
        },
    })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let records: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100_000);
    let base = match args.next() {
        Some(dir) => tempfile::tempdir_in(dir)?,
        None => tempfile::tempdir()?,
    };
    let articles: Vec<Arc<EnrichedArticle>> =
        (0..1000).map(|n| Arc::new(synthetic_article(n))).collect();
    for fsync in [true, false] {
        let dir = base.path().join(format!("fsync-{fsync}"));
        let mut config = JsonlFileSinkConfig::new(&dir);
        config.fsync = fsync;
        let tracker = AckTracker::<u8, u64>::new(4096);
        let (tx, rx) = mpsc::channel(1024);
        let started = Instant::now();
        let sink = tokio::spawn(async move { run_article_file_sink("bench", config, rx).await });
        for n in 0..records {
            let token = tracker.register(0, n as u64).await;
            tx.send(Envelope::new(
                Arc::clone(&articles[n % articles.len()]),
                token,
            ))
            .await?;
        }
        drop(tx);
        let report = sink.await??;
        let elapsed = started.elapsed().as_secs_f64();
        let bytes: u64 = std::fs::read_dir(&dir)?
            .map(|e| {
                e.map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
                    .unwrap_or(0)
            })
            .sum();
        println!(
            "fsync={fsync}: {} records, {:.1} MB in {elapsed:.2} s: {:.0} records/s, {:.1} MB/s, {} files",
            report.records_written,
            bytes as f64 / 1e6,
            report.records_written as f64 / elapsed,
            bytes as f64 / 1e6 / elapsed,
            report.files_opened,
        );
    }
    Ok(())
}
