//! Quote enricher on text we wrote: every attribution pattern of issue 3.

#[path = "common_article.rs"]
mod common_article;

use common_article::article;
use newsflow_enrich::entities::EntityEnricher;
use newsflow_enrich::quotes::QuoteEnricher;
use newsflow_enrich::Enricher;

fn quotes(paragraphs: &[&str]) -> Vec<newsflow_model::Quote> {
    let mut record = article(None, paragraphs);
    EntityEnricher::new().enrich(&mut record).unwrap();
    QuoteEnricher::new().enrich(&mut record).unwrap();
    let chars: Vec<char> = record.article.body.chars().collect();
    for q in &record.quotes {
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
    record.quotes
}

/// The speaker of the quote whose text starts with `text`.
fn speaker_of(qs: &[newsflow_model::Quote], text: &str) -> Option<String> {
    qs.iter()
        .find(|q| q.text.starts_with(text))
        .unwrap_or_else(|| panic!("no quote {text:?} in {qs:#?}"))
        .speaker
        .clone()
}

/// Invented article with gold speakers; reports accuracy.
#[test]
fn speakers_in_an_invented_article() {
    let qs = quotes(&[
        "Finance Minister Maria Okafor warned on Monday that the budget was at risk, and Central Bank Governor Paul Lindqvist disagreed.",
        "“We cannot spend what we do not have,” Okafor told Reuters.",
        "“The numbers are sound,” said Lindqvist. “Inflation is falling.”",
        "He added: \"Growth will return next year.\"",
        "According to Okafor, “the deficit is ‘unsustainable’ and must be cut.”",
        "“There is no crisis,” the governor said.",
        "Okafor said the plan was “a first step” and that “the hard part” would come later.",
        "“We will publish the details in March.",
        "“Parliament will then vote on every line,” she said.",
    ]);
    let gold = [
        (
            "We cannot spend what we do not have,",
            "Maria Okafor",
            "told",
        ),
        ("The numbers are sound,", "Paul Lindqvist", "said"),
        ("Inflation is falling.", "Paul Lindqvist", ""),
        ("Growth will return next year.", "Paul Lindqvist", "added"),
        (
            "the deficit is ‘unsustainable’ and must be cut.",
            "Maria Okafor",
            "according to",
        ),
        ("There is no crisis,", "Paul Lindqvist", "said"),
        ("a first step", "Maria Okafor", "said"),
        ("the hard part", "Maria Okafor", ""),
        (
            "We will publish the details in March.\n\n“Parliament will then vote on every line,",
            "Maria Okafor",
            "said",
        ),
    ];
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, gold.iter().map(|g| g.0).collect::<Vec<_>>());
    let correct = qs
        .iter()
        .zip(&gold)
        .filter(|(q, g)| q.speaker.as_deref() == Some(g.1))
        .count();
    for (q, g) in qs.iter().zip(&gold) {
        println!(
            "{:?}: expected {}, got {:?} cue {:?}",
            g.0, g.1, q.speaker, q.cue
        );
        if !g.2.is_empty() {
            assert_eq!(q.cue.as_deref(), Some(g.2), "cue of {:?}", g.0);
        }
    }
    let accuracy = correct as f64 / gold.len() as f64;
    println!(
        "invented article speaker accuracy: {correct}/{} = {accuracy:.3}",
        gold.len()
    );
    assert!(accuracy >= 0.9, "{accuracy}");
}

#[test]
fn pronouns_follow_gender() {
    let qs = quotes(&[
        "Mr Tomas Berg met Mrs Ilse Varga in Vienna.",
        "“It went well,” she said. “We agreed on nothing,” he said.",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Ilse Varga"));
    assert_eq!(qs[1].speaker.as_deref(), Some("Tomas Berg"));
}

#[test]
fn unattributed_quote_after_a_gap_has_no_speaker() {
    let qs = quotes(&[
        "“Hello,” Anna Lind said.",
        "The weather was poor.",
        "“Nobody came.”",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Anna Lind"));
    assert_eq!(qs[1].speaker, None);
}

/// Listeners, scare quotes, descriptions, organisations and pronouns after
/// narrative that names someone else (patterns from the quote gold's errors).
#[test]
fn listeners_scare_quotes_and_stand_ins() {
    let qs = quotes(&[
        "Marathon runner Helena Brask says athletics needs more testing.",
        "“Cheating is a crime,” the 31-year-old told the Daily Courier.",
        "The race will use a “smart chip” to time every runner.",
        "Norvik Telecom said it was “fully committed” to clean competition. “We will pay for the tests,” the company added.",
        "Coach Daniel Ferro said the team had trained in Kenya. Ferro met Helena Brask in March.",
        "“It was a good camp,” he said.",
    ]);
    let speaker = |text: &str| speaker_of(&qs, text);
    assert_eq!(speaker("Cheating").as_deref(), Some("Helena Brask"));
    assert_eq!(speaker("smart chip"), None, "a scare quote has no speaker");
    assert_eq!(
        speaker("fully committed").as_deref(),
        Some("Norvik Telecom")
    );
    assert_eq!(speaker("We will pay").as_deref(), Some("Norvik Telecom"));
    assert_eq!(
        speaker("It was a good camp").as_deref(),
        Some("Daniel Ferro")
    );
}

/// "the Irishman said": the person introduced with that nationality.
#[test]
fn a_nationality_noun_finds_the_person_of_that_nation() {
    let qs = quotes(&[
        "Irish striker Robbie Keane scored twice and Dutch coach Martin Jol praised the team.",
        "“It was a hard game,” the Irishman said.",
        "“We deserved it,” the Dutchman said.",
    ]);
    let speakers: Vec<Option<&str>> = qs.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Robbie Keane"), Some("Martin Jol")]);
}

/// Titles in quotation marks have no speaker and pass none on: the
/// pronoun after them still finds the person who spoke before.
#[test]
fn titles_are_not_speech() {
    let qs = quotes(&[
        "“I felt strange,” Mary Ostrand said.",
        "The neurologist Alan Brisk wrote about it in his book “Musicophilia” — Ostrand was not thrilled. “I couldn’t focus,” she said.",
        "Her son Tom Ostrand, the director of “The Long Night Home,” said the show “moved faster than any of us expected”.",
    ]);
    let speaker = |text: &str| speaker_of(&qs, text);
    assert_eq!(speaker("Musicophilia"), None);
    assert_eq!(speaker("The Long Night Home"), None);
    assert_eq!(speaker("I couldn’t focus"), Some("Mary Ostrand".into()));
    // A lower-case partial quote after "show" is speech, not a title.
    assert_eq!(speaker("moved faster"), Some("Tom Ostrand".into()));
}

/// A quote that ends its own sentence ("!", "?", ".") is still reported by
/// the short sentence after it, with a time or an addressee; not by a
/// passive cue, nor by a cue introducing the next quote.
#[test]
fn sentence_final_quotes_and_the_short_sentence_after_them() {
    let qs = quotes(&[
        "Governor Lena Marsh campaigned hard. Senator Ray Okoro watched.",
        "“We did a great job in Kentucky!” Okoro said before Election Day.",
        "“The plan works.” Marsh told reporters on Monday.",
        "“Why now?” Okoro was asked last week. “It is time,” Marsh said.",
        "“We are ready.” Okoro had earlier told the Daily Ledger: “Nothing will stop us.”",
    ]);
    let speaker = |text: &str| speaker_of(&qs, text);
    assert_eq!(speaker("We did a great job"), Some("Ray Okoro".into()));
    assert_eq!(speaker("The plan works."), Some("Lena Marsh".into()));
    assert_ne!(speaker("Why now?"), Some("Ray Okoro".into()));
    assert_eq!(speaker("Nothing will stop us."), Some("Ray Okoro".into()));
}

/// "“…,” Name, a long apposition … told X": the person opening the clause.
#[test]
fn person_with_an_unclosed_apposition_before_the_cue() {
    let qs = quotes(&[
        "Air quality improved this week.",
        "“This is mainly due to the wind,” Kavya Ranjit, a research analyst at the Delhi-based Council on Energy and Water think tank told the paper.",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Kavya Ranjit"), "{qs:#?}");
}

/// Given names from the large list give pronouns their gender: "she" is not
/// the Oliver named in passing before it.
#[test]
fn pronouns_follow_given_name_genders() {
    let qs = quotes(&[
        "“I felt strange,” Mary Ostrand said.",
        "It might sound like an Oliver Brannagh story, and Brannagh wrote about such cases. Ostrand was frightened. “I couldn’t focus,” she said.",
    ]);
    let focus = qs.iter().find(|q| q.text.starts_with("I couldn")).unwrap();
    assert_eq!(focus.speaker.as_deref(), Some("Mary Ostrand"), "{qs:#?}");
}

/// Quotes without a cue: the person the sentence before introduces, and
/// the subject ("he", "it", "the committee") of the sentence a partial
/// quote sits in.
#[test]
fn uncued_quotes_take_the_subject_of_the_narrative() {
    let qs = quotes(&[
        "Strategist Dirk Mallory has advised presidents. On this subject, Mallory appears almost evangelical.",
        "“I was on a cruise when the idea came to me.”",
        "The results came from Harlow Mining. It expected 2005 to be a “transitional year” for the firm.",
        "Coach Dan Varga spoke later. But he blamed “a lack of talent” for the defeat.",
    ]);
    let speaker = |text: &str| speaker_of(&qs, text);
    assert_eq!(speaker("I was on a cruise"), Some("Dirk Mallory".into()));
    assert_eq!(speaker("transitional year"), Some("Harlow Mining".into()));
    assert_eq!(speaker("a lack of talent"), Some("Dan Varga".into()));
}

/// A description before the person after a quote: "“…,” study lead author
/// Lena Paget, a planetary scientist at …, said in a statement."
#[test]
fn descriptions_before_the_person_after_a_quote() {
    let qs = quotes(&[
        "A new study reports water on the moon.",
        "“Water is hard to find,” study lead author Lena Paget, a planetary scientist at the Goddard Space Flight Center in Greenbelt, Maryland, said in a statement.",
        "“My people had $20 billion done,” Mr. Voss recounted in a cabinet meeting.",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Lena Paget"), "{qs:#?}");
    assert_eq!(qs[1].speaker.as_deref(), Some("Voss"), "{qs:#?}");
}

/// "wrote 43-year-old X", "comments X", and names after a dateline's dash
/// or a colon without the function word that opens the clause.
#[test]
fn ages_after_inverted_cues_and_clause_openers() {
    let qs = quotes(&[
        "LOS ANGELES (AP) — To Marlon Deveaux, records are not a goal. There is a reason: Although Deveaux plays on, he is tired.",
        "“I was unable to stand,” wrote 43-year-old Rhona Keddie of Aberdeenshire, in a case study.",
        "“We adjusted the design,” comments Robin Baxendale of the design facility.",
        "“It means nothing to me,” Deveaux said.",
    ]);
    let speakers: Vec<Option<&str>> = qs.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Rhona Keddie"),
            Some("Robin Baxendale"),
            Some("Marlon Deveaux")
        ],
        "{qs:#?}"
    );
}

/// A spokesman's words are not the boss's: "a spokesman said", "Mr Dorn's
/// spokesman said", "said a Velcor spokeswoman" have no named speaker, and
/// pass none on; a named spokesman in apposition still speaks.
#[test]
fn unnamed_spokespeople_speak_for_no_one_named() {
    let qs = quotes(&[
        "Chief executive Anil Dorn said profits rose. “We are pleased,” he said.",
        "“No decisions on job cuts have been made,” a spokesman said. “We are talking to the unions.”",
        "“The prime minister is determined,” Mr Dorn's spokesman said.",
        "“It was an old injury,” said a Velcor spokeswoman.",
        "Lena Ruiz, Velcor health spokeswoman, said: “It is the same target.”",
    ]);
    let speaker = |text: &str| speaker_of(&qs, text);
    assert_eq!(speaker("We are pleased"), Some("Anil Dorn".into()));
    assert_eq!(speaker("No decisions"), None);
    assert_eq!(speaker("We are talking"), None);
    assert_eq!(speaker("The prime minister is determined"), None);
    assert_eq!(speaker("It was an old injury"), None);
    assert_eq!(speaker("It is the same target"), Some("Lena Ruiz".into()));
}

/// "he" after a sentence about the previous speaker by description keeps
/// that speaker, though another man was named as a subject in between.
#[test]
fn a_described_subject_keeps_the_previous_speaker() {
    let qs = quotes(&[
        "“It is a fantastic job for anybody,” Gordon Strathie told the BBC. Club director Terry Bradden held talks with Strathie on Saturday. The former Scotland international added that the move was unwise. “I have too many memories,” he said.",
    ]);
    assert_eq!(qs[1].speaker.as_deref(), Some("Gordon Strathie"), "{qs:#?}");
}

/// The subject of a participle cue is not a possessor in the clause.
#[test]
fn a_possessor_is_not_the_speaker() {
    let qs = quotes(&[
        "Tessa Vaughn accused the label of bullying. Harbor Records has denied Vaughn's claims, saying they were “shocking and false.”",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Harbor Records"), "{qs:#?}");
}

/// A lede's description names the person the next sentence introduces.
#[test]
fn a_lede_description_is_the_person_named_next() {
    let qs = quotes(&[
        "The \"myth that ageing is a barrier\" needs to be \"exploded\", the work and pensions minister has said.",
        "This was why the government was considering scrapping the retirement age, Alan Jonson said.",
    ]);
    let exploded = qs.iter().find(|q| q.text == "exploded").unwrap();
    assert_eq!(exploded.speaker.as_deref(), Some("Alan Jonson"), "{qs:#?}");
}

/// "… and the defender said", "insists Mr Wood": a description after a
/// conjunction, and one more inverted cue.
#[test]
fn descriptions_after_conjunctions_and_inverted_insists() {
    let qs = quotes(&[
        "Manchester defender Richard Dunnock wants a new deal. Early talks have taken place and the defender said: “Hopefully it will be sorted out.”",
        "“Japan has never liked that option,” insists Mr Dunnock.",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Richard Dunnock"), "{qs:#?}");
    assert_eq!(qs[1].speaker.as_deref(), Some("Richard Dunnock"), "{qs:#?}");
}

/// A possessor speaks only through a document: "talks with Disney's
/// producers revealed" is not Disney's word, "Cornyn's statement added" is
/// Cornyn's.
#[test]
fn possessors_speak_only_through_documents() {
    let qs = quotes(&[
        "Lawyer Carl Whitby said talks with Harbor Films' producers revealed there was \"a strong element of violence\".",
        "Senator Jon Cornell criticised the move. Cornell's statement added, \"There is no question Houston is the right place.\"",
    ]);
    assert_ne!(qs[0].speaker.as_deref(), Some("Harbor Films"), "{qs:#?}");
    assert_eq!(qs[1].speaker.as_deref(), Some("Jon Cornell"), "{qs:#?}");
}

/// The inverted subject is the first name after the cue, even when the
/// clause goes on to name others; an employer before a title is not it.
#[test]
fn inverted_subject_is_the_first_person_after_the_cue() {
    let qs = quotes(&[
        "Guitarist Buddy Gale played first. Eric Clapstone followed.",
        "“My course was set,” said Clapstone who joined Gale and King on stage.",
        "“We needed scale,” said Fiat chief executive Sergio Marchetti.",
    ]);
    assert_eq!(qs[0].speaker.as_deref(), Some("Eric Clapstone"), "{qs:#?}");
    assert_eq!(
        qs[1].speaker.as_deref(),
        Some("Sergio Marchetti"),
        "{qs:#?}"
    );
}

/// A colon hands an uncued quote to the subject of the sentence it ends.
#[test]
fn a_colon_hands_the_quote_to_the_sentence_subject() {
    let qs = quotes(&[
        "“We will win,” Kate Yorke said.",
        "Caitlin Smithers agreed: “It is a different job altogether.”",
    ]);
    assert_eq!(
        qs[1].speaker.as_deref(),
        Some("Caitlin Smithers"),
        "{qs:#?}"
    );
}

/// "The Leeds-based group said": a name split out of a modifier compound
/// stays inside the speaker phrase, which still reads as a described body.
#[test]
fn modifier_compounds_stay_inside_the_speaker_phrase() {
    let qs = quotes(&[
        "Orla Finch, chief executive of Leeds-based Vantor, said trading had been \"very difficult\".",
        "The Leeds-based group said demand was \"weak\" in the autumn.",
        "The Leeds-based firm's chairman said it was \"a blip\".",
    ]);
    assert_eq!(
        speaker_of(&qs, "very difficult").as_deref(),
        Some("Orla Finch")
    );
    assert_eq!(speaker_of(&qs, "weak").as_deref(), Some("Vantor"));
    assert_eq!(speaker_of(&qs, "a blip").as_deref(), Some("Orla Finch"));
    // A name after "ex-" describes the speaker; it does not speak.
    let qs = quotes(&[
        "Striker Tam Olsen scored twice as Harbour Town beat Wexley on Saturday.",
        "The ex-Harbour Town striker said the win was \"a relief\".",
        "The pro-NATO senator said the vote was \"rigged\".",
    ]);
    assert_eq!(speaker_of(&qs, "a relief").as_deref(), Some("Tam Olsen"));
    assert_ne!(speaker_of(&qs, "rigged").as_deref(), Some("NATO"));
}
