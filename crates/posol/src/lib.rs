//! # posol
//!
//! Reads Russian-language diplomatic news: tokens and sentences with spans into the
//! original text, and (as the library grows) morphology, entities, normal forms,
//! document-level objects and facts.
//!
//! ```
//! let text = "Президент Казахстана прибыл в Рим. Переговоры прошли 16 мая.";
//! let doc = posol::analyze(text);
//! assert_eq!(doc.sentences().len(), 2);
//! let first = &doc.sentences()[0];
//! assert_eq!(first.text(text), "Президент Казахстана прибыл в Рим.");
//! assert_eq!(doc.tokens()[0].text(text), "Президент");
//!
//! // morphology of each word and number, chosen in context
//! let m = doc.morph(3).unwrap(); // "в"
//! assert_eq!(doc.morph(4).unwrap().lemma, "рим");
//! assert_eq!(m.upos, "ADP");
//!
//! // facts with their values
//! let date = &doc.facts()[0];
//! assert_eq!(date.text(text), "16 мая");
//! assert_eq!(date.entity_type(), "DATE");
//! ```
//!
//! [`analyze_with`] takes [`Options`]: a document date for relative dates, and switches
//! to skip morphology or facts when only tokens and sentences are needed.
//!
//! ## No panics
//! No function in this crate panics on any input text: empty, whitespace-only, huge,
//! invalid-looking or exotic Unicode. Property tests and a fuzz target check this,
//! together with the invariant that every reported span slices the original text.

#![deny(missing_docs)]

mod document;
mod entities;
mod error;
pub mod facts;
pub mod morph;
pub mod ner;
pub mod normal;
pub mod objects;
mod pipeline;
pub mod sentence;
mod span;
pub mod text;
pub mod token;

pub use document::{analyze, analyze_with, Document};
pub use error::{Error, ErrorKind};
pub use pipeline::{Options, TokenMorph};
pub use sentence::{sentenize, Sentence};
pub use span::{CharOffsets, Span};
pub use token::{tokenize, Token, TokenKind};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
