//! Named entities: the 29 NEREL types with nested mentions, and a coarse PER/LOC/ORG view.
//!
//! A statistical tagger (averaged perceptron over BILOU tags with constrained Viterbi
//! decoding) finds the outermost mentions; an inner-layer tagger, given the enclosing
//! layer's tags, finds mentions nested inside them, down to three levels
//! (`посол Италии` is a PROFESSION containing the COUNTRY `Италии`). The model is
//! trained on NEREL by `posol-build train-ner` and embedded in the library
//! (`data/ner.bin`); features include word shape and affixes, lemmas and grammemes of
//! the morphological analyzer (with the OpenCorpora Name/Surn/Patr/Geox/Orgn/Abbr marks),
//! hand-written gazetteers, the rule-based [`facts`](crate::facts) (as features) and the
//! cue word of a quoted name or a capitalized run (the lemma before `«` or before the
//! run: `фильм «…»`, `кинотеатрах «Звезда», «Космос» и «Юность»`).
//! The outer layer runs twice over a document: a second pass adds what the first pass
//! found in the whole document (its tags around the token, the type it gave the same
//! lemma or lemma sequence elsewhere) as features; it was trained on first-pass output
//! for documents the first pass had not seen (cross-fitting).
//!
//! ```
//! use posol::ner::{self, EntityType};
//! let text = "Министр иностранных дел России Сергей Лавров прибыл в Астану.";
//! let doc = posol::analyze(text);
//! let ents = ner::extract(text, doc.tokens(), doc.sentences());
//! let person = ents.iter().find(|e| e.kind == EntityType::Person).unwrap();
//! assert_eq!(person.text(text), "Сергей Лавров");
//! // every span slices the original text, sorted by (start, -end)
//! assert!(ents.windows(2).all(|w| (w[0].span.start, std::cmp::Reverse(w[0].span.end))
//!     <= (w[1].span.start, std::cmp::Reverse(w[1].span.end))));
//! ```
//!
//! Two PER/LOC/ORG views reduce the 29 types: [`coarse_view`] keeps NEREL's whole
//! mentions (`МИД России` is one ORG), [`coarse_view_names`] keeps names only, in the
//! convention of factRuEval and natasha (`МИД` ORG + `России` LOC; `правительство` is
//! not a name).
//!
//! ## No panics
//! Tagging accepts any text and any tokens/sentences of that text; a missing or corrupt
//! model only makes the tagger find nothing.

mod features;
mod gazetteer;
mod hash;
mod lexicon;
mod model;
mod names;
mod perceptron;
mod stack;
mod tagger;
mod tags;
#[cfg(test)]
mod tests;
#[doc(hidden)]
pub mod train;
mod types;
mod weights;
#[cfg(test)]
mod weights_tests;

use std::sync::OnceLock;

use crate::facts::Fact;
use crate::sentence::Sentence;
use crate::span::Span;
use crate::token::Token;
pub use names::coarse_view_names;
pub use types::{Coarse, EntityType};

static MODEL_BYTES: &[u8] = include_bytes!("../../data/ner.bin");

/// One entity mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Byte span in the original text.
    pub span: Span,
    /// The NEREL type.
    pub kind: EntityType,
    /// Index (in the same list) of the entity this one is nested in, if any.
    pub parent: Option<usize>,
    /// Nesting depth: 0 for outermost mentions, 1 inside one other mention, ...
    pub depth: u8,
}

impl Entity {
    /// The entity's text in `original` (`""` if the span does not fit that string).
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        original.get(self.span.range()).unwrap_or("")
    }

    /// The coarse type (PER/LOC/ORG), or `None` for types the coarse view drops.
    pub fn coarse(&self) -> Option<Coarse> {
        self.kind.coarse()
    }
}

/// The entity tagger: the embedded model, immutable and `Send + Sync`.
#[derive(Debug)]
pub struct Tagger {
    model: Option<model::Model>,
}

impl Tagger {
    /// The shared tagger, loaded from the embedded model on first use.
    pub fn global() -> &'static Tagger {
        static GLOBAL: OnceLock<Tagger> = OnceLock::new();
        GLOBAL.get_or_init(|| Tagger::from_bytes(MODEL_BYTES))
    }

    /// A tagger over model bytes (as written by `posol-build train-ner`). Bytes that are
    /// not a model of this version give a tagger that finds nothing
    /// (see [`Tagger::is_loaded`]).
    pub fn from_bytes(bytes: &'static [u8]) -> Tagger {
        Tagger {
            model: model::Model::parse(bytes),
        }
    }

    /// Overrides the `O` biases of the outer and inner layers (for tuning; not a stable
    /// API).
    #[doc(hidden)]
    pub fn set_o_bias(&mut self, outer: f32, inner: f32) {
        if let Some(m) = &mut self.model {
            for (l, b) in m.layers.iter_mut().zip([outer, inner]) {
                l.o_bias = b;
            }
        }
    }

    /// Overrides the `O` bias of the document-level second pass of the outer layer, when
    /// the model has one (for tuning; not a stable API).
    #[doc(hidden)]
    pub fn set_second_o_bias(&mut self, b: f32) {
        if let Some(l) = self.model.as_mut().and_then(|m| m.layers.get_mut(2)) {
            l.o_bias = b;
        }
    }

    /// Whether a model was loaded.
    pub fn is_loaded(&self) -> bool {
        self.model.is_some()
    }

    /// The entities of `text`, given its `tokens` and `sentences` (from
    /// [`crate::analyze`]), sorted by start and then longest first. Nested entities
    /// point to their enclosing entity with [`Entity::parent`].
    pub fn extract(&self, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Entity> {
        self.extract_with(text, tokens, sentences, None)
    }

    /// [`Tagger::extract`], given the rule facts of the text
    /// (`facts::extract(text, tokens, None)`) when the caller has them.
    pub(crate) fn extract_with(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        facts: Option<&[Fact]>,
    ) -> Vec<Entity> {
        let Some(model) = &self.model else {
            return Vec::new();
        };
        let found = tagger::tag_document(model, text, tokens, sentences, facts);
        build_entities(tokens, found)
    }

    /// The coarse view: PER/LOC/ORG entities only, outermost first where they overlap
    /// after the other types are dropped (the convention of natasha's benchmark).
    pub fn extract_coarse(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> Vec<(Span, Coarse)> {
        coarse_view(&self.extract(text, tokens, sentences))
    }
}

/// The entities of `text` found by the shared [`Tagger`].
///
/// ```
/// let text = "Посол Италии в Казахстане встретился с журналистами.";
/// let doc = posol::analyze(text);
/// for e in posol::ner::extract(text, doc.tokens(), doc.sentences()) {
///     assert_eq!(&text[e.span.range()], e.text(text));
/// }
/// ```
pub fn extract(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Entity> {
    Tagger::global().extract(text, tokens, sentences)
}

/// Segments `text` and returns its entities (a shortcut for [`crate::analyze_with`] with
/// [`crate::Options::segmentation`] + [`extract`]: the tagger computes the morphology
/// and facts it needs itself).
pub fn extract_text(text: &str) -> Vec<Entity> {
    let doc = crate::analyze_with(text, &crate::Options::segmentation());
    extract(text, doc.tokens(), doc.sentences())
}

/// Reduces entities to the coarse PER/LOC/ORG view: drops other types, then keeps the
/// outermost of overlapping mentions (`МИД России` stays one ORG).
pub fn coarse_view(entities: &[Entity]) -> Vec<(Span, Coarse)> {
    let mut out: Vec<(Span, Coarse)> = Vec::new();
    for e in entities {
        let Some(c) = e.coarse() else { continue };
        if out.last().is_some_and(|(s, _)| s.end > e.span.start) {
            continue;
        }
        out.push((e.span, c));
    }
    out
}

fn build_entities(tokens: &[Token], mut found: Vec<tagger::Found>) -> Vec<Entity> {
    found.retain(|&(a, b, _, _)| a < b && b <= tokens.len());
    found.sort_by_key(|&(a, b, t, d)| (a, std::cmp::Reverse(b), d, t));
    found.dedup_by_key(|&mut (a, b, t, _)| (a, b, t));
    let mut out: Vec<Entity> = Vec::with_capacity(found.len());
    for &(a, b, t, d) in &found {
        let span = Span::new(tokens[a].span.start, tokens[b - 1].span.end);
        let parent = if d == 0 {
            None
        } else {
            out.iter()
                .rposition(|p| (p.depth as usize) < d && p.span.contains(span))
        };
        out.push(Entity {
            span,
            kind: t,
            parent,
            depth: d.min(255) as u8,
        });
    }
    out
}
