//! Attribution rules checked on invented articles, end to end (entities,
//! then quotes).

use newsflow_model::{Article, EnrichedArticle, Quote};

use crate::entities::EntityEnricher;
use crate::Enricher;

pub(super) fn quotes_of(paragraphs: &[&str]) -> Vec<Quote> {
    let paragraphs = paragraphs.iter().map(|p| p.to_string()).collect();
    let mut article = Article::from_paragraphs("test", "t", paragraphs);
    article.id = "t".into();
    let mut record = EnrichedArticle::from_article(article);
    EntityEnricher::new().enrich(&mut record).unwrap();
    super::extract_quotes(&record)
}

pub(super) fn speaker_of(quotes: &[Quote], text: &str) -> Option<String> {
    quotes
        .iter()
        .find(|q| q.text.starts_with(text))
        .unwrap_or_else(|| panic!("no quote {text:?} in {quotes:#?}"))
        .speaker
        .clone()
}

#[test]
fn perfect_and_colourful_cue_verbs_attribute_the_quote() {
    let qs = quotes_of(&[
        "Harbour fees rose again this spring, and few owners were pleased.",
        "“The town charges more every year,” Delia Marsh, a boat owner in the harbour, has written.",
        "“We will not pay twice,” Tobias Wren quipped.",
        "“The fees fund the new pier,” countered Mayor Ines Calloway.",
    ]);
    assert_eq!(
        speaker_of(&qs, "The town charges").as_deref(),
        Some("Delia Marsh")
    );
    assert_eq!(
        speaker_of(&qs, "We will not").as_deref(),
        Some("Tobias Wren")
    );
    assert_eq!(
        speaker_of(&qs, "The fees fund").as_deref(),
        Some("Ines Calloway")
    );
}

#[test]
fn a_cue_ending_an_earlier_quote_or_a_question_does_not_report_the_next() {
    let qs = quotes_of(&[
        "Lucia Varga opposes the bill.",
        "“It is a disaster,” said Ms. Varga, who has served two terms.",
        "“Farmers will pay for it.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "Farmers will").as_deref(),
        Some("Lucia Varga")
    );
    let qs = quotes_of(&[
        "Critic Ada Quill has interviewed the director Tomas Brink.",
        "Would Brink stay, Quill once asked? “No. I will leave next year.”",
    ]);
    assert_ne!(speaker_of(&qs, "No. I will").as_deref(), Some("Ada Quill"));
}

#[test]
fn a_pronoun_subject_of_the_sentence_before_speaks_an_uncued_quote() {
    let qs = quotes_of(&[
        "Tomas Brink runs a dairy farm in Ohio.",
        "He is worried.",
        "“The bill is a disaster. I will lose money.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "The bill is").as_deref(),
        Some("Tomas Brink")
    );
}

#[test]
fn narrative_about_another_person_hands_over_an_uncued_quote() {
    let qs = quotes_of(&[
        "Ada Quill wrote nine novels.",
        "“It was a mess,” Nadia Ferro, her editor, said. “A beautiful mess.” Quill disagreed. “It was finished.”",
        "Pieter Haas, the city engineer, inspected the bridge. “It is not safe,” Haas said. And he added that the mayor had been told. “She knows.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "A beautiful").as_deref(),
        Some("Nadia Ferro")
    );
    assert_eq!(
        speaker_of(&qs, "It was finished").as_deref(),
        Some("Ada Quill")
    );
    assert_eq!(speaker_of(&qs, "She knows").as_deref(), Some("Pieter Haas"));
}

#[test]
fn two_people_speaking_together_go_to_the_first_named() {
    let qs = quotes_of(&[
        "The band split in 2001.",
        "Nadia Ferro and Tomas Brink said they were “very happy” to play again.",
        "“We missed it,” Ferro and Brink said in a joint statement.",
    ]);
    assert_eq!(
        speaker_of(&qs, "very happy").as_deref(),
        Some("Nadia Ferro")
    );
    assert_eq!(speaker_of(&qs, "We missed").as_deref(), Some("Nadia Ferro"));
}

#[test]
fn an_ex_member_description_stands_for_the_person() {
    let qs = quotes_of(&[
        "Tomas Brink played for the Harbour Wolves until 2010 and now coaches in Marlow.",
        "The club lost again on Saturday. And the ex-Wolf added: “They need a new plan.”",
    ]);
    assert_eq!(speaker_of(&qs, "They need").as_deref(), Some("Tomas Brink"));
}

#[test]
fn an_organisation_in_an_apposition_is_the_employer_not_the_speaker() {
    let qs = quotes_of(&[
        "The vote on the patent rules was delayed again.",
        "“Small firms cannot afford this,” Ada Quill, a Green member of the Northshire Assembly said in a statement.",
    ]);
    assert_eq!(speaker_of(&qs, "Small firms").as_deref(), Some("Ada Quill"));
}

#[test]
fn a_base_form_cue_after_to_or_a_modal() {
    let qs = quotes_of(&[
        "The new rules let Dana Whitlock claim that Velora Systems is “a safer place for teenagers.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "a safer place").as_deref(),
        Some("Dana Whitlock")
    );
}

#[test]
fn a_place_inside_a_person_s_reported_speech_is_not_the_speaker() {
    let qs = quotes_of(&[
        "Foreign Minister Ada Quill spoke in Geneva on Monday.",
        "Quill said that after long talks Canberra had concluded the border was “not, for now, open to change”.",
    ]);
    assert_eq!(
        speaker_of(&qs, "not, for now").as_deref(),
        Some("Ada Quill")
    );
}

#[test]
fn verbs_of_praise_and_blame_attribute_with_their_subject_only() {
    let qs = quotes_of(&[
        "The fund will leave with a payout that investor Rowan Teague blasted on a call as “morally wrong.”",
        "Coach Tomas Brink hailed Ada Quill for her late goal. He added: “She can play anywhere.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "morally wrong").as_deref(),
        Some("Rowan Teague")
    );
    assert_eq!(
        speaker_of(&qs, "She can play").as_deref(),
        Some("Tomas Brink")
    );
}

#[test]
fn the_one_an_outlet_quoted_as_saying_speaks() {
    let qs = quotes_of(&[
        "Talks on the harbour deal stalled on Tuesday.",
        "Interfax news agency quoted an unnamed official as saying “there will be no decision this week.”",
        "State radio quoted Ivo Brandt, the harbour master, as saying “the pier is safe.”",
    ]);
    let anonymous = qs
        .iter()
        .find(|q| q.text.starts_with("there will be"))
        .expect("quote");
    assert_eq!(anonymous.speaker, None, "{anonymous:#?}");
    assert_eq!(
        speaker_of(&qs, "the pier is safe").as_deref(),
        Some("Ivo Brandt")
    );
}

#[test]
fn someone_unnamed_or_asking_not_to_be_named_is_anonymous() {
    let qs = quotes_of(&[
        "President Ada Lind met lawmakers from her coalition on Friday.",
        "“The president listened to our concerns,” said one lawmaker, who asked not to be named.",
        "“It was a frank talk,” a diplomat in the capital said.",
        "“We will vote for it,” her closest ally told reporters, speaking on condition of anonymity.",
        "“I am pleased,” Lind said.",
    ]);
    for text in ["The president listened", "It was a frank", "We will vote"] {
        let q = qs.iter().find(|q| q.text.starts_with(text)).expect("quote");
        assert_eq!(q.speaker, None, "{text}: {q:#?}");
    }
    assert_eq!(speaker_of(&qs, "I am pleased").as_deref(), Some("Ada Lind"));
}

#[test]
fn an_unnamed_market_voice_is_anonymous() {
    let qs = quotes_of(&[
        "Shares in Corvel Mining fell 9p after Lionel Ashby, its chairman, resigned.",
        "“It was a quiet session with volumes thin,” one dealer said.",
        "“Nobody wants to buy before the figures,” said a broker in London.",
        "“Prices will recover,” an economist at Varden Bank said.",
    ]);
    for text in ["It was a quiet", "Nobody wants", "Prices will"] {
        let q = qs.iter().find(|q| q.text.starts_with(text)).expect("quote");
        assert_eq!(q.speaker, None, "{text}: {q:#?}");
    }
}

#[test]
fn a_royal_title_tells_the_pronoun_gender() {
    let qs = quotes_of(&[
        "“Demand from Asia has been strong,” said Tariq Haddad, a senior official at the ministry.",
        "Oil Minister Prince Abdulrazak bin Faleh told a conference in Riyadh last week that the group would act.",
        "“We will remain proactive,” he said.",
    ]);
    assert_eq!(
        speaker_of(&qs, "We will remain").as_deref(),
        Some("Abdulrazak bin Faleh")
    );
}

#[test]
fn the_noun_an_organisation_is_named_with_picks_it() {
    let qs = quotes_of(&[
        "The Foreign Ministry of Varland summoned the ambassador on Friday.",
        "Harrowgate Systems, which exports to Varland, said it was “cooperating fully”.",
        "The ministry said in a statement the duties were “necessary to protect the industry”.",
        "The company said it would “review its options”.",
    ]);
    assert_eq!(
        speaker_of(&qs, "necessary to protect").as_deref(),
        Some("Foreign Ministry of Varland")
    );
    assert_eq!(
        speaker_of(&qs, "review its options").as_deref(),
        Some("Harrowgate Systems")
    );
}

#[test]
fn a_spokesperson_for_a_body_is_no_place_in_the_reported_clause() {
    let qs = quotes_of(&[
        "Varland imposed duties on chemicals on Friday.",
        "A spokesperson for the trade office said Washington was “deeply concerned” by the move.",
        "A spokesman at the embassy said Paris was “studying the decision”.",
    ]);
    for text in ["deeply concerned", "studying the decision"] {
        let q = qs.iter().find(|q| q.text.starts_with(text)).expect("quote");
        assert_eq!(q.speaker, None, "{text}: {q:#?}");
    }
}

#[test]
fn an_official_at_a_named_body_before_the_quote_is_anonymous() {
    let qs = quotes_of(&[
        "Varland raised interest rates on Thursday.",
        "A senior official at the International Monetary Fund said: “Varland is moving fast.”",
        "A senior official at the World Bank, speaking on condition of anonymity, said: “It is enough.”",
    ]);
    for text in ["Varland is moving", "It is enough"] {
        let q = qs.iter().find(|q| q.text.starts_with(text)).expect("quote");
        assert_eq!(q.speaker, None, "{text}: {q:#?}");
    }
}

#[test]
fn a_story_credit_is_no_antecedent_for_the_agency() {
    let qs = quotes_of(&[
        "TURIN, Italy (AP) — Heavy snow closed mountain passes on Monday, officials said.",
        "“Drivers must stay home,” Ilaria Castagnoli, a regional official, told The Associated Press.",
        "The regional weather agency said more snow was expected. “These are exceptional values,” the agency said.",
    ]);
    assert_eq!(speaker_of(&qs, "These are exceptional"), None);
    assert_eq!(
        speaker_of(&qs, "Drivers must").as_deref(),
        Some("Ilaria Castagnoli")
    );
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_stays_unnamed() {
    let qs = quotes_of(&[
        "Tory MP Rufus Penberthy criticised the ruling. “Judges make no laws,” Mr Penberthy said.",
        "One of the claimants, a 30-year-old man from Sudan, told the BBC he had been “very scared”. “I only want to be safe,” he said.",
    ]);
    assert_eq!(speaker_of(&qs, "I only want"), None);
    assert_eq!(
        speaker_of(&qs, "Judges make").as_deref(),
        Some("Rufus Penberthy")
    );
}

#[test]
fn a_name_before_a_role_and_a_person_is_the_employer() {
    let qs = quotes_of(&[
        "Carmaker Fernleigh recalls 9,000 vans",
        "Fernleigh Motors is recalling vans, regulators said.",
        "“Safety comes first,” said Fernleigh spokesman Octavian Pellow-Drake.",
    ]);
    assert_eq!(
        speaker_of(&qs, "Safety comes").as_deref(),
        Some("Octavian Pellow-Drake")
    );
}

#[test]
fn a_place_after_in_is_not_the_speaker() {
    let qs = quotes_of(&[
        "Police detained three activists in Lusaka on Friday.",
        "“We are deeply concerned by these arrests,” the U.S. Embassy in Lusaka said.",
    ]);
    assert_ne!(speaker_of(&qs, "We are deeply").as_deref(), Some("Lusaka"));
}

#[test]
fn the_party_said_is_no_person_of_the_sentence_before() {
    let qs = quotes_of(&[
        "Police arrested an opposition leader on Saturday.",
        "Orla Fenwick-Dunne was detained outside her home. “This is an attack,” the party said.",
    ]);
    assert_eq!(speaker_of(&qs, "This is an attack"), None);
}

#[test]
fn a_reporting_subject_of_unknown_gender_beats_an_earlier_known_one() {
    let qs = quotes_of(&[
        "Interview: the conductor who wants to save the symphony",
        "Zephyrine Okonkwo-Hale became the youngest principal conductor of the London Philharmonic last year.",
        "Her predecessor, Wendell Ashcombe, was sceptical. “I admire her energy,” he said, “but you cannot turn Beethoven into a pop concert.”",
        "Okonkwo-Hale laughed when told of his comments. “Wendell has always been a traditionalist,” she said. “I love him for it.”",
        "The orchestra’s managing director, Ptolemy Harrowgate, said ticket sales had risen by 20 percent since her arrival.",
        "“The numbers speak for themselves,” he said.",
        "Arts Council England said in a statement that it was reviewing funding for orchestras.",
        "Okonkwo-Hale said she was not worried. “Music always finds a way,” she added.",
    ]);
    assert_eq!(
        speaker_of(&qs, "The numbers speak").as_deref(),
        Some("Ptolemy Harrowgate")
    );
}

#[test]
fn an_inverted_description_then_its_person_names_the_speaker() {
    let qs = quotes_of(&[
        "Lending rose again in October.",
        "“The numbers speak for themselves,” said Tamsworth Bank’s chief executive, Isolde Marrable.",
    ]);
    assert_eq!(
        speaker_of(&qs, "The numbers speak").as_deref(),
        Some("Isolde Marrable")
    );
}

#[test]
fn an_interview_answer_is_the_interviewees() {
    let qs = quotes_of(&[
        "Interview: the chef who banned salt",
        "Ulrika Thorvaldsen-Byrne opened her first restaurant in Leeds in 2019. We spoke to her about her plans.",
        "Q: Why ban salt?",
        "A: “Because people stopped tasting the food. Salt hides everything.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "Because people").as_deref(),
        Some("Ulrika Thorvaldsen-Byrne")
    );
}

#[test]
fn present_tense_cue_verbs_attribute_the_quote() {
    let qs = quotes_of(&[
        "Retired ferryman Odo Pellam, 91, still rows every morning.",
        "“The river keeps me young,” he remarks. “I will row at a hundred.”",
        "“Nobody rows like him,” recounts his neighbour Tilda Rusk.",
    ]);
    assert_eq!(
        speaker_of(&qs, "The river keeps").as_deref(),
        Some("Odo Pellam")
    );
    assert_eq!(speaker_of(&qs, "I will row").as_deref(), Some("Odo Pellam"));
    assert_eq!(
        speaker_of(&qs, "Nobody rows").as_deref(),
        Some("Tilda Rusk")
    );
}

#[test]
fn a_playing_position_after_a_club_name_is_a_person() {
    let qs = quotes_of(&[
        "Harbourside United won again. Dario Fenn, 24, scored twice. “We played well,” said the Harbourside United full-back.",
    ]);
    assert_eq!(
        speaker_of(&qs, "We played well").as_deref(),
        Some("Dario Fenn")
    );
}

#[test]
fn an_office_no_one_holds_is_not_someone_named_in_another_office() {
    let qs = quotes_of(&[
        "Home Secretary Ada Brannock defended the asylum plans on Monday.",
        "“The plans are fair,” Ms Brannock said. “They will cut delays.”",
        "Critics said the plans contradicted Tom Quell's promise last year.",
        "The prime minister told MPs: “Every claim will be heard within weeks.”",
    ]);
    assert_ne!(
        speaker_of(&qs, "Every claim").as_deref(),
        Some("Ada Brannock")
    );
}

#[test]
fn a_name_after_a_fronted_prepositional_phrase_is_the_subject() {
    let qs = quotes_of(&[
        "Ada Brannock has lived in the village for decades. “I walk every day,” she says.",
        "On the outskirts of the old market town, 83-year-old Rhea Dowd plays golf with friends.",
        "“I think the food has improved,” she remarks.",
    ]);
    assert_eq!(
        speaker_of(&qs, "I think the food").as_deref(),
        Some("Rhea Dowd")
    );
}

#[test]
fn it_after_a_described_body_is_the_body_named_before_the_description() {
    let qs = quotes_of(&[
        "Rating firm Kestrel Analytics found that the Velmora Group's app crashed often. According to figures gathered by Kestrel Analytics, half of all sessions failed.",
        "In a statement from the Velmora Group announcing a fix, the company denied that the fault was serious. “Nothing suggests users lost data,” it said.",
    ]);
    assert_eq!(
        speaker_of(&qs, "Nothing suggests").as_deref(),
        Some("Velmora Group")
    );
}

#[test]
fn a_name_after_a_cue_with_its_own_subject_is_no_inverted_subject() {
    let qs = quotes_of(&[
        "But Ansel Marrow, speaking to local radio, also admits Tobias Wren, who has been linked with other clubs, will decide his own future. He told listeners: “Tobias is above money.”",
    ]);
    assert_eq!(
        speaker_of(&qs, "Tobias is above").as_deref(),
        Some("Ansel Marrow")
    );
}
