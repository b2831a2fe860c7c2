//! Tokens: words, numbers, punctuation and the other pieces of news text.

mod cursor;
mod scan;
mod word;

use crate::span::Span;
use crate::text::normalize;

pub(crate) use scan::scan;

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with hyphens, apostrophes or digits inside (`Касым-Жомарт`, `IT-стартап`).
    Word,
    /// Digits with their separators (`11,3`, `27.11.2024`, `14:25`, `2021-2025`, `30-летие`).
    Number,
    /// Punctuation; runs like `...`, `?!` and `--` are one token.
    Punct,
    /// A symbol such as `$`, `%`, `№` or `+`.
    Symbol,
    /// A web address (`https://…`, `www.…`) or a site name (`Kazpravda.kz`).
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag (`#Астана`).
    Hashtag,
    /// A user mention (`@press_service`).
    Mention,
    /// One or more emoji with their modifiers.
    Emoji,
}

impl TokenKind {
    /// The kind's name in lower case, as used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }
}

/// One token: where it is in the original text and what kind it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte span in the caller's original text.
    pub span: Span,
    /// What kind of token this is.
    pub kind: TokenKind,
    /// True when the token was cut off a preceding word it was glued to without a space
    /// (careless scraping: «сотрудничестваАким»).
    pub glued: bool,
}

impl Token {
    /// The token's text in `original` (the string the token came from).
    ///
    /// Returns `""` if `original` is not that string and the span does not fit.
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        original.get(self.span.range()).unwrap_or("")
    }
}

/// A token in normalized-text coordinates, before mapping back to the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawToken {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    pub(crate) glued: bool,
}

/// Splits `text` into tokens. Never panics; whitespace is never part of a token.
///
/// ```
/// use posol::tokenize;
/// let text = "Товарооборот вырос на 12,5% — до $24,2 млрд.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Товарооборот", "вырос", "на", "12,5", "%", "—", "до", "$", "24,2", "млрд", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let normalized = normalize(text);
    RawToken::map_all(scan(&normalized.text), &normalized.map)
}

impl RawToken {
    pub(crate) fn to_token(self, map: &mut crate::text::OffsetCursor<'_>) -> Token {
        Token {
            span: Span::new(map.start(self.start), map.end(self.end)),
            kind: self.kind,
            glued: self.glued,
        }
    }

    /// Maps tokens scanned from normalized text back to the original (tokens are sorted
    /// and do not overlap, so one forward cursor serves them all).
    pub(crate) fn map_all(raw: Vec<RawToken>, map: &crate::text::OffsetMap) -> Vec<Token> {
        let mut cursor = map.cursor();
        raw.into_iter().map(|r| r.to_token(&mut cursor)).collect()
    }
}
