//! Rule/gazetteer named-entity recognition over one text: capitalised token
//! sequences, split into demonym / title / name parts and typed by cue words,
//! gazetteers and context.

use rustc_hash::FxHashSet;

use newsflow_model::EntityType;

use super::caps_lines::{in_caps_line, recognize_caps_lines};
use super::lexicon::{is_common_word, is_extra_place, is_listed_word, Gender, GIVEN_NAMES, WORDS};
use super::orgs;
use super::rules;
use super::sport;
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::{with_lowercase, Token};

/// One recognised name in one text.
#[derive(Debug, Clone)]
pub struct Span {
    /// Token range, end exclusive.
    pub tok_start: usize,
    pub tok_end: usize,
    pub kind: EntityType,
    /// Gazetteer entry for places and demonyms.
    pub place: Option<usize>,
    /// The span is a demonym ("Japanese") standing for its country.
    pub demonym: bool,
    pub roles: Vec<String>,
    pub gender: Gender,
    /// Country (gazetteer entry) of a demonym right before the name.
    pub nationality: Option<usize>,
    /// Token range of the full name an acronym stands for
    /// ("Court of Arbitration for Sport (CAS)").
    pub expansion: Option<(usize, usize)>,
    /// Token of a peer's title right before a one-word name ("Lord
    /// Falconer"): the title is part of how the person is known.
    pub peer_title: Option<usize>,
}

/// What the words around a name said about it.
#[derive(Default)]
struct NameCues {
    person_cue: bool,
    gender: Gender,
    nationality: Option<usize>,
    roles: Vec<String>,
    peer_title: Option<usize>,
}

const CONNECTORS: &[&str] = &[
    "of", "for", "on", "de", "del", "da", "van", "von", "bin", "al", "la", "le", "du", "di", "den",
    "der", "ter", "dos", "das", "des", "&",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "wrote",
    "asked",
    "explained",
    "noted",
    "warned",
];

pub fn recognize<'a>(text: &'a str, tokens: &[Token<'a>]) -> Vec<Span> {
    let lowercase_words = lowercase_words(tokens);
    let groups = sport::sport_groups(tokens);
    let football = groups.football >= 4;
    // "Man Utd ... United": a bare club suffix stands for a club named with it.
    let suffix_after_name = |words: &[&str]| {
        football
            && tokens.windows(2).any(|w| {
                w[0].is_capitalized() && w[1].start == w[0].end + 1 && words.contains(&w[1].text)
            })
    };
    // Rugby and cricket reports list their teams too ("England: J Robinson;
    // M Cueto, ..."): three of those sports' word groups, as line-ups of
    // capitalised names are rare elsewhere and the pass costs a scan.
    let lineups = if football || groups.other >= 3 {
        sport::lineups(tokens)
    } else {
        sport::Lineups::default()
    };
    let ctx = Ctx {
        text,
        tokens,
        lowercase_words,
        football,
        club_text: groups.football >= 2,
        other_sport: groups.other,
        club_united: suffix_after_name(&["United", "Utd"]),
        club_city: suffix_after_name(&["City"]),
        player_words: lineups
            .players
            .iter()
            .map(|&(_, e)| tokens[e - 1].text)
            .collect(),
    };
    // The previous text's buffer: growing a fresh one span by span, or
    // even allocating it at full size, cost more in malloc than the pushes.
    let mut spans = SPARE_SPANS.take();
    spans.clear();
    // Headlines and datelines in capitals get their own pass, at the end.
    let line_ranges = super::caps_lines::line_ranges(text, tokens);
    let caps_lines = super::caps_lines::caps_lines(tokens, &line_ranges);
    let mut caps_cursor = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !starts_name(&tokens[i]) {
            // "van der Walt" in a line-up: a player opening with a particle.
            if rules::is_lower_particle(tokens[i].text) {
                if let Some(&(_, e)) = lineups.players.iter().find(|r| r.0 == i) {
                    spans.push(ctx.span(i, e, EntityType::Person, None, false));
                    i = e;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        if let Some(line_end) = in_caps_line(&caps_lines, &mut caps_cursor, i) {
            i = line_end;
            continue;
        }
        // "(HGSC.O)", "(600636.SS)": a stock ticker names no entity itself.
        if let Some(close) = rules::ticker_close(text, tokens, i) {
            i = close + 1;
            continue;
        }
        if let Some(&(_, e)) = lineups.labels.iter().find(|r| r.0 == i) {
            i = e;
            continue;
        }
        if let Some(&(_, e)) = lineups.players.iter().find(|r| r.0 == i) {
            spans.push(ctx.span(i, e, EntityType::Person, None, false));
            i = e;
            continue;
        }
        let j = extend_chunk(tokens, i);
        ctx.process_chunk(i, j, &mut spans);
        i = j;
    }
    link_single_names(&ctx, &mut spans, &lineups.players);
    link_org_heads(&ctx, &mut spans);
    works_are_no_people(&ctx, &mut spans);
    described_orgs_throughout(&ctx, &mut spans);
    surnames_are_people(&ctx, &mut spans);
    told_outlets(&ctx, &mut spans, &lineups.players);
    quoted_names_are_titles(tokens, &mut spans);
    link_acronyms(&ctx, &mut spans);
    // Listing first, so that a name typed by its list passes its type on.
    orgs::coordinate_with_orgs(tokens, &mut spans);
    unify_single_names(&ctx, &mut spans);
    orgs::unify_multiword_names(text, tokens, &mut spans);
    orgs::firms_without_legal_form(tokens, &mut spans);
    super::joins::join_and_names(tokens, &mut spans);
    super::joins::join_portfolio_lists(tokens, &mut spans);
    super::joins::join_partner_firms(tokens, &mut spans);
    benchmarks_are_no_names(tokens, &mut spans);
    super::results::recognize_results(text, tokens, &line_ranges, &mut spans);
    super::results::sports_sides(text, tokens, groups.football + groups.other, &mut spans);
    let lowercase_words = &ctx.lowercase_words;
    recognize_caps_lines(
        text,
        tokens,
        &caps_lines,
        |word| lowercase_words.contains(word),
        &mut spans,
    );
    spans
}

thread_local! {
    /// An emptied span buffer handed back by [`recycle_spans`].
    static SPARE_SPANS: std::cell::Cell<Vec<Span>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Hands the spans of [`recognize`] back for the next text's buffer.
pub fn recycle_spans(mut spans: Vec<Span>) {
    spans.clear();
    // A huge text's buffer is not kept for the thread's lifetime.
    if spans.capacity() <= 4096 {
        SPARE_SPANS.set(spans);
    }
}

/// The lower-case words of the text that a capitalised word of it could
/// stand for. A (length, first letter) filter keeps the set small: hashing
/// every word of the text would cost more than the rest of recognition.
fn lowercase_words<'a>(tokens: &[Token<'a>]) -> FxHashSet<&'a str> {
    let key = |t: &Token<'_>| {
        let first = t.text.as_bytes()[0].to_ascii_lowercase();
        (first.is_ascii_lowercase() && t.text.len() < 64)
            .then(|| (usize::from(first - b'a'), t.text.len()))
    };
    let mut capitalised = [0u64; 26];
    for t in tokens.iter().filter(|t| t.is_capitalized()) {
        if let Some((letter, len)) = key(t) {
            capitalised[letter] |= 1 << len;
        }
    }
    let mut words = FxHashSet::default();
    for t in tokens.iter().filter(|t| t.is_word()) {
        let lower_initial = t.text.as_bytes()[0].is_ascii_lowercase()
            || t.text.chars().next().is_some_and(char::is_lowercase);
        if !lower_initial {
            continue;
        }
        // Non-ASCII initials skip the filter (kept, rare).
        let wanted = key(t).is_none_or(|(letter, len)| capitalised[letter] & (1 << len) != 0);
        if wanted {
            words.insert(t.text);
        }
    }
    words
}

struct Ctx<'a, 't> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    /// Words that occur in lower case in this text (only those that could
    /// be the lower-case form of one of its capitalised words).
    lowercase_words: FxHashSet<&'a str>,
    /// The text is a football report: clubs named after towns are clubs.
    football: bool,
    /// The text speaks of football at all: a listed club that is no place
    /// is the club ("Celtic").
    club_text: bool,
    /// Word groups of other sports (rugby, cricket, ...) in this text, up
    /// to four: two read a listed team as the team, four even one named
    /// after a place ("Leicester", "Munster", "Yorkshire").
    other_sport: u32,
    /// A club named "... United" / "... City" occurs in this football text.
    club_united: bool,
    club_city: bool,
    /// Surnames of the players in this text's line-ups.
    player_words: FxHashSet<&'a str>,
}

fn starts_name(t: &Token<'_>) -> bool {
    (t.is_capitalized() && t.text != "’s" && t.text != "'s")
        || rules::is_arabic_article_name(t.text)
}

/// End (exclusive) of the capitalised sequence starting at `i`.
fn extend_chunk(tokens: &[Token<'_>], i: usize) -> usize {
    let words = &*WORDS;
    let mut j = i + 1;
    while j < tokens.len() {
        let t = &tokens[j];
        let prev = &tokens[j - 1];
        let adjacent = prev.end == t.start || tokens_space_separated(prev, t);
        if !adjacent {
            break;
        }
        if starts_name(t) {
            if rules::sentence_break_after_abbreviation(prev, t) {
                break;
            }
            // "Undersecretary for Education Mr. Toccafondi": an honorific
            // starts a new name.
            if rules::is_person_honorific(t.text) && !words.honorifics.contains(prev.text) {
                break;
            }
            // "a NASA T-shirt", "a Booker Prize-winner": a compound ending in
            // an ordinary lower-case word modifies what follows.
            if rules::is_modifier_compound(t.text) && !words.title_roles.contains_key(t.text) {
                break;
            }
            // "International Space Station Image: NASA": a caption label.
            if rules::is_caption_label(tokens, j) {
                break;
            }
            j += 1;
            continue;
        }
        // "BBC Radio 4", "Channel 5": a station's number is part of its name.
        if t.kind == crate::text_util::TokenKind::Number
            && prev.end < t.start
            && matches!(prev.text, "Radio" | "Channel")
            && !t.text.contains([',', '.'])
        {
            j += 1;
            break;
        }
        // "S&P", "Marks & Spencer": an ampersand joins two names into one.
        if t.is_punct("&") && next_cap_at(tokens, j + 1) {
            j += 2;
            continue;
        }
        // "Sotheby's", "Standard & Poor's", "St Fintian's": the 's of a
        // business or saint's name is part of it.
        if matches!(t.text, "'s" | "’s") && rules::possessive_in_name(&tokens[i..j]) {
            j += 1;
            continue;
        }
        // "People's Liberation Army", "Women's Institute": a group's
        // possessive inside a body's name.
        if matches!(t.text, "'s" | "’s")
            && t.start == prev.end
            && rules::is_collective_possessor(prev.text)
            && next_cap_at(tokens, j + 1)
            && tokens_space_separated(t, &tokens[j + 1])
        {
            j += 1;
            continue;
        }
        // "Seafarers' Union", "Teachers' Federation": a plural possessive
        // before an organisation's head word.
        if matches!(t.text, "'" | "’")
            && t.start == prev.end
            && prev.text.ends_with('s')
            && prev.is_capitalized()
            && tokens
                .get(j + 1)
                .is_some_and(|n| tokens_space_separated(t, n) && WORDS.org_cues.contains(n.text))
        {
            j += 1;
            continue;
        }
        // "the Communist party", "Democratic Progressive party": a party
        // written with a lower-case "party".
        if t.text == "party" && rules::is_political_adjective(prev.text) {
            j += 1;
            break;
        }
        // "Suleiman al-Amr", "Bashar al-Assad".
        if t.is_word() && rules::is_article_compound(t.text) {
            j += 1;
            continue;
        }
        // "Department of Health and Human Services".
        if t.text == "and" {
            match rules::and_continuation(tokens, i, j)
                .or_else(|| rules::and_head_continuation(tokens, i, j))
            {
                Some(k) => {
                    j = k;
                    continue;
                }
                None => break,
            }
        }
        // "Mr. Smith", "Gen. Smith": the abbreviation dot stays inside.
        let next_cap = tokens.get(j + 1).is_some_and(starts_name);
        // "L. Ron Hubbard", "George W. Bush": initials.
        // ("on X.\n\nAmnesty International": never across a paragraph.)
        let next_cap = next_cap && tokens.get(j + 1).is_some_and(|n| !n.paragraph_start);
        if t.is_punct(".") && next_cap && rules::is_initial(prev) {
            j += 2;
            continue;
        }
        if t.is_punct(".")
            && next_cap
            && (words.honorifics.contains(prev.text) || is_title_abbrev(prev.text))
        {
            j += 2;
            continue;
        }
        // "Group of Seven", "Group of 20".
        if t.text == "of"
            && prev.text == "Group"
            && tokens
                .get(j + 1)
                .is_some_and(|n| tokens_space_separated(t, n) && rules::is_group_number(n))
        {
            j += 2;
            break;
        }
        // "Organisation for Security and Cooperation in Europe": a body
        // named with "for" or "on" may end in the region it covers ("Bank of
        // America in Asia" is a bank somewhere).
        if t.text == "in"
            && tokens[i..j].iter().any(|w| matches!(w.text, "for" | "on"))
            && tokens[i..j].iter().any(|w| words.of_heads.contains(w.text))
            && tokens
                .get(j + 1)
                .is_some_and(|n| tokens_space_separated(t, n) && rules::is_region_in_name(n.text))
            && !tokens.get(j + 2).is_some_and(|n| {
                n.is_word() && n.is_capitalized() && tokens_space_separated(&tokens[j + 1], n)
            })
        {
            j += 2;
            break;
        }
        if t.is_word() && CONNECTORS.contains(&t.text) {
            if rules::stop_at_connector(tokens, i, j) {
                break;
            }
            let chunk_has_head = tokens[i..j].iter().any(|w| words.of_heads.contains(w.text));
            let person_particle = rules::is_lower_particle(t.text);
            if next_cap && (chunk_has_head || person_particle || t.text == "&") {
                j += 2;
                continue;
            }
            // "Rafael van der Vaart", "Ursula von der Leyen".
            let particle_pair = person_particle
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| rules::is_lower_particle(n.text))
                && tokens.get(j + 2).is_some_and(starts_name);
            if particle_pair {
                j += 3;
                continue;
            }
            // "Daughters of the American Revolution", "Joint Council for the
            // Welfare of Immigrants".
            let the_then_cap = tokens.get(j + 1).is_some_and(|n| n.text == "the")
                && tokens.get(j + 2).is_some_and(starts_name);
            if matches!(t.text, "of" | "for") && chunk_has_head && the_then_cap {
                j += 3;
                continue;
            }
        }
        break;
    }
    j
}

fn next_cap_at(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(starts_name)
}

fn tokens_space_separated(prev: &Token<'_>, next: &Token<'_>) -> bool {
    // Same paragraph and on the same line: names do not run across line breaks.
    prev.paragraph == next.paragraph && next.char_start == prev.char_end + 1 && !next.line_start
}

fn is_title_abbrev(s: &str) -> bool {
    matches!(
        s,
        "Sen" | "Rep" | "Gen" | "Gov" | "Col" | "Capt" | "Lt" | "Sgt" | "St" | "Prof" | "Rev"
    )
}

impl<'a> Ctx<'a, '_> {
    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    fn process_chunk(&self, mut i: usize, j: usize, spans: &mut Vec<Span>) {
        let words = &*WORDS;
        // "Fortune headed home": a line-up's player, though a common word.
        if j - i == 1
            && !self.player_words.is_empty()
            && self.player_words.contains(self.tokens[i].text)
        {
            spans.push(self.span(i, j, EntityType::Person, None, false));
            return;
        }
        // "United dominated": a club before the sentence-initial word test.
        if self.club_at(i, j) {
            spans.push(self.span(i, j, EntityType::Organization, None, false));
            return;
        }
        // "A Foley, ...": an initial opening a line-up's line is no article.
        let initial_name = self.initial_and_surname(i, j);
        // Sentence-initial capitals that are ordinary words; "On Wednesday Mr
        // Straw": a weekday or month before a person's name is no part of it
        // ("Sunday Telegraph" is a name).
        while i < j
            && !initial_name
            && (self.is_common_word_at(i, j)
                || (j - i > 1
                    && is_calendar_word(self.tokens[i].text)
                    && (self.person_starts_at(i + 1, j)
                        || words.known_orgs.contains(self.slice(i + 1, j))
                        || self.is_place_name(self.slice(i + 1, j)))))
        {
            i += 1;
        }
        if i >= j || (j - i == 1 && is_calendar_word(self.tokens[i].text)) {
            return;
        }
        if self.club_at(i, j) {
            spans.push(self.span(i, j, EntityType::Organization, None, false));
            return;
        }
        // "Quinton Fortune": a player's full name ends in a line-up surname.
        if (2..=3).contains(&(j - i))
            && !self.player_words.is_empty()
            && self.player_words.contains(self.tokens[j - 1].text)
            && self.tokens[i..j - 1].iter().all(|t| {
                t.is_capitalized() && !is_common_word(t.text) && !self.is_place_name(t.text)
            })
        {
            spans.push(self.span(i, j, EntityType::Person, None, false));
            return;
        }
        // "I", "I'm", "OK", "MPs": capitalised, yet never a name on their own.
        if j - i == 1 && rules::never_a_name(self.tokens[i].text) {
            return;
        }
        // "Moscow-based Interfax", "Kremlin-backed ...": a leading modifier.
        while i < j && rules::is_modifier_compound(self.tokens[i].text) {
            i += 1;
        }
        if i >= j {
            return;
        }
        if self.tokens[i].text == "The" && GAZETTEER.lookup(self.slice(i, j)).is_empty() {
            // "The Guardian": the name without its article.
            let known_org = words.known_orgs.contains(self.slice(i, j));
            i += 1;
            if i >= j {
                return;
            }
            if known_org {
                spans.push(self.span(i, j, EntityType::Organization, None, false));
                return;
            }
        }
        // "House Democrats", "Kentucky Republicans": a chamber or a place,
        // then a party ("Liberal Democrats", "Social Democrats" are parties).
        if j - i >= 2 && rules::is_party_plural(self.tokens[j - 1].text) {
            let head = self.slice(i, j - 1);
            if !rules::is_party(head) && !rules::is_party_plural_modifier(head) {
                if matches!(head, "House" | "Senate") {
                    spans.push(self.span(i, j - 1, EntityType::Organization, None, false));
                } else {
                    self.emit_name((i, j - 1), NameCues::default(), spans);
                }
                spans.push(self.span(j - 1, j, EntityType::Organization, None, false));
                return;
            }
        }
        // "EU China arms ban", "US China talks": a headline run of an
        // acronym and a country is two names.
        if j - i >= 2 && self.tokens[i].is_all_caps() && self.tokens[i].text.len() >= 2 {
            let first = self.tokens[i].text;
            let country = GAZETTEER.lookup(self.slice(i + 1, j)).iter().any(|&p| {
                GAZETTEER.entries[p].kind == crate::places::gazetteer::PlaceKind::Country
            });
            if country && (words.known_orgs.contains(first) || self.is_place_name(first)) {
                self.emit_name((i, i + 1), NameCues::default(), spans);
                self.emit_name((i + 1, j), NameCues::default(), spans);
                return;
            }
        }
        // A caption label on its own ("Image: Reuters").
        if j - i == 1 && rules::is_caption_label(self.tokens, i) {
            return;
        }
        let chunk_start = i;
        let has_org_cue = |a: usize| {
            self.tokens[a..j]
                .iter()
                .any(|t| words.org_cues.contains(t.text))
        };
        let mut nationality = None;
        let mut roles: Vec<String> = Vec::new();
        let mut gender = Gender::Unknown;
        let mut person_cue = false;
        let mut pos = i;
        // "Scottish National Party Justice Minister Kenny MacAskill": an
        // organisation named with its demonym, then a title: the
        // organisation-before-title rules below split it.
        let org_then_title = |from: usize| {
            (from + 1..j.saturating_sub(1)).any(|m| {
                !rules::ends_in_connector(&self.tokens[from..m])
                    && (rules::is_party(self.slice(from, m))
                        || has_org_cue_in(self.tokens, from, m))
                    && self.match_title_role(m, j).is_some_and(|len| m + len < j)
            })
        };
        // Demonym or place prefix: "Japanese Prime Minister ...", "U.S. President ...".
        if let Some((k, place, demonym)) =
            self.place_prefix(pos, j).filter(|_| !org_then_title(pos))
        {
            if k == j {
                spans.push(self.span(pos, j, EntityType::Place, Some(place), demonym));
                return;
            }
            let title_follows = WORDS.honorifics.contains(self.tokens[k].text)
                || self.match_title_role(k, j).is_some();
            // "American Maurice Greene": a demonym adjective is no part of a
            // person's name, known given name or not.
            let name_follows = GIVEN_NAMES.contains(self.tokens[k].text)
                || (demonym && (2..=3).contains(&(j - k)) && self.unknown_name_words(k, j));
            // "British Red Cross", "Scottish Executive": a national branch
            // or government is one organisation.
            let org_rest = words.known_orgs.contains(self.slice(k, j))
                || (j - k == 1 && self.tokens[k].text == "Executive");
            if org_rest {
                spans.push(self.span(pos, j, EntityType::Organization, None, false));
                return;
            }
            // "Virginia Beach", "Kansas City": a place and a place word
            // name one place.
            let cued = has_org_cue(k) || words.place_cues.contains(self.tokens[j - 1].text);
            // "UK Coal said", "British Gas, which ...": a place and one
            // ordinary word acting as a sentence's subject name a firm.
            let acts = j - k == 1
                && !demonym_is_language(self.tokens[pos].text)
                && self.tokens.get(j).is_some_and(|n| {
                    SPEECH_VERBS.contains(&n.text)
                        || matches!(
                            n.text,
                            "," | "'s" | "’s" | "is" | "was" | "has" | "had" | "will" | "shares"
                        )
                });
            if acts && !cued && rules::all_common_words(&self.tokens[k..j]) {
                spans.push(self.span(pos, j, EntityType::Organization, None, false));
                return;
            }
            if !cued && rules::all_common_words(&self.tokens[k..j]) {
                // "the Malaysia Tourism board": the place, then ordinary words.
                spans.push(self.span(pos, k, EntityType::Place, Some(place), demonym));
                return;
            }
            if cued || !(title_follows || name_follows) {
                self.emit_name((chunk_start, j), NameCues::default(), spans);
                return;
            }
            spans.push(self.span(pos, k, EntityType::Place, Some(place), demonym));
            if demonym
                || GAZETTEER.entries[place].kind == crate::places::gazetteer::PlaceKind::Country
            {
                nationality = Some(place);
            }
            pos = k;
        }
        // Organisation before a title: "NASA Administrator Charles Bolden".
        let org_first =
            self.tokens[pos].is_all_caps() || words.known_orgs.contains(self.tokens[pos].text);
        if org_first
            && pos + 1 < j
            && self
                .match_title_role(pos + 1, j)
                .is_some_and(|len| pos + 1 + len < j)
        {
            spans.push(self.span(pos, pos + 1, EntityType::Organization, None, false));
            pos += 1;
        }
        // Party before a title: "Green MEP Caroline Lucas", "Lib Dem MP ...".
        if let Some(m) = (pos + 1..j.min(pos + 3)).find(|&m| {
            rules::is_party(self.slice(pos, m))
                && self.match_title_role(m, j).is_some_and(|len| m + len < j)
        }) {
            spans.push(self.span(pos, m, EntityType::Organization, None, false));
            pos = m;
        }
        // Organisation before a title: "Central Bank Governor Paul Lindqvist".
        // ("Association of Chief Police Officers", "Office of the Inspector
        // General": a title after "of" / "the" belongs to the body's name.)
        // ("Energy Minister Prince Abdulaziz": a portfolio, not a body.)
        if let Some(m) = (pos + 1..j.saturating_sub(1)).find(|&m| {
            !rules::ends_in_connector(&self.tokens[pos..m])
                && self.match_title_role(pos, j).is_none()
                && has_org_cue_in(self.tokens, pos, m)
                && self.match_title_role(m, j).is_some_and(|len| m + len < j)
        }) {
            spans.push(self.span(pos, m, EntityType::Organization, None, false));
            pos = m;
        }
        // "Zamfara Governor Bello Dauda", "Oblensk Mayor Ivan Terek": an
        // unknown name before a territorial title and a person's name is
        // its own name.
        if pos + 2 < j
            && matches!(self.tokens[pos + 1].text, "Governor" | "Mayor" | "Gov")
            && self.tokens[pos].is_capitalized()
            && !words.honorifics.contains(self.tokens[pos].text)
            && !is_common_word(self.tokens[pos].text)
            && self.match_title_role(pos, j).is_none()
            && self
                .match_title_role(pos + 1, j)
                .is_some_and(|len| pos + 1 + len < j)
        {
            self.emit_name((pos, pos + 1), NameCues::default(), spans);
            pos += 1;
        }
        // Titles and honorifics.
        let title_start = pos;
        loop {
            let t = self.tokens[pos].text;
            if words.honorifics.contains(t) {
                person_cue = true;
                gender = match t.trim_end_matches('.') {
                    "Mr" | "Sir" | "Lord" | "Baron" | "Viscount" => Gender::Male,
                    "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Baroness" => Gender::Female,
                    _ => gender,
                };
                pos += 1;
                if pos < j && self.tokens[pos].is_punct(".") {
                    pos += 1;
                }
            } else if let Some(len) = self.match_title_role(pos, j) {
                roles.push(self.slice(pos, pos + len).to_owned());
                person_cue = true;
                pos += len;
                if pos < j && self.tokens[pos].is_punct(".") {
                    pos += 1;
                }
            } else {
                break;
            }
            if pos >= j {
                // A bare title ("the President") is not a name.
                return;
            }
        }
        // "the General Election": a title before an ordinary word of this
        // text is no person's name.
        let honorific = self.tokens[title_start..pos]
            .iter()
            .any(|t| words.honorifics.contains(t.text));
        let adjective_title = matches!(
            self.tokens[title_start].text,
            "General" | "Senior" | "Major" | "Chief" | "Premier" | "Deputy"
        );
        if pos > title_start
            && !honorific
            && j - pos == 1
            && (with_lowercase(self.tokens[pos].text, |l| self.lowercase_words.contains(l))
                || (adjective_title && is_listed_word(self.tokens[pos].text)))
        {
            return;
        }
        let peer_title =
            (pos > title_start && is_peer_title(self.tokens[pos - 1].text)).then(|| pos - 1);
        // "Minister of Education Stefania Giannini": the role goes on to the
        // given name; with no person after it, the rest is the role's body.
        if pos > title_start && matches!(self.tokens[pos].text, "of" | "for") {
            let given = (pos + 2..j)
                .find(|&k| GIVEN_NAMES.contains(self.tokens[k].text))
                .or_else(|| rules::name_after_role_phrase(self.tokens, pos + 1, j));
            match given {
                Some(k) => {
                    roles.pop();
                    roles.push(self.slice(title_start, k).to_owned());
                    pos = k;
                }
                None => {
                    let mut a = pos + 1;
                    if self.tokens[a].text == "the" {
                        a += 1;
                    }
                    if a < j {
                        self.emit_name((a, j), NameCues::default(), spans);
                        // "the Archbishop of Canterbury said": what a title is
                        // "of" is a see, a realm or a body, never a person.
                        if let Some(last) = spans.last_mut() {
                            if last.kind == EntityType::Person && last.tok_start == a {
                                last.kind = EntityType::Place;
                                last.gender = Gender::Unknown;
                                last.roles.clear();
                            }
                        }
                    }
                    return;
                }
            }
        }
        if pos > title_start && has_org_cue(pos) {
            // "General Motors", "Chief Executive Office": not a title after all.
            self.emit_name((title_start, j), NameCues::default(), spans);
            return;
        }
        // "University of Texas Arlington Amneh Jafari": an unknown two-word
        // name after a place or an organisation's head, whose surname the
        // text uses again on its own, is a person.
        if !person_cue && j - pos >= 4 {
            let k = j - 2;
            let prev = self.tokens[k - 1].text;
            let after_name = words.org_cues.contains(prev) || self.is_place_name(prev);
            if after_name && self.unknown_name_words(k, j) && self.recurs_elsewhere(j - 1, pos, j) {
                self.emit_then_person((pos, k, j), spans);
                return;
            }
        }
        // "Refugee Council Enver Solomon": a name before a person's name
        // (not "Cynthia Woods Mitchell Pavilion": a venue named after one).
        let last = self.tokens[j - 1].text;
        if !person_cue && !words.place_cues.contains(last) && !words.org_cues.contains(last) {
            if let Some(k) = rules::person_after_prefix(self.tokens, pos, j) {
                self.emit_then_person((pos, k, j), spans);
                return;
            }
        }
        // Lower-case role right before the chunk: "leader Kim Jong-un".
        if let Some(role) = self.role_before(chunk_start) {
            roles.push(role);
            person_cue = true;
            if nationality.is_none() {
                nationality = self.demonym_before_role(chunk_start, spans);
            }
        }
        self.emit_name(
            (pos, j),
            NameCues {
                person_cue,
                gender,
                nationality,
                roles,
                peer_title,
            },
            spans,
        );
    }

    fn emit_name(&self, (a, b): (usize, usize), cues: NameCues, spans: &mut Vec<Span>) {
        let NameCues {
            person_cue,
            gender,
            nationality,
            roles,
            peer_title,
        } = cues;
        let mut b = b;
        let mut kind = self.classify(a, b, person_cue);
        // "analysts at Nomura said": where they work is no person ("staff at
        // Memorial Hall Station" stays a place).
        if matches!(kind, EntityType::Person | EntityType::Other)
            && roles.is_empty()
            && rules::workplace_before(self.tokens, a)
        {
            kind = EntityType::Organization;
        }
        // "Ahmed Mohamed Image": a person's name does not end in a common word.
        while kind == EntityType::Person
            && b - a >= 3
            && is_common_word(self.tokens[b - 1].text)
            && !GIVEN_NAMES.contains(self.tokens[b - 1].text)
        {
            b -= 1;
            kind = self.classify(a, b, person_cue);
        }
        // "Tom McCabe MSP", "Sir John Smith QC": letters after a name are
        // no part of it.
        while kind == EntityType::Person
            && b - a >= 3
            && rules::is_postnominal(self.tokens[b - 1].text)
        {
            b -= 1;
        }
        // "Patrick W. Carlineo Jr.", "Ceres Robotics Inc.", "Hayward,
        // Calif.": the abbreviation keeps its dot.
        let abbreviation = match kind {
            EntityType::Person => matches!(self.tokens[b - 1].text, "Jr" | "Sr"),
            EntityType::Organization => {
                b - a >= 2 && matches!(self.tokens[b - 1].text, "Inc" | "Corp" | "Co" | "Ltd")
            }
            EntityType::Place => rules::is_us_state_abbreviation(self.tokens[b - 1].text),
            EntityType::Other => false,
        };
        if abbreviation
            && self
                .tokens
                .get(b)
                .is_some_and(|t| t.is_punct(".") && t.start == self.tokens[b - 1].end)
        {
            b += 1;
        }
        let place = if kind == EntityType::Place {
            let surface = self.slice(a, b);
            let found = GAZETTEER.lookup(surface);
            if found.is_empty() && b - a == 1 && self.tokens[a].is_all_caps() {
                // "WASHINGTON": the dateline's city.
                with_title_case(surface, |t| GAZETTEER.default_choice(GAZETTEER.lookup(t)))
            } else {
                found.first().copied()
            }
        } else {
            None
        };
        let gender = if gender == Gender::Unknown && kind == EntityType::Person {
            GIVEN_NAMES
                .get(self.tokens[a].text)
                .unwrap_or(Gender::Unknown)
        } else {
            gender
        };
        let mut roles = roles;
        if kind == EntityType::Person {
            if let Some((s, e)) = rules::role_after(self.tokens, b) {
                roles.push(self.slice(s, e).to_owned());
            }
        }
        let mut span = self.span(a, b, kind, place, false);
        span.gender = gender;
        span.nationality = nationality;
        span.roles = roles;
        if kind == EntityType::Person && b - a == 1 {
            span.peer_title = peer_title;
        }
        spans.push(span);
    }

    /// `pos..k` typed on its own, then `k..j` a person: "Refugee Council
    /// Enver Solomon".
    fn emit_then_person(&self, (pos, k, j): (usize, usize, usize), spans: &mut Vec<Span>) {
        self.emit_name((pos, k), NameCues::default(), spans);
        let person = NameCues {
            person_cue: true,
            ..NameCues::default()
        };
        self.emit_name((k, j), person, spans);
    }

    fn span(
        &self,
        a: usize,
        b: usize,
        kind: EntityType,
        place: Option<usize>,
        demonym: bool,
    ) -> Span {
        Span {
            tok_start: a,
            tok_end: b,
            kind,
            place,
            demonym,
            roles: Vec::new(),
            gender: Gender::Unknown,
            nationality: None,
            expansion: None,
            peer_title: None,
        }
    }

    fn classify(&self, a: usize, b: usize, person_cue: bool) -> EntityType {
        let words = &*WORDS;
        let surface = self.slice(a, b);
        let toks = &self.tokens[a..b];
        // "Multiple Sclerosis", "Motor Neurone disease": illnesses are no names.
        if rules::is_disease(toks, self.tokens.get(b)) {
            return EntityType::Other;
        }
        // "Veterans of Foreign Wars": a body named
        // after the members it gathers.
        if b - a >= 3 && toks[0].text == "Veterans" && toks[1].text == "of" {
            return EntityType::Organization;
        }
        // "June 24 – Bristow, VA @ Jiffy Lube Live": in a listing, what
        // stands after a free-standing "@" is the venue ("@handle" is glued).
        if !person_cue
            && a > 0
            && self.tokens[a - 1].text == "@"
            && self.tokens[a - 1].end < toks[0].start
            && (a < 2 || self.tokens[a - 2].end < self.tokens[a - 1].start)
        {
            return EntityType::Place;
        }
        // "Hayward, Calif.", "Dayton, OH", "COLUMBIA, S.C. (AP)": a place
        // before a state's abbreviation, and the abbreviation itself.
        if !person_cue
            && ((self.state_code_at(b + 1) && !self.degree_after_person(b + 1))
                || self.state_code_after_place(a, b))
        {
            return EntityType::Place;
        }
        if !person_cue && rules::is_competition(surface) {
            return EntityType::Other;
        }
        if !person_cue {
            // "Islamic State": a known organisation, whatever its last word.
            if words.known_orgs.contains(surface) {
                return EntityType::Organization;
            }
            // "US forces in al-Tanf": an Arabic place name after a preposition
            // of place.
            if b - a == 1
                && rules::is_arabic_article_name(toks[0].text)
                && a > 0
                && matches!(
                    self.tokens[a - 1].text,
                    "in" | "near" | "outside" | "at" | "from" | "to" | "around"
                )
            {
                return EntityType::Place;
            }
            // "Democratic senators", "a Republican governor": a party named
            // as an adjective is the party.
            if b - a == 1 && rules::is_party(surface) && !matches!(surface, "Green" | "Liberal") {
                return EntityType::Organization;
            }
            // "MacBook Pro", "Stadia Pro": a product's model ("BBC Radio 4"
            // is a station).
            if b - a >= 2
                && rules::ends_in_model_word(toks)
                && !toks.iter().any(|t| words.org_cues.contains(t.text))
            {
                return EntityType::Other;
            }
        }
        // "Shadow Secretary of State", "Deputy Prime Minister": a title alone.
        if !person_cue
            && b - a >= 2
            && words.title_role_ends.contains(toks[b - a - 1].text)
            && (a..b - 1).any(|k| self.match_title_role(k, b) == Some(b - k))
        {
            return EntityType::Other;
        }
        if self.has_place_cue(a, b) && !person_cue {
            // "Irving Independent School District": an institution's district.
            if toks[b - a - 1].text == "District" && words.org_cues.contains(toks[b - a - 2].text) {
                return EntityType::Organization;
            }
            // "Harlow International Center", "Cancer Research Centre": a
            // centre of research or policy is a body, not a venue.
            if matches!(toks[b - a - 1].text, "Center" | "Centre")
                && toks[..b - a - 1]
                    .iter()
                    .any(|t| rules::is_research_word(t.text))
            {
                return EntityType::Organization;
            }
            return EntityType::Place;
        }
        if !person_cue && rules::settlement_apposition_after(self.tokens, b) {
            return EntityType::Place;
        }
        if b - a >= 2 && rules::is_storm_word(toks[0].text) {
            return EntityType::Other;
        }
        // "White Hart Lane", "St Bride's Chapel": a street or a building of
        // worship, unless a given name opens it ("Diane Lane").
        if !person_cue
            && b - a >= 2
            && rules::is_street_or_chapel(toks[b - a - 1].text)
            && !GIVEN_NAMES.contains(toks[0].text)
        {
            return EntityType::Place;
        }
        // "River Thames", "Lake Geneva", "Mount Kenya".
        if !person_cue && b - a >= 2 && matches!(toks[0].text, "River" | "Lake" | "Mount" | "Loch")
        {
            return EntityType::Place;
        }
        // "Beastie Boys", "Lehman Brothers", "Christian Brothers": groups.
        if !person_cue
            && b - a >= 2
            && matches!(
                toks[b - a - 1].text,
                "Boys" | "Brothers" | "Girls" | "Sisters"
            )
        {
            return EntityType::Organization;
        }
        // "Marks & Spencer", "Sotheby's": firms named after their founders.
        if !person_cue
            && b - a >= 2
            && toks
                .iter()
                .any(|t| t.is_punct("&") || matches!(t.text, "'s" | "’s"))
        {
            return EntityType::Organization;
        }
        // "the Communist party".
        if toks[b - a - 1].text == "party" && b - a >= 2 {
            return EntityType::Organization;
        }
        // "Consumer Electronics Show", "Global Media Awards": an event.
        if !person_cue
            && b - a >= 2
            && (rules::is_event_head(toks[b - a - 1].text)
                || rules::is_plan_head(toks[b - a - 1].text))
        {
            return EntityType::Other;
        }
        // "Clean Water Act", "Information Act": a law, no body.
        if !person_cue && b - a >= 2 && toks[b - a - 1].text == "Act" {
            return EntityType::Other;
        }
        if toks.iter().any(|t| words.org_cues.contains(t.text)) && !(b - a == 1 && person_cue) {
            // A lone head noun ("Government", "Municipality") is no name.
            if b - a == 1 && !toks[0].is_all_caps() && !words.known_orgs.contains(surface) {
                return EntityType::Other;
            }
            return EntityType::Organization;
        }
        // "East Los Angeles", "Northern Lombardy": a compass part of a place.
        if !person_cue
            && b - a >= 2
            && rules::is_compass_word(toks[0].text)
            && self.is_place_name(self.slice(a + 1, b))
        {
            return EntityType::Place;
        }
        // "Scottish Executive": a national government.
        if b - a == 2 && toks[1].text == "Executive" && rules::is_national_adjective(toks[0].text) {
            return EntityType::Organization;
        }
        // "State of Texas", "Republic of Ireland".
        if !person_cue
            && b - a >= 3
            && toks[1].text == "of"
            && rules::is_place_of_head(toks[0].text)
        {
            return EntityType::Place;
        }
        // "the 737 Max", "iPhone 11 Pro": a model word right after a number
        // (not "In 2005 Hodgson said": a year after a preposition).
        if b - a == 1 && a > 0 && !person_cue {
            let number = &self.tokens[a - 1];
            let year = number.text.len() == 4 && number.text.starts_with(['1', '2']);
            let after_preposition = a > 1
                && matches!(
                    self.tokens[a - 2].text.to_lowercase().as_str(),
                    "in" | "on" | "at" | "since" | "by" | "from" | "to" | "until" | "of"
                );
            if number.kind == crate::text_util::TokenKind::Number
                && number.end < toks[0].start
                && !year
                && !after_preposition
            {
                return EntityType::Other;
            }
        }
        // "in May": the month, unless a title before it or a speech verb
        // after it makes it Mrs May.
        let honorific_before = a > 0 && WORDS.honorifics.contains(self.tokens[a - 1].text);
        let speech_after_may = self
            .tokens
            .get(b)
            .is_some_and(|t| SPEECH_VERBS.contains(&t.text));
        if surface == "May" && !person_cue && !honorific_before && !speech_after_may {
            return EntityType::Other;
        }
        // "the Moon": the Earth's moon (Moon Jae-in has no article).
        if surface == "Moon" && a > 0 && self.tokens[a - 1].text.eq_ignore_ascii_case("the") {
            return EntityType::Place;
        }
        // "#IStandWithAhmed": a hashtag names no one.
        if a > 0 && self.tokens[a - 1].text == "#" && self.tokens[a - 1].end == toks[0].start {
            return EntityType::Other;
        }
        // "@JaneDoe": a handle made of a given name and a surname is a
        // person's.
        if b - a == 1
            && a > 0
            && self.tokens[a - 1].text == "@"
            && self.tokens[a - 1].end == toks[0].start
            && rules::handle_of_person(toks[0].text)
        {
            return EntityType::Person;
        }
        if !person_cue {
            // "WeWork", "DoorDash", "Polygraph.info": a camel-case or web
            // name is a firm's; "MacBook Pro", "PlayStation 5": a product
            // ("Chris RuiWen Kuo": a given name, then a romanised name, is a
            // person's).
            let given_name_first = (2..=4).contains(&(b - a)) && GIVEN_NAMES.contains(toks[0].text);
            if !given_name_first
                && toks
                    .iter()
                    .any(|t| rules::is_camel_case(t.text) || rules::is_web_name(t.text))
            {
                return if rules::ends_in_model_word(toks) {
                    EntityType::Other
                } else {
                    EntityType::Organization
                };
            }
            // "Tate Britain", "Amnesty International": an organisation's
            // name ending in its reach.
            if b - a >= 2 && rules::is_reach_word(toks[b - a - 1].text) {
                return EntityType::Organization;
            }
        }
        // "Stadia Pro", "Chromecast Ultra": a product's model.
        if !person_cue && b - a >= 2 && rules::ends_in_model_word(toks) {
            return EntityType::Other;
        }
        if person_cue || (b - a >= 3 && rules::has_initial(toks)) {
            return EntityType::Person;
        }
        if !GAZETTEER.lookup(surface).is_empty()
            || GAZETTEER.demonym(surface).is_some()
            || is_extra_place(surface)
        {
            return EntityType::Place;
        }
        if words.known_orgs.contains(surface) {
            return EntityType::Organization;
        }
        if INITIAL_FIRMS.contains(&surface) {
            return EntityType::Organization;
        }
        // "the AMAs", "ATMs", "PCs": an acronym in the plural names things
        // or events, not one body.
        if b - a == 1 && !person_cue && rules::is_plural_acronym(surface) {
            return EntityType::Other;
        }
        // "J Robinson", "R O'Gara", "P de Villiers": line-ups, scorecards and
        // match officials name people by an initial and the surname.
        if self.initial_and_surname(a, b) {
            return EntityType::Person;
        }
        // "M Vaughan c Gilchrist b McGrath 45": fielder and bowler of a
        // cricket scorecard.
        if b - a <= 2 && a >= 2 && self.scorecard_name_at(a) {
            return EntityType::Person;
        }
        if self.has_place_cue(a, b) || rules::settlement_of_before(self.tokens, a) {
            return EntityType::Place;
        }
        // "Glaxo Wellcome slipped 5p": a share price moves, not a person.
        if rules::share_price_move_after(self.tokens, b) {
            return EntityType::Organization;
        }
        if super::caps_lines::caps_dateline_place(self.text, self.tokens, a, b) {
            return EntityType::Place;
        }
        if b - a == 1
            && toks[0].is_all_caps()
            && !words.non_org_caps.contains(toks[0].text)
            && !rules::caps_not_org(toks[0].text)
        {
            // "WASHINGTON (Reuters) -": a dateline's city in capitals.
            if toks[0].text.len() > 3
                && with_title_case(toks[0].text, |t| !GAZETTEER.lookup(t).is_empty())
            {
                return EntityType::Place;
            }
            if super::caps_lines::opens_dateline(self.text, self.tokens, a, b) {
                return EntityType::Place;
            }
            return EntityType::Organization;
        }
        if !person_cue && rules::followed_by_region(self.tokens, b) {
            return EntityType::Place;
        }
        // "Jon Thorne backed it": a known given name opening the name keeps
        // it a person's unless a firm's descriptor stands right before it
        // or "its" follows its verb.
        let given_first = b - a >= 2 && GIVEN_NAMES.contains(toks[0].text);
        if (rules::org_context(self.tokens, a, b) || orgs::business_context(self.tokens, a, b))
            && (!given_first
                || rules::its_after_verb(self.tokens, b)
                || (rules::org_descriptor_before(self.tokens, a)
                    && !rules::body_not_named_after_people_before(self.tokens, a))
                || orgs::descriptor_follows(self.tokens, b))
        {
            return EntityType::Organization;
        }
        // "Environment Canada", "Statistics Canada": a national agency.
        if b - a == 2 && rules::agency_of_country(toks) {
            return EntityType::Organization;
        }
        // "Los Angeles Lakers": a multi-word place leads no person's name.
        if b - a >= 3
            && self
                .place_prefix(a, b)
                .is_some_and(|(k, _, demonym)| !demonym && k - a >= 2 && k < b)
        {
            return EntityType::Organization;
        }
        if GIVEN_NAMES.contains(toks[0].text) {
            return EntityType::Person;
        }
        // "Latin American", "South African": a demonym phrase, no person;
        // "European Indoors": a nationality before one unknown word names
        // an event or a thing more often than a person.
        if b - a >= 2
            && (GAZETTEER.demonym(toks[b - a - 1].text).is_some()
                || (b - a == 2 && GAZETTEER.demonym(toks[0].text).is_some()))
        {
            return EntityType::Other;
        }
        // "Mike Powell of Dresdner Kleinwort Wasserstein": after a name and
        // "of" / "at", an unknown name is where that person works.
        if a >= 2
            && matches!(self.tokens[a - 1].text, "of" | "at")
            && self.tokens[a - 2].is_capitalized()
            && b - a >= 2
            && !rules::has_initial(toks)
            && !toks.iter().any(|t| words.openers.contains(t.text))
        {
            return EntityType::Organization;
        }
        // "BBC Sport", "BBC Five Live", "ITV News": a known organisation's
        // acronym leads the name of one of its parts or outlets.
        if (2..=3).contains(&(b - a))
            && toks[0].is_all_caps()
            && words.known_orgs.contains(toks[0].text)
            && toks[1..].iter().all(|t| t.is_word() && !t.is_all_caps())
        {
            return EntityType::Organization;
        }
        // "according to Vantor", "according to The Wrap": a source named by
        // no given name is an outlet or a body (people are named in full).
        if !person_cue && b - a <= 2 && !GIVEN_NAMES.contains(toks[0].text) {
            let at = |k: usize| a.checked_sub(k).map(|p| self.tokens[p].text);
            let the = matches!(at(1), Some("the" | "The"));
            let skip = usize::from(the);
            if at(1 + skip) == Some("to")
                && at(2 + skip).is_some_and(|w| w.eq_ignore_ascii_case("according"))
            {
                return EntityType::Organization;
            }
        }
        let next = self.tokens.get(b);
        let before = a.checked_sub(1).map(|p| self.tokens[p].text);
        let speech_after = next.is_some_and(|t| SPEECH_VERBS.contains(&t.text));
        let speech_before = before.is_some_and(|t| SPEECH_VERBS.contains(&t));
        let age_after = next.is_some_and(|t| t.is_punct(","))
            && self
                .tokens
                .get(b + 1)
                .is_some_and(|t| t.kind == crate::text_util::TokenKind::Number);
        // "told US TV show 60 Minutes": acronyms name no one.
        // (Known acronyms only: "JK Rowling", "DJ Khaled" are people.)
        let acronym = toks.iter().any(|t| {
            t.is_all_caps()
                && (t.text == "TV"
                    || words.known_orgs.contains(t.text)
                    || !GAZETTEER.lookup(t.text).is_empty())
        });
        // "the Treasury said", "the Bundesbank said": a name after "the" is
        // no person's.
        let after_the = a > 0 && matches!(self.tokens[a - 1].text, "the" | "The");
        if speech_after && b - a == 1 && after_the {
            return EntityType::Organization;
        }
        if (speech_after || speech_before || age_after) && b - a <= 3 && !acronym {
            return EntityType::Person;
        }
        // Unknown two/three-word names are people unless a word is an ordinary
        // word of this text ("Space Shuttle") or a place ("Environment Canada").
        // Name particles ("van der") are lower case in a person's name.
        let titlecase_words = toks.iter().all(|t| {
            rules::is_lower_particle(t.text)
                || (t.is_word()
                    && !t.is_all_caps()
                    && t.text.chars().count() > 1
                    && !with_lowercase(t.text, |l| self.lowercase_words.contains(l))
                    && GAZETTEER.lookup(t.text).is_empty()
                    && !is_extra_place(t.text))
        });
        let name_words = toks
            .iter()
            .filter(|t| !rules::is_lower_particle(t.text))
            .count();
        // "Internet Explorer", "Star Wars", "Mountain View": made of common words.
        // "Google Chrome": an organisation's product, not a person.
        // "Dries Mertens", "Miles Davis": a first word that reads as a common
        // word only when taken for an inflected form (dry, mile), which this
        // text never uses in lower case, before an unknown surname. Base
        // forms ("Sea Org", "Internet Explorer") are no given names.
        let common_words_ok = match toks.split_last() {
            Some((last, rest)) => {
                !is_common_word(last.text)
                    && rest
                        .iter()
                        .all(|t| !is_common_word(t.text) || (b - a == 2 && !is_listed_word(t.text)))
            }
            None => false,
        };
        if (2..=3).contains(&name_words)
            && titlecase_words
            && common_words_ok
            && !words.known_orgs.contains(toks[0].text)
        {
            // "the Palancas Negras", "a Morris Minor": an article before an
            // unknown name no given name opens marks a thing or a body.
            if a > 0 && matches!(self.tokens[a - 1].text, "the" | "The" | "a" | "an") {
                return EntityType::Other;
            }
            return EntityType::Person;
        }
        if rules::locative_context(self.tokens, a, b) && !toks[0].is_all_caps() {
            return EntityType::Place;
        }
        EntityType::Other
    }

    /// Every token of `[a, b)` could be part of a person's name nobody
    /// listed: a capitalised word that is no common word, place or
    /// organisation word, and that this text never writes in lower case.
    fn unknown_name_words(&self, a: usize, b: usize) -> bool {
        let words = &*WORDS;
        self.tokens[a..b].iter().all(|t| {
            t.is_capitalized()
                && t.is_word()
                && !t.is_all_caps()
                && t.text.chars().nth(1).is_some()
                && !is_common_word(t.text)
                && !words.org_cues.contains(t.text)
                && !words.known_orgs.contains(t.text)
                && !words.honorifics.contains(t.text)
                && !words.title_roles.contains_key(t.text)
                && !self.is_place_name(t.text)
                && !with_lowercase(t.text, |l| self.lowercase_words.contains(l))
        })
    }

    /// `[a, b)` is an initial and one or two unknown surname words ("J
    /// Robinson", "A Lo Cicero", "P de Villiers"). "I" is the pronoun; "A"
    /// is the article unless a list goes on after the name ("A Foley,").
    fn initial_and_surname(&self, a: usize, b: usize) -> bool {
        let words = &*WORDS;
        let first = self.tokens[a].text;
        // Cheap test first: most chunks open with a longer word.
        if first.len() != 1 || b - a < 2 || b - a > 4 {
            return false;
        }
        let letter = first.as_bytes()[0];
        if !letter.is_ascii_uppercase() || letter == b'I' {
            return false;
        }
        let list_mark = |t: &Token<'_>| matches!(t.text, "," | ";" | "(" | "/");
        let in_list = self.tokens.get(b).is_some_and(list_mark)
            || (a > 0
                && list_mark(&self.tokens[a - 1])
                && self.tokens[a - 1].paragraph == self.tokens[a].paragraph);
        if letter == b'A' && !in_list {
            return false;
        }
        // "J Sainsbury": firms named with their founder's initial.
        if INITIAL_FIRMS.contains(&self.slice(a, b)) {
            return false;
        }
        let rest = &self.tokens[a + 1..b];
        let name_words = rest
            .iter()
            .filter(|t| !rules::is_lower_particle(t.text))
            .count();
        (1..=2).contains(&name_words)
            && rest
                .last()
                .is_some_and(|t| !rules::is_lower_particle(t.text))
            && rest.iter().all(|t| {
                rules::is_lower_particle(t.text)
                    || (t.is_capitalized()
                        && !t.is_all_caps()
                        && t.text.chars().nth(1).is_some()
                        && !is_common_word(t.text)
                        && !words.org_cues.contains(t.text)
                        && !words.known_orgs.contains(t.text)
                        && !self.is_place_name(t.text)
                        && GAZETTEER.demonym(t.text).is_none()
                        && !with_lowercase(t.text, |l| self.lowercase_words.contains(l)))
            })
    }

    /// Token `a` follows a cricket scorecard's "c" (caught), "b" (bowled)
    /// or "st" (stumped) after a name or "&" ("c & b Warne").
    fn scorecard_name_at(&self, a: usize) -> bool {
        let cue = &self.tokens[a - 1];
        let before = &self.tokens[a - 2];
        matches!(cue.text, "c" | "b" | "st")
            && (before.is_capitalized() || matches!(before.text, "&" | "lbw"))
            && before.paragraph == self.tokens[a].paragraph
            && self.tokens[a].is_capitalized()
            && !self.tokens[a].is_all_caps()
    }

    /// In a football text, `[a, b)` names a club: a listed club, a town and a
    /// club suffix ("Stoke City"), or a bare "United" / "City" for a club of
    /// this text.
    fn is_club_at(&self, a: usize, b: usize) -> bool {
        let surface = self.slice(a, b);
        if b - a == 1 {
            match surface {
                "United" => return self.club_united,
                "City" => return self.club_city,
                _ => {}
            }
            // "Derby games can be ...", "Reading the game": a sentence's
            // first word that this text also writes in lower case.
            let first = &self.tokens[a];
            let opens = first.sentence_start || (a > 0 && self.opens_quote(a - 1));
            if opens
                && (is_common_word(first.text)
                    || with_lowercase(first.text, |l| self.lowercase_words.contains(l)))
            {
                return false;
            }
        }
        if sport::is_club(surface) {
            return true;
        }
        (2..=3).contains(&(b - a))
            && sport::is_club_suffix(self.tokens[b - 1].text)
            && (self.is_place_name(self.slice(a, b - 1)) || sport::is_club(self.slice(a, b - 1)))
            && !self.is_place_name(surface)
    }

    /// `[a, b)` names a club: any club of a football report, or a listed
    /// club that is no place in a text that only touches on football.
    fn club_at(&self, a: usize, b: usize) -> bool {
        if self.other_club_at(a, b) {
            return true;
        }
        if self.football {
            return self.is_club_at(a, b);
        }
        self.club_text
            && sport::is_club(self.slice(a, b))
            && !self.is_place_name(self.slice(a, b))
            && self.is_club_at(a, b)
    }

    /// `[a, b)` names a listed team of another sport ("Wasps", "Sale
    /// Sharks", "Munster") in a text of such sports.
    fn other_club_at(&self, a: usize, b: usize) -> bool {
        if self.other_sport < 2 {
            return false;
        }
        let surface = self.slice(a, b);
        let Some(place_named) = sport::other_sport_club(surface) else {
            return false;
        };
        // A team named after its place only in a text clearly of its sport.
        if self.other_sport < 4 && (place_named || self.is_place_name(surface)) {
            return false;
        }
        // "Sale of tickets ...": a sentence's first word that this text also
        // writes in lower case, or a common word.
        let first = &self.tokens[a];
        let opens = first.sentence_start || (a > 0 && self.opens_quote(a - 1));
        !(b - a == 1
            && opens
            && (is_common_word(first.text)
                || with_lowercase(first.text, |l| self.lowercase_words.contains(l))))
    }

    /// `[a, b)` opens with an honorific, a title or a known given name.
    fn person_starts_at(&self, a: usize, b: usize) -> bool {
        let t = self.tokens[a].text;
        WORDS.honorifics.contains(t)
            || GIVEN_NAMES.contains(t)
            || self.match_title_role(a, b).is_some()
    }

    /// Token `k`'s word also occurs capitalised outside `[a, b)`.
    fn recurs_elsewhere(&self, k: usize, a: usize, b: usize) -> bool {
        let word = self.tokens[k].text;
        self.tokens
            .iter()
            .enumerate()
            .any(|(n, t)| (n < a || n >= b) && t.text == word)
    }

    /// A state's abbreviation at `k` right after "<Place>,": "Calif." or a
    /// postal code ("OH", "N.C.") that no capitalised word follows on its
    /// line ("Paris, CA Technologies" names a firm).
    fn state_code_at(&self, k: usize) -> bool {
        let (Some(comma), Some(code)) = (
            k.checked_sub(1).and_then(|c| self.tokens.get(c)),
            self.tokens.get(k),
        ) else {
            return false;
        };
        if !comma.is_punct(",") || code.line_start {
            return false;
        }
        let next = self.tokens.get(k + 1);
        if rules::is_us_state_abbreviation(code.text) {
            return next.is_some_and(|d| d.is_punct(".") && d.start == code.end);
        }
        // "told the BBC, PA and ITV", "Garcetti, LA's leader": after a
        // body, or before "and" or a possessive, the letters are no state.
        let ends_item = next.is_none_or(|t| {
            t.line_start
                || (t.kind == crate::text_util::TokenKind::Punct && !matches!(t.text, "'s" | "’s"))
        });
        let body_before = k >= 2 && WORDS.known_orgs.contains(self.tokens[k - 2].text);
        rules::is_state_code(code.text) && ends_item && !body_before
    }

    /// "Jane Doe, MD", "John Smith, MA": a degree after a person's name
    /// (a given name and one more word before the comma at `k - 1`).
    fn degree_after_person(&self, k: usize) -> bool {
        k >= 3
            && self
                .tokens
                .get(k)
                .is_some_and(|t| matches!(t.text, "MD" | "MA" | "MS" | "PA" | "DC"))
            && self.tokens[k - 2].is_capitalized()
            && GIVEN_NAMES.contains(self.tokens[k - 3].text)
    }

    /// `[a, b)` is one state abbreviation after "<capitalised name>,".
    fn state_code_after_place(&self, a: usize, b: usize) -> bool {
        b == a + 1
            && a >= 2
            && !self.degree_after_person(a)
            && self.tokens[a - 2].is_capitalized()
            && !self.tokens[a - 1].line_start
            && self.state_code_at(a)
    }

    fn is_place_name(&self, surface: &str) -> bool {
        !GAZETTEER.lookup(surface).is_empty() || is_extra_place(surface)
    }

    fn has_place_cue(&self, a: usize, b: usize) -> bool {
        b > a + 1 && WORDS.place_cues.contains(self.tokens[b - 1].text)
    }

    /// Longest gazetteer place or demonym at the start of `[a, b)`.
    fn place_prefix(&self, a: usize, b: usize) -> Option<(usize, usize, bool)> {
        for k in (a + 1..=b.min(a + 5)).rev() {
            let surface = self.slice(a, k);
            if let Some(d) = GAZETTEER.demonym(surface) {
                return Some((k, d, true));
            }
            let found = GAZETTEER.lookup(surface);
            if let Some(&first) = found.first() {
                return Some((k, GAZETTEER.default_choice(found).unwrap_or(first), false));
            }
        }
        None
    }

    fn match_title_role(&self, pos: usize, end: usize) -> Option<usize> {
        let listed = WORDS
            .title_roles
            .get(self.tokens.get(pos)?.text)
            .and_then(|candidates| {
                candidates.iter().find_map(|role| {
                    let fits = pos + role.len() <= end
                        && role
                            .iter()
                            .zip(&self.tokens[pos..])
                            .all(|(w, t)| *w == t.text);
                    fits.then_some(role.len())
                })
            });
        listed.or_else(|| self.portfolio_title(pos, end))
    }

    /// "Culture Minister", "Transport Secretary", "Education Spokesman": a
    /// portfolio (an ordinary word, capitalised) before a title word.
    fn portfolio_title(&self, pos: usize, end: usize) -> Option<usize> {
        let (portfolio, title) = (self.tokens.get(pos)?, self.tokens.get(pos + 1)?);
        let fits = pos + 2 < end
            && matches!(
                title.text,
                "Minister" | "Secretary" | "Spokesman" | "Spokeswoman" | "Spokesperson"
                    | "Commissioner" | "Correspondent" | "Editor"
            )
            // "Shadow Secretary of State": a longer title, not a portfolio.
            && self.tokens[pos + 2].text != "of"
            && !matches!(portfolio.text, "Shadow" | "Deputy" | "Junior" | "Acting" | "Former")
            && portfolio.is_capitalized()
            && !portfolio.is_all_caps()
            && !GIVEN_NAMES.contains(portfolio.text)
            // "Mining Minister", "Housing Secretary": a gerund portfolio.
            && (is_common_word(portfolio.text)
                || (portfolio.text.len() > 5
                    && portfolio.text.ends_with("ing")
                    && portfolio.text.bytes().all(|c| c.is_ascii_alphabetic())));
        fits.then_some(2)
    }

    /// A lower-case role word (sequence) that ends right before token `a`.
    fn role_before(&self, a: usize) -> Option<String> {
        let candidates = WORDS.role_words.get(self.tokens[a.checked_sub(1)?].text)?;
        candidates.iter().find_map(|role| {
            let n = role.len();
            if a < n {
                return None;
            }
            let matches = role
                .iter()
                .zip(&self.tokens[a - n..a])
                .all(|(w, t)| *w == t.text);
            matches.then(|| self.slice(a - n, a).to_owned())
        })
    }

    /// "Swedish campaigner Greta Thunberg": the demonym span before the role word.
    fn demonym_before_role(&self, a: usize, spans: &[Span]) -> Option<usize> {
        let last = spans.last()?;
        let gap = a.saturating_sub(last.tok_end);
        (last.kind == EntityType::Place && (1..=3).contains(&gap))
            .then_some(last.place)
            .flatten()
    }

    /// `k` is an opening double quote glued to the next word ("told the
    /// seminar: \"Clearly, ..."): what follows starts a quoted sentence.
    fn opens_quote(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        matches!(t.text, "\"" | "\u{201C}")
            && self.tokens.get(k + 1).is_some_and(|n| n.start == t.end)
            && (k == 0 || self.tokens[k - 1].end < t.start)
    }

    /// A sentence-initial capitalised word that is an ordinary word here.
    /// `word` occurs capitalised away from a sentence's start somewhere in
    /// the text: a name, not an ordinary word capitalised by its position.
    fn inner_capitalised(&self, word: &str) -> bool {
        self.tokens
            .iter()
            .any(|t| t.text == word && !t.sentence_start && !t.paragraph_start)
    }

    fn is_common_word_at(&self, i: usize, j: usize) -> bool {
        let t = &self.tokens[i];
        let after_quote = i > 0
            && self.tokens[i - 1].kind == crate::text_util::TokenKind::Punct
            && (self.tokens[i - 1].sentence_start || self.opens_quote(i - 1));
        // "LOS ANGELES (AP) — To LeBron James", "a reason: Although James":
        // a function word opening a clause after a dash or a colon.
        let clause_start = i > 0 && matches!(self.tokens[i - 1].text, ":" | ";" | "—" | "–");
        if clause_start && WORDS.openers.contains(t.text) {
            return true;
        }
        if !(t.sentence_start || after_quote) {
            return false;
        }
        // "Mr Fox added": an honorific opening a sentence before a name
        // stays, to mark the person ("Fox" alone could be the broadcaster).
        if j - i > 1 && WORDS.honorifics.contains(t.text) {
            return false;
        }
        if WORDS.openers.contains(t.text) {
            return true;
        }
        // "Getting Disney on board", "Hosting Cook": a sentence-initial
        // verb in -ing before a name.
        // Both only before a name that is no organisation's or place's
        // ("Reading FC", "Student Loans Company" keep their first word).
        let person_follows = j - i > 1
            && !self.is_place_name(self.tokens[i + 1].text)
            && !self.tokens[i + 1..j]
                .iter()
                .any(|w| WORDS.org_cues.contains(w.text));
        if person_follows && rules::is_gerund_of_common_verb(t.text) && !self.is_place_name(t.text)
        {
            return true;
        }
        // "Striker Thierry Henry": a role word capitalised by the sentence
        // start (titles such as "Coach" stay: they become the person's role).
        if person_follows && self.match_title_role(i, j).is_none() {
            let role = with_lowercase(t.text, |lower| {
                WORDS
                    .role_words
                    .get(lower)
                    .is_some_and(|c| c.iter().any(|r| r.len() == 1))
            });
            if role {
                return true;
            }
        }
        if j - i > 1 || t.is_all_caps() {
            return false;
        }
        let known = !GAZETTEER.lookup(t.text).is_empty()
            || GAZETTEER.demonym(t.text).is_some()
            || GIVEN_NAMES.contains(t.text)
            || WORDS.known_orgs.contains(t.text)
            || is_extra_place(t.text);
        if known {
            return false;
        }
        if is_common_word(t.text) {
            return true;
        }
        with_lowercase(t.text, |lower| {
            // Inflected words rarely are single-word names, unless the text
            // capitalises the word inside a sentence too ("Alexander Lebed
            // ... Lebed, speaking", "Ahmed").
            self.lowercase_words.contains(lower)
                || (["ly", "ing", "ed"].iter().any(|s| lower.ends_with(s))
                    && !self.inner_capitalised(t.text))
        })
    }
}

/// A lone capitalised word typed `Other` that matches part of a person's name
/// is that person ("Thunberg, 22, was ...").
/// Players of a line-up count as full names ("... outpaced Stubbs").
fn link_single_names(ctx: &Ctx<'_, '_>, spans: &mut [Span], players: &[(usize, usize)]) {
    let person_words: FxHashSet<&str> = spans
        .iter()
        .filter(|s| {
            s.kind == EntityType::Person
                && (s.tok_end - s.tok_start >= 2
                    || s.peer_title.is_some()
                    || players.contains(&(s.tok_start, s.tok_end)))
        })
        .flat_map(|s| ctx.tokens[s.tok_start..s.tok_end].iter().map(|t| t.text))
        .collect();
    for span in spans.iter_mut() {
        if span.kind == EntityType::Other
            && ctx.tokens[span.tok_start..span.tok_end]
                .iter()
                .all(|t| person_words.contains(t.text))
        {
            span.kind = EntityType::Person;
        }
    }
}

/// "Parry said ... Parry's deal": a one-word name typed `Other` where
/// nothing told what it was takes the type its other mentions in the text
/// were given (person or organisation, whichever more of them had; none on
/// a tie).
fn unify_single_names(ctx: &Ctx<'_, '_>, spans: &mut [Span]) {
    let tokens = ctx.tokens;
    let typed: Vec<(&str, EntityType, Option<usize>)> = spans
        .iter()
        .filter(|s| {
            s.tok_end - s.tok_start == 1
                && matches!(
                    s.kind,
                    EntityType::Person | EntityType::Organization | EntityType::Place
                )
        })
        .map(|s| (tokens[s.tok_start].text, s.kind, s.place))
        .collect();
    if typed.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        if span.kind != EntityType::Other || span.tok_end - span.tok_start != 1 {
            continue;
        }
        let word = tokens[span.tok_start].text;
        let (mut people, mut orgs, mut places) = (0, 0, 0);
        let mut place = None;
        for &(w, kind, p) in &typed {
            if w == word {
                match kind {
                    EntityType::Person => people += 1,
                    EntityType::Organization => orgs += 1,
                    _ => {
                        places += 1;
                        place = place.or(p);
                    }
                }
            }
        }
        // "in al-Tanf … the al-Tanf garrison": a place named as one
        // elsewhere in the text.
        if places > people && places > orgs {
            span.kind = EntityType::Place;
            span.place = place;
        } else if people > orgs {
            span.kind = EntityType::Person;
            span.gender = GIVEN_NAMES.get(word).unwrap_or(Gender::Unknown);
        } else if orgs > people {
            span.kind = EntityType::Organization;
        }
    }
}

/// "Marsh & McLennan ... Marsh said": a lone word that opens a firm's name
/// joined by "&" is that firm, unless it is also part of a person's name.
/// "the fourth Star Trek film … Star Trek Beyond": a name that a work noun
/// follows is a work's (a film, series, game, album), and so are the names
/// it begins, where a person's was guessed.
fn works_are_no_people(ctx: &Ctx<'_, '_>, spans: &mut [Span]) {
    const WORK_NOUNS: &[&str] = &[
        "film",
        "films",
        "movie",
        "movies",
        "series",
        "franchise",
        "sequel",
        "prequel",
        "reboot",
        "spin-off",
        "trilogy",
        "saga",
        "album",
        "novel",
        "game",
        "games",
        "episode",
        "musical",
        "documentary",
        "podcast",
    ];
    // "the 1997 film Starship Troopers", "the game Tomb Raider": a name
    // right after one of these nouns is the work's title.
    const TITLE_NOUNS: &[&str] = &[
        "film",
        "movie",
        "series",
        "sitcom",
        "album",
        "single",
        "song",
        "novel",
        "book",
        "game",
        "musical",
        "documentary",
        "podcast",
        "franchise",
        "opera",
    ];
    let tokens = ctx.tokens;
    // ("The film Tom Hanks starred in", "the game Jones played": a person
    // whose verb follows, by a given name or by one word after a noun that
    // is no film's; "the film Vera Drake" is a title.)
    let relative_verb_after = |s: &Span| {
        tokens.get(s.tok_end).is_some_and(|t| {
            t.is_word() && !t.is_capitalized() && (t.text.ends_with("ed") || t.text == "made")
        })
    };
    let titled = |s: &Span| {
        s.tok_start > 0
            && !(GIVEN_NAMES.contains(tokens[s.tok_start].text) && relative_verb_after(s))
            && (s.tok_end - s.tok_start >= 2
                || matches!(
                    tokens[s.tok_start - 1].text,
                    "film" | "movie" | "album" | "novel" | "sitcom" | "musical" | "opera" | "documentary"
                ))
            && TITLE_NOUNS.contains(&tokens[s.tok_start - 1].text)
            && tokens_space_separated(&tokens[s.tok_start - 1], &tokens[s.tok_start])
            // "After the game Wenger said": the manager, not a title.
            && !tokens
                .get(s.tok_end)
                .is_some_and(|t| SPEECH_VERBS.contains(&t.text) || t.text == "'s" || t.text == "’s")
    };
    let works: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| {
            // ("a Tom Hanks film": a known given name is a person's.)
            s.kind == EntityType::Person
                && ((s.tok_end - s.tok_start >= 2
                    && !GIVEN_NAMES.contains(tokens[s.tok_start].text)
                    && tokens
                        .get(s.tok_end)
                        .is_some_and(|t| WORK_NOUNS.contains(&t.text)))
                    || titled(s))
        })
        .map(|s| (s.tok_start, s.tok_end))
        .collect();
    if works.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        if span.kind != EntityType::Person {
            continue;
        }
        let begins_with_work = works.iter().any(|&(a, b)| {
            let n = b - a;
            span.tok_end - span.tok_start >= n
                && tokens[a..b]
                    .iter()
                    .zip(&tokens[span.tok_start..])
                    .all(|(w, t)| w.text == t.text)
        });
        if begins_with_work {
            span.kind = EntityType::Other;
            span.gender = Gender::Unknown;
        }
    }
}

/// "Swiss drugmaker Novartis … Novartis said": a lone name described once as
/// a firm ("drugmaker", "rival", "company") is that firm wherever a speech
/// verb alone made it a person.
fn described_orgs_throughout(ctx: &Ctx<'_, '_>, spans: &mut [Span]) {
    let tokens = ctx.tokens;
    // "Novartis, which last month forecast …": "which" follows a thing, not
    // a person; an unknown name that is no place is then a firm.
    let which_after = |s: &Span| {
        tokens.get(s.tok_end).is_some_and(|t| t.is_punct(","))
            && tokens.get(s.tok_end + 1).is_some_and(|t| t.text == "which")
            && s.kind != EntityType::Place
            && !ctx.is_place_name(tokens[s.tok_start].text)
    };
    let described: Vec<&str> = spans
        .iter()
        .filter(|s| {
            s.kind == EntityType::Organization
                && s.tok_end - s.tok_start == 1
                && rules::org_context(tokens, s.tok_start, s.tok_end)
        })
        .map(|s| tokens[s.tok_start].text)
        .collect();
    // A "which" proves no person, not a firm ("The Apprentice, which"):
    // it only turns a person's guess into a firm's.
    let not_people: Vec<&str> = spans
        .iter()
        .filter(|s| {
            s.tok_end - s.tok_start == 1
                && which_after(s)
                && !GIVEN_NAMES.contains(tokens[s.tok_start].text)
        })
        .map(|s| tokens[s.tok_start].text)
        .collect();
    if described.is_empty() && not_people.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        let word = tokens[span.tok_start].text;
        let retype = described.contains(&word)
            || (span.kind == EntityType::Person && not_people.contains(&word));
        if span.tok_end - span.tok_start == 1
            && matches!(span.kind, EntityType::Person | EntityType::Other)
            && span.roles.is_empty()
            && !GIVEN_NAMES.contains(word)
            && retype
        {
            span.kind = EntityType::Organization;
            span.gender = Gender::Unknown;
        }
    }
}

/// "Patrick W. Dalloway was charged. Dalloway denied it.": a lone word typed
/// an organisation by its context is a person when it is the surname of a
/// person named in full, and no organisation the lexicon knows.
fn surnames_are_people(ctx: &Ctx<'_, '_>, spans: &mut [Span]) {
    let tokens = ctx.tokens;
    let surnames: Vec<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.tok_end - s.tok_start >= 2)
        .map(|s| {
            let last = &tokens[s.tok_end - 1];
            // "Carlineo Jr.": the surname before the suffix.
            if last.is_punct(".") || matches!(last.text, "Jr" | "Sr") {
                tokens[s.tok_start..s.tok_end]
                    .iter()
                    .rev()
                    .find(|t| t.is_word() && !matches!(t.text, "Jr" | "Sr"))
                    .map_or(last.text, |t| t.text)
            } else {
                last.text
            }
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        let word = &tokens[span.tok_start];
        if span.kind == EntityType::Organization
            && span.tok_end - span.tok_start == 1
            && !word.is_all_caps()
            && !WORDS.known_orgs.contains(word.text)
            && surnames.contains(&word.text)
        {
            span.kind = EntityType::Person;
            span.expansion = None;
        }
    }
}

/// “Marla Venn” and “Otterby.”: a name that alone fills a quotation is a
/// work's title (a film, a show, a song) where a person's was guessed; a
/// title or a role before it keeps the person.
fn quoted_names_are_titles(tokens: &[Token<'_>], spans: &mut [Span]) {
    let opening = |k: usize| {
        let t = &tokens[k];
        matches!(t.text, "\"" | "\u{201C}" | "\u{2018}")
            && (k == 0 || tokens[k - 1].end < t.start)
            && tokens.get(k + 1).is_some_and(|n| n.start == t.end)
    };
    let closing = |k: usize| {
        let Some(t) = tokens.get(k) else {
            return false;
        };
        let t =
            if matches!(t.text, "." | ",") && tokens.get(k + 1).is_some_and(|n| n.start == t.end) {
                &tokens[k + 1]
            } else {
                t
            };
        matches!(t.text, "\"" | "\u{201D}" | "\u{2019}") && tokens[k - 1].end == tokens[k].start
    };
    // "Jones replied: “Corbyn.”": a one-word answer naming someone; and a
    // surname of someone the text names in full is that person.
    let answer = |a: usize| {
        a >= 2 && (tokens[a - 2].text == ":" || SPEECH_VERBS.contains(&tokens[a - 2].text))
    };
    let full_name_words: FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.tok_end - s.tok_start >= 2)
        .flat_map(|s| tokens[s.tok_start..s.tok_end].iter().map(|t| t.text))
        .collect();
    for span in spans.iter_mut() {
        let (a, b) = (span.tok_start, span.tok_end);
        if span.kind == EntityType::Person
            && span.roles.is_empty()
            && span.peer_title.is_none()
            && a > 0
            && opening(a - 1)
            && closing(b)
            && !answer(a)
            && !(b - a == 1 && full_name_words.contains(tokens[a].text))
        {
            span.kind = EntityType::Other;
            span.gender = Gender::Unknown;
        }
    }
}

/// "Dempsey told Gizbrand by email": the one told something, named by a
/// word that no person in the text is named in full with, no title precedes
/// and no given name opens, is an outlet or a body more often than a person:
/// news names people in full before it shortens them ("told Reuters", "told
/// Business Insider").
fn told_outlets(ctx: &Ctx<'_, '_>, spans: &mut [Span], players: &[(usize, usize)]) {
    let tokens = ctx.tokens;
    let candidate = |s: &Span| {
        s.kind == EntityType::Person
            && s.tok_start > 0
            && tokens[s.tok_start - 1].text == "told"
            && s.tok_end - s.tok_start <= 3
            && s.roles.is_empty()
            && s.peer_title.is_none()
            && !players.contains(&(s.tok_start, s.tok_end))
            && !GIVEN_NAMES.contains(tokens[s.tok_start].text)
            && !tokens[s.tok_start].is_all_caps()
            // "told Five Live": a name of several words is an outlet's only
            // when one of them is an ordinary word ("told Ade Okafor" is not).
            && (s.tok_end - s.tok_start == 1
                || tokens[s.tok_start..s.tok_end].iter().any(|t| is_common_word(t.text)))
            && !told_a_person_something(tokens, s.tok_end)
    };
    if !spans.iter().any(&candidate) {
        return;
    }
    let person_words: FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && !candidate(s))
        .flat_map(|s| tokens[s.tok_start..s.tok_end].iter().map(|t| t.text))
        .collect();
    for span in spans.iter_mut() {
        if candidate(span)
            && !tokens[span.tok_start..span.tok_end]
                .iter()
                .any(|t| person_words.contains(t.text) || ctx.player_words.contains(t.text))
        {
            span.kind = EntityType::Organization;
            span.gender = Gender::Unknown;
        }
    }
}

/// "told Hargreaves to leave", "told Whitfield about the plan", "told Adeyemi,
/// a farmer, that ...": what follows the one told shows a person.
fn told_a_person_something(tokens: &[Token<'_>], after: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text);
    matches!(
        word(after),
        "to" | "that" | "about" | "of" | "how" | "why" | "what" | "where" | "when" | "not"
    ) || (word(after) == "," && matches!(word(after + 1), "a" | "an" | "the"))
}

/// "Brent crude rose", "the S&P 500", "the Dow Jones Industrial Average":
/// a market index or price benchmark is named, but no person, firm or place.
fn benchmarks_are_no_names(tokens: &[Token<'_>], spans: &mut [Span]) {
    for span in spans.iter_mut() {
        if span.kind == EntityType::Other || span.demonym || !span.roles.is_empty() {
            continue;
        }
        let (mut a, mut b) = (span.tok_start, span.tok_end);
        // "Dow Jones Industrial": the index's lead word left outside.
        if a > 0
            && tokens[a - 1].text == "Dow"
            && tokens_space_separated(&tokens[a - 1], &tokens[a])
            && rules::is_index_word(tokens[a].text)
        {
            a -= 1;
        }
        while b < tokens.len()
            && rules::is_index_word(tokens[b].text)
            && tokens_space_separated(&tokens[b - 1], &tokens[b])
        {
            b += 1;
        }
        // "S&P": three tokens.
        let (lead, rest_from) = if b - a >= 3
            && tokens[a].text == "S"
            && tokens[a + 1].text == "&"
            && tokens[a + 2].text == "P"
            && tokens[a + 2].end == tokens[a + 1].end + 1
        {
            ("S&P", a + 3)
        } else {
            (tokens[a].text, a + 1)
        };
        if rules::is_market_benchmark(lead, &tokens[rest_from..b], tokens.get(b)) {
            span.kind = EntityType::Other;
            span.tok_start = a;
            span.tok_end = b;
            span.place = None;
            span.gender = Gender::Unknown;
            span.expansion = None;
        }
    }
}

fn link_org_heads(ctx: &Ctx<'_, '_>, spans: &mut [Span]) {
    let tokens = ctx.tokens;
    // "Marks & Spencer" -> "Marks"; "Cairn Energy" -> "Cairn": the first
    // word of a firm's name, when it is no given name or ordinary word.
    let heads: Vec<&str> = spans
        .iter()
        .filter(|s| {
            let first = &tokens[s.tok_start];
            let ampersand = s.tok_end - s.tok_start >= 3
                && tokens[s.tok_start + 1].is_punct("&")
                && tokens[s.tok_start + 1].start > first.end;
            let named_head = s.tok_end - s.tok_start >= 2
                && first.is_capitalized()
                && !first.is_all_caps()
                && first.text.chars().count() >= 4
                && !GIVEN_NAMES.contains(first.text)
                && !is_common_word(first.text)
                && !rules::is_national_adjective(first.text);
            s.kind == EntityType::Organization && (ampersand || named_head)
        })
        .map(|s| tokens[s.tok_start].text)
        .collect();
    if heads.is_empty() {
        return;
    }
    let in_person = |w: &str, spans: &[Span]| {
        spans.iter().any(|s| {
            s.kind == EntityType::Person
                && s.tok_end - s.tok_start >= 2
                && tokens[s.tok_start..s.tok_end].iter().any(|t| t.text == w)
        })
    };
    for k in 0..spans.len() {
        let s = &spans[k];
        let word = tokens[s.tok_start].text;
        if s.tok_end - s.tok_start == 1
            && matches!(s.kind, EntityType::Other | EntityType::Person)
            && s.roles.is_empty()
            && heads.contains(&word)
            && !in_person(word, spans)
        {
            spans[k].kind = EntityType::Organization;
            spans[k].gender = Gender::Unknown;
        }
    }
}

/// Firms named with an initial and their founder's surname: checked before
/// an initial and a surname is taken for a person.
const INITIAL_FIRMS: &[&str] = &[
    "J Sainsbury",
    "J Crew",
    "H Samuel",
    "C Hoare",
    "W H Smith",
    "J Lyons",
    "E Leclerc",
    "T Mobile",
];

/// Titles of peers that stay with a surname ("Lord Falconer", "Baroness
/// Scotland"), and royal titles that stay with a given name ("Prince
/// Charles").
fn is_peer_title(word: &str) -> bool {
    matches!(word, "Lord" | "Lady" | "Baroness" | "Baron" | "Viscount") || is_royal_title(word)
}

/// A royal title goes with a given name: "Prince Charles" is no "Charles
/// Kennedy" of the same text.
pub fn is_royal_title(word: &str) -> bool {
    matches!(word, "Prince" | "Princess" | "King" | "Queen")
}

fn is_calendar_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

fn has_org_cue_in(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    tokens[a..b].iter().any(|t| WORDS.org_cues.contains(t.text))
}

/// "Council on American-Islamic Relations (CAIR)": an acronym in brackets
/// right after an organisation's name is that organisation, here and in
/// its other mentions of the text.
fn link_acronyms(ctx: &Ctx<'_, '_>, spans: &mut [Span]) {
    let tokens = ctx.tokens;
    // "hypersensitivity pneumonitis (HP)", "gross domestic product (GDP)":
    // an acronym the text spells out in lower-case words is a term, no
    // organisation, wherever it occurs.
    let terms: Vec<&str> = spans
        .iter()
        .filter(|s| s.tok_end - s.tok_start == 1 && tokens[s.tok_start].is_all_caps())
        .filter(|s| {
            let k = s.tok_start;
            // "… (HP)" or "…, or HP".
            let spelt_end = if k >= 1
                && tokens[k - 1].is_punct("(")
                && tokens.get(k + 1).is_some_and(|t| t.is_punct(")"))
            {
                Some(k - 1)
            } else if k >= 1 && tokens[k - 1].text == "or" {
                Some(if k >= 2 && tokens[k - 2].is_punct(",") {
                    k - 2
                } else {
                    k - 1
                })
            } else {
                None
            };
            spelt_end.is_some_and(|e| rules::spelt_out_in_lower_case(tokens[k].text, &tokens[..e]))
        })
        .map(|s| tokens[s.tok_start].text)
        // "the Consumer Electronics Show (CES)": an event's acronym is no
        // organisation either.
        .chain(spans.iter().filter_map(|s| {
            let (a, b) = (s.tok_start, s.tok_end);
            let bracketed = tokens.get(b).is_some_and(|t| t.is_punct("("))
                && tokens.get(b + 2).is_some_and(|t| t.is_punct(")"));
            let acronym = tokens.get(b + 1).filter(|t| bracketed && t.is_all_caps())?;
            (s.kind == EntityType::Other
                && b - a >= 2
                && rules::is_event_head(tokens[b - 1].text)
                && rules::abbreviates(acronym.text, ctx.slice(a, b)))
            .then_some(acronym.text)
        }))
        // "called Ultra Wideband (UWB)", "DACA (Deferred Action for
        // Childhood Arrivals)": an acronym of a capitalised name that is no
        // organisation or place (a technology, a programme) is none either.
        .chain(
            spans
                .iter()
                .filter_map(|s| spelt_term_acronym(ctx, spans, s)),
        )
        .collect();
    if !terms.is_empty() {
        for span in spans.iter_mut() {
            if span.tok_end - span.tok_start == 1 && terms.contains(&tokens[span.tok_start].text) {
                span.kind = EntityType::Other;
                span.place = None;
            }
            // People are not spelt out by acronyms: the long form guessed a
            // person's is the term's ("JFK" has a given name first).
            let (a, b) = (span.tok_start, span.tok_end);
            if span.kind == EntityType::Person
                && b - a >= 2
                && !GIVEN_NAMES.contains(tokens[a].text)
                && tokens.get(b).is_some_and(|t| t.is_punct("("))
                && tokens.get(b + 2).is_some_and(|t| t.is_punct(")"))
                && tokens
                    .get(b + 1)
                    .is_some_and(|t| terms.contains(&t.text) && spells(t.text, &tokens[a..b]))
            {
                span.kind = EntityType::Other;
                span.gender = Gender::Unknown;
            }
        }
    }
    let mut acronyms: Vec<(&str, (usize, usize))> = Vec::new();
    for span in spans.iter() {
        let (a, b) = (span.tok_start, span.tok_end);
        if span.kind != EntityType::Organization || b - a < 2 {
            continue;
        }
        let bracketed = tokens.get(b).is_some_and(|t| t.is_punct("("))
            && tokens.get(b + 2).is_some_and(|t| t.is_punct(")"));
        let Some(acronym) = tokens.get(b + 1).filter(|_| bracketed) else {
            continue;
        };
        if rules::abbreviates(acronym.text, ctx.slice(a, b)) {
            acronyms.push((acronym.text, (a, b)));
        }
    }
    // "the European Commission ... the EC": without brackets, an acronym
    // made of exactly the initials of an organisation named before it.
    let mut named_orgs: Vec<(usize, usize)> = Vec::new();
    for span in spans.iter_mut() {
        let (a, b) = (span.tok_start, span.tok_end);
        if b - a != 1 {
            if span.kind == EntityType::Organization {
                named_orgs.push((a, b));
            }
            continue;
        }
        let text = tokens[a].text;
        let expansion = acronyms
            .iter()
            .find(|(acronym, _)| *acronym == text)
            .map(|&(_, e)| e)
            .or_else(|| {
                // A place's own acronym ("US") stays the place.
                let acronym_like = tokens[a].is_all_caps()
                    && text.len() >= 2
                    && !(span.kind == EntityType::Place && span.place.is_some());
                named_orgs
                    .iter()
                    .rev()
                    .find(|&&(s, e)| acronym_like && rules::initials_of(text, &tokens[s..e]))
                    .copied()
            })
            .or_else(|| {
                // "the Association of Chief Police Officers ... Acpo": an
                // acronym written as a word, as British papers do.
                let word_acronym = (3..=6).contains(&text.len())
                    && span.kind != EntityType::Place
                    && text.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
                    && text.bytes().skip(1).all(|c| c.is_ascii_lowercase())
                    && !is_common_word(text)
                    && !GIVEN_NAMES.contains(text);
                if !word_acronym || named_orgs.is_empty() {
                    return None;
                }
                let upper = text.to_ascii_uppercase();
                named_orgs
                    .iter()
                    .rev()
                    .find(|&&(s, e)| e - s >= 3 && rules::initials_of(&upper, &tokens[s..e]))
                    .copied()
            });
        if let Some(expansion) = expansion {
            span.kind = EntityType::Organization;
            span.place = None;
            span.demonym = false;
            span.expansion = Some(expansion);
        }
    }
}

/// The acronym that `s` spells out, or is spelt out by, in brackets right
/// after it, when the long form is typed neither organisation nor place.
fn spelt_term_acronym<'a>(ctx: &Ctx<'a, '_>, spans: &[Span], s: &Span) -> Option<&'a str> {
    let tokens = ctx.tokens;
    let (a, b) = (s.tok_start, s.tok_end);
    if !tokens.get(b).is_some_and(|t| t.is_punct("(")) {
        return None;
    }
    let not_body = |k: EntityType| matches!(k, EntityType::Person | EntityType::Other);
    // "Ultra Wideband (UWB)".
    if b - a >= 2 && not_body(s.kind) && tokens.get(b + 2).is_some_and(|t| t.is_punct(")")) {
        let acronym = tokens.get(b + 1)?;
        return (acronym.is_all_caps() && spells(acronym.text, &tokens[a..b]))
            .then_some(acronym.text);
    }
    // "DACA (Deferred Action for Childhood Arrivals)".
    if b - a == 1 && tokens[a].is_all_caps() {
        let long = spans.iter().find(|l| l.tok_start == b + 1)?;
        let closed = tokens.get(long.tok_end).is_some_and(|t| t.is_punct(")"));
        if closed
            && long.tok_end - long.tok_start >= 2
            && not_body(long.kind)
            && spells(tokens[a].text, &tokens[long.tok_start..long.tok_end])
        {
            return Some(tokens[a].text);
        }
    }
    None
}

/// `acronym` takes the first letter of the long form's first word and the
/// rest of its letters, in order, from the long form ("UWB": "Ultra
/// Wideband").
fn spells(acronym: &str, long: &[Token<'_>]) -> bool {
    let Some(first) = long.first().and_then(|t| t.text.chars().next()) else {
        return false;
    };
    let mut letters = acronym.chars();
    if letters.next() != Some(first) || acronym.chars().count() < 2 {
        return false;
    }
    let mut rest = long
        .iter()
        .flat_map(|t| t.text.chars())
        .skip(1)
        .map(|c| c.to_ascii_uppercase());
    letters.all(|c| rest.any(|r| r == c))
}

/// `f` of "Washington" for "WASHINGTON" (ASCII words; others as they are).
fn with_title_case<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut title = String::with_capacity(word.len());
    for (k, c) in word.chars().enumerate() {
        if k == 0 {
            title.push(c);
        } else {
            title.extend(c.to_lowercase());
        }
    }
    f(&title)
}

/// "English", "French": a demonym that is also a language ("English
/// football is", "French wine has") leads no firm's name.
fn demonym_is_language(word: &str) -> bool {
    matches!(
        word,
        "English" | "French" | "German" | "Spanish" | "Italian" | "Chinese"
    )
}
