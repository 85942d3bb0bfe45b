//! Small context rules of the recogniser, kept apart from the chunking and
//! typing logic in `recognize.rs`: sentence breaks after abbreviations,
//! initials, connector limits, and the words around a name that type it.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::lexicon::{is_common_word, GIVEN_NAMES, WORDS};
use crate::places::gazetteer::{PlaceKind, GAZETTEER};
use crate::text_util::{Token, TokenKind};

/// "... in Washington D.C. The team ...": an abbreviation's final dot ends
/// the sentence when a sentence opener follows.
pub fn sentence_break_after_abbreviation(prev: &Token<'_>, next: &Token<'_>) -> bool {
    prev.text.len() > 2 && prev.text.ends_with('.') && WORDS.openers.contains(next.text)
}

/// A single capital letter ("L" in "L. Ron Hubbard").
pub fn is_initial(t: &Token<'_>) -> bool {
    t.text.len() == 1 && t.is_capitalized()
}

/// A name holds at most one "of the" phrase after another connector
/// ("University of Sheffield", not "University of Sheffield of the UK"), and
/// "of the" does not pull a country into it ("Colorado State University of the US").
pub fn stop_at_connector(tokens: &[Token<'_>], chunk_start: usize, at: usize) -> bool {
    let t = tokens[at].text;
    if !matches!(t, "of" | "for" | "on") {
        return false;
    }
    // "Council on Foreign Relations", but not "Bank of England on Tuesday".
    if t == "on" {
        // "the European Commission on Monday": a day is when, not a name.
        if tokens.get(at + 1).is_some_and(|n| is_weekday(n.text)) {
            return true;
        }
        let head_before = matches!(
            tokens[at - 1].text,
            "Council" | "Committee" | "Commission" | "Conference" | "Panel" | "Institute"
        );
        return !head_before;
    }
    let has_connector = tokens[chunk_start..at]
        .iter()
        .any(|w| matches!(w.text, "of" | "for" | "on"));
    let the_follows = tokens.get(at + 1).is_some_and(|n| n.text == "the");
    // "Office of the U.S. Trade Representative": a country that opens a
    // longer capitalised name stays inside.
    let country_after_the = the_follows
        && tokens.get(at + 2).is_some_and(|n| is_country(n.text))
        && !tokens
            .get(at + 3)
            .is_some_and(|n| n.is_word() && n.is_capitalized() && n.start > tokens[at + 2].end);
    // "Office of the Comptroller of the Currency": an office named after its
    // holder takes the holder's own "of the".
    let holders_office = tokens[chunk_start..at]
        .iter()
        .take(2)
        .any(|w| matches!(w.text, "Office" | "Bureau" | "Department"))
        && is_office_holder(tokens[at - 1].text);
    (has_connector && the_follows && !holders_office) || country_after_the
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn is_office_holder(word: &str) -> bool {
    matches!(
        word,
        "Comptroller"
            | "Controller"
            | "Director"
            | "Secretary"
            | "Inspector"
            | "Auditor"
            | "Registrar"
            | "Commissioner"
            | "Ombudsman"
            | "Administrator"
            | "Representative"
            | "Superintendent"
    )
}

/// Continents and world regions that close a body's name: "Organisation for
/// Security and Cooperation in Europe".
pub fn is_region_in_name(word: &str) -> bool {
    matches!(
        word,
        "Europe" | "Asia" | "Africa" | "Americas" | "Asia-Pacific" | "Eurasia" | "Oceania"
    )
}

/// "Group of Seven", "Group of 20": the number after "Group of".
pub fn is_group_number(t: &Token<'_>) -> bool {
    t.kind == crate::text_util::TokenKind::Number && !t.text.contains([',', '.'])
        || matches!(
            t.text,
            "Two"
                | "Three"
                | "Four"
                | "Five"
                | "Six"
                | "Seven"
                | "Eight"
                | "Nine"
                | "Ten"
                | "Twenty"
        )
}

fn is_country(surface: &str) -> bool {
    GAZETTEER
        .lookup(surface)
        .iter()
        .any(|&p| GAZETTEER.entries[p].kind == PlaceKind::Country)
}

/// Every word of `tokens` is a common English word ("Tourism board").
pub fn all_common_words(tokens: &[Token<'_>]) -> bool {
    !tokens.is_empty()
        && tokens
            .iter()
            .all(|t| t.is_word() && is_common_word(t.text) && !WORDS.org_cues.contains(t.text))
}

/// Index of a given name inside `[a, b)` that starts a 2–3 word person
/// name after a non-name prefix: "Refugee Council Enver Solomon",
/// "Scientologist Tom Cruise".
pub fn person_after_prefix(tokens: &[Token<'_>], a: usize, b: usize) -> Option<usize> {
    let given =
        |k: usize| GIVEN_NAMES.contains(tokens[k].text) && !is_name_particle(tokens[k].text);
    // After an organisation's head noun, an unknown two-word name will do.
    let after_org_head = |k: usize| {
        WORDS.org_cues.contains(tokens[k - 1].text)
            && tokens[k..b].iter().all(|t| {
                !is_common_word(t.text)
                    && !WORDS.org_cues.contains(t.text)
                    && GAZETTEER.lookup(t.text).is_empty()
            })
    };
    (a + 1..b.saturating_sub(1)).find(|&k| {
        (given(k) || after_org_head(k))
            && !given(k - 1)
            && tokens[k - 1].is_word()
            // "Mohammed bin Khalid Al-Faisal": a name after "bin" is a
            // patronymic inside the same person's name.
            && !is_lower_particle(tokens[k - 1].text)
            && !tokens[k - 1].is_punct(".")
            && !WORDS.honorifics.contains(tokens[k - 1].text)
            && (2..=3).contains(&(b - k))
            && tokens[k..b].iter().all(|t| t.is_capitalized())
    })
}

/// Capitalised particles inside Arabic, Dutch, ... names ("Farouk Ben Mustapha").
fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "Ben"
            | "Bin"
            | "Abu"
            | "Ibn"
            | "Al"
            | "El"
            | "Van"
            | "Von"
            | "De"
            | "Da"
            | "Di"
            | "Le"
            | "La"
    )
}

/// "Minister of Education Stefania Giannini": where the person's name
/// starts after a role's "of" phrase, given that the role's words are
/// ordinary words and the name's are not.
pub fn name_after_role_phrase(tokens: &[Token<'_>], from: usize, b: usize) -> Option<usize> {
    let k = (from..b).find(|&k| !is_common_word(tokens[k].text))?;
    let name = &tokens[k..b];
    let plausible = k > from
        && (1..=3).contains(&name.len())
        && name.iter().all(|t| {
            t.is_capitalized() && !is_common_word(t.text) && !WORDS.org_cues.contains(t.text)
        });
    plausible.then_some(k)
}

/// All-caps words that are not organisations: roman numerals, words with
/// digits ("IE6"), shouted ordinary words ("UNLESS").
pub fn caps_not_org(word: &str) -> bool {
    // Roman numerals of newswire are small ("Henry VIII", "Super Bowl
    // XL"); "MMC" or "DMD" is an acronym.
    let roman = word
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    roman || word.chars().any(|c| c.is_ascii_digit()) || is_common_word(word)
}

/// "Irving, Texas": a name followed by ", <region or country>" and then
/// punctuation is a place.
pub fn followed_by_region(tokens: &[Token<'_>], b: usize) -> bool {
    if !tokens.get(b).is_some_and(|t| t.is_punct(",")) {
        return false;
    }
    let Some(next) = tokens.get(b + 1) else {
        return false;
    };
    let region = GAZETTEER.lookup(next.text).iter().any(|&p| {
        matches!(
            GAZETTEER.entries[p].kind,
            PlaceKind::Region | PlaceKind::Country
        )
    });
    region && tokens.get(b + 2).is_none_or(|t| t.kind == TokenKind::Punct)
}

/// "in Herat,": an unknown name right after a locative preposition and
/// before punctuation reads as a place.
pub fn locative_context(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let before = a
        .checked_sub(1)
        .is_some_and(|p| matches!(tokens[p].text, "in" | "near" | "outside"));
    before
        && tokens.get(b).is_none_or(|t| t.kind == TokenKind::Punct)
        && tokens[a..b]
            .iter()
            .all(|t| !t.text.contains('-') && GAZETTEER.demonym(t.text).is_none())
}

/// Lower-case nouns that describe an organisation next to its name
/// ("video game company Ubisoft", "Ubisoft, a publisher").
const ORG_DESCRIPTORS: &[&str] = &[
    "company",
    "firm",
    "group",
    "giant",
    "maker",
    "retailer",
    "developer",
    "publisher",
    "airline",
    "carrier",
    "bank",
    "insurer",
    "broadcaster",
    "newspaper",
    "magazine",
    "website",
    "network",
    "agency",
    "organisation",
    "organization",
    "charity",
    "party",
    "union",
    "club",
    "team",
    "band",
    "studio",
    "brand",
    "startup",
    "manufacturer",
    "operator",
    "lender",
    "conglomerate",
    "automaker",
    "chain",
    "outlet",
    "daily",
    "tabloid",
    "station",
    "channel",
    "regulator",
    "ministry",
    "council",
    "committee",
    "authority",
    "corporation",
    "institute",
    "university",
    "school",
    "hospital",
    "foundation",
    "association",
    "movement",
    "militia",
    // "Swiss drugmaker Novartis", "search firm Blinkx", "rival Euronext".
    "drugmaker",
    "carmaker",
    "chipmaker",
    "rival",
    "supermarket",
    "brewer",
    "miner",
    "utility",
    "exchange",
    "operator",
    "distributor",
    "subsidiary",
    "unit",
];

static ORG_DESCRIPTOR_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| ORG_DESCRIPTORS.iter().copied().collect());

/// What the words around a name say about an organisation: a descriptor
/// right before it or in an apposition after it, or "X said it / its".
/// One of the lower-case nouns that describe an organisation ("bank").
pub fn is_org_descriptor(word: &str) -> bool {
    ORG_DESCRIPTOR_SET.contains(word)
}

/// "drugmaker Novartis": an organisation's descriptor right before `a`.
pub fn org_descriptor_before(tokens: &[Token<'_>], a: usize) -> bool {
    a.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.is_word() && ORG_DESCRIPTOR_SET.contains(t.text))
}

/// "the veterinary committee Werner Lenz said": bodies that are not named
/// after people, so a given name right after one starts a member's name
/// (unlike "the consultancy firm Arthur Andersen").
pub fn body_not_named_after_people_before(tokens: &[Token<'_>], a: usize) -> bool {
    a.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| {
            matches!(
                t.text,
                "committee"
                    | "council"
                    | "ministry"
                    | "authority"
                    | "regulator"
                    | "union"
                    | "militia"
                    | "movement"
                    | "association"
                    | "school"
                    | "hospital"
            )
        })
}

/// "Merrill Lynch raised its forecast": a verb and then "its" after a name
/// (a person's would be "his" or "her").
pub fn its_after_verb(tokens: &[Token<'_>], b: usize) -> bool {
    tokens
        .get(b)
        .is_some_and(|t| t.is_word() && (t.text.ends_with('s') || t.text.ends_with("ed")))
        && tokens.get(b + 1).is_some_and(|t| t.text == "its")
}

/// "analysts at Nomura", "traders at Morgan Stanley": the people who work
/// somewhere, then "at", name a firm or an institution.
pub fn workplace_before(tokens: &[Token<'_>], a: usize) -> bool {
    a >= 2
        && tokens[a - 1].text == "at"
        && matches!(
            // "Analysts at ..." opening a sentence too.
            tokens[a - 2].text.to_ascii_lowercase().as_str(),
            "analysts"
                | "analyst"
                | "traders"
                | "trader"
                | "dealers"
                | "dealer"
                | "economists"
                | "economist"
                | "strategists"
                | "strategist"
                | "bankers"
                | "brokers"
                | "executives"
                | "employees"
                | "workers"
                | "staff"
                | "researchers"
                | "scientists"
                | "engineers"
        )
}

pub fn org_context(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let descriptor = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && ORG_DESCRIPTOR_SET.contains(t.text))
    };
    let before = a >= 1 && descriptor(a - 1);
    let apposition = tokens.get(b).is_some_and(|t| t.is_punct(","))
        && tokens
            .get(b + 1)
            .is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
        && (b + 2..b + 5).any(descriptor);
    let it_after_verb = tokens
        .get(b)
        .is_some_and(|t| t.is_word() && (t.text.ends_with('s') || t.text.ends_with("ed")))
        && tokens
            .get(b + 1)
            .is_some_and(|t| matches!(t.text, "it" | "its"));
    // "chief executive of X", "spokesman for X".
    let role_of = a >= 2
        && matches!(tokens[a - 1].text, "of" | "at" | "for")
        && WORDS.role_words.contains_key(tokens[a - 2].text);
    before || apposition || it_after_verb || role_of
}

/// "L. Ron Hubbard": an initial with its dot marks a person's name.
pub fn has_initial(tokens: &[Token<'_>]) -> bool {
    tokens
        .windows(2)
        .any(|w| is_initial(&w[0]) && w[1].is_punct("."))
}

/// A role in an apposition after a name: "Rod Eddington, chief executive of
/// British Airways," → "chief executive of British Airways". Returns the
/// token range of the role.
pub fn role_after(tokens: &[Token<'_>], b: usize) -> Option<(usize, usize)> {
    if !tokens.get(b).is_some_and(|t| t.is_punct(",")) {
        return None;
    }
    let mut start = b + 1;
    if tokens
        .get(start)
        .is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
    {
        start += 1;
    }
    // Longest lower-case role of up to three words starting at `start`.
    let end = (start + 1..=(start + 3).min(tokens.len()))
        .rev()
        .find(|&e| {
            WORDS
                .role_words
                .get(tokens[e - 1].text)
                .is_some_and(|roles| {
                    roles.iter().any(|r| {
                        r.len() == e - start
                            && r.iter().zip(&tokens[start..e]).all(|(w, t)| *w == t.text)
                    })
                })
        })?;
    // "... of British Airways": the organisation the role belongs to.
    let mut stop = end;
    if tokens
        .get(end)
        .is_some_and(|t| matches!(t.text, "of" | "at"))
    {
        let mut k = end + 1;
        if tokens.get(k).is_some_and(|t| t.text == "the") {
            k += 1;
        }
        let org_end = (k..tokens.len())
            .take_while(|&n| tokens[n].is_capitalized() || matches!(tokens[n].text, "of" | "&"))
            .last()
            .map(|n| n + 1);
        if let Some(e) = org_end.filter(|&e| tokens[e - 1].is_capitalized()) {
            stop = e;
        }
    }
    Some((start, stop))
}

/// Honorifics that only ever precede a person's name.
pub fn is_person_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Mr." | "Mrs." | "Ms." | "Dr." | "Prof."
    )
}

/// Lower-case particles inside names ("van", "de la", "bin").
pub fn is_lower_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "da"
            | "van"
            | "von"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "du"
            | "di"
            | "den"
            | "der"
            | "ter"
            | "dos"
            | "das"
            | "des"
    )
}

/// "al-Assad", "el-Sisi", "bin-Laden": an Arabic article or particle
/// joined to a capitalised name.
pub fn is_article_compound(word: &str) -> bool {
    let Some((particle, rest)) = word.split_once('-') else {
        return false;
    };
    matches!(
        particle,
        "al" | "el" | "ad" | "ash" | "as" | "at" | "az" | "an" | "ar" | "bin" | "ibn" | "abu"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// "T-shirt", "Prize-winner": a hyphenated word whose last part is an
/// ordinary lower-case word ("Jong-un" and "Spider-Man" are names).
pub fn is_modifier_compound(word: &str) -> bool {
    let Some((_, tail)) = word.rsplit_once('-') else {
        return false;
    };
    // Korean given names ("Ban Ki-moon") end in syllables, not in English
    // derivational endings ("Moscow-based", "Prize-winner").
    // Chinese syllables may end in "ing" ("Xi Jin-ping"), hence the lengths.
    let n = tail.len();
    let derived = (n >= 6 && tail.ends_with("ing"))
        || (n >= 4 && ["er", "ers", "ed"].iter().any(|s| tail.ends_with(s)))
        || tail == "led";
    tail.bytes().all(|b| b.is_ascii_lowercase()) && (derived || (n >= 4 && is_common_word(tail)))
}

/// "Image:", "Photo:": a caption or credit label, not a name.
pub fn is_caption_label(tokens: &[Token<'_>], k: usize) -> bool {
    matches!(
        tokens[k].text,
        "Image" | "Photo" | "Picture" | "Photograph" | "Video" | "Credit" | "Source"
    ) && tokens.get(k + 1).is_some_and(|t| t.is_punct(":"))
}

/// Place words that head an "of" phrase naming a place ("State of Texas").
pub fn is_place_of_head(word: &str) -> bool {
    matches!(
        word,
        "State"
            | "City"
            | "Province"
            | "Republic"
            | "Kingdom"
            | "County"
            | "Isle"
            | "Island"
            | "Islands"
            | "Gulf"
            | "Bay"
            | "Strait"
            | "Straits"
            | "Sea"
            | "Lake"
            | "Mount"
            | "Cape"
            | "Principality"
            | "Emirate"
            | "Sultanate"
            | "Commonwealth"
            | "Town"
            | "Borough"
    )
}

/// "Department of Health and Human Services": the end of a name that goes
/// on after "and", for a chunk `[chunk_start, at)` whose organisation head
/// takes an "of" phrase. The parts on either side of "and" must not be
/// places or names of their own ("Bank of Japan and ...", "University of
/// Chicago and Yale").
/// End (exclusive) of the up to three capitalised words right after the
/// "and" at `at`, on its line and one space apart.
fn capitalised_run_after(tokens: &[Token<'_>], at: usize) -> usize {
    let mut end = at + 1;
    while end < tokens.len()
        && end - at <= 3
        && tokens[end].is_capitalized()
        && tokens[end - 1].paragraph == tokens[end].paragraph
        && tokens[end].char_start == tokens[end - 1].char_end + 1
    {
        end += 1;
    }
    end
}

/// The token ranges `a` and `b` (end exclusive) hold the same words.
pub fn same_words(tokens: &[Token<'_>], a: (usize, usize), b: (usize, usize)) -> bool {
    a.1 - a.0 == b.1 - b.0
        && tokens[a.0..a.1]
            .iter()
            .zip(&tokens[b.0..b.1])
            .all(|(x, y)| x.text == y.text)
}

pub fn and_continuation(tokens: &[Token<'_>], chunk_start: usize, at: usize) -> Option<usize> {
    // "Department for Trade and Industry" as well.
    let of = (chunk_start + 1..at)
        .rev()
        .find(|&k| matches!(tokens[k].text, "of" | "for"))?;
    let head = tokens[of - 1].text;
    if !(WORDS.of_heads.contains(head) && WORDS.org_cues.contains(head)) {
        return None;
    }
    // "Human Services" may follow, "Yale University" may not.
    let standalone = |t: &Token<'_>| {
        !GAZETTEER.lookup(t.text).is_empty()
            || GAZETTEER.demonym(t.text).is_some()
            || WORDS.of_heads.contains(t.text)
            || WORDS.known_orgs.contains(t.text)
            || GIVEN_NAMES.contains(t.text)
    };
    let before = &tokens[of + 1..at];
    if before.is_empty() || before.len() > 3 {
        return None;
    }
    // "Food Standards of Australia and New Zealand": two places joined
    // under one head are the body's remit, not a list.
    let is_place = |words: &[Token<'_>]| {
        let joined = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        !GAZETTEER.lookup(&joined).is_empty()
    };
    let before_place = before.iter().any(standalone) && is_place(before);
    if before.iter().any(standalone) && !before_place {
        return None;
    }
    let end = capitalised_run_after(tokens, at);
    let after = &tokens[at + 1..end];
    let fits = (1..=3).contains(&after.len())
        && if before_place {
            is_place(after)
        } else {
            !after.iter().any(standalone)
        };
    fits.then_some(end)
}

/// "Association of", "Office of the": a run of tokens that ends in a word
/// joining it to what follows, so no name ends there.
pub fn ends_in_connector(tokens: &[Token<'_>]) -> bool {
    tokens
        .last()
        .is_some_and(|t| matches!(t.text, "of" | "for" | "the" | "and" | "&" | "on" | "in"))
}

/// "Securities and Exchange Commission", "Food and Drug Administration":
/// the end of a name that goes on after "and" to an organisation's head
/// noun, for a chunk `[chunk_start, at)` with no "of" / "for" of its own.
/// The word before "and" and the words after it must be no place, person,
/// known organisation or head of their own ("Apple and Intel Corp", "Ministry
/// and Foreign Office" stay apart).
pub fn and_head_continuation(tokens: &[Token<'_>], chunk_start: usize, at: usize) -> Option<usize> {
    if at <= chunk_start
        || tokens[chunk_start..at]
            .iter()
            .any(|t| matches!(t.text, "of" | "for" | "and" | "&"))
    {
        return None;
    }
    let standalone = |t: &Token<'_>| {
        !t.is_word()
            || t.is_all_caps()
            || !GAZETTEER.lookup(t.text).is_empty()
            || GAZETTEER.demonym(t.text).is_some()
            || WORDS.of_heads.contains(t.text)
            || WORDS.known_orgs.contains(t.text)
            || GIVEN_NAMES.contains(t.text)
    };
    // One word of its own before "and" ("U.S. Securities and ..."), not a
    // whole name ("Ceres Robotics and Tyvak Systems Inc").
    let last = &tokens[at - 1];
    let own_words = tokens[chunk_start..at]
        .iter()
        .filter(|t| t.is_word() && !standalone(t))
        .count();
    if !last.is_capitalized()
        || standalone(last)
        || own_words != 1
        || !(is_common_word(last.text) || WORDS.org_cues.contains(last.text))
    {
        return None;
    }
    let end = capitalised_run_after(tokens, at);
    let after = tokens.get(at + 1..end)?;
    let (head, rest) = after.split_last()?;
    // ("Exchange" may be a place's name too: an ordinary word or a body's
    // word is enough here.)
    let fits = is_public_body_head(head.text)
        && rest.iter().all(|t| {
            t.is_word()
                && !t.is_all_caps()
                && !GIVEN_NAMES.contains(t.text)
                && !WORDS.known_orgs.contains(t.text)
                && (is_common_word(t.text) || WORDS.org_cues.contains(t.text))
        });
    fits.then_some(end)
}

/// Last words of the names of events, shows and prizes ("Consumer
/// Electronics Show", "Bangkok International Motor Show", "Music Awards"):
/// such a name is no organisation, whatever words it holds.
/// Last words of street and venue names that are also surnames, so no
/// place cue on their own ("Penny Lane", "Baker Terrace", "Guild Chapel").
pub fn is_street_or_chapel(word: &str) -> bool {
    matches!(
        word,
        "Lane" | "Boulevard" | "Terrace" | "Crescent" | "Chapel" | "Abbey" | "Cemetery" | "Quay"
    )
}

pub fn is_event_head(word: &str) -> bool {
    matches!(
        word,
        "Show"
            | "Awards"
            | "Festival"
            | "Expo"
            | "Fair"
            | "Summit"
            | "Championships"
            | "Olympics"
            | "Tournament"
            | "Marathon"
            | "Trophy"
            | "Prize"
            | "Cup"
            | "Championship"
    )
}

/// Sports competitions named like bodies ("the Champions League", "the RBS
/// Six Nations", "League One"): events, which newswire gold types as
/// miscellaneous, not organisations. `surface` is the whole name; a
/// sponsor's word before it stays part of the event.
pub fn is_competition(surface: &str) -> bool {
    const COMPETITIONS: &[&str] = &[
        "Champions League",
        "Europa League",
        "Europa Conference League",
        "Nations League",
        "Six Nations",
        "Tri-Nations",
        "Tri Nations",
        "League One",
        "League Two",
        "Premiership",
        "Super Bowl",
        "World Series",
        "Tour de France",
        "Grand National",
    ];
    COMPETITIONS.iter().any(|c| {
        surface == *c
            || surface
                .strip_suffix(c)
                .is_some_and(|head| head.ends_with(' ') && head.trim_end().split(' ').count() == 1)
    })
}

/// Last words of a named plan or policy document ("Fourth Energy Technology
/// Development Plan", "Clean Seas Roadmap"): a work, no organisation.
pub fn is_plan_head(word: &str) -> bool {
    matches!(word, "Plan" | "Roadmap" | "Blueprint")
}

/// Plural nouns for groups of people whose possessive opens a body's name
/// ("People's Liberation Army", "Women's Institute", "Children's Hospital").
pub fn is_collective_possessor(word: &str) -> bool {
    matches!(
        word,
        "People" | "Women" | "Children" | "Workers" | "Veterans" | "Citizens" | "Farmers" | "Men"
    )
}

/// Adjectives that name a political party before a lower-case "party"
/// ("the Communist party", "the Democratic Progressive party"). Parties
/// whose adjective is their short name stay without "party" ("the Labour
/// party" names "Labour").
pub fn is_political_adjective(word: &str) -> bool {
    matches!(
        word,
        "Communist"
            | "Socialist"
            | "Democratic"
            | "Progressive"
            | "Nationalist"
            | "National"
            | "Unionist"
            | "Independence"
            | "Reform"
            | "Workers"
            | "Populist"
    )
}

/// "AMAs", "ATMs", "PCs": an acronym in the plural.
pub fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|c| c.is_ascii_uppercase()))
}

/// Words that make a "... Center" / "... Centre" an institution rather
/// than a venue ("International", "Research", "Space Flight").
pub fn is_research_word(word: &str) -> bool {
    matches!(
        word,
        "Research"
            | "International"
            | "Studies"
            | "Study"
            | "Policy"
            | "Medical"
            | "Health"
            | "Science"
            | "Sciences"
            | "Scientific"
            | "Cancer"
            | "Flight"
            | "Innovation"
            | "Rights"
            | "Legal"
            | "Development"
            | "Strategic"
            | "Economic"
            | "Excellence"
            | "Disease"
            | "Climate"
            | "Technology"
    )
}

/// "JaneDoe", "MattBevin": a social media handle that joins a known given
/// name and a capitalised surname.
pub fn handle_of_person(word: &str) -> bool {
    let Some(split) = word
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_uppercase())
        .map(|(k, _)| k)
    else {
        return false;
    };
    let (given, surname) = word.split_at(split);
    given.chars().count() >= 2
        && surname.chars().count() >= 2
        && surname.chars().skip(1).all(char::is_lowercase)
        && GIVEN_NAMES.contains(given)
}

/// Head nouns of public bodies and institutions that end a name joined by
/// "and" ("Food and Drug Administration"); no club or firm words.
fn is_public_body_head(word: &str) -> bool {
    matches!(
        word,
        "Commission"
            | "Committee"
            | "Administration"
            | "Agency"
            | "Authority"
            | "Board"
            | "Council"
            | "Department"
            | "Executive"
            | "Office"
            | "Institute"
            | "Society"
            | "Association"
            | "Federation"
            | "Bureau"
            | "Court"
            | "Tribunal"
            | "Project"
            | "Foundation"
            | "Trust"
            | "Service"
            | "Inspectorate"
            | "Directorate"
    )
}

/// "Environment Canada", "Statistics Canada": an ordinary noun before a
/// country's name is the name of a national agency (not "Northern Canada").
pub fn agency_of_country(tokens: &[Token<'_>]) -> bool {
    let [first, country] = tokens else {
        return false;
    };
    let regional = matches!(
        first.text,
        "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Greater"
            | "Mainland"
            | "Rural"
            | "Modern"
            | "Ancient"
            | "Old"
            | "New"
            | "Communist"
            | "Occupied"
            | "Free"
            | "Imperial"
            | "Soviet"
            | "Upper"
            | "Lower"
            | "Inner"
            | "Outer"
            | "Metropolitan"
            | "Continental"
            | "Coastal"
            | "Native"
            | "Colonial"
            | "Postwar"
            | "Independent"
            | "Democratic"
            | "Great"
            | "Little"
            | "All"
    );
    !regional
        && first.is_word()
        && !first.is_all_caps()
        && is_common_word(first.text)
        && !WORDS.openers.contains(first.text)
        && GAZETTEER.demonym(first.text).is_none()
        && is_country(country.text)
}

/// `acronym` ("CAIR", "M5S") abbreviates `name`: its letters and digits are,
/// in order, capitals or digits of the name.
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    let letters = acronym.chars().filter(|c| *c != '.');
    let caps = letters.clone().filter(char::is_ascii_uppercase).count();
    if caps < 2
        || letters
            .clone()
            .any(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit()))
    {
        return false;
    }
    let mut initials = name
        .chars()
        .filter(|c| c.is_uppercase() || c.is_ascii_digit());
    letters.into_iter().all(|c| initials.any(|i| i == c))
}

/// Compass words that make part of a place's name ("East Los Angeles").
pub fn is_compass_word(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Upper"
            | "Lower"
            | "Greater"
    )
}

/// "Scottish", "Welsh", "French": a nationality adjective (gazetteer
/// demonym or an -ish / -sh form the gazetteer does not list).
pub fn is_national_adjective(word: &str) -> bool {
    // "Welsh", "Scottish": a demonym, or an "-ish" nationality the gazetteer
    // lacks; not any word ending in "sh" ("Marsh").
    GAZETTEER.demonym(word).is_some() || word.ends_with("ish") || word == "Welsh"
}

/// Capitalised tokens that are no name standing alone: the pronoun "I" and
/// its contractions, and everyday capitals ("OK", "TV", "MPs").
pub fn never_a_name(word: &str) -> bool {
    let pronoun = word.strip_prefix('I').is_some_and(|rest| {
        matches!(
            rest,
            "" | "'m" | "'d" | "'ve" | "'ll" | "’m" | "’d" | "’ve" | "’ll"
        )
    });
    // "Somebody told me": an indefinite pronoun opening a sentence.
    let indefinite = matches!(
        word,
        "Somebody" | "Someone" | "Everybody" | "Everyone" | "Nobody" | "Anybody" | "Anyone"
    );
    pronoun || indefinite || WORDS.non_org_caps.contains(word)
}

/// "Addison, a village south of Ithaca": a name in apposition to a
/// settlement noun is a place.
pub fn settlement_apposition_after(tokens: &[Token<'_>], b: usize) -> bool {
    tokens.get(b).is_some_and(|t| t.is_punct(","))
        && tokens
            .get(b + 1)
            .is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
        && tokens.get(b + 2).is_some_and(|t| {
            matches!(
                t.text,
                "village" | "town" | "city" | "suburb" | "hamlet" | "township" | "borough"
            )
        })
        // The noun heads the apposition ("a village south of ..."), no
        // modifier of another ("the city engineer").
        && tokens.get(b + 3).is_none_or(|t| {
            t.kind == TokenKind::Punct
                || matches!(
                    t.text,
                    "of" | "in" | "near" | "on" | "outside" | "where" | "that" | "which" | "with"
                        | "about" | "north" | "south" | "east" | "west" | "northeast"
                        | "northwest" | "southeast" | "southwest"
                )
        })
}

/// "Hurricane Ivan", "Typhoon Hagibis": a storm's name is no person's.
pub fn is_storm_word(word: &str) -> bool {
    matches!(word, "Hurricane" | "Typhoon" | "Cyclone" | "Storm")
}

/// `acronym` ("FBI") is exactly the initials of the capitalised words of
/// `name` ("Federal Bureau of Investigation"), a leading place acronym
/// aside ("US Federal Bureau of Investigation").
pub fn initials_of(acronym: &str, name: &[Token<'_>]) -> bool {
    let capitalised = |t: &&Token<'_>| t.is_word() && t.is_capitalized();
    let matches = |words: &[Token<'_>]| {
        let initials = words
            .iter()
            .filter(capitalised)
            .filter_map(|t| t.text.chars().next());
        initials.eq(acronym.chars())
    };
    let skip_place = name
        .first()
        .is_some_and(|t| t.is_all_caps() && !GAZETTEER.lookup(t.text).is_empty());
    matches(name) || (skip_place && matches(&name[1..]))
}

/// The `'s` after `name` belongs to it: a firm known by its founder's
/// possessive ("Sotheby's", "Standard & Poor's") or a saint's name ("St
/// Fintian's" school or church).
pub fn possessive_in_name(name: &[Token<'_>]) -> bool {
    let Some(last) = name.last() else {
        return false;
    };
    let saint = name.len() == 2 && matches!(name[0].text, "St" | "St." | "Saint");
    saint
        || matches!(
            last.text,
            "Sotheby" | "Moody" | "Poor" | "McDonald" | "Sainsbury" | "Macy" | "Kellogg" | "Domino"
        )
}

/// An illness's name ("Multiple Sclerosis", "Motor Neurone disease"): not
/// a named entity in newswire conventions.
pub fn is_disease(name: &[Token<'_>], next: Option<&Token<'_>>) -> bool {
    let head = |w: &str| {
        matches!(
            w,
            "Disease" | "Syndrome" | "Sclerosis" | "Dystrophy" | "Disorder"
        )
    };
    name.last().is_some_and(|t| head(t.text))
        || next.is_some_and(|t| matches!(t.text, "disease" | "syndrome"))
}

/// A party's name as used before a member's title ("Green MEP", "Labour MP").
pub fn is_party(surface: &str) -> bool {
    matches!(
        surface,
        "Green"
            | "Labour"
            | "Conservative"
            | "Tory"
            | "Liberal"
            | "Lib Dem"
            | "Liberal Democrat"
            | "Democrat"
            | "Democratic"
            | "Republican"
            | "Unionist"
            | "Ukip"
            | "UKIP"
            | "SNP"
            | "Plaid"
            | "Plaid Cymru"
    )
}

/// "WeWork", "DoorDash", "YouTube": a capital after lower-case letters, other
/// than the name prefixes of people ("McDonald", "MacLeod", "DeVito", "LeBron").
pub fn is_camel_case(word: &str) -> bool {
    let mut seen_lower = false;
    for (at, c) in word.char_indices() {
        if c.is_lowercase() {
            seen_lower = true;
        } else if c.is_uppercase() && seen_lower {
            let prefix = &word[..at];
            return !matches!(
                prefix,
                "Mc" | "Mac" | "De" | "Di" | "Da" | "Du" | "Le" | "La" | "Van" | "Von" | "Fitz"
            ) && camel_tail_is_word(word, at);
        } else if !c.is_alphabetic() {
            // "O'Neill", "Smith-Jones": a new part starts.
            seen_lower = false;
        }
    }
    false
}

/// "Polygraph.info", "Amazon.com": a web address used as a name.
pub fn is_web_name(word: &str) -> bool {
    [".com", ".org", ".net", ".info", ".co.uk", ".io"]
        .iter()
        .any(|tld| word.len() > tld.len() + 1 && word.ends_with(tld))
}

/// "MacBook Pro", "PlayStation 5", "iPhone XS Max": a product's model word.
pub fn ends_in_model_word(name: &[Token<'_>]) -> bool {
    name.last().is_some_and(|t| {
        matches!(
            t.text,
            "Pro" | "Air" | "Max" | "Mini" | "Plus" | "Ultra" | "Lite"
        ) || t.text.chars().all(|c| c.is_ascii_digit())
    })
}

/// Words that end organisations' names by their reach: "Tate Britain",
/// "Amnesty International", "Cancer Research UK".
pub fn is_reach_word(word: &str) -> bool {
    matches!(
        word,
        "Britain" | "UK" | "America" | "Europe" | "International" | "Worldwide" | "Global"
    )
}

/// "Getting", "Hosting", "Making": an -ing form of a common verb ("get",
/// "host", "make"); not "Irving" or "Sterling".
pub fn is_gerund_of_common_verb(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ing").filter(|s| s.len() >= 2) else {
        return false;
    };
    let stem = stem.to_lowercase();
    // "gett" -> "get": a doubled final letter (compared as characters: a
    // multi-byte character may end in two equal bytes).
    let mut last = stem.char_indices().rev();
    let undoubled = match (last.next(), last.next()) {
        (Some((at, a)), Some((_, b))) if a == b && stem.chars().count() >= 3 => Some(&stem[..at]),
        _ => None,
    };
    is_common_word(&stem)
        || is_common_word(&format!("{stem}e"))
        || undoubled.is_some_and(is_common_word)
}

/// "DoorDash", "GrubHub", "WeWork": a firm's joined words, a first part of
/// three letters or more, or an ordinary word after the inner capital;
/// "JoAnn", "RuPaul", "JaVale" are people's names.
fn camel_tail_is_word(word: &str, at: usize) -> bool {
    word[..at].chars().count() >= 3 || is_common_word(&word[at..])
}

/// A party's members by name: "Democrats", "Republicans", "Tories".
pub fn is_party_plural(word: &str) -> bool {
    matches!(
        word,
        "Democrats" | "Republicans" | "Conservatives" | "Tories" | "Liberals" | "Unionists"
    )
}

/// First words of parties named in the plural: "Social Democrats",
/// "Christian Democrats", "Free Democrats", "Sweden Democrats" (a place is
/// checked by the caller's name rules: "Kentucky Democrats" splits).
pub fn is_party_plural_modifier(words: &str) -> bool {
    // "Welsh Liberal Democrats": the word right before the plural decides.
    let last = words.rsplit(' ').next().unwrap_or(words);
    matches!(
        last,
        "Social" | "Christian" | "Free" | "New" | "Young" | "Lib" | "Liberal" | "Sweden"
    )
}

/// Letters after a person's name: seats, honours, degrees ("MSP", "QC", "OBE").
pub fn is_postnominal(word: &str) -> bool {
    matches!(
        word,
        "MP" | "MSP"
            | "MEP"
            | "AM"
            | "MLA"
            | "TD"
            | "QC"
            | "KC"
            | "OBE"
            | "CBE"
            | "MBE"
            | "KBE"
            | "DBE"
            | "PhD"
    )
}

/// AP-style abbreviations of US states ("Calif.", "Mass.", "Fla."), as the
/// tokeniser leaves them (without the dot).
pub fn is_us_state_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Ala"
            | "Ariz"
            | "Ark"
            | "Calif"
            | "Colo"
            | "Conn"
            | "Del"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Ky"
            | "La"
            | "Md"
            | "Mass"
            | "Mich"
            | "Minn"
            | "Miss"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Va"
            | "Vt"
            | "Wash"
            | "Wis"
            | "Wyo"
    )
}

/// Postal codes of US states and Canadian provinces ("Dayton, OH",
/// "Toronto, ON") and the dotted forms the tokeniser keeps whole ("N.C.",
/// "D.C."), as written after a city in datelines, listings and addresses.
/// (Quebec's "QC" is left out: after a name it is Queen's Counsel.)
pub fn is_state_code(word: &str) -> bool {
    matches!(
        word,
        "AL" | "AK"
            | "AZ"
            | "AR"
            | "CA"
            | "CO"
            | "CT"
            | "DE"
            | "FL"
            | "GA"
            | "HI"
            | "ID"
            | "IL"
            | "IN"
            | "IA"
            | "KS"
            | "KY"
            | "LA"
            | "ME"
            | "MD"
            | "MA"
            | "MI"
            | "MN"
            | "MS"
            | "MO"
            | "MT"
            | "NE"
            | "NV"
            | "NH"
            | "NJ"
            | "NM"
            | "NY"
            | "NC"
            | "ND"
            | "OH"
            | "OK"
            | "OR"
            | "PA"
            | "RI"
            | "SC"
            | "SD"
            | "TN"
            | "TX"
            | "UT"
            | "VT"
            | "VA"
            | "WA"
            | "WV"
            | "WI"
            | "WY"
            | "DC"
            | "AB"
            | "BC"
            | "MB"
            | "NB"
            | "NL"
            | "NS"
            | "ON"
            | "PE"
            | "SK"
            | "YT"
            | "N.C."
            | "S.C."
            | "N.Y."
            | "N.J."
            | "N.H."
            | "N.M."
            | "N.D."
            | "S.D."
            | "R.I."
            | "D.C."
            | "W.Va."
    )
}

/// "al-Tanf", "al-Shabab", "el-Sisi": an Arabic article joined to a name.
pub fn is_arabic_article_name(word: &str) -> bool {
    // Byte tests first: this runs for every lower-case token of a text.
    let b = word.as_bytes();
    b.len() > 3
        && b[2] == b'-'
        && matches!(&b[..2], b"al" | b"el")
        && word[3..].chars().next().is_some_and(char::is_uppercase)
}

/// Whether the lower-case words right before (the end of `before`) spell
/// `acronym` by their initials: "hypersensitivity pneumonitis" for "HP".
pub fn spelt_out_in_lower_case(acronym: &str, before: &[Token<'_>]) -> bool {
    let letters: Vec<char> = acronym.chars().collect();
    if letters.len() < 2 || before.len() < letters.len() {
        return false;
    }
    let words = &before[before.len() - letters.len()..];
    words.iter().zip(&letters).all(|(w, &l)| {
        w.is_word()
            && !w.is_capitalized()
            && w.text
                .chars()
                .next()
                .is_some_and(|c| c.eq_ignore_ascii_case(&l))
    })
}

/// Token `i` lies inside a parenthesised stock ticker ("(HGSC.O)",
/// "(600636.SS)", "(BRKa.N)"): the index of its closing ")".
pub fn ticker_close(text: &str, tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let touching = |k: usize| tokens[k].end == tokens[k + 1].start;
    let open = (i.saturating_sub(4)..i)
        .rev()
        .take_while(|&k| touching(k))
        .find(|&k| tokens[k].text == "(")?;
    let close = (i..tokens.len().min(i + 5))
        .take_while(|&k| k + 1 < tokens.len() && touching(k))
        .map(|k| k + 1)
        .find(|&k| tokens[k].text == ")")?;
    let inner = text.get(tokens[open].end..tokens[close].start)?;
    let (body, exchange) = inner.rsplit_once('.')?;
    let ticker = (3..=14).contains(&inner.len())
        && (1..=3).contains(&exchange.len())
        && exchange.bytes().all(|b| b.is_ascii_uppercase())
        && !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && body
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    ticker.then_some(close)
}

/// "the village of Novye Atagi", "the northwestern state of Zamfara": a
/// name after a settlement or region noun and "of" is a place.
pub fn settlement_of_before(tokens: &[Token<'_>], a: usize) -> bool {
    a >= 2
        && tokens[a - 1].text == "of"
        && matches!(
            tokens[a - 2].text,
            "village"
                | "villages"
                | "town"
                | "towns"
                | "city"
                | "cities"
                | "province"
                | "provinces"
                | "district"
                | "districts"
                | "region"
                | "regions"
                | "county"
                | "state"
                | "port"
                | "island"
                | "islands"
                | "suburb"
                | "suburbs"
                | "hamlet"
                | "enclave"
                | "oblast"
                | "municipality"
                | "governorate"
                | "prefecture"
                | "capital"
        )
}

/// "Redland fell 9p", "Glaxo Wellcome slipped 5 pence": a name whose price
/// moves by pence or cents is a listed firm (an index moves by points or
/// percent).
pub fn share_price_move_after(tokens: &[Token<'_>], b: usize) -> bool {
    let verb = tokens.get(b).is_some_and(|t| {
        matches!(
            t.text,
            "rose"
                | "fell"
                | "slipped"
                | "gained"
                | "eased"
                | "dropped"
                | "climbed"
                | "jumped"
                | "firmed"
                | "shed"
                | "tumbled"
                | "slumped"
                | "advanced"
                | "dipped"
                | "edged"
                | "surged"
                | "plunged"
                | "sank"
        )
    });
    if !verb {
        return false;
    }
    let Some(amount) = tokens.get(b + 1) else {
        return false;
    };
    // "9p" is one token; "5 pence", "12 cents" are two.
    let glued_pence = amount
        .text
        .strip_suffix('p')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit() || c == b'.'));
    let unit_after = amount.kind == TokenKind::Number
        && tokens
            .get(b + 2)
            .is_some_and(|u| matches!(u.text, "p" | "pence" | "cents" | "cent"));
    glued_pence || unit_after
}

/// "Brent crude rose", "the S&P 500", "the Dow Jones Industrial Average",
/// "the FTSE 100": a market index or price benchmark is no person, firm or
/// place. Names that are also surnames or firms ("Brent", "Dow", "Nasdaq",
/// "S&P") count only with an index word, a number or a price move next to
/// them.
pub fn is_market_benchmark(lead: &str, rest: &[Token<'_>], next: Option<&Token<'_>>) -> bool {
    let rest_is_index = rest.iter().all(|t| is_index_word(t.text));
    if !rest_is_index {
        return false;
    }
    let (always, numbered) = match lead {
        "WTI" | "FTSE" | "Nikkei" | "Kospi" | "Sensex" | "Stoxx" | "DAX" | "Nifty" => (true, true),
        "Brent" | "Dow" | "Nasdaq" | "S&P" | "Hang" | "CAC" | "Topix" => (false, true),
        _ => return false,
    };
    if always || !rest.is_empty() {
        return true;
    }
    let Some(n) = next else {
        return false;
    };
    (numbered && n.kind == crate::text_util::TokenKind::Number) || is_benchmark_context(n.text)
}

/// Words that go on an index's name: "Dow Jones Industrial Average".
pub fn is_index_word(w: &str) -> bool {
    matches!(
        w,
        "Jones"
            | "Industrial"
            | "Industrials"
            | "Average"
            | "Composite"
            | "Index"
            | "Seng"
            | "Stoxx"
            | "Europe"
            | "All"
            | "Share"
            | "Shares"
    )
}

/// What follows a benchmark's name: "Brent crude", "Dow rose".
fn is_benchmark_context(w: &str) -> bool {
    matches!(
        w,
        "crude"
            | "oil"
            | "futures"
            | "price"
            | "prices"
            | "index"
            | "indexes"
            | "indices"
            | "average"
            | "benchmark"
            | "composite"
            | "rose"
            | "fell"
            | "jumped"
            | "slipped"
            | "dropped"
            | "climbed"
            | "closed"
            | "gained"
            | "surged"
            | "tumbled"
            | "slid"
            | "rallied"
            | "soared"
            | "plunged"
            | "ended"
    )
}
