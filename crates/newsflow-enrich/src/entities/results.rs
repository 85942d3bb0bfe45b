//! Results and tables of wire sports reports, one line each: "Barnsley 2
//! Portsmouth 0", "Leeds 21 12 5 4 35 20 41", "Kent 341 and 190-5",
//! "Leeds v Wigan". The names on such lines are teams (organisations),
//! countries (places: national sides go by their country) or players
//! (people, as the text or their given name shows). Scorers in brackets
//! ("(Redfearn 34, Hendrie 60)") are people.

use newsflow_model::EntityType;

use super::lexicon::{Gender, GIVEN_NAMES};
use super::recognize::Span;
use crate::places::gazetteer::{PlaceKind, GAZETTEER};
use crate::text_util::{Token, TokenKind};

/// Lower-case words a results line may hold outside brackets.
const RESULT_WORDS: &[&str] = &[
    "and", "for", "v", "vs", "dec", "declared", "pen", "pens", "aet",
];

const CALENDAR_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// One name on a results line: its tokens and whether it stands in brackets.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Name {
    start: usize,
    end: usize,
    bracketed: bool,
}

/// The names on the line `tokens[start..end]` if it is a results line.
fn results_line(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> Option<Vec<Name>> {
    // Nearly every line is prose: a number and no lower-case word outside
    // brackets but the results' own are checked first, without allocating.
    if !plausible_results_line(&tokens[start..end]) {
        return None;
    }
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut k = start;
    // "1." or "1 ." rank before a table row.
    if tokens[k].kind == TokenKind::Number {
        k += 1;
        if k < end && tokens[k].is_punct(".") {
            k += 1;
        }
    }
    while k < end {
        let t = &tokens[k];
        if t.is_punct("(") {
            depth += 1;
        } else if t.is_punct(")") {
            depth = depth.checked_sub(1)?;
        } else if t.is_word() && t.is_capitalized() {
            let mut e = k + 1;
            while e < end
                && tokens[e].is_word()
                && tokens[e].is_capitalized()
                && text.get(tokens[e - 1].end..tokens[e].start) == Some(" ")
            {
                e += 1;
            }
            names.push(Name {
                start: k,
                end: e,
                bracketed: depth > 0,
            });
            k = e;
            continue;
        } else if t.is_word() && depth == 0 && !RESULT_WORDS.contains(&t.text) {
            // Prose: "Stoke beat Reading".
            return None;
        }
        k += 1;
    }
    let outside: Vec<&Name> = names.iter().filter(|n| !n.bracketed).collect();
    let is_number = |i: usize| i < end && tokens[i].kind == TokenKind::Number;
    let joined_by_v =
        |n: &Name| n.end < end && matches!(tokens[n.end].text, "v" | "vs") && n.end + 1 < end;
    let scored = |n: &Name| is_number(n.end) || joined_by_v(n);
    let fixture_second = |i: usize| {
        i > 0 && joined_by_v(outside[i - 1]) && outside[i - 1].end + 1 == outside[i].start
    };
    let every_name_scored = outside
        .iter()
        .enumerate()
        .all(|(i, n)| scored(n) || fixture_second(i));
    let calendar = outside
        .iter()
        .any(|n| CALENDAR_WORDS.contains(&tokens[n.start].text));
    let shouted = outside.len() == 1
        && tokens[outside[0].start..outside[0].end]
            .iter()
            .all(Token::is_all_caps);
    (!outside.is_empty() && outside.len() <= 3 && every_name_scored && !calendar && !shouted)
        .then_some(names)
}

fn plausible_results_line(line: &[Token<'_>]) -> bool {
    let mut depth = 0usize;
    // A score, or "v" between two sides.
    let mut number = false;
    for t in line {
        match t.kind {
            TokenKind::Number => number = true,
            TokenKind::Word if matches!(t.text, "v" | "vs") => number = true,
            TokenKind::Punct if t.text == "(" => depth += 1,
            TokenKind::Punct if t.text == ")" => depth = depth.saturating_sub(1),
            TokenKind::Word
                if depth == 0 && !t.is_capitalized() && !RESULT_WORDS.contains(&t.text) =>
            {
                return false
            }
            _ => {}
        }
    }
    number
}

/// Retypes and adds the names of the text's results lines in `spans`
/// (which stay in text order). A lone results line in prose is not
/// enough: a table has two, or one line names two sides.
pub fn recognize_results(
    text: &str,
    tokens: &[Token<'_>],
    line_ranges: &[(usize, usize)],
    spans: &mut Vec<Span>,
) {
    let lines: Vec<Vec<Name>> = line_ranges
        .iter()
        .filter_map(|&(start, end)| results_line(text, tokens, start, end))
        .collect();
    let two_sides = |names: &Vec<Name>| names.iter().filter(|n| !n.bracketed).count() >= 2;
    if lines.len() < 2 && !lines.iter().any(two_sides) {
        return;
    }
    let mut added = false;
    let mut teams: Vec<(usize, usize)> = Vec::new();
    for name in lines.into_iter().flatten() {
        let existing = spans
            .iter()
            .position(|s| s.tok_start < name.end && name.start < s.tok_end);
        let kind = side_kind(text, tokens, &name);
        if kind == EntityType::Organization {
            teams.push((name.start, name.end));
        }
        match existing {
            Some(i) if spans[i].tok_start == name.start && spans[i].tok_end == name.end => {
                if spans[i].kind != kind {
                    spans[i].kind = kind;
                    spans[i].place =
                        place_of(text, tokens, &name).filter(|_| kind == EntityType::Place);
                }
            }
            // A span across the line's names ("Portsmouth 0 Stoke") is left alone.
            Some(_) => {}
            None => {
                spans.push(Span {
                    tok_start: name.start,
                    tok_end: name.end,
                    kind,
                    place: place_of(text, tokens, &name).filter(|_| kind == EntityType::Place),
                    demonym: false,
                    roles: Vec::new(),
                    gender: if kind == EntityType::Person {
                        GIVEN_NAMES
                            .get(tokens[name.start].text)
                            .unwrap_or(Gender::Unknown)
                    } else {
                        Gender::Unknown
                    },
                    nationality: None,
                    expansion: None,
                    peer_title: None,
                });
                added = true;
            }
        }
    }
    if added {
        spans.sort_by_key(|s| s.tok_start);
    }
    // "Spartak Vladikavkaz coach Ruslan Dzhibilov said": a team of the
    // results is a team in the report's sentences too, not a person.
    let same_words = |a, b| super::rules::same_words(tokens, a, b);
    for span in spans.iter_mut() {
        if span.kind == EntityType::Person
            && teams
                .iter()
                .any(|&t| same_words(t, (span.tok_start, span.tok_end)))
        {
            span.kind = EntityType::Organization;
            span.gender = Gender::Unknown;
        }
    }
}

fn place_of(text: &str, tokens: &[Token<'_>], name: &Name) -> Option<usize> {
    GAZETTEER
        .default_choice(GAZETTEER.lookup(&text[tokens[name.start].start..tokens[name.end - 1].end]))
}

/// What a name on a results line is: scorers in brackets and players are
/// people, countries are places, the rest are teams.
fn side_kind(text: &str, tokens: &[Token<'_>], name: &Name) -> EntityType {
    if name.bracketed {
        return match place_of(text, tokens, name) {
            Some(p) if GAZETTEER.entries[p].kind == PlaceKind::Country => EntityType::Place,
            _ => EntityType::Person,
        };
    }
    if let Some(p) = place_of(text, tokens, name) {
        if GAZETTEER.entries[p].kind == PlaceKind::Country {
            return EntityType::Place;
        }
    }
    // "Erik Halvorsen 68 70": a leaderboard's player. A two-word name
    // without a known given name ("Carrow Vale 1") is a team.
    if name.end - name.start >= 2 && GIVEN_NAMES.contains(tokens[name.start].text) {
        return EntityType::Person;
    }
    EntityType::Organization
}

/// Verbs of a sports result between two sides: "Essex beat Kent", "Sussex
/// lost to Durham". With the preposition they need, if any.
const RESULT_VERBS: &[(&str, Option<&str>)] = &[
    ("beat", None),
    ("beats", None),
    ("defeated", None),
    ("thrashed", None),
    ("edged", None),
    ("routed", None),
    ("trounced", None),
    ("crushed", None),
    ("overcame", None),
    ("drew", Some("with")),
    ("draw", Some("with")),
    ("lost", Some("to")),
    ("lose", Some("to")),
    ("beaten", Some("by")),
];

/// A team's people, named after the team: "Barcelona coach Bobby Robson".
const TEAM_ROLES: &[&str] = &[
    "coach",
    "manager",
    "boss",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "captain",
    "skipper",
    "forward",
    "fullback",
    "full-back",
    "batsman",
    "bowler",
    "fly-half",
    "scrum-half",
    "prop",
    "lock",
    "flanker",
    "hooker",
];

/// Words that make a place's name an event's: "the Hamburg Open".
const EVENT_WORDS: &[&str] = &[
    "Open",
    "Masters",
    "Classic",
    "Marathon",
    "Cup",
    "Trophy",
    "Championship",
    "Championships",
    "Games",
    "Rally",
    "Invitational",
];

/// In a text about sport: the sides of a result named after places other
/// than countries are teams ("Essex beat Kent": county sides; "Italy beat
/// Wales": national sides go by their country), an unknown capitalised word
/// on the other side of the verb is a team too, and a place followed by an
/// event word is the event ("the Hamburg Open").
pub fn sports_sides(text: &str, tokens: &[Token<'_>], sport_words: u32, spans: &mut Vec<Span>) {
    if sport_words == 0 {
        return;
    }
    let mut added = Vec::new();
    for k in 0..spans.len() {
        let b = spans[k].tok_end;
        if spans[k].kind == EntityType::Place
            && tokens.get(b).is_some_and(|t| EVENT_WORDS.contains(&t.text))
            && text.get(tokens[b - 1].end..tokens[b].start) == Some(" ")
        {
            spans[k].kind = EntityType::Other;
            spans[k].place = None;
            spans[k].tok_end = b + 1;
            continue;
        }
        // "Barcelona coach Bobby Robson", "Leeds striker ...": a team's
        // staff and players.
        if tokens.get(b).is_some_and(|t| TEAM_ROLES.contains(&t.text)) {
            make_team(&mut spans[k]);
            continue;
        }
        let Some(other_start) = result_object(tokens, b) else {
            continue;
        };
        make_team(&mut spans[k]);
        match spans.iter().position(|s| s.tok_start == other_start) {
            Some(j) => make_team(&mut spans[j]),
            None => {
                if let Some(team) = unknown_team(tokens, other_start) {
                    added.push(team);
                }
            }
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.tok_start);
    }
}

/// Where the second side starts when a result verb follows token `b - 1`.
fn result_object(tokens: &[Token<'_>], b: usize) -> Option<usize> {
    let verb = tokens.get(b)?;
    let &(_, preposition) = RESULT_VERBS.iter().find(|(v, _)| *v == verb.text)?;
    let mut at = b + 1;
    if let Some(p) = preposition {
        if tokens.get(at)?.text != p {
            return None;
        }
        at += 1;
    }
    tokens
        .get(at)
        .is_some_and(Token::is_capitalized)
        .then_some(at)
}

fn make_team(span: &mut Span) {
    // National sides go by their country; the home nations field their own.
    let national = span.place.is_some_and(|p| {
        let entry = &GAZETTEER.entries[p];
        entry.kind == PlaceKind::Country
            || matches!(
                entry.name,
                "England" | "Scotland" | "Wales" | "Northern Ireland"
            )
    });
    let unknown_or_place = matches!(span.kind, EntityType::Place | EntityType::Other);
    if unknown_or_place && !national && !span.demonym {
        span.kind = EntityType::Organization;
        span.place = None;
    }
}

/// "lost to Durham by": an unrecognised capitalised word (not an ordinary
/// one) as the other side of a result is a team.
fn unknown_team(tokens: &[Token<'_>], at: usize) -> Option<Span> {
    let t = &tokens[at];
    if !t.is_word() || super::lexicon::is_common_word(t.text) {
        return None;
    }
    let next_is_name = tokens.get(at + 1).is_some_and(Token::is_capitalized);
    (!next_is_name).then(|| Span {
        tok_start: at,
        tok_end: at + 1,
        kind: EntityType::Organization,
        place: None,
        demonym: false,
        roles: Vec::new(),
        gender: Gender::Unknown,
        nationality: None,
        expansion: None,
        peer_title: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::test_support::names;
    use crate::text_util::tokenize;

    fn has(found: &[(String, EntityType)], name: &str, kind: EntityType) -> bool {
        found.iter().any(|(s, k)| s == name && *k == kind)
    }

    #[test]
    fn results_lines_name_teams_countries_and_scorers() {
        let found = names(
            "Results of second division matches on Saturday:\n\
             Dunmore 2 (Keane 34, Hollis 60) Westbridge 0\n\
             Carrow Vale 1 Ashby 1\n\
             Norway 3 Ireland 1\n\
             Tarnfield v Dunmore\n",
        );
        for team in ["Dunmore", "Westbridge", "Carrow Vale", "Ashby", "Tarnfield"] {
            assert!(
                has(&found, team, EntityType::Organization),
                "{team}: {found:?}"
            );
        }
        for country in ["Norway", "Ireland"] {
            assert!(
                has(&found, country, EntityType::Place),
                "{country}: {found:?}"
            );
        }
        for scorer in ["Keane", "Hollis"] {
            assert!(
                has(&found, scorer, EntityType::Person),
                "{scorer}: {found:?}"
            );
        }
    }

    #[test]
    fn sides_of_a_result_are_teams_unless_countries() {
        let found = names(
            "Essex beat Kent by five wickets in London, while Sussex lost to Durham. \
             Italy beat Wales 3-1 and Sorensen won the Hamburg Open.",
        );
        for team in ["Essex", "Kent", "Sussex", "Durham"] {
            assert!(
                has(&found, team, EntityType::Organization),
                "{team}: {found:?}"
            );
        }
        assert!(has(&found, "London", EntityType::Place), "{found:?}");
        assert!(has(&found, "Italy", EntityType::Place), "{found:?}");
        assert!(has(&found, "Wales", EntityType::Place), "{found:?}");
        assert!(
            !found.iter().any(|(s, _)| s == "Hamburg"),
            "the event: {found:?}"
        );
        // Without a word of sport, "beat" is not read as a result.
        let found = names("Essex beat Kent in the rankings of house prices.");
        assert!(has(&found, "Essex", EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_players_table_names_people() {
        let found = names(
            "Leading scores after the second round:\n\
             Erik Halvorsen 68 70\n\
             Daniel Okonjo 70 69\n",
        );
        assert!(
            has(&found, "Erik Halvorsen", EntityType::Person),
            "{found:?}"
        );
        assert!(
            has(&found, "Daniel Okonjo", EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn prose_dates_and_lone_lines_are_no_results() {
        let found = names("June 5\nThe talks resumed.\nWindows 95\nSales rose.");
        assert!(!found.iter().any(|(s, _)| s == "June"), "{found:?}");
        assert!(
            !found.iter().any(|(_, k)| *k == EntityType::Organization),
            "{found:?}"
        );
        let found = names("LONDON 1997-01-11\nMARKET REPORT 1997-01-11\nShares rose.");
        assert!(has(&found, "LONDON", EntityType::Place), "{found:?}");
        let text = "Stoke beat Reading 3-2 on Saturday.";
        let tokens = tokenize(text);
        assert_eq!(results_line(text, &tokens, 0, tokens.len()), None);
    }
}
