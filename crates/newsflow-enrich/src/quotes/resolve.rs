//! Who a description or pronoun is: "he", "she", "it", "the company",
//! "the 30-year-old", and the subjects of sentences around a quote.

use newsflow_model::EntityType;

use super::attribute::{Attributor, BodyMention, Previous, AUXILIARIES};
use super::cues::{CUES, INVERTIBLE_CUES, ORGANIZATION_STAND_INS, PERSON_STAND_INS};
use super::find::QuoteSpan;
use crate::entities::lexicon::Gender;
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::{is_modifier_hyphen, with_lowercase, Token};

impl Attributor<'_> {
    pub(super) fn is_person_of(&self, i: usize, gender: Gender) -> bool {
        self.entities[i].entity_type == EntityType::Person && self.genders[i] != opposite(gender)
    }

    pub(super) fn resolve(
        &self,
        (s, e): (usize, usize),
        previous: Option<Previous>,
    ) -> Option<usize> {
        // "the work and pensions minister has said": the phrase ends at its
        // head, before the auxiliaries.
        // "the actor previously said": past adverbs of time and manner too.
        let mut e = e;
        while e > s + 1
            && (AUXILIARIES.contains(&self.tokens[e - 1].text)
                || CUE_ADVERBS.contains(&self.tokens[e - 1].text))
        {
            e -= 1;
        }
        if s >= e {
            return None;
        }
        let (cs, ce) = (self.tokens[s].char_start, self.tokens[e - 1].char_end);
        // "Hodgson told BBC Sport he believes": the pronoun right before the
        // verb is its subject, whatever names come earlier in the phrase.
        // The word right before the verb, past auxiliaries: "But she added",
        // "Washington has claimed".
        let subject_token = self.tokens[s..e]
            .iter()
            .rev()
            .find(|w| !AUXILIARIES.contains(&w.text));
        let subject = subject_token.map_or("", |w| w.text);
        if e - s > 1 {
            if let Some(g) = pronoun_gender(subject) {
                return self.pronoun_antecedent(self.tokens[e - 1].char_start, g, previous);
            }
        }
        // "the Labour peer": a name modifying a person noun is not the speaker.
        let head_text = self.tokens[e - 1].text.to_lowercase();
        let person_head = e - s > 1 && PERSON_STAND_INS.contains(&head_text.as_str());
        let starts_the = self.tokens[s].text.eq_ignore_ascii_case("the");
        // "The star of Rain Man and Tootsie": the names are the noun's complement.
        let noun_of = starts_the
            && s + 2 < e
            && PERSON_STAND_INS.contains(&self.tokens[s + 1].text.to_lowercase().as_str())
            && self.tokens[s + 2].text == "of";
        let described_person = (person_head && starts_the) || noun_of;
        // "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": the
        // person the description is in apposition to.
        if person_head && s > 0 && self.tokens[s - 1].text == "," {
            let comma = self.tokens[s - 1].char_start;
            if let Some(m) = self.mentions.iter().rev().find(|m| m.end <= comma) {
                let gap = self.tokens.partition_point(|t| t.char_start < m.end);
                if gap == s - 1 && self.entities[m.entity].entity_type == EntityType::Person {
                    return Some(m.entity);
                }
            }
        }
        // A named mention inside the phrase: people first, then organisations.
        // "talks with Disney's producers revealed": a possessor is not the
        // subject.
        let named = self
            .mentions
            .iter()
            .filter(|m| {
                m.start >= cs
                    && m.end <= ce
                    && !described_person
                    && (!self.is_possessor(m) || self.speaks_through(m))
                    && !self.in_modifier_compound(m)
            })
            .map(|m| m.entity);
        if let Some(first) = self.first_of_pair(cs, ce) {
            return Some(first);
        }
        for kind in [EntityType::Person, EntityType::Organization] {
            if let Some(i) = named
                .clone()
                .rev()
                .find(|&i| self.entities[i].entity_type == kind)
            {
                return Some(i);
            }
        }
        // "Washington has claimed": a place standing for its government.
        let subject_end = subject_token.map(|w| w.char_end);
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| Some(m.end) == subject_end && m.start >= cs)
        {
            if self.entities[m.entity].entity_type == EntityType::Place {
                // "the U.S. Embassy in Nairobi said": a place after "in" says
                // where the body named before it is.
                let t = self.tokens.partition_point(|t| t.char_start < m.start);
                if t > 0 && matches!(self.tokens[t - 1].text, "in" | "at") {
                    let before = self.tokens[t - 1].char_start;
                    return self
                        .mentions
                        .iter()
                        .rev()
                        .find(|o| o.end <= before && !o.quoted)
                        .filter(|o| {
                            self.tokens.partition_point(|t| t.char_start < o.end) == t - 1
                                && self.entities[o.entity].entity_type != EntityType::Place
                        })
                        .map(|o| o.entity);
                }
                return Some(m.entity);
            }
        }
        let words = &self.tokens[s..e];
        // "But she added", "and he also said": the pronoun right before the verb.
        if let Some(g) = pronoun_gender(subject) {
            return self.pronoun_antecedent(cs, g, previous);
        }
        // "it said"; "they said" of a committee or a band: a body speaking.
        if subject.eq_ignore_ascii_case("it") || subject.eq_ignore_ascii_case("they") {
            return self.organization_antecedent(cs, previous);
        }
        if matches!(subject, "which" | "who") {
            // "Beijing, which described …": the name the clause hangs on.
            return self
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= cs && !m.quoted)
                .filter(|m| cs - m.end <= 3)
                .map(|m| m.entity);
        }
        let head = words[words.len() - 1].text;
        if head == "year-old" || head.ends_with("-year-old") {
            // "the 30-year-old told" (the number is its own token).
            return self.most_salient_person(cs);
        }
        let first = words[0].text.to_lowercase();
        if let Some(g) = pronoun_gender(&first) {
            return self.pronoun_antecedent(cs, g, previous);
        }
        // "and the defender said": the description after a conjunction.
        // "Early talks have taken place and the defender said": the
        // description after the last conjunction of the phrase.
        // ("the work and pensions minister", "the Labour peer and former
        // minister" are one description: a determiner must follow.)
        let after_conjunction = words.windows(2).rposition(|w| {
            matches!(
                w[0].text,
                "and" | "but" | "while" | "then" | "so" | "And" | "But"
            ) && matches!(
                w[1].text.to_lowercase().as_str(),
                "the" | "a" | "his" | "her" | "its"
            )
        });
        let words = match after_conjunction {
            Some(k) => &words[k + 1..],
            None => words,
        };
        let first = words[0].text.to_lowercase();
        if !matches!(first.as_str(), "the" | "a" | "its" | "his" | "her") {
            return None;
        }
        // "The star of Rain Man and Tootsie said": a person noun heading an
        // "of" phrase describes the article's main figure.
        if words.len() > 2
            && PERSON_STAND_INS.contains(&words[1].text.to_lowercase().as_str())
            && words[2].text == "of"
        {
            return self.most_salient_person(cs);
        }
        let head = words[words.len() - 1].text.to_lowercase();
        // "the company said"; "said the artists", "the MPs said": the body a
        // group of people speaks for.
        if ORGANIZATION_STAND_INS.contains(&head.as_str()) || GROUP_NOUNS.contains(&head.as_str()) {
            // "the Foreign Ministry … Harrowgate … the ministry said": an
            // organisation whose name has the noun is the one meant.
            let named_by_head = self.recent(cs, |i| {
                self.entities[i].entity_type == EntityType::Organization
                    && self.entities[i]
                        .name
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(&head))
            });
            // "the company said" is no ministry or court named with another
            // such noun.
            let other_noun = |i: usize| {
                self.entities[i].name.split_whitespace().any(|w| {
                    !w.eq_ignore_ascii_case(&head)
                        && with_lowercase(w, |l| OFFICIAL_BODY_NOUNS.contains(&l))
                })
            };
            return named_by_head
                .or_else(|| self.organization_antecedent_where(cs, previous, |i| !other_noun(i)));
        }
        let is_person = |i: usize| self.entities[i].entity_type == EntityType::Person;
        // "the Japanese leader": nationality and role must fit.
        // "the Irishman said": a nationality noun is its demonym.
        let demonym = words
            .iter()
            .find_map(|w| {
                let adjective = nationality_noun(&w.text.to_lowercase()).unwrap_or(w.text);
                GAZETTEER.demonym(adjective)
            })
            .map(|d| GAZETTEER.entries[d].name);
        // "the prime minister": the whole role when a person carries it.
        let role: Vec<String> = words[1..]
            .iter()
            .map(|w| w.text.to_lowercase())
            .filter(|w| GAZETTEER.demonym(w).is_none())
            .collect();
        let role = role.join(" ");
        let has_role = |i: usize, r: &str| {
            self.entities[i]
                .roles
                .iter()
                .any(|x| x.to_lowercase().contains(r))
        };
        let full_role = (role.contains(' '))
            .then(|| self.recent(cs, |i| is_person(i) && has_role(i, &role)))
            .flatten();
        if full_role.is_some() {
            return full_role;
        }
        let fits = |i: usize| {
            is_person(i)
                && demonym.is_none_or(|d| self.nationalities[i] == Some(d))
                && (demonym.is_some() || has_role(i, &head))
        };
        // "the prosecutor told": a person noun stands in for the last person
        // named when no one carries that role.
        self.recent(cs, fits).or_else(|| {
            // "the ex-Wolf": a former member of a team or body (the
            // tokeniser splits "ex" "-" "Wolf" off a capitalised name).
            let n = words.len();
            let ex_member = (head.starts_with("ex-") && head.len() > 4)
                || (n >= 3
                    && words[n - 3].text.eq_ignore_ascii_case("ex")
                    && is_modifier_hyphen(words, n - 2));
            let person_noun = PERSON_STAND_INS.contains(&head.as_str()) || ex_member;
            // "the prime minister told MPs" that no one is named as: not
            // someone the article names in another office ("Home
            // Secretary Ada Brannock").
            // ("the Leeds-based firm's chairman" is a description, no office.)
            let office = role.contains(' ')
                && role.split(' ').count() <= 3
                && role.chars().all(|c| c.is_alphabetic() || c == ' ');
            let other_office =
                |i: usize| office && !self.entities[i].roles.is_empty() && !has_role(i, &head);
            person_noun
                .then(|| self.most_salient(cs, |i| is_person(i) && !other_office(i)))
                .flatten()
                // "… needs to be "exploded", the work and pensions minister
                // has said. … Alan Johnson said": a lede describes the person
                // the next sentences name.
                .or_else(|| person_noun.then(|| self.next_person_named(ce)).flatten())
        })
    }

    /// "Ann Lee and Tom Brink said": two people named together as the
    /// subject ending at `ce` speak as the first-named.
    fn first_of_pair(&self, cs: usize, ce: usize) -> Option<usize> {
        let people: Vec<&BodyMention> = self
            .mentions_between(cs, ce)
            .iter()
            .filter(|m| {
                m.end <= ce
                    && !m.quoted
                    && self.entities[m.entity].entity_type == EntityType::Person
            })
            .collect();
        let [.., a, b] = people.as_slice() else {
            return None;
        };
        let ta = self.tokens.partition_point(|t| t.char_start < a.end);
        let tb = self.tokens.partition_point(|t| t.char_start < b.start);
        let b_end = self.tokens.partition_point(|t| t.char_start < b.end);
        let joined = tb == ta + 1 && matches!(self.tokens[ta].text, "and" | "&");
        // The pair ends the phrase: "… Brink said", not "… Brink's lawyer said".
        let ends = self.tokens.get(b_end).is_none_or(|t| t.char_start >= ce);
        (joined && ends && a.entity != b.entity).then_some(a.entity)
    }

    /// "Wolf" in "the ex-Wolf", "Paris" in "the Paris-based firm": a name
    /// inside a modifier compound describes the head noun and does not speak.
    fn in_modifier_compound(&self, m: &BodyMention) -> bool {
        let first = self.tokens.partition_point(|t| t.char_start < m.start);
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        is_modifier_hyphen(self.tokens, after)
            || first
                .checked_sub(1)
                .is_some_and(|h| is_modifier_hyphen(self.tokens, h))
    }

    /// The first person named after `pos`, outside quotes, within a couple
    /// of sentences.
    fn next_person_named(&self, pos: usize) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| {
                m.start >= pos
                    && m.start < pos + LEDE_REACH
                    && !m.quoted
                    && self.entities[m.entity].entity_type == EntityType::Person
            })
            .map(|m| m.entity)
    }

    /// "the 30-year-old", "the world indoor champion": such descriptions
    /// refer to the article's main figure, the most salient person named
    /// before them, rather than to whoever was named last.
    pub(super) fn most_salient_person(&self, pos: usize) -> Option<usize> {
        self.most_salient(pos, |i| self.entities[i].entity_type == EntityType::Person)
    }

    pub(super) fn most_salient(&self, pos: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|m| m.end <= pos && !m.quoted)
            .map(|m| m.entity)
            .filter(|&i| accept(i))
            .max_by(|&a, &b| {
                self.entities[a]
                    .salience
                    .total_cmp(&self.entities[b].salience)
            })
    }

    /// The entity mentioned last before `pos`, outside quotes, that `accept`s.
    pub(super) fn recent(&self, pos: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        self.recent_mention(pos, accept).map(|m| m.entity)
    }

    pub(super) fn recent_mention(
        &self,
        pos: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<&BodyMention> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.end <= pos && !m.quoted)
            .find(|m| accept(m.entity))
    }

    /// "he"/"she" at `pos`: the last person named as a sentence's subject in
    /// the few sentences before it ("Harry Kane won … . He said"), else the
    /// previous quote's speaker, who stays the topic through narrative that
    /// names others in passing ("… Gordon Brown … . "…," he told the
    /// conference"), else the last person named.
    pub(super) fn pronoun_antecedent(
        &self,
        pos: usize,
        g: Gender,
        previous: Option<Previous>,
    ) -> Option<usize> {
        let compatible = |i: usize| self.is_person_of(i, g);
        let previous = previous.filter(|p| compatible(p.speaker));
        // A name known to match the pronoun beats one of unknown gender.
        // ("Ptolemy Harrowgate, said sales had risen. "…," he said": the last
        // subject, reporting speech, is the speaker whatever the gender.)
        let reporting = self
            .subjects_before(pos, previous, compatible)
            .next()
            .filter(|m| self.genders[m.entity] == Gender::Unknown && self.reports_speech(m));
        let subject = reporting
            .or_else(|| {
                self.subjects_before(pos, previous, compatible)
                    .find(|m| self.genders[m.entity] == g)
            })
            .or_else(|| self.subjects_before(pos, previous, compatible).next());
        // "Club director Terry Brady held talks with Strachan. The former
        // Scotland international added that … “…,” he said": a sentence
        // about someone by description, after the last subject named,
        // keeps the topic: the previous speaker.
        if let (Some(m), Some(p)) = (subject, previous) {
            if self.described_subject_between(m.end, pos) {
                return Some(p.speaker);
            }
        }
        subject
            .map(|m| m.entity)
            .or(previous.map(|p| p.speaker))
            .or_else(|| self.most_salient(pos, compatible))
    }

    /// "Ptolemy Harrowgate said", "Ptolemy Harrowgate, …, said": a mention
    /// followed by a cue word, past an apposition's comma.
    fn reports_speech(&self, m: &BodyMention) -> bool {
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        let at = |j: usize| self.tokens.get(j).map_or("", |t| t.text);
        let k = if at(after) == "," { after + 1 } else { after };
        matches!(at(k), "said" | "says" | "told" | "added")
    }

    /// Whether a sentence starting between two code points opens with a
    /// person described, not named: "The former Scotland international
    /// added", "The Scot was".
    fn described_subject_between(&self, from: usize, to: usize) -> bool {
        let first = self.tokens.partition_point(|t| t.char_start < from);
        let last = self.tokens.partition_point(|t| t.char_start < to);
        (first..last).any(|k| {
            let t = &self.tokens[k];
            t.sentence_start
                && t.text == "The"
                && (k + 1..(k + 5).min(last)).any(|h| {
                    let noun = with_lowercase(self.tokens[h].text, |l| {
                        PERSON_STAND_INS.contains(&l) || l == "international"
                    });
                    let named = self.mentions.iter().any(|m| {
                        m.start >= t.char_start
                            && m.end <= self.tokens[h].char_start
                            && self.entities[m.entity].entity_type == EntityType::Person
                    });
                    noun && !named
                        && self
                            .tokens
                            .get(h + 1)
                            .is_some_and(|n| n.is_word() && !n.is_capitalized() && n.text != "of")
                })
        })
    }

    /// Subjects of sentences that `accept` names, last first, before `pos`:
    /// since the previous quote when there is one (only a subject named
    /// after it competes with its speaker), else within a pronoun's reach.
    fn subjects_before<'s>(
        &'s self,
        pos: usize,
        previous: Option<Previous>,
        accept: impl Fn(usize) -> bool + 's,
    ) -> impl Iterator<Item = &'s BodyMention> + 's {
        let from = previous.map_or_else(|| self.reach_back(pos), |p| p.close);
        self.mentions
            .iter()
            .rev()
            .filter(move |m| m.end <= pos && m.start > from && !m.quoted)
            .filter(move |m| accept(m.entity) && self.is_subject_mention(m))
    }

    /// Where a pronoun at `pos` stops looking back: PRONOUN_REACH code
    /// points of narrative, not counting the quotes in between.
    pub(super) fn reach_back(&self, pos: usize) -> usize {
        let mut budget = PRONOUN_REACH;
        let mut at = pos;
        for &(open, close) in self.quotes.iter().rev().filter(|q| q.1 < pos) {
            let gap = at.saturating_sub(close);
            if gap >= budget {
                break;
            }
            budget -= gap;
            at = open;
        }
        at.saturating_sub(budget)
    }

    /// "it", "the company": an organisation named as a subject since the
    /// previous quote, else the previous speaker when an organisation, else
    /// the last organisation named.
    pub(super) fn organization_antecedent(
        &self,
        pos: usize,
        previous: Option<Previous>,
    ) -> Option<usize> {
        self.organization_antecedent_where(pos, previous, |_| true)
    }

    /// [`Self::organization_antecedent`] among the organisations `accept`ed.
    pub(super) fn organization_antecedent_where(
        &self,
        pos: usize,
        previous: Option<Previous>,
        accept: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let is_org = |i: usize| {
            self.entities[i].entity_type == EntityType::Organization
                && accept(i)
                && !self.credited_only(i)
        };
        let previous = previous.filter(|p| is_org(p.speaker));
        let subject = self.subjects_before(pos, previous, &is_org).next();
        // "Netcraft found … . In a statement from Lycos, the company denied
        // it. "…," it said": a later sentence about a body by description
        // is about the body named last before it.
        if let Some(m) = subject {
            if let Some(d) = self.described_body_between(m.end, pos) {
                return self.recent(d, is_org);
            }
        }
        subject
            .map(|m| m.entity)
            .or(previous.map(|p| p.speaker))
            .or_else(|| self.recent(pos, is_org))
    }

    /// Start of the last clause between two code points that opens with
    /// "the" and an organisation noun and goes on with a lower-case word
    /// ("the company denied").
    fn described_body_between(&self, from: usize, to: usize) -> Option<usize> {
        let first = self.tokens.partition_point(|t| t.char_start < from);
        let last = self.tokens.partition_point(|t| t.char_start < to);
        (first..last.saturating_sub(2)).rev().find_map(|k| {
            let t = &self.tokens[k];
            let opens = t.sentence_start || (k > 0 && self.ends_fronted_phrase(k - 1));
            let described = t.text.eq_ignore_ascii_case("the")
                && with_lowercase(self.tokens[k + 1].text, |l| {
                    ORGANIZATION_STAND_INS.contains(&l)
                })
                && self.tokens[k + 2].is_word()
                && !self.tokens[k + 2].is_capitalized();
            (opens && described).then_some(t.char_start)
        })
    }

    /// A mention opening its sentence (after at most a few title words) or
    /// followed by a cue verb ("Ancram said").
    pub(super) fn is_subject_mention(&self, m: &BodyMention) -> bool {
        let t = self.tokens.partition_point(|t| t.char_start < m.start);
        // "in an Oliver Sacks kind of way", "for Mr Blair": a name in a
        // prepositional phrase is not the sentence's subject.
        let determiner = |j: usize| matches!(self.tokens[j].text, "a" | "an" | "the" | "The");
        let before = (t.saturating_sub(2)..t).rev().find(|&j| !determiner(j));
        if before.is_some_and(|j| PREPOSITIONS.contains(&self.tokens[j].text)) {
            return false;
        }
        // Near its sentence's start with no other person before it: "Chelsea
        // chief executive Peter Kenyon has…", "Looking ahead, Mr Cherkasky…";
        // a possessor does not count ("Steenburgen's son, filmmaker Charlie
        // McDowell, remembers").
        let opens = (t.saturating_sub(SUBJECT_REACH)..=t)
            .rev()
            .find(|&j| {
                self.tokens
                    .get(j)
                    .is_some_and(|x| x.sentence_start || self.ends_fronted_phrase(j))
            })
            .is_some_and(|j| {
                let from = self.tokens[j].char_start;
                !self.mentions.iter().any(|o| {
                    o.start >= from
                        && o.start < m.start
                        && o.entity != m.entity
                        && self.entities[o.entity].entity_type == EntityType::Person
                        && !self.is_possessor(o)
                })
            });
        // "Mr Blair's government was …": a possessor is not the subject.
        if self.is_possessor(m) {
            return false;
        }
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        let is_cue = |x: &Token<'_>| CUES.contains(&x.text);
        // "said Mr Flynn": a title word may stand between the cue and the name.
        // ("hailed Quill", "told the paper": after a cue that cannot invert,
        // the name is its object.)
        // ("Parry also admits Gerrard will stay": a cue after a word has
        // its subject before it; an inverted one follows a quote or comma.)
        let cue_before = (t.saturating_sub(2)..t).any(|j| {
            is_cue(&self.tokens[j])
                && INVERTIBLE_CUES.contains(&self.tokens[j].text)
                && self.tokens[j + 1..t].iter().all(|x| x.is_capitalized())
                && (j == 0 || !self.tokens[j - 1].is_word())
        });
        opens || cue_before || self.tokens.get(after).is_some_and(is_cue)
    }

    /// Whether token `j` is the comma closing a sentence-opening
    /// prepositional phrase ("On the outskirts of the town, Ada Brannock
    /// …"): the clause after it starts there.
    fn ends_fronted_phrase(&self, j: usize) -> bool {
        self.tokens[j].text == ","
            && (j.saturating_sub(FRONTED_REACH)..j)
                .rev()
                .find(|&k| self.tokens[k].sentence_start)
                .is_some_and(|k| {
                    with_lowercase(self.tokens[k].text, |l| PREPOSITIONS.contains(&l))
                        && !self.tokens[k + 1..j].iter().any(|x| x.text == ",")
                })
    }

    /// "MILAN (AP) —", "told The Associated Press": an outlet named only
    /// as the story's credit or a quote's addressee is no "the agency" or
    /// "the party" of a later sentence.
    fn credited_only(&self, entity: usize) -> bool {
        let credit = |m: &BodyMention| {
            let t = self.tokens.partition_point(|t| t.char_start < m.start);
            let before = (t.saturating_sub(2)..t)
                .rev()
                .find(|&j| !matches!(self.tokens[j].text, "the" | "The"));
            before.is_some_and(|j| matches!(self.tokens[j].text, "(" | "told"))
        };
        let mut mentions = self.mentions.iter().filter(|m| m.entity == entity);
        let mut any = false;
        let all = mentions.all(|m| {
            any = true;
            credit(m)
        });
        any && all
    }

    /// "he said", "said she": a personal pronoun right before or after the
    /// cue word at `cue_at`.
    pub(super) fn pronoun_beside(&self, cue_at: usize) -> bool {
        let t = self.tokens.partition_point(|t| t.char_start < cue_at);
        let pronoun = |j: usize| {
            self.tokens
                .get(j)
                .is_some_and(|x| pronoun_gender(x.text).is_some())
        };
        (t > 0 && pronoun(t - 1)) || pronoun(t + 1)
    }

    /// A mention followed by a possessive ending ("Mr Blair's").
    pub(super) fn is_possessor(&self, m: &BodyMention) -> bool {
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        self.tokens
            .get(after)
            .is_some_and(|x| matches!(x.text, "'s" | "\u{2019}s" | "'" | "\u{2019}"))
    }

    /// "Cornyn's statement added": a possessor whose document speaks.
    fn speaks_through(&self, m: &BodyMention) -> bool {
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        self.tokens.get(after + 1).is_some_and(|t| {
            matches!(
                t.text,
                "statement"
                    | "letter"
                    | "report"
                    | "website"
                    | "blog"
                    | "tweet"
                    | "post"
                    | "account"
            )
        })
    }

    /// The subject of the sentence a quote sits in, when the sentence opens
    /// with a person's name or "he"/"she": the speaker of a partial quote in
    /// reported speech ("Mr Letwin accused the chancellor of using "fancy
    /// statistics"").
    pub fn sentence_subject(&self, quote: &QuoteSpan, previous: Option<Previous>) -> Option<usize> {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        // The true sentence start, across earlier quotes of the sentence.
        let k = (before_end.saturating_sub(60)..before_end)
            .rev()
            .find(|&k| self.tokens[k].sentence_start)?;
        // "But he blamed “…”": past a leading conjunction.
        let k = if matches!(self.tokens[k].text, "But" | "And" | "Yet" | "So")
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.char_start < quote.open)
        {
            k + 1
        } else {
            k
        };
        let first = &self.tokens[k];
        if let Some(g) = pronoun_gender(first.text) {
            return self.pronoun_antecedent(first.char_start, g, previous);
        }
        // "It expected 2005 to be a “transitional year”", "The committee
        // also highlighted “…”": a body named before speaks on.
        let lower = first.text.to_lowercase();
        let body_noun = lower == "the"
            && self.tokens.get(k + 1).is_some_and(|t| {
                t.char_start < quote.open
                    && ORGANIZATION_STAND_INS.contains(&t.text.to_lowercase().as_str())
            });
        if lower == "it" || body_noun {
            return self.organization_antecedent(first.char_start, previous);
        }
        let m = self.mentions.iter().find(|m| {
            m.start >= first.char_start
                && m.start < quote.open
                && self.entities[m.entity].entity_type == EntityType::Person
        })?;
        self.is_subject_mention(m).then_some(m.entity)
    }

    /// The person the sentence right before `quote` is about, when that
    /// sentence (in the quote's paragraph or the one before) names a person
    /// as its subject and holds no quote: "Morris appears almost
    /// evangelical. “I was on a cruise …”" — the words of the person
    /// the narrative has just introduced.
    pub fn previous_sentence_subject(
        &self,
        quote: &QuoteSpan,
        previous: Option<Previous>,
    ) -> Option<usize> {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let end = before_end.checked_sub(1)?;
        let start = (end.saturating_sub(60)..=end)
            .rev()
            .find(|&k| self.tokens[k].sentence_start)?;
        let (first, last) = (&self.tokens[start], &self.tokens[end]);
        let opening = self.tokens.get(before_end)?;
        if opening.paragraph > first.paragraph + 1
            || self
                .quotes
                .iter()
                .any(|&(o, c)| c >= first.char_start && o < last.char_end)
        {
            return None;
        }
        // "He is worried. “…”", "And he added that …": a pronoun subject
        // (past a leading conjunction) stands for its antecedent.
        let subject = if matches!(first.text, "And" | "But" | "Yet" | "So") && start < end {
            &self.tokens[start + 1]
        } else {
            first
        };
        if let Some(g) = pronoun_gender(subject.text) {
            return self.pronoun_antecedent(subject.char_start, g, previous);
        }
        let m = self.mentions.iter().find(|m| {
            m.start >= first.char_start
                && m.end <= last.char_end
                && !m.quoted
                && self.entities[m.entity].entity_type == EntityType::Person
        })?;
        self.is_subject_mention(m).then_some(m.entity)
    }

    /// Whether `to` is in the sentence of `from` or the one right after it,
    /// within one paragraph.
    pub fn next_sentence(&self, from: usize, to: usize) -> bool {
        let a = self.tokens.partition_point(|t| t.char_start <= from);
        let b = self.tokens.partition_point(|t| t.char_start <= to);
        a <= b
            && self.tokens[a..b]
                .iter()
                .filter(|t| t.sentence_start)
                .count()
                <= 1
            && self.tokens[a..b].iter().all(|t| !t.paragraph_start)
    }

    /// Whether no sentence starts between two code points.
    pub fn same_sentence(&self, from: usize, to: usize) -> bool {
        let a = self.tokens.partition_point(|t| t.char_start <= from);
        let b = self.tokens.partition_point(|t| t.char_start < to);
        a <= b
            && self.tokens[a..b].iter().all(|t| !t.sentence_start)
            && self.tokens.get(b).is_none_or(|t| !t.paragraph_start)
    }
}

/// Adverbs between a subject and its cue verb: "the actor previously said".
const CUE_ADVERBS: &[&str] = &[
    "previously",
    "recently",
    "reportedly",
    "publicly",
    "privately",
    "repeatedly",
    "famously",
    "initially",
    "originally",
    "subsequently",
    "separately",
    "earlier",
    "once",
    "already",
    "simply",
    "quickly",
    "finally",
    "eventually",
    "immediately",
    "frequently",
    "often",
    "still",
];

/// Words that put the name after them in a prepositional phrase.
const PREPOSITIONS: &[&str] = &[
    "in", "of", "on", "at", "for", "with", "by", "from", "to", "about", "like", "into", "against",
    "under", "over", "between", "among", "than", "via", "without",
];

/// How far (code points) a lede's description looks ahead for the name.
const LEDE_REACH: usize = 300;

/// Tokens from a sentence's start within which a person's name is its subject.
const SUBJECT_REACH: usize = 6;

/// Tokens of a sentence-opening prepositional phrase before its comma.
const FRONTED_REACH: usize = 12;

/// How far back (code points) a pronoun looks for a subject: a few sentences.
const PRONOUN_REACH: usize = 400;

/// Plural nouns for people who speak as one body.
const GROUP_NOUNS: &[&str] = &[
    "mps",
    "artists",
    "researchers",
    "authors",
    "scientists",
    "officials",
    "campaigners",
    "organisers",
    "organizers",
    "members",
    "band",
    "judges",
    "ministers",
    "peers",
    "lawyers",
];

/// The demonym of a noun for a person of a nation ("Irishman" → "Irish").
fn nationality_noun(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "irishman" | "irishwoman" => "Irish",
        "dutchman" | "dutchwoman" => "Dutch",
        "frenchman" | "frenchwoman" => "French",
        "englishman" | "englishwoman" => "English",
        "scotsman" | "scotswoman" | "scot" => "Scottish",
        "welshman" | "welshwoman" => "Welsh",
        "briton" => "British",
        "spaniard" => "Spanish",
        "swede" => "Swedish",
        "dane" => "Danish",
        "finn" => "Finnish",
        "pole" => "Polish",
        "turk" => "Turkish",
        "kiwi" => "New Zealand",
        _ => return None,
    })
}

pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    if word.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else if word.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else {
        None
    }
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Unknown => Gender::Unknown,
    }
}

/// Nouns naming official bodies ("Foreign Ministry", "Supreme Court"):
/// such a body is not "the company" or "the bank" of a later sentence.
const OFFICIAL_BODY_NOUNS: &[&str] = &[
    "ministry",
    "department",
    "court",
    "council",
    "committee",
    "commission",
    "parliament",
    "police",
    "army",
];
