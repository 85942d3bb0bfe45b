use std::fs;

use crate::util::{newsflow, workspace, Scratch};

#[test]
fn parse_prints_one_record_per_story_of_the_bundled_sample() {
    let out = newsflow(&["parse", "config/samples/wire-dump.txt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let firsts: Vec<u64> = records
        .iter()
        .map(|r| r["provenance"]["lines"][0].as_u64().expect("lines"))
        .collect();
    assert_eq!(firsts, vec![1, 9, 10, 11], "story starts");
    let truncated: Vec<bool> = records.iter().map(|r| r["truncated"] == true).collect();
    assert_eq!(truncated, vec![false, true, true, true]);
    assert_eq!(
        records[0]["media_credits"][0],
        "Photo: Port Calloway Authority handout"
    );
    assert_eq!(records[2]["kicker"], "ORBIT DELAY");
    assert_eq!(records[2]["agencies"][0], "AFP");
    assert_eq!(records[3]["byline"][0], "Daniel Okafor");
    for record in &records {
        assert_eq!(record["schema_version"], 1);
        assert_eq!(record["id"].as_str().map(str::len), Some(32));
    }
}

#[test]
fn parse_pretty_is_readable() {
    let out = newsflow(&[
        "parse",
        "--format",
        "pretty",
        "config/samples/wire-dump.txt",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ORBIT DELAY"), "{text}");
    assert!(text.contains("Daniel Okafor"), "{text}");
}

#[test]
fn parse_reports_a_bad_file_and_goes_on() {
    let scratch = Scratch::new();
    let empty = scratch.path("empty.txt");
    fs::write(&empty, "").expect("write");
    let sample = workspace().join("config/samples/wire-dump.txt");
    let out = newsflow(&[
        "parse",
        empty.to_str().expect("utf-8"),
        sample.to_str().expect("utf-8"),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = newsflow(&["schema"]);
    assert!(out.status.success());
    let committed =
        fs::read(workspace().join("crates/newsflow-model/schema/newsflow-record.schema.json"))
            .expect("committed schema");
    assert_eq!(out.stdout, committed);
}

#[test]
fn validate_accepts_the_shipped_configs() {
    let out = newsflow(&["validate", "-c", "config/newsflow.toml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn validate_names_every_bad_key_with_path_and_line() {
    let scratch = Scratch::new();
    let path = scratch.path("bad.toml");
    fs::write(
        &path,
        r#"data_dir = "x"
[pipeline]
workerz = 3

[sources.in]
type = "file"
paths = ["a"]
wacth = true

[sinks.out]
type = "jsonl"
path = "o"
rotate_bytes = "big"

[dead_letters]
path = "d"
"#,
    )
    .expect("write");
    let out = newsflow(&["validate", "-c", path.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3: `pipeline.workerz`"), "{stderr}");
    assert!(stderr.contains("line 8: `sources.in.wacth`"), "{stderr}");
    assert!(
        stderr.contains("line 13: `sinks.out.rotate_bytes`"),
        "{stderr}"
    );
}

#[test]
fn validate_interpolates_the_environment() {
    let scratch = Scratch::new();
    let path = scratch.path("env.toml");
    fs::write(
        &path,
        "[sources.in]\ntype = \"file\"\npaths = [\"${NEWSFLOW_TEST_DIR}\"]\n[sinks.out]\ntype = \"stdout\"\n[dead_letters]\npath = \"${NEWSFLOW_TEST_DEAD:-dead}\"\n",
    )
    .expect("write");
    let missing = newsflow(&["validate", "-c", path.to_str().expect("utf-8")]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("line 3: environment variable `NEWSFLOW_TEST_DIR` is not set"));
    let ok = std::process::Command::new(crate::util::bin())
        .args(["validate", "-c", path.to_str().expect("utf-8")])
        .env("NEWSFLOW_TEST_DIR", "/tmp/in")
        .output()
        .expect("run");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}
