//! Speaker attribution: cue verbs next to a quote, their subject resolved to
//! an entity by name, pronoun ("he added") or description ("the Japanese
//! leader said").

use newsflow_model::{Entity, EntityType};

use super::cues::{
    BASE_CUES, CUES, INVERTIBLE_CUES, ORGANIZATION_STAND_INS, PERSON_STAND_INS, WEAK_CUES,
};
use super::find::QuoteSpan;
use super::resolve::pronoun_gender;
use crate::entities::lexicon::{Gender, GIVEN_NAMES};
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::{is_modifier_hyphen, with_lowercase, Token, TokenKind};

/// An entity mention in the body: code-point range and entity index.
#[derive(Debug, Clone, Copy)]
pub struct BodyMention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    /// Inside a quote: a name the speaker says is no antecedent for "he".
    pub quoted: bool,
}

pub struct Attributor<'a> {
    pub tokens: &'a [Token<'a>],
    pub entities: &'a [Entity],
    pub mentions: Vec<BodyMention>,
    pub genders: Vec<Gender>,
    /// Country name of a demonym right before a person's mention.
    pub nationalities: Vec<Option<&'static str>>,
    /// Every quote's (opening, closing) mark, in order.
    pub quotes: Vec<(usize, usize)>,
}

/// The last attributed quote: its speaker and closing mark.
#[derive(Debug, Clone, Copy)]
pub struct Previous {
    pub speaker: usize,
    pub close: usize,
}

pub struct Attribution {
    pub speaker: Option<usize>,
    pub cue: Option<String>,
    /// Code point of the cue word, when there is one.
    pub cue_at: Option<usize>,
    /// The cue's subject is an unnamed person ("a spokesman said"): no
    /// speaker, and none is looked for elsewhere.
    pub anonymous: bool,
}

impl Attribution {
    const NONE: Attribution = Attribution {
        speaker: None,
        cue: None,
        cue_at: None,
        anonymous: false,
    };
}

impl<'a> Attributor<'a> {
    pub fn new(
        tokens: &'a [Token<'a>],
        entities: &'a [Entity],
        body: &str,
        quotes: &[QuoteSpan],
    ) -> Self {
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
                        quoted: false,
                    })
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        for m in &mut mentions {
            // Quotes are sorted and disjoint: the last one opening before the mention.
            let k = quotes.partition_point(|q| q.open < m.start);
            m.quoted = k > 0 && m.end <= quotes[k - 1].close;
        }
        let mut genders: Vec<Gender> = entities.iter().map(|e| name_gender(&e.name)).collect();
        let mut nationalities = vec![None; entities.len()];
        for (k, m) in mentions.iter().enumerate() {
            if entities[m.entity].entity_type != EntityType::Person {
                continue;
            }
            // Honorific or demonym shortly before the mention.
            let word = word_before(tokens, m.start);
            let is = |title: &str| word == title;
            // "Energy Minister Prince Abdulaziz bin Salman": a royal or
            // noble title tells the gender a foreign given name does not.
            if [
                "Mr", "Sir", "Prince", "King", "Sheikh", "Emir", "Sultan", "Lord",
            ]
            .into_iter()
            .any(is)
            {
                genders[m.entity] = Gender::Male;
            } else if [
                "Mrs", "Ms", "Miss", "Dame", "Princess", "Queen", "Sheikha", "Lady", "Baroness",
            ]
            .into_iter()
            .any(is)
            {
                genders[m.entity] = Gender::Female;
            }
            if let Some(prev) = k.checked_sub(1).map(|p| mentions[p]) {
                // Offsets that do not map (overlapping mentions) are no gap.
                let gap = (prev.end <= m.start)
                    .then(|| byte_at(tokens, prev.end).zip(byte_at(tokens, m.start)))
                    .flatten()
                    .and_then(|(a, b)| body.get(a..b));
                let plain_gap = gap.is_some_and(|gap| {
                    gap.len() <= 40
                        && gap
                            .chars()
                            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                });
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
        let quote_marks: Vec<(usize, usize)> = quotes.iter().map(|q| (q.open, q.close)).collect();
        super::gender::learn_from_pronouns(tokens, entities, &mentions, &quote_marks, &mut genders);
        Attributor {
            tokens,
            entities,
            mentions,
            genders,
            nationalities,
            quotes: quote_marks,
        }
    }

    /// Whether `quote` opens a sentence (or a paragraph): only such a quote
    /// without a cue continues the previous speaker's words; one inside a
    /// sentence is a scare quote or a title.
    pub fn starts_sentence(&self, quote: &QuoteSpan) -> bool {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let Some(opening) = self.tokens.get(before_end) else {
            return true;
        };
        let Some(previous) = before_end.checked_sub(1).map(|p| &self.tokens[p]) else {
            return true;
        };
        opening.sentence_start
            || previous.paragraph != opening.paragraph
            || matches!(previous.text, "." | "!" | "?" | ":" | "”" | "\"")
    }

    /// Whether text of `quote`'s own paragraph comes right before it.
    pub fn follows_in_paragraph(&self, quote: &QuoteSpan) -> bool {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let (Some(prev), Some(opening)) = (
            before_end.checked_sub(1).map(|p| &self.tokens[p]),
            self.tokens.get(before_end),
        ) else {
            return false;
        };
        prev.paragraph == opening.paragraph
    }

    /// Whether a colon ends the text right before `quote`'s opening mark.
    pub fn after_colon(&self, quote: &QuoteSpan) -> bool {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        before_end
            .checked_sub(1)
            .is_some_and(|k| self.tokens[k].text == ":")
    }

    /// Speaker and cue of `quote`; `previous` is the last quote's speaker.
    pub fn attribute(&self, quote: &QuoteSpan, previous: Option<Previous>) -> Attribution {
        // Tokens after the closing mark up to the sentence end, then before the opening mark.
        let after_start = self.tokens.partition_point(|t| t.char_start <= quote.close);
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let close_paragraph = self
            .tokens
            .get(after_start.saturating_sub(1))
            .map_or(0, |t| t.paragraph);
        let after_end = self.sentence_end(after_start, close_paragraph);
        let before_start = self.sentence_start(before_end);
        // A quote opening a sentence or a paragraph is not what a cue before
        // it reports when that cue ends an earlier quote's clause ("“…,”
        // said Ms Varga, who has served two terms. ⏎ “…”") or asks a
        // question the quote answers ("… the critic once asked? “No …”");
        // a sentence of its own still introduces it ("…, Mr Brink said.
        // ⏎ “…”").
        let prev = before_end.checked_sub(1).map(|p| &self.tokens[p]);
        let opens_sentence = prev.is_some_and(|prev| {
            self.tokens
                .get(before_end)
                .is_some_and(|o| o.paragraph != prev.paragraph)
                || matches!(prev.text, "." | "!" | "?")
        });
        let after_earlier_quote = before_start
            .checked_sub(1)
            .is_some_and(|p| matches!(self.tokens[p].text, "”" | "\""));
        let after_question = prev.is_some_and(|prev| prev.text == "?");
        let before_start = if opens_sentence && (after_earlier_quote || after_question) {
            before_end
        } else {
            before_start
        };
        if let Some(speaker) = self.dash_signature(after_start, after_end) {
            return Attribution {
                speaker: Some(speaker),
                cue: None,
                cue_at: None,
                anonymous: false,
            };
        }
        // `X said: "…"` introduces the quote, and the reporting verb of a
        // partial quote inside a sentence comes before it: look before first.
        let introduced = before_end
            .checked_sub(1)
            .is_some_and(|p| p > before_start && matches!(self.tokens[p].text, ":" | ","));
        let before = || self.cue_in(before_start, before_end, previous, false);
        let after = || self.cue_in(after_start, after_end, previous, true);
        let found = if introduced || !self.starts_sentence(quote) {
            before().or_else(after)
        } else {
            after().or_else(before)
        };
        if found.is_none() {
            // `- Bolton boss Sam Allardyce: "…"`: a name introducing the quote.
            if let Some(speaker) = self.name_introducing(before_end) {
                return Attribution {
                    speaker: Some(speaker),
                    cue: None,
                    cue_at: None,
                    anonymous: false,
                };
            }
        }
        match found {
            // A cue whose subject is not next to it ("Kim ... and expressed his
            // “full support”"): the first person named in the sentence.
            Some(Attribution {
                speaker: None,
                cue,
                cue_at,
                anonymous: false,
            }) => {
                let from = self
                    .tokens
                    .get(before_start)
                    .map_or(quote.open, |t| t.char_start);
                // Names after the cue are its object ("told the Daily Record").
                let to = cue_at.map_or(quote.open, |c| c.min(quote.open));
                // "“…,” the party said": a body named by its noun alone that
                // no organisation fits is no person of the sentence before.
                if cue_at.is_some_and(|c| self.unresolved_body_subject(c)) {
                    return Attribution {
                        speaker: None,
                        cue,
                        cue_at,
                        anonymous: false,
                    };
                }
                let speaker = self
                    .first_named(from, to, &[EntityType::Person, EntityType::Organization])
                    .or_else(|| self.pronoun_subject(before_start, before_end))
                    .or_else(|| self.sentence_subject(quote, previous));
                Attribution {
                    speaker,
                    cue,
                    cue_at,
                    anonymous: false,
                }
            }
            Some(a) => a,
            None => Attribution::NONE,
        }
    }

    pub(super) fn sentence_end(&self, from: usize, paragraph: u32) -> usize {
        // `"desperate", while the Liberal Democrats said …`: another clause
        // with its own subject, not the quote's attribution.
        let contrast = |k: usize| {
            self.tokens.get(k).is_some_and(|t| {
                matches!(
                    t.text.to_lowercase().as_str(),
                    "while" | "whereas" | "but" | "although" | "though"
                )
            })
        };
        if contrast(from)
            || (self.tokens.get(from).is_some_and(|t| t.text == ",") && contrast(from + 1))
        {
            return from;
        }
        let mut k = from;
        while k < self.tokens.len() && k < from + SENTENCE_REACH {
            let t = &self.tokens[k];
            if matches!(t.text, "“" | "\"") {
                // "the “Harbour Lights” star said": a title in the subject.
                if let Some(close) = self.title_modifier_close(k) {
                    k = close + 1;
                    continue;
                }
            }
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

    pub(super) fn sentence_start(&self, to: usize) -> usize {
        let mut k = to;
        while k > 0 && k + 60 > to {
            let t = &self.tokens[k - 1];
            if matches!(t.text, "”" | "\"") {
                match self.title_modifier_open(k - 1) {
                    Some(open) => {
                        k = open;
                        continue;
                    }
                    None => break,
                }
            }
            k -= 1;
            if t.sentence_start {
                break;
            }
        }
        k
    }

    /// A person's name ending right before the opening mark (or before a
    /// colon there), at the start of its sentence or line.
    pub(super) fn name_introducing(&self, before_end: usize) -> Option<usize> {
        let mut end = before_end;
        if end > 0 && self.tokens[end - 1].text == ":" {
            end -= 1;
        }
        let last = self.tokens.get(end.checked_sub(1)?)?;
        let m = self
            .mentions
            .iter()
            .find(|m| m.end == last.char_end && !m.quoted)?;
        (self.entities[m.entity].entity_type == EntityType::Person && self.is_subject_mention(m))
            .then_some(m.entity)
    }

    /// `"…" – Matthew Ingram`: a name right after a dash that follows the quote.
    pub(super) fn dash_signature(&self, a: usize, b: usize) -> Option<usize> {
        let dash = self.tokens.get(a).filter(|_| a < b)?;
        if !matches!(dash.text, "-" | "–" | "—") {
            return None;
        }
        let name = self.tokens.get(a + 1).filter(|_| a + 1 < b)?;
        let m = self.mentions.iter().find(|m| m.start == name.char_start)?;
        // A signature ends its line: "- Manchester United boss Sir Alex
        // Ferguson: "…"" introduces the next quote instead.
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        let ends = self.tokens.get(after).is_none_or(|t| {
            t.paragraph != name.paragraph || (t.kind == TokenKind::Punct && t.text != ":")
        });
        (ends
            && matches!(
                self.entities[m.entity].entity_type,
                EntityType::Person | EntityType::Organization
            ))
        .then_some(m.entity)
    }

    /// The first cue in tokens `a..b` and its speaker; `after_quote` when
    /// the tokens follow the quote.
    pub(super) fn cue_in(
        &self,
        a: usize,
        b: usize,
        previous: Option<Previous>,
        after_quote: bool,
    ) -> Option<Attribution> {
        // Before a quote the cue nearest to it reports it ("When asked if
        // Brown would start, Eriksson replied: "…""); after it, the first.
        let order: Box<dyn Iterator<Item = usize>> = if after_quote {
            Box::new(a..b)
        } else {
            Box::new((a..b).rev())
        };
        for k in order {
            let t = &self.tokens[k];
            let next_is = |n: usize, w: &str| self.tokens.get(k + n).is_some_and(|x| x.text == w);
            // `"…" John Hannett added: "…"`: that cue introduces the next quote.
            if after_quote && next_is(1, ":") {
                return None;
            }
            // "In Quill's words, “…”".
            if let Some(speaker) = self.possessor_words(k, b, previous) {
                return Some(Attribution {
                    speaker: Some(speaker),
                    cue: Some("in the words of".to_owned()),
                    cue_at: Some(t.char_start),
                    anonymous: false,
                });
            }
            let according = t.text.eq_ignore_ascii_case("according") && next_is(1, "to");
            // "in the words of X"
            let words_of = t.text.eq_ignore_ascii_case("in")
                && next_is(1, "the")
                && next_is(2, "words")
                && next_is(3, "of");
            if according || words_of {
                let from = if according { k + 2 } else { k + 4 };
                // "according to the Crown prosecutor, Mark Tedeschi, QC": the name wins.
                let (start, end) = (self.tokens.get(from), self.tokens.get(b.saturating_sub(1)));
                let named = start.zip(end).and_then(|(s, e)| {
                    let kinds = [EntityType::Person, EntityType::Organization];
                    self.first_named(s.char_start, e.char_end, &kinds)
                });
                let speaker = named.or_else(|| self.resolve(self.phrase_after(from, b), previous));
                let cue = if according {
                    "according to"
                } else {
                    "in the words of"
                };
                return Some(Attribution {
                    speaker,
                    cue: Some(cue.to_owned()),
                    cue_at: Some(t.char_start),
                    anonymous: false,
                });
            }
            // "Interfax quoted an official as saying "…"", "state media
            // quoted Ivo Brandt as saying": the one quoted speaks, not the
            // outlet; an unnamed official is anonymous.
            if let Some(attribution) = self.quoted_as_saying(k, b) {
                return Some(attribution);
            }
            // "allowed Quill to claim that …", "would argue that …": the
            // base form of a cue after a modal or "to".
            let base_cue = BASE_CUES.contains(&t.text)
                && k.checked_sub(1).is_some_and(|p| {
                    matches!(
                        self.tokens[p].text,
                        "to" | "would" | "will" | "did" | "does" | "could" | "might" | "must"
                    )
                });
            if !CUES.contains(&t.text) && !base_cue {
                continue;
            }
            // `"…" EA, a games developer, added that …`: a new sentence after
            // the quote reports its own speech; it attributes the quote only as
            // a short "X said." / "X said, …".
            if after_quote && self.tokens[a].sentence_start && self.tokens[a].is_capitalized() {
                // "Trump tweeted before Election Day.", "he told reporters on
                // Monday.": a time, a place or whom it was told still closes it.
                let closes = |n: &Token<'_>| {
                    (n.kind == TokenKind::Punct && !matches!(n.text, "“" | "\""))
                        || is_preposition(n.text)
                };
                // "told the Daily Record: "…"" introduces the next quote.
                let told_whom = t.text == "told"
                    && (k + 1..b.min(k + 5))
                        .find(|&j| self.tokens.get(j).is_some_and(closes))
                        .is_some_and(|j| self.tokens[j].text != ":");
                // "Mr Blair was asked": a passive cue's subject is not the speaker.
                let passive =
                    k > a && matches!(self.tokens[k - 1].text, "was" | "were" | "been" | "being");
                if passive || !(self.tokens.get(k + 1).is_none_or(closes) || told_whom) {
                    return None;
                }
            }
            let phrase = self.phrase_before(a, self.before_parenthetical(a, k));
            // "a print called "Cowboys"": a weak cue needs its subject right before it.
            if WEAK_CUES.contains(&t.text) && !self.is_subject_end(k) {
                continue;
            }
            // "a spokesman said", "Mr Blair's spokesman said", "said a Defra
            // spokesman": an unnamed person speaks for someone named.
            let inverted = INVERTIBLE_CUES.contains(&t.text)
                && (k == a || self.tokens[k - 1].kind == TokenKind::Punct);
            let after_phrase = self.phrase_after(self.past_title(self.past_age(k + 1)), b);
            if (k > a && self.unnamed_speaker(phrase, true))
                || (inverted && self.unnamed_speaker(after_phrase, false))
                || (k > a && self.someone_unnamed(phrase))
                || (inverted && self.someone_unnamed(after_phrase))
                || self.asks_anonymity(k)
            {
                return Some(Attribution {
                    speaker: None,
                    cue: Some(t.text.to_owned()),
                    cue_at: Some(t.char_start),
                    anonymous: true,
                });
            }
            let mut speaker = (k > a).then(|| self.resolve(phrase, previous)).flatten();
            // "Quill said that Canberra had concluded …": a place's
            // government inside a person's reported speech is the person's.
            if !after_quote
                && speaker.is_some_and(|i| self.entities[i].entity_type == EntityType::Place)
            {
                if let Some(person) = self.reporting_person(a, k, previous) {
                    speaker = Some(person);
                }
            }
            if speaker.is_none() && k > a && self.tokens[k - 1].text == "," {
                // "Jack Law, chief executive of …, said": the subject opens the clause.
                let from = self.tokens[a].char_start;
                speaker = self.first_named(
                    from,
                    self.tokens[k].char_start,
                    &[EntityType::Person, EntityType::Organization],
                );
            }
            // "“…,” Ada Lind, a Green member of the Northshire Assembly said":
            // an organisation inside the apposition is the person's employer.
            let organisation =
                speaker.is_some_and(|i| self.entities[i].entity_type == EntityType::Organization);
            if (speaker.is_none() || organisation) && after_quote && k > a + 2 {
                // "“…,” Kurinji Selvaraj, a research analyst at the … think
                // tank told CBS News": a person opening the clause, then an
                // apposition the cue ends without its closing comma.
                // "study lead author Lucas Paganini, a planetary scientist …":
                // a few lower-case words of description may come first.
                let opener = self
                    .mentions_between(self.tokens[a].char_start, self.tokens[k].char_start)
                    .iter()
                    .find(|m| {
                        let at = self.tokens.partition_point(|t| t.char_start < m.start);
                        at < k
                            && at <= a + 4
                            && m.start >= self.tokens[a].char_start
                            && self.tokens[a..at]
                                .iter()
                                .all(|t| t.is_word() && !t.is_capitalized())
                            && self.entities[m.entity].entity_type == EntityType::Person
                    });
                if let Some(m) = opener {
                    let after = self.tokens.partition_point(|t| t.char_start < m.end);
                    if after < k && self.tokens[after].text == "," {
                        speaker = Some(m.entity);
                    }
                }
            }
            if speaker.is_none() && INVERTIBLE_CUES.contains(&t.text) {
                // "said Mr Flynn," / "said the minister." — not "said an EU code
                // of conduct would…": the subject ends the clause.
                let (s, e) = self.phrase_after(self.past_title(self.past_age(k + 1)), b);
                speaker = self.document_author(s, e, b);
            }
            if speaker.is_none() && INVERTIBLE_CUES.contains(&t.text) {
                let (s, e) = self.phrase_after(self.past_title(self.past_age(k + 1)), b);
                let clause_ends = e == b
                    || self
                        .tokens
                        .get(e)
                        .is_some_and(|x| x.kind == TokenKind::Punct || is_preposition(x.text));
                let starts_name = self.tokens.get(s).is_some_and(|x| x.is_capitalized());
                // "said it was "…"" reports speech and "said on television"
                // says where: neither names a speaker.
                let complement = self.tokens.get(s).is_some_and(|x| {
                    is_preposition(x.text)
                        || matches!(
                            x.text.to_lowercase().as_str(),
                            "it" | "he" | "she" | "they" | "that" | "there" | "this" | "we" | "i"
                        )
                });
                let names_person = self.mentions.iter().any(|m| {
                    m.start >= self.tokens[s.min(e.saturating_sub(1))].char_start
                        && e > s
                        && m.end <= self.tokens[e - 1].char_end
                        && self.entities[m.entity].entity_type == EntityType::Person
                });
                // "said Bolden to the crowd", but not "said Big Brother had behaved".
                let article = self
                    .tokens
                    .get(s)
                    .is_some_and(|x| matches!(x.text.to_lowercase().as_str(), "the" | "a" | "an"));
                let accept = if starts_name {
                    self.name_ends_clause(s, e)
                } else if article {
                    clause_ends
                } else {
                    clause_ends || (names_person && self.name_ends_clause(s, e))
                };
                if !complement && accept {
                    // "said Clapton who joined Guy on stage": the inverted
                    // subject is the first name after the cue.
                    let first_name = starts_name
                        .then(|| {
                            let from = self.tokens[s].char_start;
                            self.mentions_between(from, from + 1).first()
                        })
                        .flatten()
                        // ("said Fiat chief Sergio Marchionne": an organisation
                        // first is the person's employer.)
                        .filter(|m| self.entities[m.entity].entity_type == EntityType::Person)
                        // "said Brightwell spokesman Cornelius Shaw": a name
                        // before lower-case role words and a person is the
                        // person's employer, whatever its type.
                        .map(|m| self.person_after_role(m, e).unwrap_or(m.entity));
                    speaker = first_name.or_else(|| self.resolve((s, e), previous));
                }
                // "said Harrowgate Bank's chief executive, Ptolemy Harrowgate":
                // a description, then the person it describes.
                if speaker.is_none()
                    && !complement
                    && e > s
                    && self.tokens.get(e).is_some_and(|x| x.text == ",")
                {
                    speaker = self.tokens.get(e + 1).and_then(|n| {
                        self.mentions
                            .iter()
                            .find(|m| m.start == n.char_start)
                            .filter(|m| self.entities[m.entity].entity_type == EntityType::Person)
                            .map(|m| m.entity)
                    });
                }
            }
            return Some(Attribution {
                speaker,
                cue: Some(t.text.to_owned()),
                cue_at: Some(t.char_start),
                anonymous: false,
            });
        }
        None
    }

    /// The person whose cue verb (in tokens `a..k`) reports the clause
    /// ending at token `k`: "Quill said that … Norland had concluded".
    fn reporting_person(&self, a: usize, k: usize, previous: Option<Previous>) -> Option<usize> {
        (a..k).rev().find_map(|j| {
            if !matches!(
                self.tokens[j].text,
                "said" | "says" | "told" | "announced" | "added"
            ) {
                return None;
            }
            self.resolve(self.phrase_before(a, j), previous)
                .filter(|&i| self.entities[i].entity_type == EntityType::Person)
        })
    }

    /// "the party said", "the agency said": a determiner and an
    /// organisation noun right before the cue word at `cue_at`.
    fn unresolved_body_subject(&self, cue_at: usize) -> bool {
        let k = self.tokens.partition_point(|t| t.char_start < cue_at);
        k >= 2
            && with_lowercase(self.tokens[k - 1].text, |l| {
                ORGANIZATION_STAND_INS.contains(&l)
            })
            && matches!(self.tokens[k - 2].text, "the" | "The" | "its" | "their")
    }

    /// The person named right after `m` and lower-case words (a role) that
    /// follow it, before token `e`: "Brightwell spokesman Cornelius Shaw".
    fn person_after_role(&self, m: &BodyMention, e: usize) -> Option<usize> {
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        let role_end =
            (after..e).find(|&j| !self.tokens[j].is_word() || self.tokens[j].is_capitalized())?;
        if role_end == after || role_end - after > 3 {
            return None;
        }
        // "said Clapton who joined Guy": a role noun, not a clause, comes
        // before the person.
        let head = self.tokens[role_end - 1].text;
        if !(PERSON_STAND_INS.contains(&head) || EMPLOYEE_ROLES.contains(&head)) {
            return None;
        }
        let at = self.tokens[role_end].char_start;
        self.mentions
            .iter()
            .find(|o| o.start == at && o.entity != m.entity)
            .filter(|o| self.entities[o.entity].entity_type == EntityType::Person)
            .map(|o| o.entity)
    }

    /// Whether the first name in tokens `s..e` is followed by punctuation,
    /// the end, or a preposition, as an inverted subject is.
    pub(super) fn name_ends_clause(&self, s: usize, e: usize) -> bool {
        let (Some(first), Some(last)) = (
            self.tokens.get(s),
            e.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) else {
            return true;
        };
        let named: Vec<&BodyMention> = self
            .mentions_between(first.char_start, last.char_end)
            .iter()
            .filter(|m| {
                m.end <= last.char_end
                    && matches!(
                        self.entities[m.entity].entity_type,
                        EntityType::Person | EntityType::Organization
                    )
            })
            .collect();
        if named.is_empty() {
            return true;
        }
        // Any name of the phrase ending it: "said rally driver Dave Hawkins
        // who runs the company", "said Clapton who joined Guy and King".
        named.iter().any(|m| {
            let after = self.tokens.partition_point(|t| t.char_start < m.end);
            self.tokens.get(after).is_none_or(|t| {
                t.kind == TokenKind::Punct
                    || is_preposition(t.text)
                    || matches!(t.text, "who" | "whose" | "which")
            })
        })
    }

    /// Whether the token before `k` ends a name or is a subject pronoun.
    pub(super) fn is_subject_end(&self, k: usize) -> bool {
        // "The RAC welcomed the news, calling it …": the sentence's subject.
        let participle = self.tokens[k].text.ends_with("ing");
        if participle && k > 0 && self.tokens[k - 1].text == "," {
            return true;
        }
        // "Galantino has called", "Rathbun also described": look past auxiliaries.
        let mut p = k;
        while p > 0 && AUXILIARIES.contains(&self.tokens[p - 1].text) && k - p < 3 {
            p -= 1;
        }
        // "Nunzio Galantino, has called": the comma closes an apposition.
        if p < k && p > 0 && self.tokens[p - 1].text == "," {
            p -= 1;
        }
        let Some(prev) = p.checked_sub(1).map(|p| &self.tokens[p]) else {
            return false;
        };
        // "and called": a second verb of the sentence's subject; "a BBC
        // statement read": a document speaks for its author.
        matches!(
            prev.text.to_lowercase().as_str(),
            "he" | "she" | "it" | "they" | "and" | "statement" | "report" | "letter" | "study"
        ) || self.mentions.iter().any(|m| m.end == prev.char_end)
    }

    /// Up to 6 tokens right before `k`, stopping at punctuation ("Paris-based"
    /// counts as one token).
    pub(super) fn phrase_before(&self, a: usize, k: usize) -> (usize, usize) {
        let (mut s, mut taken) = (k, 0usize);
        while s > a && taken < 6 {
            if self.tokens[s - 1].kind == TokenKind::Punct {
                if is_modifier_hyphen(self.tokens, s - 1) {
                    // "the Paris-based firm": the compound counts as one word.
                    s -= 1;
                    taken = taken.saturating_sub(1);
                    continue;
                }
                // "the “Harbour Lights” star": past a title in the phrase,
                // which counts as one word.
                match self.title_modifier_open(s - 1).filter(|&o| o > a) {
                    Some(open) => s = open,
                    None => break,
                }
            } else {
                s -= 1;
            }
            taken += 1;
        }
        (s, k)
    }

    /// Up to 6 tokens from `from`, stopping at punctuation or a preposition
    /// ("wrote the influential Edge magazine in its review").
    /// Whether a cue's subject phrase (tokens `s..e`) is an unnamed person:
    /// its head is a spokesman, an official, a source ("a Jive spokeswoman",
    /// "Mr Blair's spokesman"; after an inverted cue "a spokesman for
    /// Ofcom"), with no person named after that head.
    /// "quoted X as saying" ending at token `k` ("saying"), before `b`.
    fn quoted_as_saying(&self, k: usize, b: usize) -> Option<Attribution> {
        let t = &self.tokens[k];
        if t.text != "saying" || k < 3 || self.tokens[k - 1].text != "as" {
            return None;
        }
        let quoted = (k.saturating_sub(10)..k - 1)
            .rev()
            .find(|&j| matches!(self.tokens[j].text, "quoted" | "quotes" | "quoting"))?;
        let (from, to) = (quoted + 1, k - 1);
        if from >= to {
            return None;
        }
        let span = (self.tokens[from].char_start, self.tokens[to - 1].char_end);
        let named = self.first_named(span.0, span.1, &[EntityType::Person]);
        let anonymous = named.is_none() && self.unnamed_speaker((from, to), true);
        let speaker = named.or_else(|| {
            (!anonymous)
                .then(|| {
                    self.first_named(span.0, span.1, &[EntityType::Organization])
                        .or_else(|| self.resolve(self.phrase_after(from, b.min(to)), None))
                })
                .flatten()
        });
        Some(Attribution {
            speaker,
            cue: Some("quoted as saying".to_owned()),
            cue_at: Some(t.char_start),
            anonymous,
        })
    }

    /// "one lawmaker said", "said a diplomat in Brussels": someone unnamed,
    /// introduced by an indefinite word, with no name in the phrase.
    fn someone_unnamed(&self, (s, e): (usize, usize)) -> bool {
        if s >= e {
            return false;
        }
        let indefinite = (s..e).find(|&j| {
            with_lowercase(self.tokens[j].text, |l| {
                matches!(
                    l,
                    "a" | "an" | "one" | "another" | "two" | "three" | "several"
                )
            })
        });
        let Some(d) = indefinite else {
            return false;
        };
        let noun = (d + 1..e.min(d + 4))
            .find(|&j| with_lowercase(self.tokens[j].text, |l| GENERIC_PEOPLE.contains(&l)));
        noun.is_some()
            && !self
                .mentions_between(self.tokens[s].char_start, self.tokens[e - 1].char_end)
                .iter()
                .any(|m| self.entities[m.entity].entity_type == EntityType::Person)
    }

    /// "…, who asked not to be named", "speaking on condition of anonymity":
    /// the clause after the cue at `k` says the speaker is not named.
    fn asks_anonymity(&self, k: usize) -> bool {
        let end = (k + 1..self.tokens.len().min(k + 25))
            .find(|&j| self.tokens[j].sentence_start)
            .unwrap_or_else(|| self.tokens.len().min(k + 25));
        let words = &self.tokens[k + 1..end];
        // "An official, speaking on condition of anonymity, said:": the
        // clause may come before the cue, in its sentence.
        let before = (k.saturating_sub(12)..k)
            .rev()
            .take_while(|&j| !self.tokens[j + 1].sentence_start)
            .any(|j| self.tokens[j].text == "anonymity");
        before
            || words.iter().any(|t| t.text == "anonymity")
            || words.windows(4).any(|w| {
                w[0].text == "not"
                    && w[1].text == "to"
                    && w[2].text == "be"
                    && matches!(w[3].text, "named" | "identified")
            })
    }

    fn unnamed_speaker(&self, (s, e): (usize, usize), head_last: bool) -> bool {
        if s >= e {
            return false;
        }
        let is_head =
            |t: &Token<'_>| with_lowercase(t.text, |lower| UNNAMED_SPEAKERS.contains(&lower));
        let head = if head_last {
            // "A spokesperson for the trade office said": the head before
            // its "for"/"at" phrase, near the phrase's start.
            (is_head(&self.tokens[e - 1])).then_some(e - 1).or_else(|| {
                (s..e.min(s + 4)).find(|&k| {
                    is_head(&self.tokens[k])
                        && k + 2 < e
                        && matches!(self.tokens[k + 1].text, "for" | "at" | "to")
                        // ("A senior official at the IMF": the determiner
                        // may open the sentence before the phrase's six words.)
                        && (k.saturating_sub(3)..k).any(|d| {
                            with_lowercase(self.tokens[d].text, |l| {
                                matches!(l, "a" | "an" | "one" | "the")
                            })
                        })
                })
            })
        } else {
            (s..e.min(s + 4)).find(|&k| is_head(&self.tokens[k]))
        };
        let Some(head) = head else {
            return false;
        };
        // "Rhodri Glyn Thomas, Plaid Cymru health spokesman, said": the
        // description is in apposition to a named person.
        if head_last && s > 0 && self.tokens[s - 1].text == "," {
            let comma = self.tokens[s - 1].char_start;
            let named = self
                .mentions_between(0, comma)
                .iter()
                .rev()
                .find(|m| m.end <= comma)
                .is_some_and(|m| {
                    self.entities[m.entity].entity_type == EntityType::Person
                        && self.tokens.partition_point(|t| t.char_start < m.end) == s - 1
                });
            if named {
                return false;
            }
        }
        let from = self.tokens[head].char_end;
        let to = self.tokens[e - 1].char_end;
        !self.mentions_between(from, to).iter().any(|m| {
            m.start >= from
                && m.end <= to
                && self.entities[m.entity].entity_type == EntityType::Person
        })
    }

    /// The mentions that start in `from..to` (code points): mentions are
    /// sorted by start, so two binary searches instead of a scan.
    pub(super) fn mentions_between(&self, from: usize, to: usize) -> &[BodyMention] {
        let a = self.mentions.partition_point(|m| m.start < from);
        let b = self.mentions.partition_point(|m| m.start < to);
        &self.mentions[a..b.max(a)]
    }

    /// "wrote 43-year-old Martin Taylor": the token after an age that
    /// opens a phrase at `from` (or `from` when there is none).
    fn past_age(&self, from: usize) -> usize {
        let text = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        if self
            .tokens
            .get(from)
            .is_none_or(|t| t.kind != TokenKind::Number)
        {
            return from;
        }
        match (
            text(from + 1),
            text(from + 2),
            text(from + 3),
            text(from + 4),
        ) {
            ("-", "year", "-", "old") => from + 5,
            ("-", "year-old", _, _) => from + 3,
            ("year-old", _, _, _) => from + 2,
            _ => from,
        }
    }

    pub(super) fn phrase_after(&self, from: usize, b: usize) -> (usize, usize) {
        let (mut e, mut limit) = (from, 6);
        while e < b && e - from < limit && !(e > from && is_preposition(self.tokens[e].text)) {
            if self.tokens[e].kind == TokenKind::Punct {
                if !is_modifier_hyphen(self.tokens, e) {
                    break;
                }
                limit += 2;
            }
            e += 1;
        }
        (from, e)
    }

    /// The first unquoted mention in `from..to` of the first of `kinds` found.
    pub(super) fn first_named(
        &self,
        from: usize,
        to: usize,
        kinds: &[EntityType],
    ) -> Option<usize> {
        // "Big Machine has denied Swift's claims, saying": a possessor is
        // not who speaks.
        let in_range =
            |m: &&BodyMention| m.start >= from && m.end <= to && !m.quoted && !self.is_possessor(m);
        kinds.iter().find_map(|&kind| {
            self.mentions
                .iter()
                .filter(in_range)
                .find(|m| self.entities[m.entity].entity_type == kind)
                .map(|m| m.entity)
        })
    }

    /// "he"/"she" opening the sentence before the quote ("He described X as "…"").
    pub(super) fn pronoun_subject(&self, a: usize, b: usize) -> Option<usize> {
        let k = (a..b).find(|&k| self.tokens[k].is_word())?;
        let gender = pronoun_gender(self.tokens[k].text)?;
        self.recent(self.tokens[k].char_start, |i| self.is_person_of(i, gender))
    }
}

/// Words between a subject and a weak cue verb.
pub(super) const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "also", "then", "later", "but", "and", "yet",
];

/// Words that may follow an inverted subject: "said Bolden to the crowd".
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "in"
            | "at"
            | "on"
            | "during"
            | "after"
            | "before"
            | "while"
            | "when"
            | "of"
            | "from"
            | "for"
            | "yesterday"
            | "today"
            | "last"
            | "this"
            | "as"
    )
}

/// The word right before code point `pos` ("Mr" of "Mr. Smith").
fn word_before<'t>(tokens: &[Token<'t>], pos: usize) -> &'t str {
    let mut k = tokens.partition_point(|t| t.char_start < pos);
    while k > 0 && tokens[k - 1].text == "." {
        k -= 1;
    }
    k.checked_sub(1)
        .map_or("", |p| tokens[p].text.trim_end_matches('.'))
}

/// Byte offset of code point `pos` when a token starts or ends there
/// (mentions start and end on token boundaries).
fn byte_at(tokens: &[Token<'_>], pos: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| t.char_start < pos);
    match tokens.get(k) {
        Some(t) if t.char_start == pos => Some(t.start),
        _ => k
            .checked_sub(1)
            .map(|p| &tokens[p])
            .filter(|t| t.char_end == pos)
            .map(|t| t.end),
    }
}

fn name_gender(name: &str) -> Gender {
    name.split_whitespace()
        .next()
        .and_then(|w| GIVEN_NAMES.get(w))
        .unwrap_or(Gender::Unknown)
}

/// Nouns for people who speak for others without being named.
const UNNAMED_SPEAKERS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "insider",
    "insiders",
];

/// People named by what they are ("one lawmaker", "a diplomat"): with an
/// indefinite word before them they name no one.
const GENERIC_PEOPLE: &[&str] = &[
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "trader",
    "traders",
    "dealer",
    "dealers",
    "broker",
    "brokers",
    "investor",
    "investors",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "banker",
    "bankers",
    "executive",
    "executives",
    "employee",
    "employees",
    "worker",
    "workers",
    "officer",
    "officers",
    "soldier",
    "soldiers",
    "protester",
    "protesters",
    "minister",
    "ministers",
    "senator",
    "senators",
    "member",
    "members",
    "person",
    "people",
    "man",
    "woman",
    "relative",
    "relatives",
    "neighbour",
    "neighbor",
    "fan",
    "fans",
];

/// Tokens after a quote within which its attribution may end: long enough
/// for "X, a planetary scientist at … in Washington, D.C., said".
const SENTENCE_REACH: usize = 45;

/// Lower-case heads of a role between an employer and a person: "Quillion
/// chief executive Hester Vane", "Morningstar analyst Ivo Brand".
const EMPLOYEE_ROLES: &[&str] = &[
    "chief",
    "executive",
    "director",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "minister",
    "secretary",
    "official",
    "analyst",
    "economist",
    "lawyer",
    "adviser",
    "founder",
    "officer",
    "head",
    "leader",
];

#[cfg(test)]
mod tests {
    use super::{byte_at, word_before};
    use crate::text_util::tokenize;

    #[test]
    fn word_before_skips_the_abbreviation_dot() {
        let text = "said Mr. Smith and Ms Jones, then Sir Ian";
        let tokens = tokenize(text);
        let at = |w: &str| text[..text.find(w).unwrap()].chars().count();
        assert_eq!(word_before(&tokens, at("Smith")), "Mr");
        assert_eq!(word_before(&tokens, at("Jones")), "Ms");
        assert_eq!(word_before(&tokens, at("Ian")), "Sir");
        assert_eq!(word_before(&tokens, 0), "");
    }

    #[test]
    fn byte_at_maps_token_boundaries() {
        let text = "Café owner Zoë said";
        let tokens = tokenize(text);
        let zoe = text.find("Zoë").unwrap();
        assert_eq!(byte_at(&tokens, 11), Some(zoe));
        assert_eq!(byte_at(&tokens, 14), Some(zoe + "Zoë".len()));
        assert_eq!(byte_at(&tokens, 12), None);
    }
}
