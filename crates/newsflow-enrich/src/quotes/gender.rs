//! Genders a name does not tell, learnt from the pronoun that next refers
//! to the person: "filmmaker Jordan Quennell … “…,” he said".

use newsflow_model::{Entity, EntityType};

use super::attribute::BodyMention;
use crate::entities::lexicon::Gender;
use crate::text_util::Token;

/// How many tokens of narrative after a mention the next pronoun may come.
const PRONOUN_WINDOW: usize = 40;

/// How many tokens, quoted ones included, a mention's scan reads at most.
const SCAN_LIMIT: usize = 600;

/// Sets the gender of people whose name leaves it unknown when every
/// mention's first following pronoun (outside quotes, in the same
/// paragraph, before another person is named) agrees.
pub(super) fn learn_from_pronouns(
    tokens: &[Token<'_>],
    entities: &[Entity],
    mentions: &[BodyMention],
    quotes: &[(usize, usize)],
    genders: &mut [Gender],
) {
    let quoted = |at: usize| {
        let k = quotes.partition_point(|q| q.0 < at);
        k > 0 && at <= quotes[k - 1].1
    };
    let is_person = |e: usize| entities[e].entity_type == EntityType::Person;
    let mut votes: Vec<(bool, bool)> = vec![(false, false); entities.len()];
    for m in mentions {
        if m.quoted || !is_person(m.entity) || genders[m.entity] != Gender::Unknown {
            continue;
        }
        let from = tokens.partition_point(|t| t.char_start < m.end);
        let Some(paragraph) = tokens.get(from).map(|t| t.paragraph) else {
            continue;
        };
        let mut seen = 0;
        // (Quoted words are skipped, up to a bound for very long quotes.)
        for t in tokens.iter().skip(from).take(SCAN_LIMIT) {
            if t.paragraph != paragraph || seen == PRONOUN_WINDOW {
                break;
            }
            let other = mentions.binary_search_by_key(&t.char_start, |o| o.start);
            if other.is_ok_and(|k| mentions[k].entity != m.entity && is_person(mentions[k].entity))
            {
                break;
            }
            // Words inside quotes are the speaker's, and do not count.
            if quoted(t.char_start) {
                continue;
            }
            seen += 1;
            let vote = &mut votes[m.entity];
            match t.text.to_lowercase().as_str() {
                "he" => vote.0 = true,
                "she" => vote.1 = true,
                _ => continue,
            }
            break;
        }
    }
    for (g, (male, female)) in genders.iter_mut().zip(votes) {
        if *g == Gender::Unknown && male != female {
            *g = if male { Gender::Male } else { Gender::Female };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::rule_tests::{quotes_of, speaker_of};

    #[test]
    fn a_pronoun_after_the_name_tells_the_gender() {
        let qs = quotes_of(&[
            "Ada Quill directed the film.",
            "Her son, the producer Jordan Quennell, remembers it well. “It was chaos,” he said.",
            "Despite the chaos, the director stayed calm. “I had done it before,” she said.",
        ]);
        assert_eq!(
            speaker_of(&qs, "It was chaos").as_deref(),
            Some("Jordan Quennell")
        );
        assert_eq!(speaker_of(&qs, "I had done").as_deref(), Some("Ada Quill"));
    }
}
