//! The text layer: character classes and normalization with an offset map back to the original.
//!
//! News scraped from the web mixes typographic variants of the same thing: `«»„“"`, four
//! kinds of dash, NBSP and thin spaces, soft hyphens and zero-width characters, CRLF.
//! [`normalize`] folds them into one canonical form and keeps an [`OffsetMap`] so that every
//! position found in the normalized text maps back to a byte offset of the caller's string.

mod chars;
mod normalize;

pub use chars::{
    is_combining, is_dash, is_emoji, is_quote, is_terminal_punct, CharClass, CharInfo, CharTable,
};
pub use normalize::{normalize, NormalizedText, OffsetCursor, OffsetMap};
