use std::fs;
use std::time::Duration;

use crate::util::{drop_into_spool, http_get, marker_counts, story_line, wait_until, Scratch};

#[test]
fn finite_sources_run_to_completion_and_exit_zero() {
    let scratch = Scratch::new();
    let text: String = (0..30).map(|n| story_line(n) + "\n").collect();
    fs::write(scratch.spool().join("batch.txt"), text).expect("write");
    let config = scratch.config(false, "");
    let mut daemon = scratch.start(&config);
    let status = daemon
        .wait_for_exit(Duration::from_secs(60))
        .expect("a run over finite sources ends by itself");
    assert!(status.success(), "{}", scratch.log());
    let articles = scratch.articles();
    let counts = marker_counts(&articles);
    assert!(
        (0..30).all(|n| counts.get(&n) == Some(&1)),
        "{counts:?}\n{}",
        scratch.log()
    );
    assert!(articles.iter().all(|a| a["source"] == "spool"));
    // A second run finds everything checkpointed and writes nothing new.
    let mut again = scratch.start(&config);
    assert!(again
        .wait_for_exit(Duration::from_secs(60))
        .expect("exits")
        .success());
    assert_eq!(
        scratch.articles().len(),
        articles.len(),
        "checkpoint honoured"
    );
}

#[test]
fn sigterm_drains_and_exits_zero_and_spool_picks_up_new_files() {
    let scratch = Scratch::new();
    let config = scratch.config(true, "");
    let mut daemon = scratch.start(&config);
    std::thread::sleep(Duration::from_millis(500));
    let text: String = (0..10).map(|n| story_line(n) + "\n").collect();
    drop_into_spool(&scratch.spool(), "late.txt", text.as_bytes());
    assert!(
        wait_until(Duration::from_secs(30), || marker_counts(
            &scratch.articles()
        )
        .len()
            == 10),
        "late file picked up: {}",
        scratch.log()
    );
    assert!(
        daemon.is_running(),
        "a watched spool keeps the daemon running"
    );
    daemon.signal(libc::SIGTERM);
    let status = daemon
        .wait_for_exit(Duration::from_secs(25))
        .expect("exits within the shutdown bound");
    assert!(status.success(), "{}", scratch.log());
    assert!(scratch.path("state").exists(), "checkpoint state written");
}

#[test]
fn a_second_signal_exits_at_once() {
    let scratch = Scratch::new();
    let config = scratch.config(true, "");
    let mut daemon = scratch.start(&config);
    std::thread::sleep(Duration::from_millis(500));
    daemon.signal(libc::SIGINT);
    daemon.signal(libc::SIGINT);
    let status = daemon
        .wait_for_exit(Duration::from_secs(10))
        .expect("exits promptly");
    // Either the drain won the race (0) or the second signal did (130).
    assert!(
        status.success() || status.code() == Some(130),
        "{status:?}: {}",
        scratch.log()
    );
}

#[test]
fn admin_endpoints_report_health_readiness_and_metrics() {
    let scratch = Scratch::new();
    let config = scratch.config(true, "");
    let mut daemon = scratch.start(&config);
    let port = scratch.admin_port;
    assert!(
        wait_until(Duration::from_secs(20), || http_get(port, "/readyz")
            .is_some_and(|(s, _)| s == 200)),
        "ready: {}",
        scratch.log()
    );
    assert_eq!(http_get(port, "/healthz").map(|(s, _)| s), Some(200));
    drop_into_spool(&scratch.spool(), "empty.txt", b"");
    drop_into_spool(
        &scratch.spool(),
        "one.txt",
        (story_line(1) + "\n").as_bytes(),
    );
    assert!(
        wait_until(Duration::from_secs(20), || {
            http_get(port, "/metrics").is_some_and(|(_, body)| {
                body.contains("newsflow_dead_letters_total{stage=\"parse\"} 1")
                    && body.contains("newsflow_stage_records_total{stage=\"enrich\"} 1")
            })
        }),
        "{:?}",
        http_get(port, "/metrics")
    );
    daemon.signal(libc::SIGTERM);
    assert!(daemon
        .wait_for_exit(Duration::from_secs(25))
        .expect("exits")
        .success());
    assert!(
        http_get(port, "/healthz").is_none(),
        "admin server stopped with the process"
    );
}

#[test]
fn sighup_reloads_a_valid_config_and_keeps_running_on_a_bad_one() {
    let scratch = Scratch::new();
    let config = scratch.config(true, "");
    let mut daemon = scratch.start(&config);
    std::thread::sleep(Duration::from_millis(500));

    // A broken config is rejected; the running pipeline carries on.
    let good = fs::read_to_string(&config).expect("config");
    fs::write(
        &config,
        good.replace("[sinks.archive]", "[sinks.archive]\nbogus = 1"),
    )
    .expect("write");
    daemon.signal(libc::SIGHUP);
    assert!(wait_until(Duration::from_secs(10), || scratch
        .log()
        .contains("new config rejected")));
    assert!(daemon.is_running());
    drop_into_spool(
        &scratch.spool(),
        "one.txt",
        (story_line(1) + "\n").as_bytes(),
    );
    assert!(wait_until(Duration::from_secs(20), || marker_counts(
        &scratch.articles()
    )
    .contains_key(&1)));

    // A valid new config replaces the pipeline: output moves to a new place.
    let moved = good.replace("/out/articles", "/out/reloaded");
    fs::write(&config, moved).expect("write");
    daemon.signal(libc::SIGHUP);
    assert!(
        wait_until(Duration::from_secs(20), || scratch
            .log()
            .contains("config reloaded")),
        "{}",
        scratch.log()
    );
    drop_into_spool(
        &scratch.spool(),
        "two.txt",
        (story_line(2) + "\n").as_bytes(),
    );
    assert!(
        wait_until(Duration::from_secs(20), || {
            marker_counts(&crate::util::read_jsonl_dir(&scratch.path("out/reloaded")))
                .contains_key(&2)
        }),
        "{}",
        scratch.log()
    );
    // The file delivered before the reload is not read again.
    assert!(
        !marker_counts(&crate::util::read_jsonl_dir(&scratch.path("out/reloaded")))
            .contains_key(&1)
    );
    daemon.signal(libc::SIGTERM);
    assert!(daemon
        .wait_for_exit(Duration::from_secs(25))
        .expect("exits")
        .success());
}
