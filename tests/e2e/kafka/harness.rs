use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::util::{bin, story_line, workspace, Daemon};

/// The Kafka tests start several processes each: one test at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A broker, fresh topic names and a scratch directory for one test.
pub struct Cluster {
    pub brokers: String,
    python: PathBuf,
    pub nonce: String,
    pub dir: tempfile::TempDir,
    _serial: MutexGuard<'static, ()>,
}

/// Knobs of the generated config.
pub struct Settings {
    pub partitions: u32,
    pub max_in_flight_per_partition: usize,
    pub workers: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            partitions: 4,
            max_in_flight_per_partition: 100,
            workers: 2,
        }
    }
}

impl Cluster {
    /// None (after saying why) when no broker is configured.
    pub fn from_env(test: &str) -> Option<Self> {
        let Ok(brokers) = std::env::var("KAFKA_BROKERS") else {
            println!(
                "skipping {test}: KAFKA_BROKERS is not set (run tests/run.sh, or \
                 eval \"$(tests/kafka/start-broker.sh)\" first)"
            );
            return None;
        };
        let python = std::env::var_os("KAFKA_PYTHON")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace().join("target/kafka-venv/bin/python"));
        assert!(
            python.exists(),
            "{} not found: tests/kafka/start-broker.sh installs confluent-kafka there",
            python.display()
        );
        let serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock")
            .as_nanos();
        let nonce = format!("t{}x{}", std::process::id(), nanos % 1_000_000_000);
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("spool")).expect("spool");
        Some(Self {
            brokers,
            python,
            nonce,
            dir,
            _serial: serial,
        })
    }

    pub fn topic(&self, link: &str) -> String {
        format!("{}.{link}", self.nonce)
    }

    pub fn group(&self, stage: &str) -> String {
        format!("{}.{stage}", self.nonce)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes `count` one-line stories (markers first..first+count) into
    /// one spool file.
    pub fn write_stories(&self, file: &str, first: usize, count: usize) {
        let text: String = (first..first + count)
            .map(|n| story_line(n) + "\n")
            .collect();
        fs::write(self.path("spool").join(file), text).expect("write stories");
    }

    /// The config of every process of this test.
    pub fn config(&self, settings: &Settings) -> PathBuf {
        let root = self.dir.path().display();
        let Settings {
            partitions,
            max_in_flight_per_partition,
            workers,
        } = settings;
        let text = format!(
            r#"data_dir = "{root}/state"
[admin]
enabled = false
[pipeline]
workers = {workers}
link_capacity = 64
shutdown_timeout_secs = 20
[log]
format = "json"
level = "info"
[kafka]
brokers = "{brokers}"
group_prefix = "{nonce}"
[kafka.topics]
raw = "{raw}"
articles = "{articles}"
enriched = "{enriched}"
dlq = "{dlq}"
[kafka.create_topics]
partitions = {partitions}
[kafka.producer]
linger_ms = 5
[kafka.consumer]
session_timeout_ms = 6000
max_in_flight_per_partition = {max_in_flight_per_partition}
commit_interval_ms = 200
drain_timeout_ms = 5000
[sources.spool]
type = "file"
paths = ["{root}/spool"]
watch = false
max_chunk_bytes = 65536
max_line_bytes = 16384
[sinks.archive]
type = "jsonl"
path = "{root}/out/articles"
batch_max_ms = 50
[dead_letters]
path = "{root}/out/dead"
"#,
            brokers = self.brokers,
            nonce = self.nonce,
            raw = self.topic("raw"),
            articles = self.topic("articles"),
            enriched = self.topic("enriched"),
            dlq = self.topic("dlq"),
        );
        let path = self.path("kafka.toml");
        fs::write(&path, text).expect("config");
        path
    }

    /// `newsflow run --stages STAGES`, logging to `LOG.log`.
    pub fn start(&self, config: &Path, stages: &str, log: &str) -> Daemon {
        let child = Command::new(bin())
            .args(["run", "--stages", stages, "-c"])
            .arg(config)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(self.path(&format!("{log}.log"))).expect("log"))
            .spawn()
            .expect("spawn newsflow run --stages");
        Daemon { child }
    }

    pub fn log(&self, log: &str) -> String {
        fs::read_to_string(self.path(&format!("{log}.log"))).unwrap_or_default()
    }

    /// tests/kafka/check.py (confluent-kafka): its JSON answer.
    pub fn check(&self, args: &[&str]) -> Value {
        let output = Command::new(&self.python)
            .arg(workspace().join("tests/kafka/check.py"))
            .arg(&self.brokers)
            .args(args)
            .output()
            .expect("run check.py");
        assert!(
            output.status.success(),
            "check.py {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "check.py output: {e}: {}",
                String::from_utf8_lossy(&output.stdout)
            )
        })
    }

    /// Reads `topic` (short link name) back until every one of `expected`
    /// markers is there or `timeout` passes; the last answer.
    pub fn read_until_complete(&self, link: &str, expected: usize, timeout: Duration) -> Value {
        let topic = self.topic(link);
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let answer = self.check(&["read", &topic, &expected.to_string()]);
            if answer["missing"] == 0 || std::time::Instant::now() >= deadline {
                return answer;
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    }
}

/// Stops a daemon with SIGTERM and asserts a clean exit.
pub fn stop(daemon: &mut Daemon, name: &str, cluster: &Cluster) {
    daemon.signal(libc::SIGTERM);
    let status = daemon
        .wait_for_exit(Duration::from_secs(30))
        .unwrap_or_else(|| panic!("{name} did not stop within 30 s"));
    assert!(
        status.success(),
        "{name} exited with {status}; log:\n{}",
        tail(&cluster.log(name))
    );
}

pub fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

/// Sum of a group's committed offsets over a topic's partitions.
pub fn committed_total(cluster: &Cluster, stage: &str, link: &str) -> i64 {
    let answer = cluster.check(&["committed", &cluster.group(stage), &cluster.topic(link)]);
    answer["offsets"]
        .as_object()
        .expect("offsets")
        .values()
        .map(|v| v.as_i64().unwrap_or(0).max(0))
        .sum()
}
