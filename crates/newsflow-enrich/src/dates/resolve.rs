//! Turns a scanned [`Expr`] into an ISO 8601 value against a reference date
//! (for relative expressions) and the previous day-precise mention (for
//! "three days later").

use chrono::{Datelike, Days, Months, NaiveDate};
use newsflow_model::Granularity;

use super::scan::{Dir, Expr};
use super::words::Unit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub value: String,
    pub granularity: Granularity,
    /// Set when the value is one day: later "three days later" count from it.
    pub day: Option<NaiveDate>,
}

/// Zero-padded numbers joined by '-' ("2024-03-05"): what `format!`
/// gives for in-range values, without its formatting machinery (this runs
/// for every date mention).
fn iso_digits(parts: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(10);
    for (k, &(value, width)) in parts.iter().enumerate() {
        if k > 0 {
            out.push('-');
        }
        let digits = value.checked_ilog10().unwrap_or(0) + 1;
        for _ in digits..width {
            out.push('0');
        }
        let mut divisor = 10u32.pow(digits - 1);
        while divisor > 0 {
            // `value / divisor % 10` is one decimal digit.
            out.push(char::from(b'0' + (value / divisor % 10) as u8));
            divisor /= 10;
        }
    }
    out
}

fn day(date: NaiveDate) -> Resolved {
    Resolved {
        value: if (0..=9999).contains(&date.year()) {
            // What "%Y-%m-%d" gives, without parsing a format string.
            iso_digits(&[(date.year() as u32, 4), (date.month(), 2), (date.day(), 2)])
        } else {
            date.format("%Y-%m-%d").to_string()
        },
        granularity: Granularity::Day,
        day: Some(date),
    }
}

fn month(year: i32, month: u32) -> Resolved {
    Resolved {
        value: match u32::try_from(year) {
            Ok(y) if y <= 9999 => iso_digits(&[(y, 4), (month, 2)]),
            _ => format!("{year:04}-{month:02}"),
        },
        granularity: Granularity::Month,
        day: None,
    }
}

fn year(year: i32) -> Resolved {
    Resolved {
        value: format!("{year:04}"),
        granularity: Granularity::Year,
        day: None,
    }
}

fn week(date: NaiveDate) -> Resolved {
    Resolved {
        value: {
            let week = date.iso_week();
            if (0..=9999).contains(&week.year()) {
                format!("{:04}-W{:02}", week.year(), week.week())
            } else {
                date.format("%G-W%V").to_string()
            }
        },
        granularity: Granularity::Week,
        day: None,
    }
}

/// `None` when the expression needs a reference (or a previous mention)
/// that is missing, or names an impossible day ("February 30").
pub(crate) fn resolve(
    expr: &Expr,
    reference: Option<NaiveDate>,
    previous: Option<NaiveDate>,
) -> Option<Resolved> {
    match *expr {
        Expr::Day {
            year: Some(y),
            month: m,
            day: d,
        } => NaiveDate::from_ymd_opt(y, m, d).map(day),
        Expr::Day {
            year: None,
            month: m,
            day: d,
        } => {
            let r = reference?;
            // The year that puts the day closest to the reference.
            (r.year() - 1..=r.year() + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .min_by_key(|date| (*date - r).num_days().abs())
                .map(day)
        }
        Expr::Month {
            year: Some(y),
            month: m,
            ..
        } => Some(month(y, m)),
        Expr::Month {
            year: None,
            month: m,
            dir,
        } => {
            let r = reference?;
            let here = r.year() * 12 + r.month0() as i32;
            let candidates = (r.year() - 1..=r.year() + 1).map(|y| y * 12 + m as i32 - 1);
            let pick = match dir {
                Dir::StrictPast => candidates.filter(|&c| c < here).max(),
                Dir::StrictFuture => candidates.filter(|&c| c > here).min(),
                Dir::Past => candidates.filter(|&c| c <= here).max(),
                Dir::Future => candidates.filter(|&c| c >= here).min(),
                Dir::Nearest => candidates.min_by_key(|&c| (c - here).abs()),
            }?;
            Some(month(pick.div_euclid(12), pick.rem_euclid(12) as u32 + 1))
        }
        Expr::Year(y) => Some(year(y)),
        Expr::Decade(y) => Some(Resolved {
            // ISO 8601 writes a decade as its first three digits: "199".
            value: format!("{:03}", y / 10),
            granularity: Granularity::Decade,
            day: None,
        }),
        Expr::Weekday {
            weekday,
            dir,
            after_previous,
        } => {
            let (base, dir) = match (after_previous, previous) {
                (true, Some(p)) => (p, Dir::Future),
                _ => (reference?, dir),
            };
            let ahead =
                (weekday.num_days_from_monday() + 7 - base.weekday().num_days_from_monday()) % 7;
            let behind = (7 - ahead) % 7;
            let date = match dir {
                Dir::Past => base - Days::new(u64::from(behind)),
                Dir::StrictPast => {
                    base - Days::new(u64::from(if behind == 0 { 7 } else { behind }))
                }
                Dir::Future => base + Days::new(u64::from(ahead)),
                Dir::StrictFuture => {
                    base + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
                }
                // "this Friday": the one in the reference's Monday-to-Sunday week.
                Dir::Nearest => {
                    let monday = base - Days::new(u64::from(base.weekday().num_days_from_monday()));
                    monday + Days::new(u64::from(weekday.num_days_from_monday()))
                }
            };
            Some(day(date))
        }
        Expr::FromReference { unit, amount } => offset(reference?, unit, amount, true),
        Expr::Weekend { past } => {
            let r = reference?;
            let on_weekday = r.weekday().num_days_from_monday() < 5;
            let base = if past && on_weekday {
                r.checked_sub_days(Days::new(7))?
            } else {
                r
            };
            Some(week(base))
        }
        Expr::FromPrevious { unit, amount } => offset(previous?, unit, amount, false),
    }
}

/// `base` moved by `amount` units. Counted from the reference, weeks keep
/// week granularity ("last week" → "2024-W22"); counted from a previous
/// day ("a week later") the result is that day.
fn offset(base: NaiveDate, unit: Unit, amount: i64, from_reference: bool) -> Option<Resolved> {
    let shift_days = |n: i64| {
        if n >= 0 {
            base.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            base.checked_sub_days(Days::new(n.unsigned_abs()))
        }
    };
    match unit {
        Unit::Day => shift_days(amount).map(day),
        Unit::Week if from_reference => shift_days(amount.checked_mul(7)?).map(week),
        Unit::Week => shift_days(amount.checked_mul(7)?).map(day),
        Unit::Month => {
            let months = Months::new(u32::try_from(amount.unsigned_abs()).ok()?);
            let date = if amount >= 0 {
                base.checked_add_months(months)
            } else {
                base.checked_sub_months(months)
            }?;
            Some(month(date.year(), date.month()))
        }
        Unit::Year => Some(year(base.year().checked_add(i32::try_from(amount).ok()?)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::iso_digits;

    #[test]
    fn iso_digits_matches_format() {
        for (y, m, d) in [
            (2024, 3, 5),
            (999, 12, 31),
            (0, 1, 1),
            (9999, 10, 10),
            (45, 7, 20),
        ] {
            assert_eq!(
                iso_digits(&[(y, 4), (m, 2), (d, 2)]),
                format!("{y:04}-{m:02}-{d:02}")
            );
            assert_eq!(iso_digits(&[(y, 4), (m, 2)]), format!("{y:04}-{m:02}"));
        }
    }
}
