use super::*;

fn no_env(_: &str) -> Option<String> {
    None
}

const GOOD: &str = r#"
[sources.spool]
type = "file"
paths = ["spool"]
watch = true

[sinks.archive]
type = "jsonl"
path = "out"

[dead_letters]
path = "dead"
"#;

#[test]
fn a_minimal_config_gets_defaults() {
    let config = Config::from_toml(GOOD, no_env).expect("valid");
    assert_eq!(config.data_dir, PathBuf::from("var/newsflow"));
    assert!(matches!(config.sources["spool"], SourceConfig::File(ref f) if f.watch));
    assert!(matches!(config.sinks["archive"], SinkConfig::Jsonl(_)));
    assert!(config.pipeline.workers >= 1);
}

#[test]
fn unknown_keys_are_reported_with_path_and_line_all_at_once() {
    let text =
        GOOD.replace("watch = true", "watch = true\nwatchh = 1") + "\n[pipeline]\nworkerz = 2\n";
    let problems = Config::from_toml(&text, no_env).unwrap_err();
    let paths: Vec<(&str, Option<usize>)> =
        problems.iter().map(|p| (p.path.as_str(), p.line)).collect();
    assert!(
        paths.contains(&("sources.spool.watchh", Some(6))),
        "{problems:?}"
    );
    assert!(
        paths.contains(&("pipeline.workerz", Some(16))),
        "{problems:?}"
    );
}

#[test]
fn unknown_component_type_is_named() {
    let text = GOOD.replace("type = \"jsonl\"", "type = \"carrier-pigeon\"");
    let problems = Config::from_toml(&text, no_env).unwrap_err();
    assert_eq!(problems[0].path, "sinks.archive.type");
    assert_eq!(problems[0].line, Some(8));
    assert!(
        problems[0].message.contains("carrier-pigeon"),
        "{problems:?}"
    );
}

#[test]
fn semantic_problems_carry_lines_too() {
    let text = GOOD.replace(
        "[sinks.archive]",
        "[pipeline]\nworkers = 0\n\n[sinks.archive]",
    );
    let problems = Config::from_toml(&text, no_env).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "pipeline.workers");
    assert_eq!(problems[0].line, Some(8));
}

#[test]
fn env_references_are_interpolated() {
    let text = GOOD.replace("path = \"out\"", "path = \"${OUT_DIR}\"");
    let config = Config::from_toml(&text, |name| {
        (name == "OUT_DIR").then(|| "/data/out".into())
    })
    .expect("valid");
    let SinkConfig::Jsonl(sink) = &config.sinks["archive"] else {
        panic!("jsonl sink")
    };
    assert_eq!(sink.path, PathBuf::from("/data/out"));
    let problems = Config::from_toml(&text, no_env).unwrap_err();
    assert_eq!(problems[0].line, Some(9));
}

#[test]
fn invalid_toml_is_located() {
    let problems = Config::from_toml("[sources.a]\ntype = \n", no_env).unwrap_err();
    assert_eq!(problems[0].line, Some(2));
    assert!(problems[0].message.contains("invalid TOML"));
}

#[test]
fn bad_component_names_are_rejected() {
    let text = GOOD.replace("[sinks.archive]", "[sinks.\"my sink\"]");
    let problems = Config::from_toml(&text, no_env).unwrap_err();
    assert!(problems[0].message.contains("my sink"), "{problems:?}");
}

#[test]
fn stories_per_document_reach_the_parser() {
    let config = Config::from_toml(GOOD, no_env).expect("valid");
    assert!(
        !config.parse.limits().one_story_per_document,
        "auto by default"
    );
    let text = format!("{GOOD}\n[parse]\nstories = \"one\"\n");
    let config = Config::from_toml(&text, no_env).expect("valid");
    assert!(config.parse.limits().one_story_per_document);
    let text = format!("{GOOD}\n[parse]\nstories = \"some\"\n");
    let problems = Config::from_toml(&text, no_env).unwrap_err();
    assert_eq!(problems[0].path, "parse.stories", "{problems:?}");
}
