//! Speaker attribution: cue verbs next to a quote, their subject resolved to
//! an entity by name, pronoun ("he added") or description ("the Japanese
//! leader said").

use newsflow_model::{Entity, EntityType};

use super::find::QuoteSpan;
use crate::entities::lexicon::{Gender, GIVEN_NAMES};
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::{Token, TokenKind};

pub const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "warned",
    "warns",
    "noted",
    "notes",
    "explained",
    "explains",
    "wrote",
    "writes",
    "asked",
    "asks",
    "declared",
    "insisted",
    "argued",
    "argues",
    "continued",
    "remarked",
    "announced",
    "claimed",
    "claims",
    "commented",
    "replied",
    "responded",
    "urged",
    "stressed",
    "tweeted",
    "posted",
    "acknowledged",
    "admitted",
    "recalled",
    "suggested",
    "predicted",
    "observed",
    "concluded",
    "conceded",
    "cautioned",
    "emphasised",
    "emphasized",
    "reiterated",
    "signaled",
    "signalled",
    "vowed",
    "expressed",
    "pledged",
    "called",
    "described",
    "voiced",
    "promised",
    "offered",
    "saying",
];

/// An entity mention in the body: code-point range and entity index.
#[derive(Debug, Clone, Copy)]
pub struct BodyMention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

pub struct Attributor<'a> {
    pub tokens: &'a [Token<'a>],
    pub entities: &'a [Entity],
    pub mentions: Vec<BodyMention>,
    pub genders: Vec<Gender>,
    /// Country name of a demonym right before a person's mention.
    pub nationalities: Vec<Option<&'static str>>,
}

pub struct Attribution {
    pub speaker: Option<usize>,
    pub cue: Option<String>,
}

impl<'a> Attributor<'a> {
    pub fn new(tokens: &'a [Token<'a>], entities: &'a [Entity], chars: &[char]) -> Self {
        let mut mentions: Vec<BodyMention> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .filter(|m| m.field.is_none())
                    .map(move |m| BodyMention {
                        start: m.start,
                        end: m.end,
                        entity: i,
                    })
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        let mut genders: Vec<Gender> = entities.iter().map(|e| name_gender(&e.name)).collect();
        let mut nationalities = vec![None; entities.len()];
        for (k, m) in mentions.iter().enumerate() {
            if entities[m.entity].entity_type != EntityType::Person {
                continue;
            }
            // Honorific or demonym shortly before the mention.
            let word = last_word(&chars[m.start.saturating_sub(40)..m.start]);
            let is = |title: &str| word.iter().copied().eq(title.chars());
            if is("Mr") || is("Sir") {
                genders[m.entity] = Gender::Male;
            } else if ["Mrs", "Ms", "Miss", "Dame"].into_iter().any(is) {
                genders[m.entity] = Gender::Female;
            }
            if let Some(prev) = k.checked_sub(1).map(|p| mentions[p]) {
                let gap = &chars[prev.end.min(m.start)..m.start];
                let plain_gap = gap.iter().map(|c| c.len_utf8()).sum::<usize>() <= 40
                    && gap
                        .iter()
                        .all(|&c| c.is_alphabetic() || c == ' ' || c == '-');
                if plain_gap && entities[prev.entity].entity_type == EntityType::Place {
                    nationalities[m.entity] = Some(
                        GAZETTEER
                            .entries
                            .iter()
                            .find(|g| g.name == entities[prev.entity].name)
                            .map_or("", |g| g.name),
                    );
                }
            }
        }
        Attributor {
            tokens,
            entities,
            mentions,
            genders,
            nationalities,
        }
    }

    /// Speaker and cue of `quote`; `previous` is the last quote's speaker.
    pub fn attribute(&self, quote: &QuoteSpan, previous: Option<usize>) -> Attribution {
        // Tokens after the closing mark up to the sentence end, then before the opening mark.
        let after_start = self.tokens.partition_point(|t| t.char_start <= quote.close);
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let close_paragraph = self
            .tokens
            .get(after_start.saturating_sub(1))
            .map_or(0, |t| t.paragraph);
        let after_end = self.sentence_end(after_start, close_paragraph);
        let before_start = self.sentence_start(before_end);
        let found = self
            .cue_in(after_start, after_end, quote, previous)
            .or_else(|| self.cue_in(before_start, before_end, quote, previous));
        match found {
            // A cue whose subject is not next to it ("Kim ... and expressed his
            // “full support”"): the first person named in the sentence.
            Some(Attribution { speaker: None, cue }) => {
                let from = self
                    .tokens
                    .get(before_start)
                    .map_or(quote.open, |t| t.char_start);
                let speaker = self
                    .mentions
                    .iter()
                    .find(|m| {
                        m.start >= from
                            && m.end <= quote.open
                            && self.entities[m.entity].entity_type == EntityType::Person
                    })
                    .map(|m| m.entity);
                Attribution { speaker, cue }
            }
            Some(a) => a,
            None => Attribution {
                speaker: None,
                cue: None,
            },
        }
    }

    fn sentence_end(&self, from: usize, paragraph: u32) -> usize {
        let mut k = from;
        while k < self.tokens.len() && k < from + 25 {
            let t = &self.tokens[k];
            if (k > from && t.sentence_start)
                || matches!(t.text, "“" | "\"")
                || t.paragraph != paragraph
            {
                break;
            }
            k += 1;
        }
        k
    }

    fn sentence_start(&self, to: usize) -> usize {
        let mut k = to;
        while k > 0 && k + 40 > to {
            let t = &self.tokens[k - 1];
            if matches!(t.text, "”" | "\"") {
                break;
            }
            k -= 1;
            if t.sentence_start {
                break;
            }
        }
        k
    }

    fn cue_in(
        &self,
        a: usize,
        b: usize,
        quote: &QuoteSpan,
        previous: Option<usize>,
    ) -> Option<Attribution> {
        for k in a..b {
            let t = &self.tokens[k];
            let according = t.text.eq_ignore_ascii_case("according")
                && self.tokens.get(k + 1).is_some_and(|n| n.text == "to");
            if !(CUES.contains(&t.text) || according) {
                continue;
            }
            let cue = if according {
                "according to".to_owned()
            } else {
                t.text.to_owned()
            };
            // Subject before the cue ("Kishida said"), else after ("said Kishida", "according to X").
            let subject_before = (k > a)
                .then(|| self.resolve(self.phrase_before(a, k), quote, previous))
                .flatten();
            let after_from = if according { k + 2 } else { k + 1 };
            let speaker = if according {
                self.resolve(self.phrase_after(after_from, b), quote, previous)
            } else {
                subject_before
                    .or_else(|| self.resolve(self.phrase_after(after_from, b), quote, previous))
            };
            return Some(Attribution {
                speaker,
                cue: Some(cue),
            });
        }
        None
    }

    /// Up to 6 tokens right before `k`, stopping at punctuation.
    fn phrase_before(&self, a: usize, k: usize) -> (usize, usize) {
        let mut s = k;
        while s > a && k - s < 6 && self.tokens[s - 1].kind != TokenKind::Punct {
            s -= 1;
        }
        (s, k)
    }

    fn phrase_after(&self, from: usize, b: usize) -> (usize, usize) {
        let mut e = from;
        while e < b && e - from < 6 && self.tokens[e].kind != TokenKind::Punct {
            e += 1;
        }
        (from, e)
    }

    fn resolve(
        &self,
        (s, e): (usize, usize),
        quote: &QuoteSpan,
        previous: Option<usize>,
    ) -> Option<usize> {
        if s >= e {
            return None;
        }
        let (cs, ce) = (self.tokens[s].char_start, self.tokens[e - 1].char_end);
        // A named mention inside the phrase: people first, then organisations.
        let named: Vec<usize> = self
            .mentions
            .iter()
            .filter(|m| m.start >= cs && m.end <= ce)
            .map(|m| m.entity)
            .collect();
        for kind in [EntityType::Person, EntityType::Organization] {
            if let Some(&i) = named
                .iter()
                .rev()
                .find(|&&i| self.entities[i].entity_type == kind)
            {
                return Some(i);
            }
        }
        let words: Vec<&str> = self.tokens[s..e].iter().map(|t| t.text).collect();
        let gender = match words.first().map(|w| w.to_lowercase()).as_deref() {
            Some("he") => Some(Gender::Male),
            Some("she") => Some(Gender::Female),
            _ => None,
        };
        if let Some(g) = gender {
            let compatible = |i: usize| {
                self.entities[i].entity_type == EntityType::Person && self.genders[i] != opposite(g)
            };
            if let Some(p) = previous.filter(|&p| compatible(p)) {
                return Some(p);
            }
            return self.recent_person(quote.open, compatible);
        }
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            // "the Japanese leader": nationality and role must fit.
            let demonym = words
                .iter()
                .find_map(|w| GAZETTEER.demonym(w).map(|d| GAZETTEER.entries[d].name));
            let role = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            let fits = |i: usize| {
                let e = &self.entities[i];
                e.entity_type == EntityType::Person
                    && demonym.is_none_or(|d| self.nationalities[i] == Some(d))
                    && (demonym.is_some()
                        || e.roles.iter().any(|r| r.to_lowercase().contains(&role)))
            };
            return self.recent_person(quote.open, fits);
        }
        None
    }

    /// The person mentioned last before `pos` that `accept`s.
    fn recent_person(&self, pos: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.end <= pos)
            .map(|m| m.entity)
            .find(|&i| accept(i))
    }
}

/// The last whitespace-separated word of `chars`, without trailing dots
/// (what `split_whitespace().last()` and `trim_end_matches('.')` give).
fn last_word(chars: &[char]) -> &[char] {
    let end = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |p| p + 1);
    let start = chars[..end]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let mut word = &chars[start..end];
    while let [rest @ .., '.'] = word {
        word = rest;
    }
    word
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Unknown => Gender::Unknown,
    }
}

fn name_gender(name: &str) -> Gender {
    name.split_whitespace()
        .next()
        .and_then(|w| GIVEN_NAMES.gender.get(w).copied())
        .unwrap_or(Gender::Unknown)
}

#[cfg(test)]
mod tests {
    use super::last_word;

    #[test]
    fn last_word_is_the_last_whitespace_word_without_dots() {
        for text in [
            "said Mr.",
            "  Ms  ",
            "",
            "the Dr. ",
            "x Mrs..",
            "a\u{a0}Sir",
            "...",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let expected = text
                .split_whitespace()
                .last()
                .unwrap_or("")
                .trim_end_matches('.');
            let got: String = last_word(&chars).iter().collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }
}
