//! Character classification shared by the normalizer and the tokenizer.

/// What role a (normalized) character plays for the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Whitespace, including line breaks.
    Space,
    /// A letter of any script.
    Letter,
    /// A digit or other numeric character.
    Digit,
    /// A combining mark or variation selector: it belongs to the preceding character.
    Mark,
    /// An emoji or emoji component.
    Emoji,
    /// Punctuation or any other symbol.
    Other,
}

impl CharClass {
    /// Classifies one character (a table lookup for the Basic Multilingual Plane).
    #[inline]
    pub fn of(c: char) -> CharClass {
        CharInfo::of(c).class()
    }

    /// Letters and digits.
    #[inline]
    pub fn is_alnum(self) -> bool {
        matches!(self, CharClass::Letter | CharClass::Digit)
    }

    fn compute(c: char) -> CharClass {
        if c.is_ascii() {
            return match c {
                'a'..='z' | 'A'..='Z' => CharClass::Letter,
                '0'..='9' => CharClass::Digit,
                ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' => CharClass::Space,
                _ => CharClass::Other,
            };
        }
        if c.is_whitespace() {
            CharClass::Space
        } else if is_combining(c) {
            CharClass::Mark
        } else if is_emoji(c) {
            CharClass::Emoji
        } else if c.is_alphabetic() {
            CharClass::Letter
        } else if c.is_numeric() {
            CharClass::Digit
        } else {
            CharClass::Other
        }
    }
}

/// A character's class and case packed in one byte, looked up in a table for the
/// Basic Multilingual Plane (built once, 64 KiB) and computed for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharInfo(u8);

const CLASSES: [CharClass; 6] = [
    CharClass::Space,
    CharClass::Letter,
    CharClass::Digit,
    CharClass::Mark,
    CharClass::Emoji,
    CharClass::Other,
];
const LOWER: u8 = 0x10;
const UPPER: u8 = 0x20;
const CYRILLIC: u8 = 0x40;

impl CharInfo {
    /// Looks up `c`.
    #[inline]
    pub fn of(c: char) -> CharInfo {
        CharTable::get().info(c)
    }

    fn compute(c: char) -> u8 {
        let class = CharClass::compute(c);
        let index = CLASSES.iter().position(|&k| k == class).unwrap_or(5) as u8;
        index
            | if c.is_lowercase() { LOWER } else { 0 }
            | if c.is_uppercase() { UPPER } else { 0 }
            | if matches!(c, '\u{400}'..='\u{52f}') {
                CYRILLIC
            } else {
                0
            }
    }

    /// The character's class.
    #[inline]
    pub fn class(self) -> CharClass {
        CLASSES[usize::from(self.0 & 0x0f).min(5)]
    }

    /// True for lower-case letters.
    #[inline]
    pub fn is_lower(self) -> bool {
        self.0 & LOWER != 0
    }

    /// True for upper-case letters.
    #[inline]
    pub fn is_upper(self) -> bool {
        self.0 & UPPER != 0
    }

    /// True for Cyrillic letters (U+0400–U+052F).
    #[inline]
    pub fn is_cyrillic(self) -> bool {
        self.0 & CYRILLIC != 0
    }
}

/// The lookup table behind [`CharInfo::of`]; hold on to it in hot loops to skip the
/// one-time-initialization check on every character.
#[derive(Debug, Clone, Copy)]
pub struct CharTable(&'static [u8]);

impl CharTable {
    /// The table, built on first use (about a millisecond).
    #[inline]
    pub fn get() -> CharTable {
        CharTable(BMP.get_or_init(build_bmp))
    }

    /// Looks up `c`.
    #[inline]
    pub fn info(self, c: char) -> CharInfo {
        match self.0.get(c as usize) {
            Some(&info) => CharInfo(info),
            None => CharInfo(CharInfo::compute(c)),
        }
    }
}

static BMP: std::sync::OnceLock<Box<[u8]>> = std::sync::OnceLock::new();

fn build_bmp() -> Box<[u8]> {
    (0..0x1_0000u32)
        .map(|u| char::from_u32(u).map_or(5, CharInfo::compute))
        .collect()
}

/// Combining diacritics (e.g. the stress mark in «Во́дская»), variation selectors, the
/// zero-width joiner and emoji skin-tone modifiers: characters that never start a token.
pub fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F | 0x200D)
}

/// Pictographs, dingbats and the other blocks emoji come from.
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x3030 | 0x303D
        | 0x3297 | 0x3299 | 0x2122 | 0x2139 | 0x24C2)
}

/// Any dash or hyphen (after normalization only `-` and `–` remain).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '‒' | '―' | '−' | '⁃')
}

/// Any quotation mark, including apostrophe-like ones used as quotes.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '«'
            | '»'
            | '„'
            | '“'
            | '”'
            | '‟'
            | '‹'
            | '›'
            | '″'
            | '\''
            | '‘'
            | '’'
            | '‚'
            | '`'
    )
}

/// Characters that end a sentence.
pub fn is_terminal_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(CharClass::of('ж'), CharClass::Letter);
        assert_eq!(CharClass::of('Ә'), CharClass::Letter);
        assert_eq!(CharClass::of('7'), CharClass::Digit);
        assert_eq!(CharClass::of('\u{a0}'), CharClass::Space);
        assert_eq!(CharClass::of('\u{301}'), CharClass::Mark);
        assert_eq!(CharClass::of('😀'), CharClass::Emoji);
        assert_eq!(CharClass::of('№'), CharClass::Other);
        assert_eq!(CharClass::of('٣'), CharClass::Digit);
        assert_eq!(CharClass::of('𝔘'), CharClass::Letter);
    }

    #[test]
    fn table_agrees_with_direct_computation() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(CharInfo::of(c), CharInfo(CharInfo::compute(c)), "{c:?}");
        }
        let info = CharInfo::of('ж');
        assert!(info.is_lower() && !info.is_upper() && info.is_cyrillic());
        assert!(CharInfo::of('Ж').is_upper());
    }
}
