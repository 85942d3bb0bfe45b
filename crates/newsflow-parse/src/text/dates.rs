//! Dates as datelines write them ("June 5, 2024", "5 June 2024",
//! "2024-03-01", "Tuesday"), and turning one into a timestamp only when it
//! names a single day without doubt.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use regex::Regex;

const MONTH: &str = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
const WEEKDAY: &str = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day";

/// Regex source (no anchors, no captures) for a date as a dateline writes it.
pub static DATE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:{WEEKDAY},?\s+)?(?:\d{{4}}-\d{{2}}-\d{{2}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}/\d{{4}}|{WEEKDAY})"
    )
});

static ISO: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"));
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}),?\s+(\d{{4}})\b"
    ))
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));

/// Compiles a constant pattern; a typo would fail every test that parses a
/// date, so this cannot reach production.
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant regex compiles")
}

/// The day `text` names, at midnight UTC, when it names exactly one: a
/// year is required, and 03/04/2024 (US or European?) is refused unless one
/// number is over 12.
pub fn unambiguous_date(text: &str) -> Option<DateTime<Utc>> {
    let date = if let Some(c) = ISO.captures(text) {
        ymd(&c[1], month_number_str(&c[2])?, &c[3])
    } else if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        ymd(&c[3], month_from_name(&c[1])?, &c[2])
    } else if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        ymd(&c[3], month_from_name(&c[2])?, &c[1])
    } else if let Some(c) = NUMERIC.captures(text) {
        let first: u32 = c[1].parse().ok()?;
        let second: u32 = c[2].parse().ok()?;
        let (month, day) = match (first > 12, second > 12) {
            (true, false) => (second, first),
            (false, true) => (first, second),
            _ => return None,
        };
        NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, day)
    } else {
        None
    }?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

fn ymd(year: &str, month: u32, day: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

fn month_number_str(month: &str) -> Option<u32> {
    month.parse().ok()
}

fn month_from_name(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = name.get(..3)?.to_ascii_lowercase();
    NAMES
        .iter()
        .position(|known| *known == prefix)
        .map(|index| index as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<String> {
        unambiguous_date(text).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn full_dates_parse() {
        assert_eq!(
            day("NAIROBI , Kenya 2024-03-01").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            day("LIMA, June 5, 2024 (AFP) -").as_deref(),
            Some("2024-06-05")
        );
        assert_eq!(day("ROME, 7 Sept. 2023 -").as_deref(), Some("2023-09-07"));
        assert_eq!(day("on 25/03/2024").as_deref(), Some("2024-03-25"));
    }

    #[test]
    fn ambiguous_or_partial_dates_do_not() {
        assert_eq!(day("TOKYO, June 5 (Reuters) -"), None);
        assert_eq!(day("03/04/2024"), None);
        assert_eq!(day("Tuesday"), None);
        assert_eq!(day("2024-02-30"), None);
    }

    #[test]
    fn date_pattern_matches_dateline_forms() {
        let pattern = compile(&format!("^(?:{})$", *DATE_PATTERN));
        for text in [
            "June 5",
            "Jun. 5, 2024",
            "5 June 2024",
            "2024-03-01",
            "Tuesday, May 7",
        ] {
            assert!(pattern.is_match(text), "{text}");
        }
        assert!(!pattern.is_match("Kenya"));
    }
}
