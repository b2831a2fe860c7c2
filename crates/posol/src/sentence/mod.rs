//! Sentences: where one ends and the next begins.

mod abbrev;
mod rules;

use std::ops::Range;

use crate::span::Span;
use crate::text::normalize;
use crate::token::{scan, RawToken};

pub(crate) use rules::split;

/// One sentence: its span in the original text and the tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte span in the caller's original text, from its first token to its last.
    pub span: Span,
    /// Indices of its tokens in the document's token list.
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence's text in `original` (the string it came from); `""` if it does not fit.
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        original.get(self.span.range()).unwrap_or("")
    }
}

/// Splits `text` into sentences. Never panics.
///
/// ```
/// use posol::sentenize;
/// let text = "Встреча прошла в г. Астане. В. В. Иванов отметил: «Мы готовы!» – и добавил, что визит важен.";
/// let sentences: Vec<&str> = sentenize(text).iter().map(|s| s.text(text)).collect();
/// assert_eq!(sentences, [
///     "Встреча прошла в г. Астане.",
///     "В. В. Иванов отметил: «Мы готовы!» – и добавил, что визит важен.",
/// ]);
/// ```
pub fn sentenize(text: &str) -> Vec<Sentence> {
    let normalized = normalize(text);
    let raw = scan(&normalized.text);
    sentences_from(&normalized.text, &raw, |start, end| {
        Span::new(normalized.map.start(start), normalized.map.end(end))
    })
}

/// Builds sentences over already scanned tokens; `to_span` maps normalized offsets back.
pub(crate) fn sentences_from(
    normalized: &str,
    raw: &[RawToken],
    to_span: impl Fn(usize, usize) -> Span,
) -> Vec<Sentence> {
    split(normalized, raw)
        .into_iter()
        .map(|r| Sentence {
            span: to_span(raw[r.start].start, raw[r.end - 1].end),
            tokens: r,
        })
        .collect()
}
