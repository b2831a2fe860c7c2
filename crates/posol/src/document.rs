//! The analysed document: the text with everything found in it.

use crate::facts::{self, Fact};
use crate::pipeline::{morphology, Options, TokenMorph};
use crate::sentence::{sentences_from, Sentence};
use crate::span::{CharOffsets, Span};
use crate::text::normalize;
use crate::token::{scan, Token};

/// A text with its tokens, sentences, per-token morphology and facts.
///
/// Owns a copy of the text, so it is `Send + Sync` and can outlive the caller's string.
/// Built by [`analyze`] (everything on) or [`analyze_with`] (see [`Options`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// Parallel to `tokens` when morphology was computed, empty otherwise.
    morph: Vec<Option<TokenMorph>>,
    facts: Vec<Fact>,
}

// Equality is reflexive: the only floating-point values are fact amounts, which posol
// reads from digits and never makes NaN, and the fields are private.
impl Eq for Document {}

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

    /// The morphology of token `i` (an index into [`Document::tokens`]), chosen in the
    /// context of its sentence.
    ///
    /// `None` when `i` is out of range, when morphology was switched off
    /// ([`Options::morphology`]), or for tokens other than words and numbers:
    /// punctuation, symbols, URLs, e-mails, hashtags, mentions and emoji have none.
    ///
    /// ```
    /// let doc = posol::analyze("Президент прибыл в Рим.");
    /// let m = doc.morph(0).unwrap();
    /// assert_eq!((m.lemma.as_str(), m.upos), ("президент", "NOUN"));
    /// assert_eq!(doc.morph(3).unwrap().lemma, "рим");
    /// assert!(doc.morph(4).is_none()); // "."
    /// ```
    pub fn morph(&self, i: usize) -> Option<&TokenMorph> {
        self.morph.get(i).and_then(Option::as_ref)
    }

    /// The facts (money, percentages, numbers, ordinals, dates, times) in text order;
    /// empty when switched off ([`Options::facts`]). See [`crate::facts::extract`].
    ///
    /// ```
    /// let text = "Товарооборот вырос на 12,5%.";
    /// let doc = posol::analyze(text);
    /// assert_eq!(doc.facts()[0].text(text), "12,5%");
    /// assert_eq!(doc.facts()[0].entity_type(), "PERCENT");
    /// ```
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// A converter from this document's byte offsets to Unicode code-point offsets.
    pub fn char_offsets(&self) -> CharOffsets {
        CharOffsets::new(&self.text)
    }
}

/// Analyses `text` with everything on: normalization, tokenization, sentence splitting,
/// morphology and facts (relative dates resolved against a dateline, if any). The same
/// as `analyze_with(text, &Options::default())`.
///
/// ```
/// let doc = posol::analyze("Визит начнётся завтра.\nПрограмма насыщенная");
/// assert_eq!(doc.sentences().len(), 2);
/// assert_eq!(doc.tokens().len(), 6);
/// assert_eq!(doc.morph(1).unwrap().lemma, "начаться");
/// assert_eq!(doc.facts()[0].entity_type(), "DATE"); // "завтра"
/// ```
pub fn analyze(text: &str) -> Document {
    analyze_with(text, &Options::default())
}

/// Analyses `text`, computing what `options` asks for. Never panics.
///
/// ```
/// use posol::{analyze_with, facts::{CivilDate, FactValue}, Options};
/// let text = "Соглашение подписали вчера.";
/// let doc = analyze_with(text, &Options::default().date(CivilDate::new(2025, 3, 1)));
/// let FactValue::Date(d) = &doc.facts()[0].value else { panic!() };
/// assert_eq!(d.start.as_deref(), Some("2025-02-28"));
///
/// let fast = analyze_with(text, &Options::segmentation());
/// assert!(fast.morph(0).is_none() && fast.facts().is_empty());
/// ```
pub fn analyze_with(text: &str, options: &Options) -> Document {
    let normalized = normalize(text);
    let raw = scan(&normalized.text);
    let map = &normalized.map;
    let sentences = sentences_from(&normalized.text, &raw, |s, e| {
        Span::new(map.start(s), map.end(e))
    });
    let tokens: Vec<Token> = raw.into_iter().map(|r| r.to_token(map)).collect();
    let morph = if options.morphology {
        morphology(text, &tokens, &sentences)
    } else {
        Vec::new()
    };
    let facts = if options.facts {
        facts::extract(text, &tokens, options.date)
    } else {
        Vec::new()
    };
    Document {
        text: text.to_owned(),
        tokens,
        sentences,
        morph,
        facts,
    }
}
