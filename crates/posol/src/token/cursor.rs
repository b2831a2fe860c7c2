//! A read-only cursor over a `&str` that decodes one char at a time.

use crate::text::CharClass;

/// Character-level access to a string by byte position.
#[derive(Clone, Copy)]
pub(crate) struct Text<'a> {
    pub(crate) s: &'a str,
}

impl<'a> Text<'a> {
    /// The char starting at byte `pos`, if any.
    #[inline]
    pub(crate) fn char_at(self, pos: usize) -> Option<char> {
        self.s.get(pos..)?.chars().next()
    }

    /// The char ending at byte `pos`, if any.
    #[inline]
    pub(crate) fn char_before(self, pos: usize) -> Option<char> {
        self.s.get(..pos)?.chars().next_back()
    }

    /// The class of the char at `pos`; `Space` past the end.
    #[inline]
    pub(crate) fn class_at(self, pos: usize) -> CharClass {
        self.char_at(pos).map_or(CharClass::Space, CharClass::of)
    }

    /// Byte position after the run of chars from `pos` that satisfy `f`.
    #[inline]
    pub(crate) fn skip_while(self, mut pos: usize, f: impl Fn(char) -> bool) -> usize {
        while let Some(c) = self.char_at(pos) {
            if !f(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// True when the text at `pos` starts with `prefix`, ignoring ASCII case.
    pub(crate) fn starts_with_ignore_case(self, pos: usize, prefix: &str) -> bool {
        self.s
            .get(pos..pos + prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    }
}
