//! Normal forms of entity mentions: the nominative form a person would write in a table.
//!
//! Only what grammar requires is inflected: the head noun of a phrase and the adjectives
//! that agree with it (`Межправительственной комиссии по экономическому сотрудничеству` →
//! `Межправительственная комиссия по экономическому сотрудничеству`), every declinable
//! part of a person's name with one gender and one case for the whole name
//! (`Касым-Жомарта Токаева` → `Касым-Жомарт Токаев`, `Джорджей Мелони` → `Джорджа Мелони`).
//! Indeclinable words (`Алматы`, `Мелони`) and words outside the head phrase are kept.
//!
//! ```
//! use posol::ner::EntityType;
//! use posol::normal::{name_parts, normalize_mention};
//!
//! let text = "Встреча с Серджо Маттареллой прошла в Риме.";
//! let tokens = posol::tokenize(text);
//! let name = &tokens[2..4];
//! assert_eq!(normalize_mention(text, name, EntityType::Person), "Серджо Маттарелла");
//! let parts = name_parts(text, name).unwrap();
//! assert_eq!(parts.first.as_deref(), Some("Серджо"));
//! assert_eq!(parts.last.as_deref(), Some("Маттарелла"));
//! ```
//!
//! Never panics: any tokens of any text give some string (the surface text at worst).

mod cands;
mod context;
mod evidence;
mod parts;
mod person;
mod phrase;
mod word;

pub(crate) use parts::name_parts_with;
pub use parts::{name_parts, NameParts};

use crate::ner::EntityType;
use crate::token::{Token, TokenKind};

/// The normal (nominative, table) form of a mention made of `tokens` (a contiguous run of
/// tokens of `text`, as returned by [`crate::tokenize`]) of entity type `kind`.
///
/// Persons are normalized as names (one gender and case for all parts); other types as
/// noun phrases (head noun and agreeing adjectives to the nominative, the rest kept).
/// Tokens are joined with the original spacing collapsed to one space (none where the
/// text has none). Returns an empty string for no tokens.
pub fn normalize_mention(text: &str, tokens: &[Token], kind: EntityType) -> String {
    normalize_with_gender(text, tokens, kind, None)
}

/// Like [`normalize_mention`] with a known grammatical gender of a person (`Some(true)`
/// for feminine), used when another mention of the same person settles it.
pub(crate) fn normalize_with_gender(
    text: &str,
    tokens: &[Token],
    kind: EntityType,
    feminine: Option<bool>,
) -> String {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    if words.is_empty() {
        return String::new();
    }
    let prior = context::case_prior(text, tokens.first().map_or(0, |t| t.span.start));
    let forms = match kind {
        EntityType::Person => {
            let cues = mention_cues(text, tokens);
            person::normalize(&words, tokens, &prior, &cues, feminine)
        }
        EntityType::Date
        | EntityType::Time
        | EntityType::Money
        | EntityType::Percent
        | EntityType::Number
        | EntityType::Age
        | EntityType::Ordinal
        | EntityType::Penalty => words.iter().map(|w| w.to_string()).collect(),
        _ => phrase::normalize(&words, tokens, &prior),
    };
    join(text, tokens, &forms)
}

/// The agreement cues of the words around a mention.
fn mention_cues(text: &str, tokens: &[Token]) -> evidence::Cues {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => evidence::cues(text, a.span.start, b.span.end),
        _ => evidence::Cues::default(),
    }
}

/// How well a person mention reads as masculine and as feminine (best reading scores),
/// and per gender whether a word around it agrees with it in that gender
/// (`христианке Асии Биби`, `Мэй заявила`).
pub(crate) fn person_gender_scores(text: &str, tokens: &[Token]) -> ([f32; 2], [bool; 2]) {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let prior = context::case_prior(text, tokens.first().map_or(0, |t| t.span.start));
    person::gender_scores(&words, tokens, &prior, &mention_cues(text, tokens))
}

/// Joins normalized token forms with the original spacing (one space for any gap).
fn join(text: &str, tokens: &[Token], forms: &[String]) -> String {
    let mut out = String::new();
    for (i, (t, f)) in tokens.iter().zip(forms).enumerate() {
        if i > 0 {
            let gap = text
                .get(tokens[i - 1].span.end..t.span.start)
                .unwrap_or(" ");
            if !gap.is_empty() {
                out.push(' ');
            }
        }
        out.push_str(f);
    }
    out
}

/// Whether a token is a word that can inflect (Cyrillic letters).
pub(crate) fn is_cyrillic_word(t: &Token, w: &str) -> bool {
    t.kind == TokenKind::Word
        && w.chars()
            .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
}

#[cfg(test)]
mod tests;

/// The key names are compared by: lower case, `ё` as `е`, quotes dropped, spaces collapsed.
pub(crate) fn fold_key(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '«' | '»' | '"' | '„' | '“' | '”'))
        .collect();
    word::fold(&s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// All nominative forms a single name word could have (`Рааба` → `Рааб`, `Рааба`).
pub(crate) fn name_forms(word: &str) -> Vec<String> {
    let mut v: Vec<String> = cands::person_cands(word)
        .into_iter()
        .filter(|c| c.score >= 0.02)
        .map(|c| c.form)
        .collect();
    v.sort();
    v.dedup();
    v
}
