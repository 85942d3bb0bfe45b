use chrono::NaiveDate;
use newsflow_enrich::dates::find_dates;
use newsflow_model::Granularity;

/// Wednesday 5 June 2024.
fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 6, 5)
}

/// (text, value, granularity, relative) of every mention.
fn dates(text: &str) -> Vec<(String, String, Granularity, bool)> {
    find_dates(text, reference())
        .into_iter()
        .map(|d| {
            let chars: Vec<char> = text.chars().collect();
            let span: String = chars[d.start..d.end].iter().collect();
            assert_eq!(span, d.text, "offsets must cover the text");
            (d.text, d.value, d.granularity, d.relative)
        })
        .collect()
}

fn values(text: &str) -> Vec<String> {
    dates(text).into_iter().map(|d| d.1).collect()
}

#[test]
fn absolute_dates_at_their_precision() {
    use Granularity::*;
    let found = dates("The bomb fell on Aug. 6, 1945, and the treaty followed in 1951. Talks open 5 June 2024 after a 2024-03-01 filing.");
    assert_eq!(
        found,
        vec![
            ("Aug. 6, 1945".into(), "1945-08-06".into(), Day, false),
            ("1951".into(), "1951".into(), Year, false),
            ("5 June 2024".into(), "2024-06-05".into(), Day, false),
            ("2024-03-01".into(), "2024-03-01".into(), Day, false),
        ]
    );
    assert_eq!(
        values("Sales rose in March 2023 and in the 1990s."),
        ["2023-03", "199"]
    );
    assert_eq!(dates("in the 1990s")[0].2, Decade);
}

#[test]
fn day_and_month_without_year_take_the_nearest_year() {
    assert_eq!(
        values("The vote is on June 5 and the count ended Dec. 30."),
        ["2024-06-05", "2023-12-30"]
    );
    assert_eq!(
        values("Prices fell in January and rose in mid-August."),
        ["2024-01", "2024-08"]
    );
}

#[test]
fn counts_are_not_years() {
    assert!(values("Some 140,000 people and 2,024 soldiers; about 2000 homes burned.").is_empty());
    assert!(values("The 1500 troops left.").is_empty());
    assert_eq!(
        values("The 2024 election was close, as in 2019-2020."),
        ["2024", "2019", "2020"]
    );
}

#[test]
fn relative_days_resolve_against_the_reference() {
    use Granularity::*;
    let found = dates("Yesterday the minister spoke; today he rests and tomorrow he flies.");
    let got: Vec<_> = found.iter().map(|d| (d.1.as_str(), d.2, d.3)).collect();
    assert_eq!(
        got,
        [
            ("2024-06-04", Day, true),
            ("2024-06-05", Day, true),
            ("2024-06-06", Day, true)
        ]
    );
}

#[test]
fn weekdays_follow_tense_and_cues() {
    // Reference is a Wednesday.
    assert_eq!(
        values("The minister said on Monday that talks failed."),
        ["2024-06-03"]
    );
    assert_eq!(
        values("Leaders will meet on Friday in Rome."),
        ["2024-06-07"]
    );
    assert_eq!(values("It happened last Wednesday."), ["2024-05-29"]);
    assert_eq!(values("It happens next Monday."), ["2024-06-10"]);
    assert_eq!(values("He spoke on Wednesday."), ["2024-06-05"]);
    // "plan" here is a noun; the nearer verb is past.
    assert_eq!(
        values("The council approved a plan on Tuesday to widen the road."),
        ["2024-06-04"]
    );
    assert_eq!(
        values("The council is expected to approve the budget on Friday."),
        ["2024-06-07"]
    );
}

#[test]
fn periods_relative_to_the_reference() {
    use Granularity::*;
    let found = dates("Last month prices rose, next week they fall, and last year was worse. Two years ago it began; three weeks ago it peaked.");
    let got: Vec<_> = found
        .iter()
        .map(|d| (d.0.as_str(), d.1.as_str(), d.2))
        .collect();
    assert_eq!(
        got,
        [
            ("Last month", "2024-05", Month),
            ("next week", "2024-W24", Week),
            ("last year", "2023", Year),
            ("Two years ago", "2022", Year),
            ("three weeks ago", "2024-W20", Week),
        ]
    );
}

#[test]
fn from_today_to_friday_gives_both_ends() {
    let found = dates("Schools close from today to Friday.");
    let got: Vec<_> = found.iter().map(|d| (d.0.as_str(), d.1.as_str())).collect();
    assert_eq!(got, [("today", "2024-06-05"), ("Friday", "2024-06-07")]);
}

#[test]
fn later_counts_from_the_previous_date() {
    let found = dates(
        "The ship left on March 3, 2021. Three days later it sank, and the next day rescuers came.",
    );
    let got: Vec<_> = found
        .iter()
        .map(|d| (d.0.as_str(), d.1.as_str(), d.3))
        .collect();
    assert_eq!(
        got,
        [
            ("March 3, 2021", "2021-03-03", false),
            ("Three days later", "2021-03-06", true),
            ("the next day", "2021-03-07", true)
        ]
    );
}

#[test]
fn unresolvable_relative_dates_are_left_out() {
    let found = find_dates("Yesterday, on Monday and in 1999.", None);
    let got: Vec<_> = found.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(got, ["1999"]);
    assert!(values("Three days later it rained.").is_empty());
}

#[test]
fn may_the_name_is_not_a_month() {
    assert!(values("Theresa May said the plan may work.").is_empty());
    assert_eq!(values("The law passed in May."), ["2024-05"]);
}

/// Patterns from the date gold's errors, on sentences we wrote.
#[test]
fn datelines_weekends_decades_and_plans() {
    use Granularity::*;
    // A dateline's weekday is part of its date, not a second mention.
    assert_eq!(
        dates("Tuesday, June 4, 2024\n\nThe council met."),
        vec![(
            "Tuesday, June 4, 2024".into(),
            "2024-06-04".into(),
            Day,
            false
        )]
    );
    // Reference Wednesday 2024-06-05 is in ISO week 23; the weekend before it in week 22.
    assert_eq!(
        values("Crowds came to the fair this weekend."),
        ["2024-W22"]
    );
    assert_eq!(values("The fair will open this weekend."), ["2024-W23"]);
    assert_eq!(values("The browser shipped nearly a decade ago."), ["2014"]);
    // The plan comes after the weekday: the coming Friday, not the last one.
    assert_eq!(
        values("On Friday, the minister and her team are to travel to Rome."),
        ["2024-06-07"]
    );
}

/// "this weekend" without a tense cue is the reference's own week; in the
/// past tense it is the weekend before, unless the reference is itself a
/// weekend day.
#[test]
fn weekends_follow_tense_and_the_reference_weekday() {
    assert_eq!(
        values("The festival this weekend features 40 bands."),
        ["2024-W23"]
    );
    let sunday = NaiveDate::from_ymd_opt(2024, 6, 9);
    let found = find_dates("She won the title over the weekend.", sunday);
    let got: Vec<&str> = found.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(got, ["2024-W23"]);
}
