//! Sports reports: whether a text is a football report or one of another
//! sport (rugby, cricket, tennis, golf, athletics), club names (a club named
//! after its town is the club there, not the town), and the team line-ups at
//! the end of match reports ("Everton: Martyn, Hibbert, ... Subs: Wright").
//! Rugby line-ups split by ";" ("England: J Robinson; M Cueto, J Noon") are
//! typed name by name (an initial and a surname is a person), not as lists.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::rules;
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::{Token, TokenKind};

static CLUBS_TEXT: &str = include_str!("../../data/entities/clubs.txt");

/// Club names and their short forms (`data/entities/clubs.txt`).
static CLUBS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| super::lexicon::semicolon_list(CLUBS_TEXT));

pub fn is_club(surface: &str) -> bool {
    CLUBS.contains(surface)
}

static OTHER_CLUBS_TEXT: &str = include_str!("../../data/entities/sport_clubs.txt");

/// Rugby clubs and provinces, cricket counties and other teams
/// (`data/entities/sport_clubs.txt`), each with whether it is named after a
/// place ("Leicester", "Munster", "Yorkshire"): used in texts of those
/// sports only.
static OTHER_CLUBS: LazyLock<FxHashMap<&'static str, bool>> = LazyLock::new(|| {
    let mut clubs = FxHashMap::default();
    for line in OTHER_CLUBS_TEXT.lines().filter(|l| !l.starts_with('#')) {
        let (line, place) = match line.strip_prefix('@') {
            Some(rest) => (rest, true),
            None => (line, false),
        };
        for name in line.split(';').map(str::trim).filter(|n| !n.is_empty()) {
            clubs.insert(name, place);
        }
    }
    clubs
});

/// `Some(named after a place)` for a listed team of another sport.
pub fn other_sport_club(surface: &str) -> Option<bool> {
    OTHER_CLUBS.get(surface).copied()
}

/// Last words of club names after a town ("Leyton Orient", "Stoke City").
pub fn is_club_suffix(word: &str) -> bool {
    matches!(
        word,
        "United"
            | "Utd"
            | "City"
            | "Rovers"
            | "Athletic"
            | "Albion"
            | "Wanderers"
            | "County"
            | "Town"
            | "Villa"
            | "Hotspur"
            | "Forest"
            | "Rangers"
            | "Celtic"
            | "Argyle"
            | "Orient"
            | "Alexandra"
            | "Thistle"
            | "Academicals"
    )
}

/// Sport words, by group (inflections of one word share a group). Groups
/// below `OTHER_SPORT` are football's; from it on, other sports' (rugby,
/// cricket, tennis, golf, athletics): one table, so one pass counts both.
const OTHER_SPORT: u32 = 16;
const FOOTBALL_WORDS: &[(&str, u32)] = &[
    ("goal", 0),
    ("goals", 0),
    ("striker", 1),
    ("strikers", 1),
    ("midfielder", 2),
    ("midfield", 2),
    ("defender", 3),
    ("defenders", 3),
    ("goalkeeper", 4),
    ("keeper", 4),
    ("penalty", 5),
    ("Premiership", 6),
    ("Premier", 6),
    ("kick-off", 7),
    ("free-kick", 7),
    ("corner", 7),
    ("match", 8),
    ("derby", 8),
    ("fixture", 8),
    ("boss", 9),
    ("manager", 9),
    ("winger", 10),
    ("substitute", 10),
    ("Subs", 10),
    ("scored", 11),
    ("equaliser", 11),
    ("header", 11),
    ("Cup", 12),
    ("League", 12),
    ("Uefa", 12),
    ("UEFA", 12),
    ("FA", 12),
    ("referee", 13),
    ("Referee", 13),
    ("Ref", 13),
    ("squad", 14),
    ("season", 14),
    // Wire services' word for it ("SOCCER - ...").
    ("soccer", 15),
    ("Soccer", 15),
    ("SOCCER", 15),
    ("equalised", 11),
    ("equalized", 11),
    // Rugby.
    ("rugby", 16),
    ("Rugby", 16),
    ("try", 17),
    ("tries", 17),
    ("scrum", 18),
    ("scrum-half", 18),
    ("fly-half", 18),
    ("lineout", 18),
    ("flanker", 19),
    ("hooker", 19),
    ("lock", 19),
    ("prop", 19),
    ("Replacements", 20),
    ("conversion", 21),
    ("Nations", 22),
    ("Heineken", 22),
    ("Lions", 22),
    // Cricket.
    ("cricket", 23),
    ("wicket", 24),
    ("wickets", 24),
    ("innings", 25),
    ("batsman", 26),
    ("bowler", 26),
    ("bowled", 26),
    ("lbw", 26),
    ("Test", 27),
    // Tennis, golf, athletics.
    ("tennis", 28),
    ("seed", 28),
    ("Wimbledon", 28),
    ("golf", 29),
    ("birdie", 29),
    ("athletics", 30),
    ("marathon", 30),
    ("sprint", 30),
    ("title", 31),
    ("champion", 31),
    ("coach", 31),
];

/// Per first byte, the lengths (bit n = n bytes) of the sport words starting
/// with it, and those words: most tokens are ruled out without a string
/// compare, and the rest compare only with words of their first byte.
struct SportFilter {
    lengths: [u16; 128],
    words: Vec<Vec<(&'static str, u32)>>,
}

static FOOTBALL_FILTER: LazyLock<SportFilter> = LazyLock::new(|| {
    let mut filter = SportFilter {
        lengths: [0u16; 128],
        words: vec![Vec::new(); 128],
    };
    for &(w, k) in FOOTBALL_WORDS {
        // Every listed word is ASCII, non-empty and under 16 bytes (bit n of
        // a u16 marks length n); `sport_groups` skips longer tokens.
        debug_assert!(!w.is_empty() && w.len() < 16 && w.is_ascii());
        let first = usize::from(w.as_bytes()[0] & 0x7f);
        filter.lengths[first] |= 1 << w.len();
        filter.words[first].push((w, k));
    }
    filter
});

/// How many different word groups of football and of the other sports the
/// text uses, each up to four: four make a report of that sport (one alone,
/// "goal" or "match", occurs in any news); two are enough to read a listed
/// club's name as the club ("the Brazilian midfielder comes closer to
/// departing Celtic").
pub fn sport_groups(tokens: &[Token<'_>]) -> SportGroups {
    let filter = &*FOOTBALL_FILTER;
    let mut seen = 0u32;
    let count = |seen: u32| {
        let football = (seen & ((1 << OTHER_SPORT) - 1)).count_ones().min(4);
        let other = (seen >> OTHER_SPORT).count_ones().min(4);
        SportGroups { football, other }
    };
    for t in tokens {
        let bytes = t.text.as_bytes();
        let (Some(&first), n) = (bytes.first(), bytes.len()) else {
            continue;
        };
        if n >= 16 || first >= 128 || filter.lengths[usize::from(first)] & (1 << n) == 0 {
            continue;
        }
        // Length before the full compare: most candidates that passed the
        // filter differ there, without a memcmp call.
        let found = filter.words[usize::from(first)]
            .iter()
            .find(|(w, _)| w.len() == n && w.as_bytes() == bytes);
        if let Some(&(_, k)) = found {
            seen |= 1 << k;
            let c = count(seen);
            if c.football >= 4 && c.other >= 4 {
                return c;
            }
        }
    }
    count(seen)
}

/// Word group counts of [`sport_groups`].
#[derive(Clone, Copy, Default)]
pub struct SportGroups {
    pub football: u32,
    pub other: u32,
}

/// Labels of the lists at the end of a match report ("Subs Not Used:").
fn is_lineup_label_word(word: &str) -> bool {
    matches!(
        word,
        "Subs"
            | "Substitutes"
            | "Not"
            | "Used"
            | "Booked"
            | "Bookings"
            | "Goals"
            | "Scorers"
            | "Sent"
            | "Off"
            | "Dismissed"
            | "Referee"
            | "Ref"
            | "Att"
            | "Attendance"
            // Rugby: "Replacements:", "Not used:".
            | "Replacements"
            | "Replacement"
            | "used"
    )
}

/// Token ranges of a match report's line-ups: the players (people) and the
/// list labels (no names).
#[derive(Default)]
pub struct Lineups {
    pub players: Vec<(usize, usize)>,
    pub labels: Vec<(usize, usize)>,
}

/// Comma-separated lists of capitalised names after a colon or opening a
/// paragraph, ended by a full stop or the paragraph's end: "Everton: Martyn,
/// Hibbert, Yobo, ...", "Mills (Bradley Wright-Phillips 83)", "Rooney 68".
pub fn lineups(tokens: &[Token<'_>]) -> Lineups {
    let mut out = Lineups::default();
    for p in 0..tokens.len() {
        let colon = tokens[p].text == ":";
        let paragraph_start = p == 0 || tokens[p - 1].paragraph != tokens[p].paragraph;
        if !(colon || paragraph_start) {
            continue;
        }
        let from = if colon { p + 1 } else { p };
        // The words before the colon: "Subs Not Used".
        let mut label_start = p;
        while colon
            && label_start > 0
            && (tokens[label_start - 1].is_capitalized()
                || is_lineup_label_word(tokens[label_start - 1].text))
            && tokens[label_start - 1].paragraph == tokens[p].paragraph
        {
            label_start -= 1;
        }
        let is_label = colon
            && label_start < p
            && tokens[label_start..p]
                .iter()
                .all(|t| is_lineup_label_word(t.text));
        let Some(mut items) = parse_list(tokens, from) else {
            continue;
        };
        // "Premiership table: Chelsea 61, Arsenal 56, ...", "Group B: Chelsea,
        // Porto, ...": clubs and places are no players, and a list made
        // mostly of them is a table, not a line-up.
        let not_player = |&(a, b, _): &(usize, usize, bool)| {
            let surface = join_tokens(&tokens[a..b]);
            is_club(&surface)
                || other_sport_club(&surface).is_some()
                || !GAZETTEER.lookup(&surface).is_empty()
        };
        let teams = items.iter().filter(|i| not_player(i)).count();
        if teams * 2 >= items.len() {
            continue;
        }
        items.retain(|i| !not_player(i));
        let players = items.iter().filter(|i| i.2).count();
        let enough = if colon {
            players >= 4 || (is_label && players >= 1)
        } else {
            players >= 5
        };
        if !enough {
            continue;
        }
        if is_label {
            out.labels.push((label_start, p));
        }
        out.players
            .extend(items.into_iter().filter(|i| i.2).map(|(a, b, _)| (a, b)));
    }
    out
}

/// The words of `tokens` joined by single spaces ("Man Utd").
fn join_tokens(tokens: &[Token<'_>]) -> String {
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Items of a list starting at `from`: (start, end, is a player). `None`
/// when the tokens there are no such list.
fn parse_list(tokens: &[Token<'_>], from: usize) -> Option<Vec<(usize, usize, bool)>> {
    let paragraph = tokens.get(from)?.paragraph;
    let same = |k: usize| tokens.get(k).is_some_and(|t| t.paragraph == paragraph);
    let name_run = |mut k: usize| {
        let start = k;
        loop {
            if same(k) && tokens[k].is_capitalized() && tokens[k].text != "'s" {
                k += 1;
            // "van der Walt": lower-case particles before the surname.
            } else if same(k)
                && k + 1 < tokens.len()
                && rules::is_lower_particle(tokens[k].text)
                && (tokens[k + 1].is_capitalized() || rules::is_lower_particle(tokens[k + 1].text))
            {
                k += 1;
            } else {
                break;
            }
        }
        (1..=4).contains(&(k - start)).then_some(k)
    };
    let mut items = Vec::new();
    let mut q = from;
    loop {
        let end = name_run(q)?;
        items.push((q, end, true));
        q = end;
        // "Rooney 68", "Dunne 75 og": minute of a goal.
        if same(q) && tokens[q].kind == TokenKind::Number {
            q += 1;
            if same(q) && tokens[q].text == "og" {
                q += 1;
            }
        }
        // "Everitt for Mapletoft (53)": a replacement, then whom he replaced.
        if same(q) && tokens[q].text == "for" {
            let end = name_run(q + 1)?;
            items.push((q + 1, end, true));
            q = end;
        }
        // "(53)": the minute of the change.
        if same(q)
            && tokens[q].is_punct("(")
            && same(q + 2)
            && tokens[q + 1].kind == TokenKind::Number
            && tokens[q + 2].is_punct(")")
        {
            q += 3;
        }
        // "(Bradley Wright-Phillips 83)": a substitute; "(Hampshire)": a place.
        if same(q) && tokens[q].is_punct("(") {
            let end = name_run(q + 1)?;
            let minute = same(end) && tokens[end].kind == TokenKind::Number;
            let close = if minute { end + 1 } else { end };
            if !(same(close) && tokens[close].is_punct(")")) {
                return None;
            }
            items.push((q + 1, end, minute));
            q = close + 1;
        }
        // "Horak, Staniforth; Mapletoft, Edwards": rugby's units by ";".
        if same(q) && (tokens[q].is_punct(",") || tokens[q].is_punct(";")) {
            q += 1;
            continue;
        }
        // The list ends with a full stop or with its paragraph.
        return (!same(q) || tokens[q].is_punct(".")).then_some(items);
    }
}
