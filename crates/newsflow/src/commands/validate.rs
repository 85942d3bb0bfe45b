use std::path::Path;
use std::process::ExitCode;

use crate::config::Config;

/// `newsflow validate`: exit 0 and a summary when the config is good, else
/// every problem with its TOML path and line, and exit 1.
pub fn validate(path: &Path) -> anyhow::Result<ExitCode> {
    match Config::load(path) {
        Ok(config) => {
            println!(
                "{}: ok ({} source{}: {}; {} sink{}: {})",
                path.display(),
                config.sources.len(),
                plural(config.sources.len()),
                config
                    .sources
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
                config.sinks.len(),
                plural(config.sinks.len()),
                config.sinks.keys().cloned().collect::<Vec<_>>().join(", "),
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            eprintln!("{errors}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
