use std::time::{Duration, Instant};

use super::harness::{committed_total, stop, tail, Cluster, Settings};
use crate::util::wait_until;

const PARTITIONS: u32 = 4;
const MAX_IN_FLIGHT: usize = 100;

fn settings() -> Settings {
    Settings {
        partitions: PARTITIONS,
        max_in_flight_per_partition: MAX_IN_FLIGHT,
        workers: 2,
    }
}

/// Waits until the enricher group has committed at least `at_least`
/// articles (a quick query: reading the topic would take longer than the
/// enricher needs for the whole stream).
fn wait_for_progress(cluster: &Cluster, at_least: i64, timeout: Duration) -> i64 {
    let deadline = Instant::now() + timeout;
    loop {
        let done = committed_total(cluster, "enrich", "articles");
        if done >= at_least || Instant::now() >= deadline {
            return done;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The duplicates a crash may cause: what was in flight in the killed
/// consumer, plus what finished since its last offset commit.
fn duplicate_bound(rate_per_commit_interval: usize) -> usize {
    PARTITIONS as usize * MAX_IN_FLIGHT + rate_per_commit_interval
}

/// (a) SIGKILL the enricher mid-stream of 20,000 articles, restart it:
/// every article reaches the enriched topic; replays stay within the
/// in-flight bound.
#[test]
fn enricher_killed_mid_stream_then_restarted_loses_nothing() {
    let Some(cluster) =
        Cluster::from_env("enricher_killed_mid_stream_then_restarted_loses_nothing")
    else {
        return;
    };
    const STORIES: usize = 20_000;
    for file in 0..4 {
        cluster.write_stories(&format!("wire-{file}.txt"), file * 5_000, 5_000);
    }
    let config = cluster.config(&settings());
    let mut enrich = cluster.start(&config, "enrich", "enrich-1");
    let mut upstream = cluster.start(&config, "fetch,parse", "upstream");

    let before_kill = wait_for_progress(&cluster, 1_500, Duration::from_secs(120));
    enrich.signal(libc::SIGKILL);
    enrich
        .wait_for_exit(Duration::from_secs(10))
        .expect("killed");
    assert!(
        (1..STORIES as i64).contains(&before_kill),
        "the kill must land mid-stream, enriched so far: {before_kill}\n{}",
        tail(&cluster.log("enrich-1"))
    );
    let mut restarted = cluster.start(&config, "enrich", "enrich-2");

    let enriched = cluster.read_until_complete("enriched", STORIES, Duration::from_secs(240));
    let duplicates = enriched["duplicates"].as_u64().expect("duplicates") as usize;
    // commit_interval_ms = 200 in the test config; at most ~5,000 records/s.
    let bound = duplicate_bound(1_000);
    println!(
        "SIGKILL after {before_kill} committed; after restart {} messages, {} distinct, {duplicates} duplicates (bound {bound})",
        enriched["count"], enriched["distinct"]
    );
    assert_eq!(
        enriched["missing"],
        0,
        "articles lost: {enriched}\n{}",
        tail(&cluster.log("enrich-2"))
    );
    assert!(
        duplicates <= bound,
        "{duplicates} duplicates, bound {bound}"
    );
    assert!(upstream
        .wait_for_exit(Duration::from_secs(60))
        .is_some_and(|s| s.success()));
    stop(&mut restarted, "enrich-2", &cluster);
}

/// The partitions of the last "partitions assigned" line of a log.
fn last_assignment(log: &str) -> Option<String> {
    log.lines()
        .rfind(|l| l.contains("partitions assigned"))
        .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .and_then(|v| v["partitions"].as_str().map(str::to_owned))
}

/// Partition numbers in a logged assignment like `[("t.articles", 0), ...]`.
fn owned(assignment: &str) -> Vec<i32> {
    let mut partitions: Vec<i32> = assignment
        .split(')')
        .filter_map(|part| part.rsplit(", ").next()?.trim().parse().ok())
        .collect();
    partitions.sort_unstable();
    partitions
}

/// (b) Two enricher replicas in one group split the partitions; one is
/// killed, the other takes its partitions over; nothing is lost.
#[test]
fn enricher_replicas_split_partitions_and_take_over() {
    let Some(cluster) = Cluster::from_env("enricher_replicas_split_partitions_and_take_over")
    else {
        return;
    };
    const STORIES: usize = 10_000;
    for file in 0..2 {
        cluster.write_stories(&format!("wire-{file}.txt"), file * 5_000, 5_000);
    }
    let config = cluster.config(&settings());
    let mut first = cluster.start(&config, "enrich", "enrich-a");
    let mut second = cluster.start(&config, "enrich", "enrich-b");
    let owned_by = |log: &str| owned(&last_assignment(&cluster.log(log)).unwrap_or_default());
    let split = wait_until(Duration::from_secs(60), || {
        let (a, b) = (owned_by("enrich-a"), owned_by("enrich-b"));
        !a.is_empty()
            && !b.is_empty()
            && a.len() + b.len() == PARTITIONS as usize
            && a.iter().all(|p| !b.contains(p))
    });
    let (a, b) = (owned_by("enrich-a"), owned_by("enrich-b"));
    println!("replica a owns {a:?}, replica b owns {b:?}");
    assert!(
        split,
        "the replicas must split the partitions: a={a:?} b={b:?}"
    );
    let mut upstream = cluster.start(&config, "fetch,parse", "upstream");
    let before_kill = wait_for_progress(&cluster, 1_500, Duration::from_secs(120));
    first.signal(libc::SIGKILL);
    first
        .wait_for_exit(Duration::from_secs(10))
        .expect("killed");
    assert!(
        (1..STORIES as i64).contains(&before_kill),
        "kill mid-stream: {before_kill}"
    );

    let enriched = cluster.read_until_complete("enriched", STORIES, Duration::from_secs(240));
    let duplicates = enriched["duplicates"].as_u64().expect("duplicates") as usize;
    let bound = duplicate_bound(1_000);
    let took_over = owned_by("enrich-b");
    println!(
        "killed replica a after {before_kill}; replica b now owns {took_over:?}; {} distinct, {duplicates} duplicates (bound {bound})",
        enriched["distinct"]
    );
    assert_eq!(
        enriched["missing"],
        0,
        "lost: {enriched}\n{}",
        tail(&cluster.log("enrich-b"))
    );
    assert!(
        duplicates <= bound,
        "{duplicates} duplicates, bound {bound}"
    );
    assert_eq!(
        took_over,
        (0..PARTITIONS as i32).collect::<Vec<_>>(),
        "b took every partition over"
    );
    assert!(upstream
        .wait_for_exit(Duration::from_secs(60))
        .is_some_and(|s| s.success()));
    stop(&mut second, "enrich-b", &cluster);
}
