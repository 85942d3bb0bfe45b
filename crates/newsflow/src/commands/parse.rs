use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use newsflow_enrich::{EnrichChain, EnrichConfig};
use newsflow_model::{EnrichedArticle, RawDocument};
use newsflow_parse::ParseLimits;
use newsflow_sink::format;

use crate::OutputFormat;

/// `newsflow parse FILE...`: one-shot parsing for people and scripts.
/// Records go to stdout; a file that fails is reported on stderr and the
/// others are still parsed (exit 1 if any failed).
pub fn parse_files(
    files: &[PathBuf],
    output: OutputFormat,
    enrich: bool,
    reference_date: Option<chrono::NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let limits = ParseLimits::default();
    let chain = if enrich {
        EnrichChain::from_config(&EnrichConfig {
            reference_date,
            ..EnrichConfig::default()
        })
    } else {
        EnrichChain::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0;
    for path in files {
        let doc = match read_document(path, limits.max_document_bytes) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("error: {}: {e:#}", path.display());
                failures += 1;
                continue;
            }
        };
        let articles = match newsflow_parse::parse(&doc, &limits) {
            Ok(articles) => articles,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                failures += 1;
                continue;
            }
        };
        for mut article in articles {
            if reference_date.is_some() {
                // An explicit reference date beats the moment this command
                // happened to read the file.
                article.fetched_at = None;
            }
            let record = chain.enrich(article);
            write_record(&mut out, &record, output).context("writing to stdout")?;
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn read_document(path: &Path, max_bytes: usize) -> anyhow::Result<RawDocument> {
    let (origin, reader): (String, Box<dyn Read>) = if path == Path::new("-") {
        ("-".to_owned(), Box::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(path).context("cannot open")?;
        (path.display().to_string(), Box::new(file))
    };
    let mut bytes = Vec::new();
    // One byte past the limit tells "too large" from "exactly at the limit".
    reader
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .context("cannot read")?;
    Ok(RawDocument::new("cli", origin, bytes))
}

fn write_record(
    out: &mut impl Write,
    record: &EnrichedArticle,
    output: OutputFormat,
) -> anyhow::Result<()> {
    match output {
        OutputFormat::Json => writeln!(out, "{}", format::to_json_line(record)?)?,
        OutputFormat::Ninjs => writeln!(out, "{}", format::to_ninjs(record))?,
        OutputFormat::Pretty => writeln!(out, "{}", format::to_pretty(record))?,
    }
    Ok(())
}
