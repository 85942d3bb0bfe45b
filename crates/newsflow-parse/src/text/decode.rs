//! Bytes to text: BOM sniffing, UTF-8, UTF-16, legacy single-byte encodings
//! (guessed with chardetng), and the checks that reject binary content.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::{ParseError, ParseLimits};

/// How far into a document a NUL byte marks it as binary (git's heuristic).
const NUL_WINDOW: usize = 8 * 1024;
/// Share of control characters (per mille) above which text is binary.
const MAX_CONTROL_PER_MILLE: usize = 10;
/// Share of undecodable characters (per mille) above which text is binary.
const MAX_REPLACEMENT_PER_MILLE: usize = 10;

/// Decoded text and the encoding it was found in.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
}

/// Cheap check on the first bytes: rejects content that is clearly not text
/// (a NUL byte early on that UTF-16 does not explain).
pub fn check_not_binary(bytes: &[u8]) -> Result<(), ParseError> {
    if Encoding::for_bom(bytes).is_some() || sniff_utf16_without_bom(bytes).is_some() {
        return Ok(());
    }
    let window = &bytes[..bytes.len().min(NUL_WINDOW)];
    match memchr::memchr(0, window) {
        Some(offset) => Err(ParseError::Binary {
            detail: format!("NUL byte at offset {offset}"),
        }),
        None => Ok(()),
    }
}

/// Decodes a whole document. Valid UTF-8 is borrowed, not copied.
pub fn decode<'a>(bytes: &'a [u8], limits: &ParseLimits) -> Result<Decoded<'a>, ParseError> {
    if bytes.len() > limits.max_document_bytes {
        return Err(ParseError::TooLarge {
            size: bytes.len(),
            limit: limits.max_document_bytes,
        });
    }
    let decoded = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_with(encoding, &bytes[bom_len..])
    } else if let Some(encoding) = sniff_utf16_without_bom(bytes) {
        decode_with(encoding, bytes)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: Cow::Borrowed(text),
                encoding: UTF_8,
            },
            Err(_) => decode_with(guess_legacy_encoding(bytes), bytes),
        }
    };
    check_decoded_text(&decoded.text)?;
    Ok(decoded)
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Decoded<'a> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text, encoding }
}

/// Invalid UTF-8: most likely Windows-1252 / Latin-1, but let chardetng
/// decide (it also knows Cyrillic, Greek, CJK legacy encodings).
fn guess_legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

/// UTF-16 without a BOM shows up as a NUL in every other byte of ASCII text.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Nearly all of one half NUL and almost none of the other.
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let hardly = |n: usize| n * 20 <= pairs;
    if mostly(odd_nuls) && hardly(even_nuls) {
        Some(UTF_16LE)
    } else if mostly(even_nuls) && hardly(odd_nuls) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Rejects decoded text that is really binary: a NUL near the start, too
/// many control characters, or too many undecodable bytes.
fn check_decoded_text(text: &str) -> Result<(), ParseError> {
    let window_end = floor_char_boundary(text, NUL_WINDOW);
    if let Some(offset) = memchr::memchr(0, &text.as_bytes()[..window_end]) {
        return Err(ParseError::Binary {
            detail: format!("NUL character at offset {offset} of the decoded text"),
        });
    }
    let bytes = text.as_bytes();
    // C0 controls other than tab/LF/VT/FF/CR, and DEL; counted on bytes
    // since they are single bytes in UTF-8.
    // u8 counters over 64-byte blocks so the compiler vectorises the loop.
    let controls: usize = bytes
        .chunks(64)
        .map(|block| {
            let in_block = block.iter().fold(0u8, |count, &b| {
                count + u8::from(b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f)
            });
            usize::from(in_block)
        })
        .sum();
    if controls * 1000 > bytes.len() * MAX_CONTROL_PER_MILLE {
        return Err(ParseError::Binary {
            detail: format!(
                "{controls} control characters in {} bytes of text",
                bytes.len()
            ),
        });
    }
    // U+FFFD is EF BF BD in UTF-8; only pay for counting when one exists.
    if memchr::memmem::find(bytes, "\u{FFFD}".as_bytes()).is_some() {
        let replacements = text.matches('\u{FFFD}').count();
        let chars = text.chars().count();
        if replacements * 1000 > chars * MAX_REPLACEMENT_PER_MILLE {
            return Err(ParseError::Binary {
                detail: format!("{replacements} undecodable characters in {chars}"),
            });
        }
    }
    Ok(())
}

/// Largest char boundary at or below `index` (str::floor_char_boundary is
/// not stable yet).
pub(crate) fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let mut i = index;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_ok(bytes: &[u8]) -> String {
        decode(bytes, &ParseLimits::default())
            .expect("decodes")
            .text
            .into_owned()
    }

    #[test]
    fn utf8_is_borrowed_and_bom_is_stripped() {
        let plain = decode("Caf\u{e9}".as_bytes(), &ParseLimits::default()).unwrap();
        assert!(matches!(plain.text, Cow::Borrowed("Caf\u{e9}")));
        assert_eq!(decode_ok(b"\xEF\xBB\xBFHello"), "Hello");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "Hi \u{201C}there\u{201D}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&le);
        assert_eq!(decode_ok(&with_bom), "Hi \u{201C}there\u{201D}");
        let be: Vec<u8> = "Plain words here"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode_ok(&be), "Plain words here");
    }

    #[test]
    fn windows_1252_curly_quotes_and_accents() {
        let bytes = b"The caf\xE9 owner said \x93we are open\x94 on Monday.";
        assert_eq!(
            decode_ok(bytes),
            "The caf\u{e9} owner said \u{201C}we are open\u{201D} on Monday."
        );
    }

    #[test]
    fn binary_is_rejected_with_detail() {
        let err = decode(b"PK\x03\x04\x00\x00binary", &ParseLimits::default()).unwrap_err();
        assert!(err.to_string().contains("NUL"), "{err}");
        let controls = b"a\x01b\x02c\x03d\x04e\x05f";
        let err = decode(controls, &ParseLimits::default()).unwrap_err();
        assert!(err.to_string().contains("control characters"), "{err}");
        assert!(check_not_binary(b"\x00\x01\x02ELF").is_err());
        assert!(check_not_binary(b"plain text").is_ok());
    }

    #[test]
    fn too_large_names_the_limit() {
        let limits = ParseLimits {
            max_document_bytes: 4,
            ..ParseLimits::default()
        };
        let err = decode(b"hello", &limits).unwrap_err();
        assert!(matches!(err, ParseError::TooLarge { size: 5, limit: 4 }));
    }
}
