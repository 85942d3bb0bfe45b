//! Cues that an unknown name is an organisation: business words around it
//! ("Gazprom shares", "MMC's profits", "Scotsman journalist Hamish ..."),
//! and, over the whole text, names listed alongside organisations and
//! repeated mentions of a name already typed.

use newsflow_model::EntityType;

use super::lexicon::Gender;
use super::recognize::Span;
use super::rules;
use crate::text_util::{Token, TokenKind};

/// Lower-case words right after an unknown name that make it an
/// organisation ("NTV television", "Edge magazine", "Reuters news agency").
/// Products take other nouns ("Windows software", "Halo fans"), so the
/// list keeps to nouns only bodies take.
fn is_descriptor_after(word: &str) -> bool {
    matches!(
        word,
        "magazine"
            | "newspaper"
            | "television"
            | "firm"
            | "company"
            | "bank"
            | "insurer"
            | "airline"
            | "carrier"
            | "retailer"
            | "conglomerate"
            | "shareholders"
            | "executives"
            | "bosses"
            | "subsidiary"
            | "unit"
            | "lender"
            | "broadcaster"
            | "publisher"
            | "carmaker"
            | "drugmaker"
    )
}

/// Ordinary modifiers of a firm's descriptor ("Sal Oppenheim investment
/// bank", "Acme oil company").
fn is_descriptor_modifier(word: &str) -> bool {
    matches!(
        word,
        "investment"
            | "private"
            | "merchant"
            | "oil"
            | "gas"
            | "energy"
            | "media"
            | "software"
            | "technology"
            | "tech"
            | "insurance"
            | "mining"
            | "telecoms"
            | "telecom"
            | "record"
            | "parent"
            | "holding"
            | "state"
            | "news"
            | "equity"
    )
}

/// A firm's descriptor right after `[.., b)`, maybe behind one ordinary
/// modifier: "Edge magazine", "Sal Oppenheim investment bank". Strong
/// enough to make a name that opens with a given name an organisation.
pub fn descriptor_follows(tokens: &[Token<'_>], b: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text);
    is_descriptor_after(word(b))
        || (is_descriptor_modifier(word(b)) && is_descriptor_after(word(b + 1)))
}

/// Lower-case words before an unknown name that name it as a publication
/// ("the journal Nature Astronomy", "the blog Quirks").
fn is_publication_before(word: &str) -> bool {
    matches!(
        word,
        "journal" | "newspaper" | "magazine" | "tabloid" | "weekly" | "blog" | "newsletter"
    )
}

/// Lower-case words before an unknown name that describe a body
/// ("voluntary body Alcohol Focus Scotland"), beyond the descriptors that
/// rules::org_context already knows.
fn is_descriptor_before(word: &str) -> bool {
    matches!(
        word,
        "body"
            | "watchdog"
            | "consortium"
            | "utility"
            | "subsidiary"
            | "supplier"
            | "label"
            | "fansite"
            | "think-tank"
            | "thinktank"
    )
}

/// Jobs held at an organisation, between its name and a person's
/// ("Gazprom chief Alexei Miller", "Scotsman journalist Hamish MacDonell").
/// Titles won in a contest ("Oscar winner", "Olympic champion") are left
/// out: they follow events and prizes, not bodies.
fn is_staff_role(word: &str) -> bool {
    matches!(
        word,
        "chief"
            | "boss"
            | "chairman"
            | "chairwoman"
            | "journalist"
            | "reporter"
            | "correspondent"
            | "editor"
            | "columnist"
            | "analyst"
            | "economist"
            | "strategist"
            | "spokesman"
            | "spokeswoman"
            | "founder"
            | "co-founder"
            | "executive"
    )
}

/// What a firm has that a person seldom does ("MMC's shareholders").
fn is_corporate_possession(word: &str) -> bool {
    matches!(
        word,
        "shares"
            | "shareholders"
            | "profits"
            | "profit"
            | "revenue"
            | "revenues"
            | "sales"
            | "headquarters"
            | "subsidiary"
            | "subsidiaries"
            | "chairman"
            | "boss"
            | "board"
            | "workforce"
            | "employees"
            | "customers"
            | "stores"
            | "factories"
            | "executives"
    )
}

/// Price moves after "<name> shares" ("Gazprom shares rose").
fn is_market_move(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "fell"
            | "jumped"
            | "slipped"
            | "dropped"
            | "climbed"
            | "closed"
            | "gained"
            | "lost"
            | "surged"
            | "tumbled"
            | "slid"
            | "rallied"
            | "soared"
            | "plunged"
            | "were"
            | "have"
            | "are"
            | "had"
            | "ended"
    )
}

fn is_possessive(t: &Token<'_>) -> bool {
    matches!(t.text, "'s" | "’s")
}

/// The words around `[a, b)` say it names an organisation: business words
/// after it, a body's description or a stake or share phrase before it.
pub fn business_context(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text);
    let before = |n: usize| a.checked_sub(n).map_or("", |k| tokens[k].text);
    let next = word(b);
    // "Edge magazine", "Reuters news agency".
    if descriptor_follows(tokens, b) || (next == "news" && word(b + 1) == "agency") {
        return true;
    }
    // "Gazprom chief Alexei Miller": a job at the body, then the holder;
    // "Acme founder and chief executive Jo Bloggs": two jobs.
    if is_staff_role(next) && tokens.get(b + 1).is_some_and(|t| t.is_capitalized()) {
        return true;
    }
    if is_staff_role(next)
        && word(b + 1) == "and"
        && tokens
            .get(b + 2..b + 5)
            .is_some_and(|w| w.iter().any(|t| t.is_capitalized()))
        && tokens
            .get(b + 2)
            .is_some_and(|t| t.is_word() && !t.is_capitalized())
    {
        return true;
    }
    // "the journal Nature Astronomy", "first published by Acme Weekly".
    if is_publication_before(before(1))
        || (matches!(before(1), "by" | "in" | "on") && before(2) == "published")
    {
        return true;
    }
    // "MMC's shareholders", "Gazprom's chief executive" (not "Blair's
    // chief of staff").
    if tokens.get(b).is_some_and(is_possessive) {
        let owned = word(b + 1);
        if is_corporate_possession(owned)
            || (owned == "chief" && matches!(word(b + 2), "executive" | "financial"))
            || (owned == "share" && word(b + 2) == "price")
        {
            return true;
        }
    }
    // "trade in Gazprom shares", "Gazprom shares rose".
    if matches!(next, "shares" | "stock") {
        let after = tokens.get(b + 1);
        let moved = after.is_some_and(|t| t.kind == TokenKind::Punct || is_market_move(t.text));
        if matches!(before(1), "in" | "of" | "for") || moved {
            return true;
        }
    }
    // "shares in Yukos", "a stake in Sibneft".
    if before(1) == "in"
        && [
            "shares",
            "stake",
            "stakes",
            "shareholding",
            "shareholders",
            "holding",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(before(2)))
    {
        return true;
    }
    // "voluntary body Alcohol Focus Scotland".
    if is_descriptor_before(before(1)) {
        return true;
    }
    // "the country's central bank, the Bundesbank": a descriptor, then the
    // name in apposition.
    if before(1) == "the" && before(2) == "," && rules::is_org_descriptor(before(3)) {
        return true;
    }
    // "owner of Liffe", "the takeover of Hexal".
    if before(1) == "of"
        && matches!(
            before(2),
            "owner"
                | "owners"
                | "takeover"
                | "acquisition"
                | "purchase"
                | "parent"
                | "shareholders"
        )
    {
        return true;
    }
    // "Rosneft-owned Yugansk", "Moscow-based Interfax": what such a
    // compound describes is a body.
    // ("state-owned" is one token; the tokeniser splits "Moscow" "-" "based".)
    const OWNED: [&str; 5] = ["owned", "based", "listed", "controlled", "backed"];
    let owned_by = a.checked_sub(1).is_some_and(|k| {
        let (t, gap) = (tokens[k].text, tokens[k].end < tokens[a].start);
        let compound = OWNED.iter().any(|s| {
            t.len() > s.len() + 1 && t.ends_with(s) && t[..t.len() - s.len()].ends_with('-')
        });
        let split = OWNED.contains(&t)
            && k.checked_sub(1)
                .is_some_and(|h| tokens[h].is_punct("-") && tokens[h].end == tokens[k].start);
        gap && (compound || split)
    });
    // "editor of the Scotsman", "adviser at the Forum for the Future": a
    // job then "of/at/for the" before the name.
    let role_of_the = a >= 3
        && before(1) == "the"
        && matches!(before(2), "of" | "at" | "for")
        && (super::lexicon::WORDS.role_words.contains_key(before(3))
            || is_staff_role(before(3))
            || matches!(before(3), "adviser" | "advisor" | "consultant"));
    // "British Chambers of Commerce" (while "Guy Chambers" is a person).
    let chambers_of = tokens[a..b]
        .windows(2)
        .any(|w| matches!(w[0].text, "Chambers" | "Chamber") && w[1].text == "of");
    owned_by || role_of_the || chambers_of
}

/// "Blinkx, Copernic and Apple": an untyped name listed with organisations
/// (by commas or "and"/"or") is one too. A name with a place or a person
/// next to it in the list stays as it is.
pub fn coordinate_with_orgs(tokens: &[Token<'_>], spans: &mut [Span]) {
    if !spans.iter().any(|s| s.kind == EntityType::Organization) {
        return;
    }
    // Neighbouring spans joined by ",", "and", "or" or ", and".
    let joined = |left: &Span, right: &Span| {
        let gap = &tokens[left.tok_end..right.tok_start];
        match gap {
            [t] => t.is_punct(",") || matches!(t.text, "and" | "or"),
            [c, t] => c.is_punct(",") && matches!(t.text, "and" | "or"),
            _ => false,
        }
    };
    let listable = |s: &Span| {
        !(s.kind != EntityType::Other
            || s.demonym
            || s.tok_end - s.tok_start > 3
            || !tokens[s.tok_start..s.tok_end]
                .iter()
                .all(|t| t.is_capitalized() || t.kind == TokenKind::Number)
            || (s.tok_start > 0 && is_possessive(&tokens[s.tok_start - 1]))
            || rules::all_common_words(&tokens[s.tok_start..s.tok_end])
            // "the 16-inch Zephyr Pro, Acme plans ...": a product's model.
            || rules::ends_in_model_word(&tokens[s.tok_start..s.tok_end])
            // "the AMAs, Acme Productions": things or events, no bodies.
            || (s.tok_end - s.tok_start == 1 && rules::is_plural_acronym(tokens[s.tok_start].text))
            // "In May, NASA said": the month, listed with nothing.
            || (s.tok_end - s.tok_start == 1
                && tokens[s.tok_start].text == "May"
                && s.tok_start > 0
                && matches!(
                    tokens[s.tok_start - 1].text,
                    "in" | "In" | "since" | "Since" | "until" | "by" | "of" | "last" | "next"
                )))
    };
    // What the neighbours of `k` are: (an organisation, a person or place).
    let neighbours = |spans: &[Span], k: usize| {
        let s = &spans[k];
        let left = k.checked_sub(1).map(|p| &spans[p]).filter(|p| joined(p, s));
        let right = spans.get(k + 1).filter(|n| joined(s, n));
        let mut org = false;
        let mut other_kind = false;
        for n in [left, right].into_iter().flatten() {
            match n.kind {
                EntityType::Organization => org = true,
                EntityType::Person | EntityType::Place => other_kind = true,
                _ => {}
            }
        }
        (org, other_kind)
    };
    let mut retype = Vec::new();
    for k in 0..spans.len() {
        if !listable(&spans[k]) {
            continue;
        }
        let (org, other_kind) = neighbours(spans, k);
        if org && !other_kind {
            retype.push(k);
        }
    }
    if retype.is_empty() {
        return;
    }
    for &k in &retype {
        spans[k].kind = EntityType::Organization;
    }
    // "Google, Copernic, Enfish and Zorbo": along a list, a name typed so
    // passes the type on to the next, both ways.
    for k in (0..spans.len()).chain((0..spans.len()).rev()) {
        if listable(&spans[k]) {
            let (org, other_kind) = neighbours(spans, k);
            if org && !other_kind {
                spans[k].kind = EntityType::Organization;
            }
        }
    }
}

/// "chief executive of Alcohol Focus Scotland ... voluntary body Alcohol
/// Focus Scotland": an untyped name of several words takes the type that
/// its other mentions in the text were given (the more frequent of person
/// and organisation; none on a tie). One-word names have their own rule.
pub fn unify_multiword_names(text: &str, tokens: &[Token<'_>], spans: &mut [Span]) {
    let surface = |s: &Span| &text[tokens[s.tok_start].start..tokens[s.tok_end - 1].end];
    let typed: Vec<(&str, EntityType)> = spans
        .iter()
        .filter(|s| {
            s.tok_end - s.tok_start >= 2
                && matches!(s.kind, EntityType::Person | EntityType::Organization)
        })
        .map(|s| (surface(s), s.kind))
        .collect();
    if typed.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        if span.kind != EntityType::Other || span.tok_end - span.tok_start < 2 {
            continue;
        }
        let name = surface(span);
        let (mut people, mut orgs) = (0, 0);
        for &(n, kind) in &typed {
            if n == name {
                if kind == EntityType::Person {
                    people += 1;
                } else {
                    orgs += 1;
                }
            }
        }
        if people > orgs {
            span.kind = EntityType::Person;
        } else if orgs > people {
            span.kind = EntityType::Organization;
        }
    }
}

/// Legal-form words that end a firm's full name ("First Harbor Bancorp").
fn is_legal_suffix(word: &str) -> bool {
    matches!(
        word,
        "Corp"
            | "Corporation"
            | "Inc"
            | "Ltd"
            | "Limited"
            | "Plc"
            | "PLC"
            | "plc"
            | "LLC"
            | "Co"
            | "Bancorp"
            | "Holdings"
            | "AG"
            | "SA"
            | "NV"
            | "SpA"
            | "GmbH"
            | "ASA"
    )
}

/// "First Harbor Bancorp ... The deal values First Harbor at": a firm's
/// name without its legal form, found elsewhere in the text, is the firm
/// (not a place or a person).
pub fn firms_without_legal_form(tokens: &[Token<'_>], spans: &mut [Span]) {
    let mut short: Vec<(usize, usize)> = Vec::new();
    for s in spans.iter() {
        if s.kind == EntityType::Organization
            && s.tok_end - s.tok_start >= 3
            && is_legal_suffix(tokens[s.tok_end - 1].text)
        {
            short.push((s.tok_start, s.tok_end - 1));
        }
    }
    if short.is_empty() {
        return;
    }
    let same_words = |a, b| super::rules::same_words(tokens, a, b);
    for span in spans.iter_mut() {
        if span.kind != EntityType::Organization
            && short
                .iter()
                .any(|&f| same_words(f, (span.tok_start, span.tok_end)))
        {
            span.kind = EntityType::Organization;
            span.place = None;
            span.demonym = false;
            span.gender = Gender::Unknown;
        }
    }
}
