mod language_support;
use language_support as common;

use newsflow_enrich::language::{detect, LanguageEnricher};
use newsflow_enrich::Enricher;

#[test]
fn tells_english_german_french_and_spanish_apart() {
    let cases = [
        ("en", "The council voted on Tuesday to close the old bridge after engineers warned that it was no longer safe for heavy traffic."),
        ("de", "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, nachdem Ingenieure vor schweren Schäden gewarnt hatten."),
        ("fr", "Le conseil municipal a décidé mardi de fermer le vieux pont après que des ingénieurs ont signalé des fissures inquiétantes."),
        ("es", "El ayuntamiento decidió el martes cerrar el viejo puente después de que los ingenieros advirtieran que ya no era seguro."),
    ];
    for (code, text) in cases {
        let lang = detect(text).expect("a language");
        assert_eq!(lang.code, code, "{text}");
        assert!(lang.confidence > 0.5 && lang.confidence <= 1.0, "{lang:?}");
    }
}

#[test]
fn enricher_sets_the_language_and_leaves_empty_text_unset() {
    let mut record = common::record(
        "a",
        "Heavy rain flooded the valley and farmers lost most of their harvest this year.",
    );
    LanguageEnricher::new().enrich(&mut record).unwrap();
    assert_eq!(
        record.language.as_ref().map(|l| l.code.as_str()),
        Some("en")
    );

    let mut empty = common::record("b", "");
    LanguageEnricher::new().enrich(&mut empty).unwrap();
    assert!(empty.language.is_none());
}

#[test]
fn the_english_shortcut_takes_only_plain_english() {
    use newsflow_enrich::language::clearly_english;
    let english = "The council said on Tuesday that the old bridge, which was built in the 1920s, would be closed \
to traffic after engineers found that it had been damaged by the floods and was not safe for heavy lorries.";
    assert_eq!(clearly_english(english).map(|l| l.code), Some("en".into()));
    let german = "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, nachdem Ingenieure vor \
schweren Schäden gewarnt hatten und der Verkehr in der Innenstadt seit Wochen umgeleitet werden musste.";
    assert!(clearly_english(german).is_none());
    assert!(
        clearly_english("The end.").is_none(),
        "too short to be sure"
    );

    let mut with_shortcut = common::record("a", english);
    let mut without = common::record("b", english);
    LanguageEnricher::new().enrich(&mut with_shortcut).unwrap();
    LanguageEnricher::whatlang_only()
        .enrich(&mut without)
        .unwrap();
    assert_eq!(
        with_shortcut.language.unwrap().code,
        without.language.unwrap().code
    );
}
