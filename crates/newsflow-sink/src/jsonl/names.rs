//! File names: `<prefix>-<UTC yyyymmddTHHMMSSZ>-<seq>.jsonl`. Names sort in
//! the order the files were started; `seq` (4 digits, more if ever needed)
//! tells apart files started within the same second.

use chrono::{DateTime, Utc};

pub(crate) const EXTENSION: &str = ".jsonl";
const STAMP_LEN: usize = "20240605T101500Z".len();

pub(crate) fn stamp(now: DateTime<Utc>) -> String {
    now.format("%Y%m%dT%H%M%SZ").to_string()
}

pub(crate) fn file_name(prefix: &str, stamp: &str, seq: u32) -> String {
    format!("{prefix}-{stamp}-{seq:04}{EXTENSION}")
}

/// Whether `name` is a file this sink (with `prefix`) writes. Strict, so
/// that a prefix "articles" leaves "articles-old-..." files alone.
pub(crate) fn is_sink_file(prefix: &str, name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(prefix)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_suffix(EXTENSION))
    else {
        return false;
    };
    let Some((stamp, seq)) = rest.split_once('-') else {
        return false;
    };
    let stamp_ok = stamp.len() == STAMP_LEN
        && stamp.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    stamp_ok && seq.len() >= 4 && seq.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn names_round_trip_and_stay_strict() {
        let now = Utc
            .with_ymd_and_hms(2024, 6, 5, 10, 15, 0)
            .single()
            .expect("date");
        let name = file_name("articles", &stamp(now), 3);
        assert_eq!(name, "articles-20240605T101500Z-0003.jsonl");
        assert!(is_sink_file("articles", &name));
        assert!(!is_sink_file("art", &name));
        assert!(!is_sink_file(
            "articles",
            "articles-old-20240605T101500Z-0003.jsonl"
        ));
        assert!(!is_sink_file(
            "articles",
            "articles-20240605T101500Z-0003.jsonl.tmp"
        ));
        assert!(!is_sink_file(
            "articles",
            "articles-2024060XT101500Z-0003.jsonl"
        ));
    }
}
