//! Benchmark: streams a generated file through the file source with an
//! acknowledging downstream and prints throughput and peak RSS.
//!
//! cargo run --release -p newsflow-fetch --example stream_file -- [MB] [lines|one-line]
//!   lines     (default) paragraphs of ~60-byte lines
//!   one-line  a single line of MB megabytes (a dead letter, skipped)

use std::io::{BufWriter, Write};
use std::time::Instant;

use newsflow_fetch::{run_file_source, FileSourceConfig, SourceContext};
use newsflow_runtime::CancellationToken;

fn peak_rss_mib() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:"));
    line.map_or("unknown".to_owned(), |l| {
        l.trim_start_matches("VmHWM:").trim().to_owned()
    })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let megabytes: u64 = args.next().map_or(Ok(1024), |a| a.parse())?;
    let one_line = args.next().as_deref() == Some("one-line");
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.txt");
    {
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        let target = megabytes << 20;
        let mut written = 0u64;
        let mut n = 0u64;
        while written < target {
            let piece = if one_line {
                "x".repeat(1 << 16)
            } else {
                n += 1;
                let mut p = format!("item {n}: the council approved the new harbour budget\n");
                if n.is_multiple_of(4) {
                    p.push('\n');
                }
                p
            };
            out.write_all(piece.as_bytes())?;
            written += piece.len() as u64;
        }
        out.write_all(b"\n")?;
    }
    println!(
        "generated {megabytes} MiB ({}), peak RSS so far {}",
        if one_line { "one line" } else { "lines" },
        peak_rss_mib()
    );

    let (out, mut docs) = tokio::sync::mpsc::channel(256);
    let (dead_letters, mut dead) = tokio::sync::mpsc::channel(256);
    let ctx = SourceContext {
        name: "bench".into(),
        out,
        dead_letters,
        shutdown: CancellationToken::new(),
        state_dir: dir.path().join("state"),
    };
    let downstream = tokio::spawn(async move {
        let (mut chunks, mut bytes, mut dead_count) = (0u64, 0u64, 0u64);
        loop {
            tokio::select! {
                Some(doc) = docs.recv() => { chunks += 1; bytes += doc.record.bytes.len() as u64; }
                Some(_) = dead.recv() => dead_count += 1,
                else => break,
            }
        }
        (chunks, bytes, dead_count)
    });
    let started = Instant::now();
    run_file_source(FileSourceConfig::new([path.to_string_lossy()]), ctx).await?;
    let elapsed = started.elapsed();
    let (chunks, bytes, dead_count) = downstream.await?;
    println!(
        "{chunks} chunks, {bytes} bytes, {dead_count} dead letters in {:.2} s ({:.0} MiB/s); peak RSS {}",
        elapsed.as_secs_f64(),
        (megabytes as f64) / elapsed.as_secs_f64(),
        peak_rss_mib()
    );
    Ok(())
}
