use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use newsflow_enrich::{EnrichChain, EnrichConfig};
use newsflow_fetch::chunker::{ChunkLimits, Chunker, Cursor, Event};
use newsflow_model::{EnrichedArticle, RawDocument};
use newsflow_parse::ParseLimits;
use newsflow_sink::format;

use crate::OutputFormat;

/// Files are read in chunks of whole lines like the daemon's file source
/// does, so a large dump streams with bounded memory.
const CHUNK_BYTES: usize = 4 * 1024 * 1024;
const READ_BYTES: usize = 256 * 1024;

/// `newsflow parse FILE...`: one-shot parsing for people and scripts.
/// Records go to stdout; a file (or a part of one) that fails is reported on
/// stderr and the rest is still parsed (exit 1 if anything failed).
pub fn parse_files(
    files: &[PathBuf],
    output: OutputFormat,
    enrich: bool,
    reference_date: Option<chrono::NaiveDate>,
    limits: ParseLimits,
) -> anyhow::Result<ExitCode> {
    let chain = if enrich {
        EnrichChain::from_config(&EnrichConfig {
            reference_date,
            ..EnrichConfig::default()
        })
    } else {
        EnrichChain::default()
    };
    let stdout = std::io::stdout();
    let mut printer = Printer {
        out: std::io::BufWriter::new(stdout.lock()),
        output,
        chain,
        limits,
        clear_fetched_at: reference_date.is_some(),
        failures: 0,
    };
    for path in files {
        if let Err(e) = printer.parse_file(path) {
            eprintln!("error: {}: {e:#}", path.display());
            printer.failures += 1;
        }
    }
    printer.out.flush().context("writing to stdout")?;
    Ok(if printer.failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct Printer<W: Write> {
    out: W,
    output: OutputFormat,
    chain: EnrichChain,
    limits: ParseLimits,
    /// An explicit reference date beats the moment this command happened
    /// to read the file.
    clear_fetched_at: bool,
    failures: usize,
}

impl<W: Write> Printer<W> {
    fn parse_file(&mut self, path: &Path) -> anyhow::Result<()> {
        let (origin, mut reader): (String, Box<dyn Read>) = if path == Path::new("-") {
            ("-".to_owned(), Box::new(std::io::stdin().lock()))
        } else {
            let file = std::fs::File::open(path).context("cannot open")?;
            (path.display().to_string(), Box::new(file))
        };
        let mut chunker = Chunker::new(
            ChunkLimits {
                max_chunk_bytes: CHUNK_BYTES,
                max_line_bytes: self.limits.max_line_bytes.min(CHUNK_BYTES),
            },
            Cursor::START,
        );
        let mut block = vec![0; READ_BYTES];
        let mut events = Vec::new();
        let mut empty = true;
        loop {
            let n = reader.read(&mut block).context("cannot read")?;
            if n == 0 {
                chunker.finish(&mut events);
            } else {
                empty = false;
                chunker.feed(&block[..n], &mut events);
            }
            for event in events.drain(..) {
                self.handle(&origin, event)?;
            }
            if n == 0 {
                break;
            }
        }
        if empty {
            // Same verdict the daemon gives an empty file.
            self.parse_chunk(RawDocument::new("cli", origin, Vec::new()))?;
        }
        Ok(())
    }

    fn handle(&mut self, origin: &str, event: Event) -> anyhow::Result<()> {
        match event {
            Event::Chunk { bytes, start, .. } => {
                let mut doc = RawDocument::new("cli", origin, bytes);
                doc.first_line = start.line;
                doc.byte_offset = start.offset;
                self.parse_chunk(doc)
            }
            Event::OverlongLine { start, len, .. } => {
                eprintln!(
                    "error: {origin}: line {} is {len} bytes, over the {}-byte limit; skipped",
                    start.line, self.limits.max_line_bytes
                );
                self.failures += 1;
                Ok(())
            }
        }
    }

    fn parse_chunk(&mut self, doc: RawDocument) -> anyhow::Result<()> {
        let articles = match newsflow_parse::parse(&doc, &self.limits) {
            Ok(articles) => articles,
            Err(e) => {
                eprintln!("error: {} (from line {}): {e}", doc.origin, doc.first_line);
                self.failures += 1;
                return Ok(());
            }
        };
        for mut article in articles {
            if self.clear_fetched_at {
                article.fetched_at = None;
            }
            let record = self.chain.enrich(article);
            self.write_record(&record).context("writing to stdout")?;
        }
        Ok(())
    }

    fn write_record(&mut self, record: &EnrichedArticle) -> anyhow::Result<()> {
        match self.output {
            OutputFormat::Json => writeln!(self.out, "{}", format::to_json_line(record)?)?,
            OutputFormat::Ninjs => writeln!(self.out, "{}", format::to_ninjs(record))?,
            OutputFormat::Pretty => writeln!(self.out, "{}", format::to_pretty(record))?,
        }
        Ok(())
    }
}
