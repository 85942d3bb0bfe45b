//! The name a speaker is reported under: the fullest form the article
//! gives, when the entity analysis left a short form ("Brannock") as an entity
//! of its own beside the full one ("Ada Brannock").

use newsflow_model::{Entity, EntityType};

use crate::entities::lexicon::GIVEN_NAMES;
use crate::places::gazetteer::GAZETTEER;

/// The name to report for entity `i`, speaker of a quote opening at code
/// point `at`: a longer entity name that ends with its whole name at a word
/// boundary ("Ada Brannock" for "Brannock", "Northshire Office of Road
/// Safety" for "Office of Road Safety"), or a person's fuller form of the
/// same name ("John Q. Brannock Jr." for "John Brannock"). Of several such
/// names, the fullest when all are forms of one name, else the one last
/// mentioned before the quote; else its own name.
pub(super) fn speaker_name(entities: &[Entity], i: usize, at: usize, body: &str) -> String {
    let Some(own) = entities.get(i) else {
        return String::new();
    };
    if let Some(joined) = given_name_apart(entities, own, body) {
        return joined;
    }
    let kind = own.entity_type;
    let fits = |e: &Entity| {
        let same_kind = e.entity_type == kind
            || (kind == EntityType::Other
                && matches!(e.entity_type, EntityType::Person | EntityType::Organization));
        let ends_with_own = e.name.ends_with(own.name.as_str())
            && e.name[..e.name.len() - own.name.len()].ends_with(' ');
        // "Arts Council" for "Arts Council England": a body's name and the
        // one place it covers.
        let place_after = kind == EntityType::Organization
            && e.name.starts_with(own.name.as_str())
            && e.name[own.name.len()..]
                .strip_prefix(' ')
                .is_some_and(|rest| !rest.contains(' ') && !GAZETTEER.lookup(rest).is_empty());
        let fuller_form = kind == EntityType::Person
            && e.entity_type == EntityType::Person
            && fuller_person_form(&own.name, &e.name);
        same_kind && e.name.len() > own.name.len() && (ends_with_own || place_after || fuller_form)
    };
    if own.name.is_empty() || !kinds_allow(kind, &own.name) {
        return own.name.clone();
    }
    let longer: Vec<&Entity> = entities.iter().filter(|e| fits(e)).collect();
    match longer.as_slice() {
        [] => own.name.clone(),
        [full] => full.name.clone(),
        several => {
            let fullest = several
                .iter()
                .max_by_key(|e| (e.name.split_whitespace().count(), e.name.len()));
            if let Some(fullest) = fullest.filter(|f| {
                several
                    .iter()
                    .all(|e| e.name == f.name || fuller_person_form(&e.name, &f.name))
            }) {
                return fullest.name.clone();
            }
            // Two people share the surname: the one the text named last
            // before the quote is the one a bare "Brannock" means.
            several
                .iter()
                .filter_map(|e| last_mention_before(e, at).map(|m| (m, *e)))
                .max_by_key(|(m, _)| *m)
                .map_or_else(|| own.name.clone(), |(_, e)| e.name.clone())
        }
    }
}

/// "Jimmy “the Rocket” Barnes", "(Frank) Vogel": a surname-only person
/// whose given name the text set apart, with a nickname between or in
/// brackets, is "Jimmy Barnes", "Frank Vogel". Only a listed given name
/// counts, and only when no fuller name of the person exists.
fn given_name_apart(entities: &[Entity], own: &Entity, body: &str) -> Option<String> {
    if own.entity_type != EntityType::Person || own.name.contains(' ') {
        return None;
    }
    let suffix = format!(" {}", own.name);
    if entities
        .iter()
        .any(|e| e.entity_type == EntityType::Person && e.name.ends_with(&suffix))
    {
        return None;
    }
    // Byte offset of each code point, built only when a pair is close
    // enough to look at: slicing by code point from the start on every
    // check made quote-heavy texts quadratic.
    let offsets: std::cell::OnceCell<Vec<usize>> = std::cell::OnceCell::new();
    let text = |from: usize, to: usize| -> &str {
        let offsets = offsets.get_or_init(|| {
            body.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(body.len()))
                .collect()
        });
        match (offsets.get(from), offsets.get(to)) {
            (Some(&a), Some(&b)) if a <= b => &body[a..b],
            _ => "",
        }
    };
    let given_names = entities.iter().filter(|e| {
        e.entity_type == EntityType::Person
            && e.name != own.name
            && !e.name.contains(' ')
            && GIVEN_NAMES.contains(e.name.as_str())
    });
    for given in given_names {
        for g in given.mentions.iter().filter(|m| m.field.is_none()) {
            let apart = own.mentions.iter().any(|m| {
                if m.field.is_some() || m.start <= g.end || m.start - g.end > 40 {
                    return false;
                }
                let raw = text(g.end, m.start);
                let between = raw.trim();
                let bracketed = between == ")" && g.start > 0 && text(g.start - 1, g.start) == "(";
                let quote_mark = |c: char| {
                    matches!(
                        c,
                        '"' | '\u{201c}' | '\u{201d}' | '\'' | '\u{2018}' | '\u{2019}'
                    )
                };
                // ("Mourinho’s ‘special one’ Wenger": a possessive, no nickname.)
                let nickname = raw.starts_with(char::is_whitespace)
                    && between.chars().count() > 2
                    && between.starts_with(quote_mark)
                    && between.ends_with(quote_mark)
                    && between.split_whitespace().count() <= 4;
                bracketed || nickname
            });
            if apart {
                return Some(format!("{} {}", given.name, own.name));
            }
        }
    }
    None
}

/// Start of the entity's last body mention before code point `at`.
fn last_mention_before(e: &Entity, at: usize) -> Option<usize> {
    e.mentions
        .iter()
        .filter(|m| m.field.is_none() && m.start < at)
        .map(|m| m.start)
        .max()
}

/// Name suffixes that belong to a person's full name.
const SUFFIXES: [&str; 8] = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Jnr"];

/// Whether `full` is `short` with middle names, initials or a suffix added
/// ("John Brannock" -> "John Q. Brannock", "John Quincy Brannock Jr.";
/// "John Q. Brannock" -> "John Quincy Brannock"): same first and last name,
/// and every middle word of `short` found, in order, among `full`'s (an
/// initial standing for a name).
fn fuller_person_form(short: &str, full: &str) -> bool {
    let split = |name: &str| -> Vec<String> {
        let mut words: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
        while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
            words.pop();
        }
        words
    };
    let (s, f) = (split(short), split(full));
    if s.len() < 2 || f.len() < s.len() || s[0] != f[0] || s.last() != f.last() {
        return false;
    }
    let mut middles = f[1..f.len() - 1].iter();
    s[1..s.len() - 1]
        .iter()
        .all(|w| middles.any(|m| same_middle(w, m)))
        && short != full
}

/// "Q." or "Q" stands for "Quincy"; a whole name only for itself.
fn same_middle(short: &str, full: &str) -> bool {
    let initial = short.trim_end_matches('.');
    if initial.chars().count() == 1 {
        full.starts_with(initial)
    } else {
        short == full
    }
}

/// A person's surname takes the full name; an organisation only a name of
/// two words or more ("Home Office"), since a one-word name often stands
/// alone and a longer one around it is a tagging slip ("KTV Admiralty").
/// Places keep their own names ("York" is not "New York").
fn kinds_allow(kind: EntityType, name: &str) -> bool {
    match kind {
        EntityType::Person => true,
        EntityType::Organization | EntityType::Other => name.contains(' '),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::speaker_name;
    use newsflow_model::{Entity, EntityType, Mention};

    fn entity(kind: EntityType, name: &str) -> Entity {
        Entity {
            entity_type: kind,
            name: name.to_owned(),
            roles: Vec::new(),
            mentions: Vec::new(),
            salience: 0.0,
        }
    }

    #[test]
    fn a_surname_entity_takes_the_one_full_name_ending_with_it() {
        let entities = [
            entity(EntityType::Person, "Orla Quennell"),
            entity(EntityType::Person, "Quennell"),
            entity(EntityType::Organization, "Harbour Rowing Club"),
        ];
        assert_eq!(speaker_name(&entities, 1, 0, ""), "Orla Quennell");
        assert_eq!(speaker_name(&entities, 0, 0, ""), "Orla Quennell");
    }

    #[test]
    fn an_organisation_suffix_takes_the_fuller_name() {
        let entities = [
            entity(EntityType::Organization, "Northshire Office of Road Safety"),
            entity(EntityType::Organization, "Office of Road Safety"),
        ];
        assert_eq!(
            speaker_name(&entities, 1, 0, ""),
            "Northshire Office of Road Safety"
        );
        let one_word = [
            entity(EntityType::Organization, "KTV Admiralty"),
            entity(EntityType::Organization, "Admiralty"),
        ];
        assert_eq!(speaker_name(&one_word, 1, 0, ""), "Admiralty");
    }

    #[test]
    fn an_organisation_takes_its_name_with_the_place_it_covers() {
        let entities = [
            entity(EntityType::Organization, "Heritage Trust Scotland"),
            entity(EntityType::Organization, "Heritage Trust"),
            entity(EntityType::Organization, "Heritage Trust Fundraising"),
        ];
        assert_eq!(speaker_name(&entities, 1, 0, ""), "Heritage Trust Scotland");
    }

    #[test]
    fn two_candidates_or_a_partial_word_keep_the_own_name() {
        let entities = [
            entity(EntityType::Person, "Ada Brannock"),
            entity(EntityType::Person, "Tom Brannock"),
            entity(EntityType::Person, "Brannock"),
            entity(EntityType::Person, "Nock"),
            entity(EntityType::Place, "Port Elmwood"),
            entity(EntityType::Place, "Elmwood"),
        ];
        assert_eq!(speaker_name(&entities, 2, 0, ""), "Brannock");
        assert_eq!(speaker_name(&entities, 3, 0, ""), "Nock");
        assert_eq!(speaker_name(&entities, 5, 0, ""), "Elmwood");
        assert_eq!(speaker_name(&entities, 9, 0, ""), "");
    }

    fn mentioned(kind: EntityType, name: &str, starts: &[usize]) -> Entity {
        let mut e = entity(kind, name);
        e.mentions = starts
            .iter()
            .map(|&start| Mention {
                start,
                end: start + name.chars().count(),
                text: name.to_owned(),
                field: None,
            })
            .collect();
        e
    }

    #[test]
    fn a_shared_surname_is_the_person_named_last_before_the_quote() {
        let entities = [
            mentioned(EntityType::Person, "Ada Brannock", &[10]),
            mentioned(EntityType::Person, "Tom Brannock", &[200]),
            mentioned(EntityType::Person, "Brannock", &[150, 400]),
        ];
        assert_eq!(speaker_name(&entities, 2, 120, ""), "Ada Brannock");
        assert_eq!(speaker_name(&entities, 2, 380, ""), "Tom Brannock");
        assert_eq!(speaker_name(&entities, 2, 5, ""), "Brannock");
    }

    #[test]
    fn a_person_takes_the_fullest_form_of_the_same_name() {
        let entities = [
            entity(EntityType::Person, "Ivo Q. Stellan"),
            entity(EntityType::Person, "Ivo Quirin Stellan"),
            entity(EntityType::Person, "Stellan"),
            entity(EntityType::Person, "Rhea Tamsin Dowd Jr."),
            entity(EntityType::Person, "Rhea Dowd"),
            entity(EntityType::Person, "Rhea Tomas Dowd"),
        ];
        assert_eq!(speaker_name(&entities, 2, 0, ""), "Ivo Quirin Stellan");
        assert_eq!(speaker_name(&entities, 0, 0, ""), "Ivo Quirin Stellan");
        // Two different middle names: not one person's forms, so no choice.
        assert_eq!(speaker_name(&entities, 4, 0, ""), "Rhea Dowd");
        let suffixed = [
            entity(EntityType::Person, "Rhea Dowd"),
            entity(EntityType::Person, "Rhea T. Dowd Jr."),
        ];
        assert_eq!(speaker_name(&suffixed, 0, 0, ""), "Rhea T. Dowd Jr.");
        assert_eq!(speaker_name(&suffixed, 1, 0, ""), "Rhea T. Dowd Jr.");
    }

    /// The entity of `name` with a mention at each place `name` stands in
    /// `body` (code points).
    fn found(kind: EntityType, name: &str, body: &str) -> Entity {
        let starts: Vec<usize> = body
            .match_indices(name)
            .map(|(byte, _)| body[..byte].chars().count())
            .collect();
        mentioned(kind, name, &starts)
    }

    #[test]
    fn a_given_name_set_apart_by_a_nickname_or_brackets_joins_the_surname() {
        let body = "Ines \u{201c}the Hammer\u{201d} Varga won. \u{201c}Yes,\u{201d} said Varga.";
        let entities = [
            found(EntityType::Person, "Ines", body),
            found(EntityType::Person, "Varga", body),
        ];
        assert_eq!(speaker_name(&entities, 1, 30, body), "Ines Varga");
        let body = "\"Coach (Frank) Mornay told us to run,\" Mornay's captain said.";
        let entities = [
            found(EntityType::Person, "Frank", body),
            found(EntityType::Person, "Mornay", body),
        ];
        assert_eq!(speaker_name(&entities, 1, 0, body), "Frank Mornay");
        // A bracketed word that is no given name, and a possessive before a
        // quoted phrase, join nothing.
        let body =
            "Sam (Quarrystone) Baker came. Rui\u{2019}s \u{2018}quiet one\u{2019} Baker spoke.";
        let entities = [
            found(EntityType::Person, "Quarrystone", body),
            found(EntityType::Person, "Rui", body),
            found(EntityType::Person, "Baker", body),
        ];
        assert_eq!(speaker_name(&entities, 2, 0, body), "Baker");
        // A quote between two names is no nickname.
        let body = "Ines said: \"We will win the final again this year.\" Varga agreed.";
        let entities = [
            found(EntityType::Person, "Ines", body),
            found(EntityType::Person, "Varga", body),
        ];
        assert_eq!(speaker_name(&entities, 1, 0, body), "Varga");
    }
}
