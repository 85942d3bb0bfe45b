//! Groups recognised spans into entities (coreference of short forms to the
//! fullest name, acronyms to their expansion, demonyms to their country),
//! across body and the other text fields, and scores salience.

use rustc_hash::FxHashMap;

use newsflow_model::{Entity, EntityType, Mention};

use super::lexicon::{Gender, GIVEN_NAMES};
use super::recognize::{is_royal_title, recognize, recycle_spans, Span};
use crate::dates::body_cache::with_name_tokens;
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::Token;

/// Person facts that the model's `Entity` does not carry but quote
/// attribution needs.
#[derive(Debug, Clone, Default)]
pub struct PersonFacts {
    pub gender: Option<Gender>,
    /// Country name of an adjacent demonym ("Japanese Prime Minister ...").
    pub nationality: Option<&'static str>,
}

/// Borrows the article's texts (`'a`): name words and surfaces are slices
/// of them, not copies (a String per word and surface cost ~6% of entity
/// analysis in malloc and free).
#[derive(Default)]
pub struct Builder<'a> {
    pub entities: Vec<Entity>,
    pub facts: Vec<PersonFacts>,
    /// Name tokens of each entity's fullest form.
    name_tokens: Vec<Vec<&'a str>>,
    /// Exact surface → entity, for fields in headline case.
    surfaces: FxHashMap<&'a str, usize>,
    weights: Vec<f64>,
}

/// A text field to analyse: name (`None` = body), text, weight per mention.
pub struct Field<'a> {
    pub name: Option<String>,
    pub text: &'a str,
    pub weight: f64,
    pub lede_paragraphs: u32,
}

impl<'a> Builder<'a> {
    pub fn add_field(&mut self, field: &Field<'a>) {
        with_name_tokens(field.text, |tokens| self.add_tokens(field, tokens));
    }

    fn add_tokens(&mut self, field: &Field<'a>, tokens: &[Token<'_>]) {
        if is_headline_case(tokens) {
            self.add_headline(field, tokens);
            return;
        }
        let mut spans = recognize(field.text, tokens);
        // Longest person names first so short forms find them. "Prince
        // Charles" counts its title: it goes before the bare "Charles" that
        // may stand for him.
        let royal = |s: &Span| s.peer_title.is_some_and(|t| is_royal_title(tokens[t].text));
        // A short form whose full name comes later in the text (a headline's
        // "HALVORSEN") waits until that name has its entity.
        let waits_for_full_name = |s: &Span| s.expansion.is_some_and(|(a, _)| a > s.tok_start);
        spans.sort_by_key(|s| {
            let person_len = if s.kind == EntityType::Person {
                s.tok_end - s.tok_start + usize::from(royal(s))
            } else {
                0
            };
            (
                waits_for_full_name(s),
                std::cmp::Reverse(person_len),
                s.tok_start,
            )
        });
        self.surfaces.reserve(spans.len());
        let total = tokens.last().map_or(1, |t| t.char_end.max(1)) as f64;
        // Reused for every span: the name's word tokens.
        let mut words: Vec<&'a str> = Vec::with_capacity(8);
        for span in &spans {
            let first = &tokens[span.tok_start];
            let last = &tokens[span.tok_end - 1];
            let position = first.char_start as f64 / total;
            let lede = if first.paragraph < field.lede_paragraphs {
                1.5
            } else {
                1.0
            };
            let weight = field.weight * lede * (1.0 - 0.5 * position);
            words.clear();
            words.extend(
                tokens[span.tok_start..span.tok_end]
                    .iter()
                    .filter(|t| t.is_word())
                    // The field's own text (the tokens may be of the body
                    // cache's equal copy): the words live as long as `self`.
                    .map(|t| &field.text[t.start..t.end]),
            );
            let at = Site {
                surface: &field.text[first.start..last.end],
                start: first.char_start,
                end: last.char_end,
                field: field.name.as_deref(),
                display: span
                    .peer_title
                    .map(|t| &field.text[tokens[t].start..last.end]),
                royal: royal(span),
            };
            // "(CAS)" after "Court of Arbitration for Sport": the acronym is
            // a mention of the full name's entity (attached first: it comes
            // earlier in the text), and so are its later uses.
            let expanded = span.expansion.and_then(|(a, b)| {
                let full = &field.text[tokens[a].start..tokens[b - 1].end];
                self.surfaces
                    .get(full)
                    .copied()
                    .filter(|&e| self.entities[e].entity_type == span.kind)
            });
            if let Some(e) = expanded {
                self.surfaces.entry(at.surface).or_insert(e);
                self.entities[e].mentions.push(at.mention());
                self.weights[e] += weight;
                continue;
            }
            self.attach(span, &at, &words, weight);
        }
        recycle_spans(spans);
    }

    fn attach(&mut self, span: &Span, at: &Site<'a, '_>, words: &[&'a str], weight: f64) {
        let (kind, key_name) = match (span.kind, span.place) {
            (EntityType::Place, Some(p)) => (EntityType::Place, GAZETTEER.entries[p].name),
            (kind, _) => (kind, at.surface),
        };
        let index = match self.find(kind, key_name, words, at.royal) {
            Some(i) => i,
            None => {
                let name = match (kind, at.display) {
                    (EntityType::Person, Some(d)) => d,
                    _ => key_name,
                };
                self.entities.push(Entity {
                    entity_type: kind,
                    name: name.to_owned(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    salience: 0.0,
                });
                self.facts.push(PersonFacts::default());
                self.name_tokens.push(words.to_vec());
                self.weights.push(0.0);
                self.entities.len() - 1
            }
        };
        let entity = &mut self.entities[index];
        // Canonical name = the fullest form (places keep the gazetteer name).
        if kind != EntityType::Place && words.len() > self.name_tokens[index].len() {
            entity.name = at.display.unwrap_or(at.surface).to_owned();
            self.name_tokens[index] = words.to_vec();
        } else if let Some(d) = at.display.filter(|_| kind == EntityType::Person) {
            // "Falconer" first, "Lord Falconer" later: same words, the
            // titled form is how the article knows him.
            if words.len() == self.name_tokens[index].len() {
                entity.name = d.to_owned();
            }
        }
        for role in &span.roles {
            if !entity.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                entity.roles.push(role.clone());
            }
        }
        let facts = &mut self.facts[index];
        if span.gender != Gender::Unknown {
            facts.gender = Some(span.gender);
        }
        if let Some(n) = span.nationality {
            facts.nationality = Some(GAZETTEER.entries[n].name);
        }
        self.surfaces.entry(at.surface).or_insert(index);
        entity.mentions.push(at.mention());
        self.weights[index] += weight;
    }

    fn find(&self, kind: EntityType, key_name: &str, words: &[&str], royal: bool) -> Option<usize> {
        let same_kind = |i: &usize| self.entities[*i].entity_type == kind;
        if let Some(&i) = self.surfaces.get(key_name).filter(|i| same_kind(i)) {
            return Some(i);
        }
        match kind {
            EntityType::Place => self
                .entities
                .iter()
                .position(|e| e.entity_type == kind && e.name == key_name),
            // "Prince Charles" is not the text's "Charles Kennedy".
            EntityType::Person if royal => None,
            EntityType::Person => {
                // "Kishida" → "Fumio Kishida": a contiguous part of exactly one longer name.
                let mut found = None;
                for (i, name) in self.name_tokens.iter().enumerate() {
                    if self.entities[i].entity_type == EntityType::Person
                        && contains_run(name, words)
                    {
                        if found.is_some() {
                            return None;
                        }
                        found = Some(i);
                    }
                }
                found
                    .or_else(|| self.short_given_name_form(words))
                    .or_else(|| self.misspelt_surname(words))
            }
            EntityType::Organization => {
                // "FBI" → "Federal Bureau of Investigation".
                let acronym =
                    words.len() == 1 && words[0].chars().all(|c| c.is_uppercase() || c == '.');
                // "EU" in a headline, "European Union" in the text: the
                // full name joins the acronym met first (and names it).
                let full = words.len() >= 2;
                let named = self.entities.iter().position(|e| {
                    e.entity_type == kind
                        && (e.name == key_name
                            || (acronym
                                && initials(&e.name).eq(words[0].chars().filter(|&c| c != '.')))
                            || (full
                                && e.name.len() >= 2
                                && e.name.bytes().all(|c| c.is_ascii_uppercase())
                                && initials(key_name).eq(e.name.chars())))
                });
                named.or_else(|| self.short_org_form(words))
            }
            EntityType::Other => self
                .entities
                .iter()
                .position(|e| e.entity_type == kind && e.name == key_name),
        }
    }

    /// "Tottenham" and "Tottenham Hotspur", "Cairn" and "Cairn Energy": an
    /// organisation's first word alone and its full name, in either order,
    /// when exactly one organisation of the article fits.
    fn short_org_form(&self, words: &[&str]) -> Option<usize> {
        let first = *words.first()?;
        if first.chars().count() < 4
            || first.chars().all(|c| c.is_uppercase())
            || super::lexicon::is_common_word(first)
        {
            return None;
        }
        let mut found = None;
        for (i, name) in self.name_tokens.iter().enumerate() {
            let fits = self.entities[i].entity_type == EntityType::Organization
                && name.first().is_some_and(|w| *w == first)
                && ((words.len() == 1 && name.len() >= 2) || (words.len() >= 2 && name.len() == 1));
            if fits {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// "Hassel said" after "Brian Hassell": a lone surname one letter off
    /// the surname of exactly one person named in full (spellings vary
    /// within a story: "Hassel", "Hassell").
    fn misspelt_surname(&self, words: &[&str]) -> Option<usize> {
        let [word] = words else {
            return None;
        };
        if word.chars().count() < 5 {
            return None;
        }
        let mut found = None;
        for (i, name) in self.name_tokens.iter().enumerate() {
            let Some(surname) = name.last().filter(|_| name.len() >= 2) else {
                continue;
            };
            if self.entities[i].entity_type == EntityType::Person
                && surname.chars().next() == word.chars().next()
                && one_edit_apart(surname, word)
            {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// "Josh Apte" after "Joshua Apte": the same surname, and one given name
    /// the start of the other (a short form); only when exactly one person fits.
    fn short_given_name_form(&self, words: &[&str]) -> Option<usize> {
        let [given, rest @ ..] = words else {
            return None;
        };
        if rest.is_empty() || given.len() < 3 {
            return None;
        }
        let mut found = None;
        for (i, name) in self.name_tokens.iter().enumerate() {
            let Some((other_given, other_rest)) = name.split_first() else {
                continue;
            };
            // "Chris" and "Christine" Dunmore are two people: known given
            // names of different genders never join.
            let gender = |name: &str| GIVEN_NAMES.get(name);
            let same_gender = match (gender(given), gender(other_given)) {
                (Some(a), Some(b)) => a == b || a == Gender::Unknown || b == Gender::Unknown,
                _ => true,
            };
            let variant = other_given.len() >= 3
                && other_given != given
                && same_gender
                && (other_given.starts_with(given) || given.starts_with(*other_given));
            if self.entities[i].entity_type == EntityType::Person
                && variant
                && other_rest.iter().eq(rest.iter())
            {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// Headline-case and all-caps fields: only names already known from the
    /// body, gazetteer places and demonyms are taken.
    fn add_headline(&mut self, field: &Field<'a>, tokens: &[Token<'_>]) {
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = None;
            for k in (i + 1..=(i + 6).min(tokens.len())).rev() {
                let surface = &field.text[tokens[i].start..tokens[k - 1].end];
                let person_part = || {
                    // A single word of a known person's name ("Kishida").
                    (k == i + 1 && tokens[i].is_capitalized())
                        .then(|| {
                            self.name_tokens
                                .iter()
                                .position(|n| n.len() > 1 && n.contains(&surface))
                        })
                        .flatten()
                        .filter(|&e| self.entities[e].entity_type == EntityType::Person)
                };
                if let Some(e) = self.surfaces.get(surface).copied().or_else(person_part) {
                    matched = Some((k, Some(e), None));
                    break;
                }
                if let Some(p) = GAZETTEER
                    .demonym(surface)
                    .or_else(|| GAZETTEER.lookup(surface).first().copied())
                {
                    matched = Some((k, None, Some(p)));
                    break;
                }
            }
            let Some((k, entity, place)) = matched else {
                i += 1;
                continue;
            };
            let at = Site {
                surface: &field.text[tokens[i].start..tokens[k - 1].end],
                start: tokens[i].char_start,
                end: tokens[k - 1].char_end,
                field: field.name.as_deref(),
                display: None,
                royal: false,
            };
            if let Some(e) = entity {
                self.entities[e].mentions.push(at.mention());
                self.weights[e] += field.weight;
            } else if let Some(p) = place {
                let span = Span {
                    tok_start: i,
                    tok_end: k,
                    kind: EntityType::Place,
                    place: Some(p),
                    demonym: GAZETTEER.demonym(at.surface).is_some(),
                    roles: Vec::new(),
                    gender: Gender::Unknown,
                    nationality: None,
                    expansion: None,
                    peer_title: None,
                };
                self.attach(&span, &at, &[at.surface], field.weight);
            }
            i = k;
        }
    }

    /// Final entities, most salient first; salience in (0, 1], top = 1.
    pub fn finish(mut self) -> (Vec<Entity>, Vec<PersonFacts>) {
        let max = self
            .weights
            .iter()
            .copied()
            .fold(0.0_f64, f64::max)
            .max(f64::MIN_POSITIVE);
        for (entity, w) in self.entities.iter_mut().zip(&self.weights) {
            entity.salience = (w / max * 1000.0).round() / 1000.0;
            entity.mentions.sort_by(|a, b| {
                (a.field.is_some(), &a.field, a.start).cmp(&(b.field.is_some(), &b.field, b.start))
            });
        }
        let mut paired: Vec<(Entity, PersonFacts)> =
            self.entities.into_iter().zip(self.facts).collect();
        paired.sort_by(|a, b| b.0.salience.total_cmp(&a.0.salience));
        paired.into_iter().unzip()
    }
}

fn contains_run(haystack: &[&str], needle: &[&str]) -> bool {
    !needle.is_empty()
        && needle.len() < haystack.len()
        && haystack
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(a, b)| a == b))
}

/// Initials of the capitalised words of `name` ("Federal Bureau of Investigation" → FBI).
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// Where a mention was found: its text, code-point span and field.
/// `'a`: the field's text; `'f`: its name.
struct Site<'a, 'f> {
    surface: &'a str,
    start: usize,
    end: usize,
    field: Option<&'f str>,
    /// Canonical form when it differs from the surface ("Lord Falconer"
    /// for "Falconer" after the title).
    display: Option<&'a str>,
    /// The name follows a royal title ("Prince Charles").
    royal: bool,
}

impl Site<'_, '_> {
    fn mention(&self) -> Mention {
        Mention {
            start: self.start,
            end: self.end,
            text: self.surface.to_owned(),
            field: self.field.map(str::to_owned),
        }
    }
}

fn is_headline_case(tokens: &[Token<'_>]) -> bool {
    // One counting pass (no Vec of the body's words): long words, how many
    // are capitalised, and whether all are in capitals.
    let (mut words, mut capitalised, mut all_caps) = (0usize, 0usize, true);
    for t in tokens {
        // More than three code points (`nth`: no full count per token).
        if !(t.is_word() && t.text.len() > 3 && t.text.chars().nth(3).is_some()) {
            continue;
        }
        words += 1;
        capitalised += usize::from(t.is_capitalized());
        // Only a field of fewer than three long words is judged by capitals.
        if words < 3 {
            all_caps = all_caps && t.is_all_caps();
        }
    }
    if words < 3 {
        return all_caps && words > 0;
    }
    capitalised * 10 >= words * 8
}

/// Whether two different words differ by one inserted, deleted or replaced
/// character.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if a == b || long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}
