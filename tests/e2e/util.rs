use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_newsflow")
}

/// The workspace root (for the bundled config and sample).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn newsflow(args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("run newsflow")
}

/// A scratch directory with `spool/`, `out/` and a config pointing there.
pub struct Scratch {
    pub dir: tempfile::TempDir,
    /// Loopback port of this scratch daemon's admin HTTP server.
    pub admin_port: u16,
}

impl Scratch {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("spool")).expect("spool");
        Self {
            dir,
            admin_port: free_port(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn spool(&self) -> PathBuf {
        self.path("spool")
    }

    /// Writes a config with one file source over `spool/` (watched or not)
    /// and a JSON Lines sink; `source_extra` goes into the source table.
    pub fn config(&self, watch: bool, source_extra: &str) -> PathBuf {
        let root = self.dir.path().display();
        let port = self.admin_port;
        let text = format!(
            r#"data_dir = "{root}/state"
[admin]
address = "127.0.0.1:{port}"
[pipeline]
workers = 2
link_capacity = 64
shutdown_timeout_secs = 20
[log]
format = "json"
[sources.spool]
type = "file"
paths = ["{root}/spool"]
watch = {watch}
poll_interval_ms = 100
{source_extra}
[sinks.archive]
type = "jsonl"
path = "{root}/out/articles"
batch_max_ms = 50
[dead_letters]
path = "{root}/out/dead"
prefix = "dead-letters"
"#
        );
        let path = self.path("newsflow.toml");
        fs::write(&path, text).expect("config");
        path
    }

    pub fn articles(&self) -> Vec<Value> {
        read_jsonl_dir(&self.path("out/articles"))
    }

    pub fn dead_letters(&self) -> Vec<Value> {
        read_jsonl_dir(&self.path("out/dead"))
    }

    pub fn start(&self, config: &Path) -> Daemon {
        let child = Command::new(bin())
            .args(["run", "-c"])
            .arg(config)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(self.path("daemon.log")).expect("log"))
            .spawn()
            .expect("spawn newsflow run");
        Daemon { child }
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.path("daemon.log")).unwrap_or_default()
    }
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// A plain HTTP/1.1 GET on loopback: (status code, body).
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())?;
    Some((status, body))
}

/// Every complete line of every `.jsonl` file in `dir`, parsed.
pub fn read_jsonl_dir(dir: &Path) -> Vec<Value> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for line in text.split_inclusive('\n') {
            // A line still being written has no newline yet.
            if let Some(line) = line.strip_suffix('\n') {
                out.push(serde_json::from_str(line).unwrap_or_else(|e| {
                    panic!(
                        "torn or invalid line in {}: {e}: {line:.200}",
                        file.display()
                    )
                }));
            }
        }
    }
    out
}

pub struct Daemon {
    pub child: Child,
}

impl Daemon {
    pub fn signal(&self, signal: i32) {
        let pid = self.child.id() as i32;
        // SAFETY: kill(2) with a pid we spawned and own.
        let rc = unsafe { libc::kill(pid, signal) };
        assert_eq!(rc, 0, "kill({pid}, {signal})");
    }

    pub fn wait_for_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `check` until it is true or `timeout` passes.
pub fn wait_until(timeout: Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    check()
}

/// Writes `bytes` to `dir/name` the way producers should feed a spool:
/// write a hidden temporary file, then rename it into place.
pub fn drop_into_spool(dir: &Path, name: &str, bytes: &[u8]) {
    let tmp = dir.join(format!(".{name}.tmp"));
    fs::write(&tmp, bytes).expect("write spool file");
    fs::rename(&tmp, dir.join(name)).expect("rename into spool");
}

/// An invented one-line story, cut off mid-sentence so that every line is
/// its own article, carrying a unique marker.
pub fn story_line(n: usize) -> String {
    format!(
        "The council of Brennick Vale approved budget plan NFX{n:06}Q on Tuesday after a long debate, \
         officials said. Residents had asked for more money for roads, schools and the harbour, and the \
         mayor promised a second vote before the"
    )
}

/// How often each story marker (see [`story_line`]) occurs in the bodies of
/// `articles`: delivery is checked by content, whatever the segmentation.
pub fn marker_counts(articles: &[Value]) -> std::collections::HashMap<usize, usize> {
    let mut counts = std::collections::HashMap::new();
    for article in articles {
        let body = article["body"].as_str().unwrap_or_default();
        for (i, _) in body.match_indices("NFX") {
            if let Some(n) = body.get(i + 3..i + 9).and_then(|d| d.parse().ok()) {
                *counts.entry(n).or_default() += 1;
            }
        }
    }
    counts
}
