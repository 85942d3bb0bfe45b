use newsflow_enrich::amounts::find_amounts;

/// (text, value, unit) of every amount.
fn amounts(text: &str) -> Vec<(String, f64, Option<String>)> {
    let chars: Vec<char> = text.chars().collect();
    find_amounts(text)
        .into_iter()
        .map(|a| {
            let span: String = chars[a.start..a.end].iter().collect();
            assert_eq!(span, a.text, "offsets must cover the text");
            (a.text, a.value, a.unit)
        })
        .collect()
}

fn one(text: &str) -> (String, f64, Option<String>) {
    let all = amounts(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn unit(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn currencies_become_iso_codes_with_scaled_values() {
    assert_eq!(
        one("The deal is worth US$5 billion, officials said."),
        ("US$5 billion".into(), 5e9, unit("USD"))
    );
    assert_eq!(
        one("It paid £75m for the club."),
        ("£75m".into(), 75e6, unit("GBP"))
    );
    assert_eq!(
        one("A fine of €1.2bn was imposed."),
        ("€1.2bn".into(), 1.2e9, unit("EUR"))
    );
    assert_eq!(
        one("It cost 300 million yen."),
        ("300 million yen".into(), 3e8, unit("JPY"))
    );
    assert_eq!(
        one("A stamp costs 50p now."),
        ("50p".into(), 0.5, unit("GBP"))
    );
}

#[test]
fn percentages_and_measures() {
    assert_eq!(
        one("Turnout was 47.3% in the north."),
        ("47.3%".into(), 47.3, unit("percent"))
    );
    assert_eq!(
        one("Growth slowed to 2 per cent."),
        ("2 per cent".into(), 2.0, unit("percent"))
    );
    assert_eq!(
        one("The road runs 120 kilometres east."),
        ("120 kilometres".into(), 120.0, unit("km"))
    );
    assert_eq!(
        one("He ran the 100m final."),
        ("100m".into(), 100.0, unit("m"))
    );
}

#[test]
fn counted_nouns_and_time_spans() {
    assert_eq!(
        one("Some 140,000 people fled the city."),
        ("140,000 people".into(), 140_000.0, unit("people"))
    );
    assert_eq!(
        one("He served 24 years in prison."),
        ("24 years".into(), 24.0, unit("years"))
    );
    assert_eq!(
        one("Eight other crew members were rescued."),
        ("Eight other crew members".into(), 8.0, unit("crew members"))
    );
    assert_eq!(
        one("Rebels seized 12 villages overnight."),
        ("12 villages".into(), 12.0, unit("villages"))
    );
}

#[test]
fn written_numbers_need_something_to_count() {
    assert_eq!(
        one("A two-year-old boy was found."),
        ("two-year-old".into(), 2.0, unit("years"))
    );
    assert_eq!(
        one("Police arrested three suspects."),
        ("three suspects".into(), 3.0, unit("suspects"))
    );
    assert_eq!(
        one("She bought a dozen eggs."),
        ("a dozen eggs".into(), 12.0, unit("eggs"))
    );
    assert!(amounts("One of them said no one came.").is_empty());
}

#[test]
fn ranges_give_both_ends() {
    assert_eq!(
        amounts("Losses of $5-10 million are expected."),
        vec![
            ("$5".into(), 5e6, unit("USD")),
            ("10 million".into(), 1e7, unit("USD"))
        ]
    );
    assert_eq!(
        amounts("between 3 and 4 percent"),
        vec![
            ("3".into(), 3.0, unit("percent")),
            ("4 percent".into(), 4.0, unit("percent"))
        ]
    );
}

#[test]
fn years_labels_and_times_are_not_amounts() {
    assert!(amounts("In 2023 the G7 met at 10:30 about COVID-19 on June 5.").is_empty());
    assert_eq!(
        one("The 2,024 people came in 2019."),
        ("2,024 people".into(), 2024.0, unit("people"))
    );
}

/// Patterns from the amount gold's errors, on sentences we wrote.
#[test]
fn ages_name_numbers_and_spaced_currency_codes() {
    let found = find_amounts(
        "Maria Lind, 42, and her son, 9, moved here. They paid NZ $ 26 million. \
         The Atlas 5 rocket and 4chan were mentioned; 12 workers left.",
    );
    let got: Vec<(String, f64, Option<String>)> = found
        .into_iter()
        .map(|a| (a.text, a.value, a.unit))
        .collect();
    assert_eq!(
        got,
        vec![
            ("42".to_owned(), 42.0, Some("years".to_owned())),
            ("9".to_owned(), 9.0, None),
            ("NZ $ 26 million".to_owned(), 26e6, Some("NZD".to_owned())),
            ("12 workers".to_owned(), 12.0, Some("workers".to_owned())),
        ]
    );
}

/// A capital before a number marks a name ("Internet Explorer 6"), but not a
/// date word before it, nor a title-case headline.
#[test]
fn numbers_after_dates_and_in_headlines_are_amounts() {
    let got: Vec<(String, f64)> = find_amounts("On Monday 12 people were killed in the blast.")
        .into_iter()
        .map(|a| (a.text, a.value))
        .collect();
    assert_eq!(got, [("12 people".to_owned(), 12.0)]);
    let got: Vec<f64> = find_amounts("Bomb Kills 25 In Baghdad Market")
        .into_iter()
        .map(|a| a.value)
        .collect();
    assert_eq!(got, [25.0]);
}
