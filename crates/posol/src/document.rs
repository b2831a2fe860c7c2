//! The analysed document: the text with everything found in it.

use crate::sentence::{sentences_from, Sentence};
use crate::span::{CharOffsets, Span};
use crate::text::normalize;
use crate::token::{scan, Token};

/// A text with its tokens and sentences (and, as posol grows, everything else found in it).
///
/// Owns a copy of the text, so it is `Send + Sync` and can outlive the caller's string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

impl Document {
    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The sentences, in text order; together they cover every token exactly once.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// A converter from this document's byte offsets to Unicode code-point offsets.
    pub fn char_offsets(&self) -> CharOffsets {
        CharOffsets::new(&self.text)
    }
}

/// Analyses `text`: one pass of normalization, tokenization and sentence splitting.
///
/// ```
/// let doc = posol::analyze("Визит начнётся завтра.\nПрограмма насыщенная");
/// assert_eq!(doc.sentences().len(), 2);
/// assert_eq!(doc.tokens().len(), 6);
/// ```
pub fn analyze(text: &str) -> Document {
    let normalized = normalize(text);
    let raw = scan(&normalized.text);
    let map = &normalized.map;
    let sentences = sentences_from(&normalized.text, &raw, |s, e| {
        Span::new(map.start(s), map.end(e))
    });
    let tokens = raw.into_iter().map(|r| r.to_token(map)).collect();
    Document {
        text: text.to_owned(),
        tokens,
        sentences,
    }
}
