//! Media credit lines: "Photo: Reuters file photo", "Photograph: Jane Doe/AP",
//! "Image: Getty", "(Reuters Photo)", "(AP Photo/Jane Doe)", "Video: ...".

use std::sync::LazyLock;

use regex::Regex;

use super::dates::compile;

/// Credit lines are short; longer lines are never tested against the regexes.
const MAX_CREDIT_BYTES: usize = 200;

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:file\s+)?photo(?:graph)?s?|images?|pictures?|videos?|illustrations?|graphics?|footage|credit|(?:photo|image|picture|video)\s+credit)\s*(?::|\||\s[-\u{2013}\u{2014}])\s*\S",
    )
});

static PARENTHESISED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\((?:[^()]{0,60}\s)?(?:file\s+)?(?:photo(?:graph)?|image|picture|video|illustration)s?(?:\s*[:/][^()]{1,80})?\)$",
    )
});

/// True for a whole line that credits a photo, image or video.
pub fn is_media_credit(line: &str) -> bool {
    if line.len() > MAX_CREDIT_BYTES {
        return false;
    }
    // Cheap prefix check before any regex: every credit starts with '(' or
    // one of these letters.
    match line.as_bytes().first() {
        Some(b'(') => PARENTHESISED.is_match(line),
        Some(b'P' | b'p' | b'I' | b'i' | b'V' | b'v' | b'G' | b'g' | b'F' | b'f' | b'C' | b'c') => {
            LABELLED.is_match(line)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        for line in [
            "Photo: Lakeside Gazette file photo",
            "Photograph: Mara Quill/Harbour Wire",
            "Image: courtesy of the museum",
            "Video: harbour fire at night",
            "PHOTO | Tern News",
            "(Harbour Wire Photo)",
            "(AP Photo/Mara Quill)",
            "(Photo: Tern News)",
            "File photo: the old bridge in 2019",
            "Photo credit: Ivo Brandt",
        ] {
            assert!(is_media_credit(line), "{line}");
        }
    }

    #[test]
    fn paragraphs_are_not_credits() {
        for line in [
            "Photographers gathered at the gate.",
            "Images of the flood spread online, officials said.",
            "(The vote was delayed.)",
            "Video games sales rose 4%.",
            "Credit card debt hit a record.",
        ] {
            assert!(!is_media_credit(line), "{line}");
        }
        let long = format!("Photo: {}", "word ".repeat(60));
        assert!(!is_media_credit(&long));
    }
}
