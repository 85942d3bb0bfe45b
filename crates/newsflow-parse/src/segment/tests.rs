//! Behaviour tests of [`segment`] on invented text.

use super::*;

fn lines_of(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut blank = 0;
    for (index, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            blank += 1;
            continue;
        }
        out.push(Line {
            text: raw,
            number: index as u64 + 1,
            blank_before: blank,
        });
        blank = 0;
    }
    out
}

#[test]
fn trained_weights_match_feature_order() {
    assert_eq!(weights::TRAINED_FEATURES, FEATURE_NAMES);
}

#[test]
fn empty_and_single_line() {
    assert!(segment(&[]).is_empty());
    let one = lines_of("Only one paragraph here.");
    assert_eq!(segment(&one), vec![0]);
}

fn shared_sample(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipping: ../shared/samples/{name} not present");
            None
        }
    }
}

#[test]
fn seed_sample_has_five_stories() {
    let Some(text) = shared_sample("seed-news.txt") else {
        return;
    };
    let lines = lines_of(&text);
    let starts = segment(&lines);
    let numbers: Vec<u64> = starts.iter().map(|&i| lines[i].number).collect();
    if numbers != vec![1, 22, 23, 24, 25] {
        let matrix = features::extract(&lines);
        let s = scores(&matrix, &SegmentOptions::default().weights);
        for (i, line) in lines.iter().enumerate() {
            eprintln!(
                "{:>3} {:>7.2} {}",
                line.number,
                s[i],
                &line.text[..line.text.len().min(60)]
            );
            let w = SegmentOptions::default().weights;
            let parts: Vec<String> = FEATURE_NAMES
                .iter()
                .zip(matrix.rows[i].iter().zip(&w))
                .filter(|(_, (x, _))| **x != 0.0)
                .map(|(n, (x, w))| format!("{n}={x:.2}*{w:.1}"))
                .collect();
            eprintln!("      {}", parts.join(" "));
        }
    }
    assert_eq!(numbers, vec![1, 22, 23, 24, 25]);
}

/// Three invented stories glued with no separator, BBC-style: a one-sentence
/// lede, then longer paragraphs that refer back ("Ms Varga", "the council").
const GLUED: &str = "\
Harbour workers in the port town of Kestrel Bay have voted to strike over a new shift rota.
The vote, organised by the Dockside Union, followed weeks of talks with the port authority. Union leader Ilona Varga said members felt the rota ignored their families. \"Nobody wants a strike, but the rota is unworkable,\" she said.
Ms Varga said the walkout would begin on Monday unless the authority reopened talks. The port handles most of the region's grain exports, and farmers fear delays at harvest time.
The port authority said it remained open to discussion and regretted the union's decision. It said the new rota was needed to keep the harbour competitive.
A rare orchid thought to be extinct has been found growing on a hillside near the village of Upper Mossley.
The plant, a pale violet variety last recorded in 1911, was spotted by amateur botanist Tomasz Heller during a walk. Experts from the county wildlife trust confirmed the find on Thursday.
Mr Heller said he almost walked past the flowers. \"I only stopped because the colour looked wrong for the season,\" he said. The trust has asked visitors not to disturb the hillside while the colony is surveyed.
The Riverside Rockets beat the Northgate Herons 3-1 to reach the final of the national cup for the first time.
Striker Amara Okonjo scored twice in the first half, and the Herons never recovered. Northgate pulled a goal back through a late penalty, but Rockets goalkeeper Lena Brandt saved well in the final minutes.
Okonjo, 22, said the team had dreamed of the final all season. The Rockets will face the winner of Saturday's semi-final between Eastfield and Port Alder.
";

#[test]
fn finds_invented_story_starts() {
    let lines = lines_of(GLUED);
    assert_eq!(lines.len(), 10);
    assert_eq!(segment(&lines), vec![0, 4, 7]);
}

#[test]
fn clipped_teasers_each_stand_alone() {
    let text = format!(
        "{GLUED}Firefighters in Dunmore spent the night tackling a blaze at a disused paper mill on the edge of\n\
         The price of a loaf in the city of Varnholt has risen for a third month, bakers said on\n\
         POWER CUT: Thousands of homes in Elmsworth were left without electricity after a storm brought down the\n"
    );
    let lines = lines_of(&text);
    assert_eq!(segment(&lines), vec![0, 4, 7, 10, 11, 12]);
}

#[test]
fn headlines_and_blank_lines_mark_stories() {
    let text = "\
Kestrel Bay dockers vote to strike

Harbour workers in the port town of Kestrel Bay have voted to strike over a new shift rota.
The vote, organised by the Dockside Union, followed weeks of talks with the port authority. Union leader Ilona Varga said members felt the rota ignored their families.
Ms Varga said the walkout would begin on Monday unless the authority reopened talks.

Rare orchid found on hillside

A rare orchid thought to be extinct has been found growing on a hillside near the village of Upper Mossley.
The plant, a pale violet variety last recorded in 1911, was spotted by amateur botanist Tomasz Heller during a walk.
";
    let lines = lines_of(text);
    let starts: Vec<u64> = segment(&lines).iter().map(|&i| lines[i].number).collect();
    assert_eq!(starts, vec![1, 7]);
}

#[test]
fn segmentation_is_deterministic_and_splits_a_repeat() {
    // The same text twice in a row: the repeat must start a story where the copy begins,
    // and results must not depend on anything but the input.
    let doubled = format!("{GLUED}{GLUED}");
    let lines = lines_of(&doubled);
    let first = segment(&lines);
    assert_eq!(first, segment(&lines));
    assert!(first.contains(&10), "{first:?}");
}
