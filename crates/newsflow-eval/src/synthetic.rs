//! Invented glued news text for throughput measurements: words are random
//! syllable strings, stories have their own topic words and names.

use crate::rng::SplitMix64;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tan", "vi", "sor", "pel", "du", "rin", "gha", "bo", "zel", "quo", "nar",
    "fi", "tesh", "ul", "mar", "jo", "ek", "sta", "plu", "won", "dri",
];
const GLUE: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "for", "on", "was", "said", "with", "that", "by", "has",
    "from", "at", "it", "is", "will", "after",
];

fn invent_word(rng: &mut SplitMix64) -> String {
    (0..2 + rng.below(3))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// At least `bytes` of text: stories of 3-9 paragraph lines, no separators.
pub fn glued_text(bytes: usize, seed: u64) -> String {
    let mut rng = SplitMix64::new(seed);
    let vocabulary: Vec<String> = (0..20_000).map(|_| invent_word(&mut rng)).collect();
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        let topic: Vec<&str> = (0..30)
            .map(|_| vocabulary[rng.below(vocabulary.len())].as_str())
            .collect();
        let names: Vec<String> = (0..4).map(|_| capitalise(&invent_word(&mut rng))).collect();
        for _ in 0..3 + rng.below(7) {
            for _ in 0..1 + rng.below(4) {
                let length = 8 + rng.below(14);
                for w in 0..length {
                    let roll = rng.below(10);
                    let word = match roll {
                        0..=3 => GLUE[rng.below(GLUE.len())].to_owned(),
                        4..=6 => topic[rng.below(topic.len())].to_owned(),
                        7 => names[rng.below(names.len())].clone(),
                        _ => vocabulary[rng.below(vocabulary.len())].clone(),
                    };
                    if w == 0 {
                        out.push_str(&capitalise(&word));
                    } else {
                        out.push(' ');
                        out.push_str(&word);
                    }
                }
                out.push_str(". ");
            }
            out.pop();
            out.push('\n');
        }
    }
    out
}
