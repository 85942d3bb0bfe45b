mod language_support;
use language_support as common;

use newsflow_enrich::dedup::{fingerprint, NearDuplicateEnricher};
use newsflow_enrich::Enricher;

const STORY: &str = "The regional council approved a new budget on Thursday that raises spending on schools, \
roads and hospitals while cutting the administrative costs of several departments. Council members \
argued for hours about the size of the increase before a narrow majority voted in favour of the plan, \
which the mayor described as a careful compromise between growth and restraint in difficult times.";

fn run(enricher: &NearDuplicateEnricher, id: &str, body: &str) -> Option<String> {
    let mut record = common::record(id, body);
    enricher.enrich(&mut record).unwrap();
    let simhash = record.simhash.expect("simhash is always set");
    assert_eq!(simhash.len(), 16);
    assert!(simhash.chars().all(|c| c.is_ascii_hexdigit()));
    record.duplicate_of
}

#[test]
fn a_lightly_edited_copy_is_a_near_duplicate() {
    let edited = STORY.replace("Thursday", "Friday");
    let a = fingerprint(STORY);
    let b = fingerprint(&edited);
    assert!(
        (a.simhash ^ b.simhash).count_ones() <= 3,
        "distance {}",
        (a.simhash ^ b.simhash).count_ones()
    );
    let dedup = NearDuplicateEnricher::new(3, 100);
    assert_eq!(run(&dedup, "a", STORY), None);
    assert_eq!(run(&dedup, "b", &edited), Some("a".into()));
}

#[test]
fn exact_copies_match_whatever_the_spacing_or_case() {
    let dedup = NearDuplicateEnricher::new(0, 100);
    assert_eq!(run(&dedup, "a", STORY), None);
    assert_eq!(
        run(&dedup, "b", &STORY.to_uppercase().replace(' ', "  ")),
        Some("a".into())
    );
}

#[test]
fn different_stories_are_not_duplicates() {
    let other = "Firefighters battled a blaze at a timber warehouse near the harbour for most of the night, \
and three workers were taken to hospital with minor injuries after the roof collapsed early on Sunday.";
    let a = fingerprint(STORY);
    let b = fingerprint(other);
    assert!((a.simhash ^ b.simhash).count_ones() > 10);
    let dedup = NearDuplicateEnricher::new(3, 100);
    run(&dedup, "a", STORY);
    assert_eq!(run(&dedup, "b", other), None);
}

#[test]
fn the_window_forgets_old_articles_and_stays_bounded() {
    let dedup = NearDuplicateEnricher::new(3, 2);
    run(&dedup, "a", STORY);
    for (i, filler) in [
        "First unrelated filler story about a cat show in the small village hall with prizes.",
        "Second unrelated filler story about a cycling race through the hills with many riders.",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(run(&dedup, &format!("f{i}"), filler), None);
    }
    assert_eq!(dedup.len(), 2);
    // "a" has left the window: its copy is new again.
    assert_eq!(run(&dedup, "b", STORY), None);
    assert_eq!(dedup.len(), 2);
}

#[test]
fn a_replay_is_not_its_own_duplicate_and_keeps_its_first_answer() {
    let dedup = NearDuplicateEnricher::new(3, 100);
    assert_eq!(run(&dedup, "a", STORY), None);
    assert_eq!(run(&dedup, "a", STORY), None, "replay of a");
    assert_eq!(run(&dedup, "b", STORY), Some("a".into()));
    assert_eq!(run(&dedup, "b", STORY), Some("a".into()), "replay of b");
    assert_eq!(dedup.len(), 2);
}

#[test]
fn short_bodies_get_a_simhash_but_no_duplicate() {
    let dedup = NearDuplicateEnricher::new(3, 100);
    assert_eq!(run(&dedup, "a", "Photo gallery."), None);
    assert_eq!(run(&dedup, "b", "Photo gallery."), None);
    assert!(dedup.is_empty());
}

#[test]
fn concurrent_use_from_several_threads() {
    let dedup = NearDuplicateEnricher::new(3, 1000);
    std::thread::scope(|s| {
        for t in 0..4 {
            let dedup = &dedup;
            s.spawn(move || {
                for i in 0..50 {
                    run(
                        dedup,
                        &format!("{t}-{i}"),
                        &format!("{STORY} Item {i} from thread {t}."),
                    );
                }
            });
        }
    });
    assert_eq!(dedup.len(), 200);
}

/// Thousands of near-identical stories share their bands: the window still
/// evicts in order, and a new copy points at the oldest one remembered.
#[test]
fn a_window_full_of_templated_copies_stays_bounded_and_ordered() {
    let dedup = NearDuplicateEnricher::new(3, 500);
    for k in 0..3_000 {
        let body = STORY.replace("Thursday", ["Monday", "Tuesday", "Friday"][k % 3]);
        run(&dedup, &format!("s{k}"), &format!("{body} Item {k}."));
    }
    assert_eq!(dedup.len(), 500);
    let original = run(&dedup, "last", STORY).expect("a near duplicate");
    let number: usize = original[1..].parse().unwrap();
    assert!(number >= 2_500, "points into the window: {original}");
}
