//! The byte encoding of dictionary keys: one byte per letter.
//!
//! The fst maps of the dictionary are keyed by words in this encoding rather than UTF-8,
//! so that a Russian word takes one transition per letter instead of two: ASCII stays as
//! it is, the Cyrillic block U+0400..U+045F becomes `0x80 + (code - 0x400)` (`а` = `0xB0`,
//! `е` = `0xB5`, `ё` = `0xD1`), and any other character is written as [`ESCAPE`] followed by
//! its UTF-8 bytes. The encoding is injective, so decoding gives the word back.

/// Marks a character outside ASCII and the basic Cyrillic block.
pub(crate) const ESCAPE: u8 = 0xFF;
/// `е` in the encoding.
pub(crate) const YE: u8 = 0xB5;
/// `ё` in the encoding.
pub(crate) const YO: u8 = 0xD1;

/// Appends the encoding of `word` to `out`.
///
/// ```
/// let mut key = Vec::new();
/// posol::morph::encode_key("мир-2", &mut key);
/// assert_eq!(key, [0xBC, 0xB8, 0xC0, b'-', b'2']);
/// ```
pub fn encode_key(word: &str, out: &mut Vec<u8>) {
    for c in word.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(code as u8);
        } else if (0x400..0x460).contains(&code) {
            out.push((0x80 + code - 0x400) as u8);
        } else {
            out.push(ESCAPE);
            let mut utf8 = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }
}

/// Appends the word encoded in `key` to `out`; `false` (with `out` partly written) if
/// `key` is not a valid encoding.
pub(crate) fn decode_key(key: &[u8], out: &mut String) -> bool {
    let mut i = 0;
    while let Some(&b) = key.get(i) {
        match b {
            0..0x80 => out.push(b as char),
            0x80..0xE0 => match char::from_u32(0x400 + (b as u32 - 0x80)) {
                Some(c) => out.push(c),
                None => return false,
            },
            ESCAPE => {
                let len = match key.get(i + 1) {
                    Some(0xC0..0xE0) => 2,
                    Some(0xE0..0xF0) => 3,
                    Some(0xF0..0xF8) => 4,
                    _ => return false,
                };
                let Some(s) = key
                    .get(i + 1..i + 1 + len)
                    .and_then(|s| std::str::from_utf8(s).ok())
                else {
                    return false;
                };
                out.push_str(s);
                i += len;
            }
            _ => return false,
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{decode_key, encode_key, YE, YO};

    #[test]
    fn round_trips() {
        for w in [
            "",
            "ёлка",
            "еще",
            "Мир",
            "abc-12",
            "д’артаньян",
            "ѣ",
            "日本",
            "ЀЏ",
        ] {
            let mut k = Vec::new();
            encode_key(w, &mut k);
            let mut back = String::new();
            assert!(decode_key(&k, &mut back), "{w}");
            assert_eq!(back, w);
        }
        let mut k = Vec::new();
        encode_key("её", &mut k);
        assert_eq!(k, [YE, YO]);
    }

    #[test]
    fn invalid_keys_are_refused() {
        let mut s = String::new();
        assert!(!decode_key(&[0xE5], &mut s));
        assert!(!decode_key(&[0xFF], &mut s));
        assert!(!decode_key(&[0xFF, 0xC3], &mut s));
    }
}
