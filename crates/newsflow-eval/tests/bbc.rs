//! Runs the segmentation evaluation on a few BBC streams when ../shared is present.

use std::path::PathBuf;

use newsflow_eval::{evaluate_segmentation, SegEvalOptions, Split};

fn bbc_dev() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc-dev");
    if path.join("index.tsv").is_file() {
        Some(path)
    } else {
        eprintln!("skipping: ../shared/corpus/bbc-dev not present");
        None
    }
}

#[test]
fn held_back_split_scores_well_below_baselines() {
    let Some(corpus) = bbc_dev() else { return };
    let options = SegEvalOptions {
        repeats: 1,
        max_streams: Some(12),
        splits: vec![Split::Test],
        ..SegEvalOptions::default()
    };
    let report = evaluate_segmentation(&corpus, &options).expect("evaluation runs");
    let set = &report.sets[0];
    assert_eq!(set.streams, 12);
    assert!(set.k >= 2 && set.k <= 3, "k {}", set.k);
    // No boundary at all scores ~0.47 and TextTiling ~0.43 on these streams.
    assert!(set.pk < 0.15, "Pk {}", set.pk);
    assert!(set.window_diff < 0.2, "WindowDiff {}", set.window_diff);
    assert!(set.found_boundaries > set.gold_boundaries / 2);
    println!("{report}");
}

#[test]
fn reports_every_requested_split_and_rejects_bad_options() {
    let Some(corpus) = bbc_dev() else { return };
    let options = SegEvalOptions {
        repeats: 1,
        max_streams: Some(2),
        ..SegEvalOptions::default()
    };
    let report = evaluate_segmentation(&corpus, &options).expect("evaluation runs");
    let splits: Vec<Split> = report.sets.iter().map(|s| s.split).collect();
    assert_eq!(splits, vec![Split::Train, Split::Test, Split::All]);
    assert_eq!(
        report.sets[2].articles,
        report.sets[0].articles + report.sets[1].articles
    );
    assert!(report.to_string().contains("WinDiff"));
    let bad = SegEvalOptions {
        articles_per_stream: 1,
        ..SegEvalOptions::default()
    };
    assert!(evaluate_segmentation(&corpus, &bad).is_err());
}

#[test]
fn missing_corpus_is_an_io_error() {
    let result = evaluate_segmentation(
        &PathBuf::from("/nonexistent/corpus"),
        &SegEvalOptions::default(),
    );
    assert!(
        matches!(result, Err(newsflow_eval::EvalError::Io { .. })),
        "{result:?}"
    );
}
