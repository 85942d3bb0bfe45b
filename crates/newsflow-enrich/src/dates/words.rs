//! Calendar words: month and weekday names, cue words.

use chrono::Weekday;

/// Month number of a capitalised month name or abbreviation ("Aug",
/// "Sept"), given the word and its lower-cased form.
pub(crate) fn month_lower(word: &str, lower: &str) -> Option<u32> {
    if word.len() < 3 || word.len() > 9 || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some(match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// A month name that is also an ordinary word and needs date context.
pub(crate) fn month_is_ambiguous(word: &str) -> bool {
    matches!(
        word,
        "May"
            | "March"
            | "Mar"
            | "Jan"
            | "Dec"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Apr"
            | "Feb"
    )
}

/// Weekday of a capitalised name, given the word and its lower-cased form.
pub(crate) fn weekday(word: &str, lower: &str) -> Option<Weekday> {
    if !(6..=9).contains(&word.len()) || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some(match lower {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Words before a bare month or year that make it a date ("in June", "since 2019").
pub(crate) fn is_period_cue(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "during"
            | "early"
            | "late"
            | "mid"
            | "through"
            | "before"
            | "after"
            | "last"
            | "next"
            | "this"
            | "of"
            | "between"
            | "and"
            | "or"
            | "for"
            | "throughout"
            | "circa"
            | "end"
            | "start"
    )
}

/// Words before a 4-digit number that make it a year rather than a count
/// ("the 2024 election", "fiscal 2023", "summer 2021").
pub(crate) fn is_year_only_cue(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "fiscal"
            | "year"
            | "season"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "census"
            | "vintage"
    )
}

/// Words before a number that make it a count, not a year.
pub(crate) fn is_count_cue(lower: &str) -> bool {
    matches!(
        lower,
        "about"
            | "some"
            | "nearly"
            | "almost"
            | "than"
            | "over"
            | "under"
            | "around"
            | "approximately"
            | "roughly"
            | "only"
            | "just"
            | "least"
            | "most"
            | "top"
            | "No"
            | "no"
            | "number"
            | "page"
            | "room"
            | "flight"
            | "route"
    )
}

/// A finite past-tense verb: nearer to a bare weekday than any future cue,
/// it puts the weekday in the past ("approved a plan on Tuesday").
pub(crate) fn is_past_verb(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "told"
            | "met"
            | "held"
            | "went"
            | "began"
            | "made"
            | "took"
            | "gave"
            | "came"
            | "saw"
            | "won"
            | "lost"
            | "left"
            | "sent"
            | "spent"
            | "was"
            | "were"
            | "had"
            | "did"
            | "found"
            | "struck"
            | "fell"
            | "rose"
            | "hit"
            | "shot"
            | "killed"
            | "died"
    ) || (lower.len() > 4 && lower.ends_with("ed") && !is_future_cue(lower))
}

/// Words that put a bare weekday in the future ("will meet on Friday").
pub(crate) fn is_future_cue(lower: &str) -> bool {
    matches!(
        lower,
        "will"
            | "'ll"
            | "shall"
            | "due"
            | "scheduled"
            | "expected"
            | "plans"
            | "planned"
            | "set"
            | "going"
            | "until"
            | "till"
            | "upcoming"
            | "coming"
            | "ahead"
            | "deadline"
            | "tomorrow"
    )
}

/// Time units for "three days later", "two weeks ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

pub(crate) fn unit(lower: &str) -> Option<Unit> {
    Some(match lower {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}
