//! Canonical folding of typographic variants, with a map back to original byte offsets.

use std::borrow::Cow;

/// Text after [`normalize`], with the map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedText<'a> {
    /// The normalized text; borrowed from the original when nothing had to change.
    pub text: Cow<'a, str>,
    /// Maps byte offsets of `text` to byte offsets of the original.
    pub map: OffsetMap,
}

/// Maps byte offsets of a normalized text back to byte offsets of its original.
///
/// Stored sparsely, one record per edited character, so unchanged text costs nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

/// One folded character: `norm_start..norm_end` in the normalized text (empty when the
/// character was removed) came from original bytes ending at `orig_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    norm_start: usize,
    norm_end: usize,
    orig_end: usize,
}

impl OffsetMap {
    /// True when the normalized text is byte-identical to the original.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps the start of a normalized span: characters removed just before it are skipped.
    pub fn start(&self, pos: usize) -> usize {
        let k = self.edits.partition_point(|e| e.norm_end <= pos);
        Self::shift(k.checked_sub(1).map(|i| self.edits[i]), pos)
    }

    /// Maps the end of a normalized span: characters removed just after it are left out.
    pub fn end(&self, pos: usize) -> usize {
        let k = self.edits.partition_point(|e| e.norm_end < pos);
        match self.edits.get(k) {
            // A replaced character that ends exactly here.
            Some(&e) if e.norm_end == pos && e.norm_start < e.norm_end => e.orig_end,
            _ => Self::shift(k.checked_sub(1).map(|i| self.edits[i]), pos),
        }
    }

    /// A cursor for mapping many positions in increasing order in amortized `O(1)` each
    /// (same results as [`start`](Self::start) and [`end`](Self::end)).
    pub fn cursor(&self) -> OffsetCursor<'_> {
        OffsetCursor {
            edits: &self.edits,
            starts: 0,
            ends: 0,
        }
    }

    fn shift(edit: Option<Edit>, pos: usize) -> usize {
        match edit {
            None => pos,
            Some(e) => e.orig_end + (pos - e.norm_end),
        }
    }
}

/// Maps positions of a normalized text to the original, for positions given in
/// non-decreasing order (separately for starts and for ends), as tokens are.
#[derive(Debug, Clone)]
pub struct OffsetCursor<'a> {
    edits: &'a [Edit],
    /// Edits that end at or before the last start position asked for.
    starts: usize,
    /// Edits that end before the last end position asked for.
    ends: usize,
}

impl OffsetCursor<'_> {
    /// Like [`OffsetMap::start`]; `pos` must not be less than the previous start asked for.
    pub fn start(&mut self, pos: usize) -> usize {
        while self
            .edits
            .get(self.starts)
            .is_some_and(|e| e.norm_end <= pos)
        {
            self.starts += 1;
        }
        OffsetMap::shift(self.starts.checked_sub(1).map(|i| self.edits[i]), pos)
    }

    /// Like [`OffsetMap::end`]; `pos` must not be less than the previous end asked for.
    pub fn end(&mut self, pos: usize) -> usize {
        while self.edits.get(self.ends).is_some_and(|e| e.norm_end < pos) {
            self.ends += 1;
        }
        match self.edits.get(self.ends) {
            Some(&e) if e.norm_end == pos && e.norm_start < e.norm_end => e.orig_end,
            _ => OffsetMap::shift(self.ends.checked_sub(1).map(|i| self.edits[i]), pos),
        }
    }
}

/// What a character becomes in the normalized text.
fn fold(c: char) -> Option<Option<char>> {
    Some(match c {
        // Invisible: soft hyphen, zero-width space/joiners, word joiner, BOM.
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}' => None,
        // Spaces of every width; CR is handled by the caller.
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{1680}' => {
            Some(' ')
        }
        '\u{2028}' | '\u{2029}' | '\u{85}' => Some('\n'),
        // Hyphens become ASCII; dashes become the en dash.
        '‐' | '‑' | '−' | '⁃' => Some('-'),
        '‒' | '—' | '―' => Some('–'),
        // Directional quotes keep their direction; ambiguous ones become '"'.
        '„' | '‹' => Some('«'),
        '›' => Some('»'),
        '“' | '”' | '‟' | '″' => Some('"'),
        '‘' | '’' | '‚' | '′' => Some('\''),
        _ => return None,
    })
}

/// Folds typographic variants into one form and records where each piece came from.
///
/// * NBSP, thin and other fixed-width spaces become `' '`; CRLF and lone CR become `'\n'`.
/// * Soft hyphens and zero-width characters are removed (the ZWJ inside emoji is kept).
/// * Hyphen variants become `-`; figure, em and horizontal-bar dashes become `–`.
/// * `„` and `‹` become `«`, `›` becomes `»`, `“ ” ‟ ″` become `"`, `‘ ’ ‚ ′` become `'`.
///
/// ```
/// use posol::text::normalize;
/// let original = "Касым\u{2011}Жомарт\u{a0}— «Мир»";
/// let n = normalize(original);
/// assert_eq!(n.text, "Касым-Жомарт – «Мир»");
/// let dash = n.text.find('–').unwrap();
/// assert_eq!(&original[n.map.start(dash)..n.map.end(dash + '–'.len_utf8())], "—");
/// ```
pub fn normalize(original: &str) -> NormalizedText<'_> {
    let bytes = original.as_bytes();
    let mut text = String::new();
    let mut edits = Vec::new();
    // Start of the original text not yet copied.
    let mut copied = 0;
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|&b| is_candidate_lead(b)) {
        i += found;
        let Some(c) = original.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        let replacement = if c == '\r' {
            // CRLF: drop the CR and keep the LF; a lone CR becomes LF.
            Some(if bytes.get(i + 1) == Some(&b'\n') {
                None
            } else {
                Some('\n')
            })
        } else {
            fold(c)
        };
        if let Some(replacement) = replacement {
            if text.capacity() == 0 {
                text.reserve(original.len());
            }
            text.push_str(&original[copied..i]);
            let norm_start = text.len();
            if let Some(r) = replacement {
                text.push(r);
            }
            edits.push(Edit {
                norm_start,
                norm_end: text.len(),
                orig_end: i + len,
            });
            copied = i + len;
        }
        i += len;
    }
    if edits.is_empty() {
        return NormalizedText {
            text: Cow::Borrowed(original),
            map: OffsetMap::default(),
        };
    }
    text.push_str(&original[copied..]);
    NormalizedText {
        text: Cow::Owned(text),
        map: OffsetMap { edits },
    }
}

/// First bytes of the UTF-8 encodings of every character [`fold`] changes, and CR.
#[inline]
fn is_candidate_lead(b: u8) -> bool {
    CANDIDATE_LEADS[usize::from(b)]
}

/// [`is_candidate_lead`] as a table: one load per byte in the scanning loop.
static CANDIDATE_LEADS: [bool; 256] = {
    let mut table = [false; 256];
    let leads = [b'\r', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF];
    let mut i = 0;
    while i < leads.len() {
        table[leads[i] as usize] = true;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(original: &str, needle: &str, expect: &str) {
        let n = normalize(original);
        let at = n.text.find(needle).expect("needle present");
        let (s, e) = (n.map.start(at), n.map.end(at + needle.len()));
        assert_eq!(&original[s..e], expect);
    }

    #[test]
    fn every_folded_char_has_a_candidate_lead_byte() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            if fold(c).is_some() || c == '\r' {
                let mut buf = [0; 4];
                assert!(
                    is_candidate_lead(c.encode_utf8(&mut buf).as_bytes()[0]),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn cursor_agrees_with_lookups() {
        let original = "«Мир»\r\n“Да”\u{a0}—\u{ad}нет\u{200b} и\u{a0}\u{a0}труд";
        let n = normalize(original);
        let mut cursor = n.map.cursor();
        let mut ends = n.map.cursor();
        for pos in (0..=n.text.len()).filter(|&p| n.text.is_char_boundary(p)) {
            assert_eq!(cursor.start(pos), n.map.start(pos), "start {pos}");
            assert_eq!(ends.end(pos), n.map.end(pos), "end {pos}");
        }
    }

    #[test]
    fn identity_when_clean() {
        let n = normalize("Обычный текст.");
        assert!(n.map.is_identity());
        assert_eq!(n.map.start(5), 5);
    }

    #[test]
    fn folds_and_maps_back() {
        let original = "«Мир»\r\n“Да”\u{a0}—\u{ad}нет";
        let n = normalize(original);
        assert_eq!(n.text, "«Мир»\n\"Да\" –нет");
        roundtrip(original, "\"Да\"", "“Да”");
        roundtrip(original, "нет", "нет");
        roundtrip(original, "–", "—");
        roundtrip(original, "\n", "\n"); // the CR is dropped, the LF kept
    }

    #[test]
    fn removed_characters_stay_outside_spans() {
        let original = "со\u{ad}трудничество\u{200b} мир";
        let n = normalize(original);
        assert_eq!(n.text, "сотрудничество мир");
        let end = n.text.find(' ').unwrap();
        assert_eq!(
            &original[n.map.start(0)..n.map.end(end)],
            "со\u{ad}трудничество"
        );
    }
}
