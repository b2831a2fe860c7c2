//! Byte spans into the caller's original text, and their conversion to char offsets.

use std::ops::Range;

/// A half-open byte range `[start, end)` into the caller's *original* text.
///
/// Every span posol reports refers to the text the caller passed in, even when the
/// library normalized it internally (quotes, dashes, invisible characters, CRLF).
/// Both ends always fall on UTF-8 character boundaries, so `&text[span.range()]` never panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a `Range<usize>`, ready for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text into Unicode code-point (char) offsets.
///
/// Built once per text in `O(n)`; each lookup is a binary search over the positions
/// of multi-byte characters, so pure-ASCII stretches cost nothing.
///
/// ```
/// use posol::CharOffsets;
/// let text = "Мир и май";
/// let offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_offset(6), 3); // after "Мир" (3 chars, 6 bytes)
/// ```
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// For every char longer than one byte: the byte offset where it ends and the
    /// total of extra (non-first) bytes of all wide chars up to and including it.
    wide_ends: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide_ends = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide_ends.push((i + n, extra));
            }
        }
        CharOffsets { wide_ends }
    }

    /// The char offset of byte offset `byte` (a char boundary of the indexed text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let k = self.wide_ends.partition_point(|&(end, _)| end <= byte);
        let extra = k.checked_sub(1).map_or(0, |i| self.wide_ends[i].1);
        byte - extra
    }

    /// Char offsets of a byte span.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_naive_count() {
        let text = "a😀бв c\u{301}d€";
        let offsets = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(offsets.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(!s.is_empty());
        assert!(s.contains(Span::new(3, 5)));
        assert!(!s.contains(Span::new(1, 5)));
    }
}
