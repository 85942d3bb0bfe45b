use newsflow_enrich::keywords::keywords;

const BODY: &str = "Prime Minister Fumio Kishida met leaders of the Group of Seven in Hiroshima on Friday. \
Kishida said the summit would discuss nuclear disarmament, and the leaders visited the Peace Memorial Museum. \
Disarmament campaigners welcomed the visit. Kishida, whose family comes from Hiroshima, called for a world \
without nuclear weapons. The Bank of Japan was not part of the talks, but nuclear policy dominated them.";

#[test]
fn prefers_multiword_names_and_repeated_terms() {
    let found = keywords("Kishida hosts G7 leaders in Hiroshima", BODY, 10);
    let terms: Vec<&str> = found.iter().map(|k| k.term.as_str()).collect();
    assert!(found.len() <= 10);
    assert_eq!(terms[0], "Fumio Kishida", "{terms:?}");
    assert!(terms.contains(&"Hiroshima"), "{terms:?}");
    assert!(terms.contains(&"nuclear"), "{terms:?}");
    assert!(terms.contains(&"Bank of Japan"), "{terms:?}");
    // "Kishida" alone folded into the full name; stop words never appear.
    assert!(
        !terms.contains(&"Kishida") && !terms.contains(&"The") && !terms.contains(&"said"),
        "{terms:?}"
    );
    assert_eq!(found[0].score, 1.0);
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn plurals_fold_and_empty_text_has_none() {
    let found = keywords(
        "",
        "The tariff rose. New tariffs came. More tariffs followed and the tariff debate grew.",
        5,
    );
    let tariff: Vec<_> = found
        .iter()
        .filter(|k| k.term.starts_with("tariff"))
        .collect();
    assert_eq!(tariff.len(), 1, "{found:?}");
    assert!(keywords("", "", 10).is_empty());
}
