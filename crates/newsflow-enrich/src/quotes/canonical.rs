//! The name a speaker is reported under: the fullest form the article
//! gives, when the entity analysis left a short form ("Brannock") as an entity
//! of its own beside the full one ("Ada Brannock").

use newsflow_model::{Entity, EntityType};

use crate::places::gazetteer::GAZETTEER;

/// The name to report for entity `i`: the one longer entity name that ends
/// with its whole name at a word boundary ("Ada Brannock" for "Brannock",
/// "Northshire Office of Road Safety" for "Office of Road
/// Safety"), when exactly one such name exists; else its own name.
pub(super) fn speaker_name(entities: &[Entity], i: usize) -> String {
    let Some(own) = entities.get(i) else {
        return String::new();
    };
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
        same_kind && e.name.len() > own.name.len() && (ends_with_own || place_after)
    };
    let mut longer = entities.iter().filter(|e| fits(e)).map(|e| e.name.as_str());
    match (longer.next(), longer.next()) {
        (Some(full), None) if !own.name.is_empty() && kinds_allow(kind, &own.name) => {
            full.to_owned()
        }
        _ => own.name.clone(),
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
    use newsflow_model::{Entity, EntityType};

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
        assert_eq!(speaker_name(&entities, 1), "Orla Quennell");
        assert_eq!(speaker_name(&entities, 0), "Orla Quennell");
    }

    #[test]
    fn an_organisation_suffix_takes_the_fuller_name() {
        let entities = [
            entity(EntityType::Organization, "Northshire Office of Road Safety"),
            entity(EntityType::Organization, "Office of Road Safety"),
        ];
        assert_eq!(
            speaker_name(&entities, 1),
            "Northshire Office of Road Safety"
        );
        let one_word = [
            entity(EntityType::Organization, "KTV Admiralty"),
            entity(EntityType::Organization, "Admiralty"),
        ];
        assert_eq!(speaker_name(&one_word, 1), "Admiralty");
    }

    #[test]
    fn an_organisation_takes_its_name_with_the_place_it_covers() {
        let entities = [
            entity(EntityType::Organization, "Heritage Trust Scotland"),
            entity(EntityType::Organization, "Heritage Trust"),
            entity(EntityType::Organization, "Heritage Trust Fundraising"),
        ];
        assert_eq!(speaker_name(&entities, 1), "Heritage Trust Scotland");
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
        assert_eq!(speaker_name(&entities, 2), "Brannock");
        assert_eq!(speaker_name(&entities, 3), "Nock");
        assert_eq!(speaker_name(&entities, 5), "Elmwood");
        assert_eq!(speaker_name(&entities, 9), "");
    }
}
