use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

/// `newsflow schema`: the JSON Schema of the output record.
pub fn print_schema() -> anyhow::Result<ExitCode> {
    std::io::stdout()
        .write_all(newsflow_model::output_schema_json().as_bytes())
        .context("writing the schema to stdout")?;
    Ok(ExitCode::SUCCESS)
}
