use std::time::Duration;

use super::harness::{committed_total, stop, tail, Cluster, Settings};
use crate::util::{read_jsonl_dir, wait_until};

/// fetch, parse, enrich and sink as four processes over the topics; the
/// enriched topic read back by confluent-kafka has every article, keyed by
/// record id with the contract headers; offsets are committed.
#[test]
fn four_stage_processes_deliver_every_article() {
    let Some(cluster) = Cluster::from_env("four_stage_processes_deliver_every_article") else {
        return;
    };
    const STORIES: usize = 500;
    cluster.write_stories("wire.txt", 0, STORIES);
    let config = cluster.config(&Settings::default());
    let mut sink = cluster.start(&config, "sink", "sink");
    let mut enrich = cluster.start(&config, "enrich", "enrich");
    let mut parse = cluster.start(&config, "parse", "parse");
    let mut fetch = cluster.start(&config, "fetch", "fetch");
    let fetched = fetch.wait_for_exit(Duration::from_secs(60));
    assert!(
        fetched.is_some_and(|s| s.success()),
        "fetch did not finish cleanly: {fetched:?}\n{}",
        tail(&cluster.log("fetch"))
    );

    let enriched = cluster.read_until_complete("enriched", STORIES, Duration::from_secs(90));
    println!("news.enriched as read by confluent-kafka: {enriched}");
    assert_eq!(
        enriched["missing"],
        0,
        "enrich log:\n{}",
        tail(&cluster.log("enrich"))
    );
    assert_eq!(
        enriched["bad_headers"], 0,
        "every message carries the contract headers"
    );
    let headers = &enriched["headers"];
    assert_eq!(headers["schema_version"], "1");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["source"], "spool");
    assert_eq!(headers["record_type"], "enriched_article");
    assert_eq!(
        headers["key"].as_str().map(str::len),
        Some(32),
        "keyed by record id"
    );

    let out = cluster.path("out/articles");
    assert!(
        wait_until(Duration::from_secs(60), || read_jsonl_dir(&out).len()
            >= STORIES),
        "the sink process wrote {} of {STORIES}\n{}",
        read_jsonl_dir(&out).len(),
        tail(&cluster.log("sink"))
    );
    // Every consumed message of each stage gets committed (no gap left).
    for (stage, link, total) in [
        ("enrich", "articles", STORIES),
        ("sink", "enriched", STORIES),
    ] {
        assert!(
            wait_until(Duration::from_secs(20), || committed_total(
                &cluster, stage, link
            ) >= total as i64),
            "{stage} committed {} of {total}",
            committed_total(&cluster, stage, link)
        );
    }
    stop(&mut parse, "parse", &cluster);
    stop(&mut enrich, "enrich", &cluster);
    stop(&mut sink, "sink", &cluster);
}

/// Invalid payloads on the raw and articles topics become dead letters in
/// the dead-letter topic with reason and stage; everything else goes on,
/// and the poison offsets are committed once their dead letters are acked.
#[test]
fn poison_messages_land_in_the_dead_letter_topic() {
    let Some(cluster) = Cluster::from_env("poison_messages_land_in_the_dead_letter_topic") else {
        return;
    };
    const STORIES: usize = 200;
    let config = cluster.config(&Settings::default());
    // Starting the enricher creates the topics.
    let mut enrich = cluster.start(&config, "enrich", "enrich");
    assert!(
        wait_until(Duration::from_secs(30), || cluster
            .log("enrich")
            .contains("partitions assigned")),
        "enricher never joined its group\n{}",
        tail(&cluster.log("enrich"))
    );
    for (link, value) in [
        ("raw", "{\"source\": 42"),
        ("articles", "not json at all NFX999999Q"),
    ] {
        let answer = cluster.check(&["produce", &cluster.topic(link), "poison", value]);
        assert_eq!(answer["delivered"], true, "{answer}");
    }
    cluster.write_stories("wire.txt", 0, STORIES);
    let mut parse = cluster.start(&config, "parse", "parse");
    let mut fetch = cluster.start(&config, "fetch", "fetch");
    assert!(fetch
        .wait_for_exit(Duration::from_secs(60))
        .is_some_and(|s| s.success()));

    let enriched = cluster.read_until_complete("enriched", STORIES, Duration::from_secs(90));
    assert_eq!(enriched["missing"], 0, "the stream went on past the poison");
    let dlq = cluster.check(&["read", &cluster.topic("dlq")]);
    println!("dead-letter topic: {dlq}");
    let dead = dlq["dead_letters"].as_array().expect("dead letters");
    assert_eq!(dead.len(), 2, "{dlq}");
    let mut stages: Vec<&str> = dead
        .iter()
        .filter_map(|d| d["stage_header"].as_str())
        .collect();
    stages.sort_unstable();
    assert_eq!(stages, ["enrich", "parse"]);
    for letter in dead {
        let reason = letter["reason_header"].as_str().expect("reason header");
        assert!(reason.contains("invalid JSON payload"), "{letter}");
        assert_eq!(letter["reason"], letter["reason_header"]);
    }
    assert!(dead
        .iter()
        .any(|d| d["original"] == "not json at all NFX999999Q"));
    // The poison's offset is committed with the rest: 200 articles + 1.
    assert!(
        wait_until(Duration::from_secs(20), || committed_total(
            &cluster, "enrich", "articles"
        ) == STORIES as i64 + 1),
        "enrich committed {}",
        committed_total(&cluster, "enrich", "articles")
    );
    stop(&mut parse, "parse", &cluster);
    stop(&mut enrich, "enrich", &cluster);
}
