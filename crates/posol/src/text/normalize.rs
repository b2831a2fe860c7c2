//! Canonical folding of typographic variants, with a map back to original byte offsets.

/// Text after [`normalize`], with the map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedText {
    /// The normalized text.
    pub text: String,
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

    fn shift(edit: Option<Edit>, pos: usize) -> usize {
        match edit {
            None => pos,
            Some(e) => e.orig_end + (pos - e.norm_end),
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
pub fn normalize(original: &str) -> NormalizedText {
    // Fast path: nothing to fold.
    if !original.chars().any(|c| c == '\r' || fold(c).is_some()) {
        return NormalizedText {
            text: original.to_owned(),
            map: OffsetMap::default(),
        };
    }
    let mut text = String::with_capacity(original.len());
    let mut edits = Vec::new();
    let mut chars = original.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let replacement = if c == '\r' {
            if let Some(&(_, '\n')) = chars.peek() {
                // CRLF: drop the CR, keep the LF.
                None
            } else {
                Some('\n')
            }
        } else {
            match fold(c) {
                None => {
                    text.push(c);
                    continue;
                }
                Some(r) => r,
            }
        };
        let norm_start = text.len();
        if let Some(r) = replacement {
            text.push(r);
        }
        edits.push(Edit {
            norm_start,
            norm_end: text.len(),
            orig_end: i + c.len_utf8(),
        });
    }
    NormalizedText {
        text,
        map: OffsetMap { edits },
    }
}

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
