//! Throughput of `segment()` alone on >= 50 MB of invented glued text:
//! `cargo run --release -p newsflow-eval --bin segbench -- --megabytes 64`

use std::time::Instant;

use clap::Parser;
use newsflow_eval::synthetic::glued_text;
use newsflow_parse::segment::{segment, Line};

#[derive(Parser)]
#[command(about = "Measure story segmentation throughput")]
struct Args {
    #[arg(long, default_value_t = 64)]
    megabytes: usize,
    #[arg(long, default_value_t = 3)]
    rounds: usize,
}

fn main() {
    let args = Args::parse();
    let text = glued_text(args.megabytes.max(1) << 20, 11);
    let lines: Vec<Line<'_>> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line {
            text: t,
            number: i as u64 + 1,
            blank_before: 0,
        })
        .collect();
    let megabytes = text.len() as f64 / (1u64 << 20) as f64;
    println!("input: {megabytes:.1} MB, {} lines", lines.len());
    for round in 1..=args.rounds.max(1) {
        let started = Instant::now();
        let starts = segment(&lines);
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "round {round}: {} stories in {seconds:.2} s = {:.1} MB/s",
            starts.len(),
            megabytes / seconds
        );
    }
}
