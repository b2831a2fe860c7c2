//! Sentence-boundary rules over scanned tokens.

use std::ops::Range;

use super::abbrev::{lookup, Abbrev};
use crate::token::{RawToken, TokenKind};

/// Token index ranges of the sentences of normalized text `s` tokenized as `tokens`.
pub(crate) fn split(s: &str, tokens: &[RawToken]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let boundary = if is_terminal(s, &tokens[i]) {
            // Closing quotes and brackets right after the terminal mark stay with the sentence.
            while end < tokens.len()
                && is_closing(s, tokens, end)
                && !line_break_before(s, tokens, end)
            {
                end += 1;
            }
            end == tokens.len()
                || line_break_before(s, tokens, end)
                || ends_sentence(s, tokens, start, i, end)
        } else {
            end == tokens.len() || line_break_before(s, tokens, end) || starts_block(s, tokens, end)
        };
        if boundary {
            sentences.push(start..end);
            start = end;
        }
        i = end;
    }
    sentences
}

fn text<'a>(s: &'a str, t: &RawToken) -> &'a str {
    &s[t.start..t.end]
}

fn first_char(s: &str, t: &RawToken) -> char {
    text(s, t).chars().next().unwrap_or(' ')
}

fn is_terminal(s: &str, t: &RawToken) -> bool {
    t.kind == TokenKind::Punct && matches!(first_char(s, t), '.' | '!' | '?' | '…')
}

/// A line break (or a glue point, which is a lost one) before token `j`.
fn line_break_before(s: &str, tokens: &[RawToken], j: usize) -> bool {
    let t = &tokens[j];
    let gap_start = if j == 0 { 0 } else { tokens[j - 1].end };
    t.glued || s[gap_start..t.start].contains('\n')
}

/// Does a new sentence start at token `j` even though no terminal mark precedes it?
fn starts_block(s: &str, tokens: &[RawToken], j: usize) -> bool {
    // An inline bullet: «• первое • второе».
    j > 0
        && matches!(first_char(s, &tokens[j]), '•' | '●' | '▪' | '►')
        && tokens[j].kind != TokenKind::Word
}

/// Quotes and brackets that close what came before: `»`, `)`, and a `"` or `'` glued to the
/// preceding token.
fn is_closing(s: &str, tokens: &[RawToken], j: usize) -> bool {
    let t = &tokens[j];
    match first_char(s, t) {
        '»' | ')' | ']' => true,
        '"' | '\'' => t.start == tokens[j - 1].end,
        _ => false,
    }
}

/// Decides the boundary after a terminal mark at `i` in the sentence that began at token
/// `start`, with the next sentence starting at `next`.
fn ends_sentence(s: &str, tokens: &[RawToken], start: usize, i: usize, next: usize) -> bool {
    let n = &tokens[next];
    let c = first_char(s, n);
    if c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']') {
        return false;
    }
    // Direct speech: «Мы готовы!» – сказал он.
    if matches!(c, '-' | '–')
        && tokens
            .get(next + 1)
            .is_some_and(|w| first_char(s, w).is_lowercase())
    {
        return false;
    }
    let mark = text(s, &tokens[i]);
    if mark != "." || i == 0 || tokens[i - 1].end != tokens[i].start || next != i + 1 {
        return true;
    }
    let prev = &tokens[i - 1];
    let word = text(s, prev);
    // A list marker opening the sentence: «2. Подписать соглашение».
    if prev.kind == TokenKind::Number && i - 1 == start && word.len() <= 3 {
        return false;
    }
    if prev.kind != TokenKind::Word {
        return true;
    }
    // The first word of what follows, past opening quotes and dashes.
    let word_after = tokens[next..]
        .iter()
        .take(3)
        .find(|t| t.kind == TokenKind::Word)
        .map_or("", |t| text(s, t));
    let capitalized_word = word_after.starts_with(char::is_uppercase)
        && word_after.chars().skip(1).any(char::is_lowercase);
    // An initial: «В. В. Иванов», «Иванов В. В.».
    let mut letters = word.chars();
    if let (Some(l), None) = (letters.next(), letters.next()) {
        if l.is_uppercase() {
            return !c.is_uppercase();
        }
    }
    match lookup(&word.to_lowercase()) {
        Some(Abbrev::Inner) => false,
        Some(Abbrev::Unit) => capitalized_word,
        Some(Abbrev::Final) | None => true,
    }
}
