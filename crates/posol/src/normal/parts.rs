//! Parts of a person's name: first name, patronymic, surname.

use super::cands::{person_cands, Part};
use super::context::case_prior;
use super::person::read;
use crate::token::{Token, TokenKind};

/// The parts of a person's name, each in the nominative; initials are kept as written
/// (`В.`).
///
/// ```
/// let text = "Касым-Жомарта Токаева";
/// let tokens = posol::tokenize(text);
/// let p = posol::normal::name_parts(text, &tokens).unwrap();
/// assert_eq!(p.first.as_deref(), Some("Касым-Жомарт"));
/// assert_eq!(p.middle, None);
/// assert_eq!(p.last.as_deref(), Some("Токаев"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameParts {
    /// First name (or its initial).
    pub first: Option<String>,
    /// Patronymic or middle name (or its initial).
    pub middle: Option<String>,
    /// Surname.
    pub last: Option<String>,
}

/// Splits a person mention (its tokens in `text`) into name parts. Returns `None` when
/// the mention has no word.
pub fn name_parts(text: &str, tokens: &[Token]) -> Option<NameParts> {
    name_parts_with(text, tokens, None)
}

/// [`name_parts`] with a known gender (`Some(true)` feminine).
pub(crate) fn name_parts_with(
    text: &str,
    tokens: &[Token],
    feminine: Option<bool>,
) -> Option<NameParts> {
    let mut words = Vec::new();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
        {
            // an initial keeps its dot
            let w = t.text(text);
            let dot = tokens
                .get(i + 1)
                .filter(|n| n.text(text) == "." && n.span.start == t.span.end);
            if w.chars().count() == 1 && dot.is_some() {
                words.push(format!("{w}."));
                i += 1;
            } else {
                words.push(w.to_string());
            }
            toks.push(t);
        }
        i += 1;
    }
    if words.is_empty() {
        return None;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let prior = case_prior(text, tokens.first().map_or(0, |t| t.span.start));
    let cues = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => super::evidence::cues(text, a.span.start, b.span.end),
        _ => Default::default(),
    };
    let reading = read(&refs, &toks, &prior, &cues, feminine);
    let forms: Vec<String> = refs
        .iter()
        .zip(&reading.words)
        .map(|(w, c)| c.as_ref().map_or_else(|| w.to_string(), |c| c.form.clone()))
        .collect();
    let kinds: Vec<Option<Part>> = refs.iter().map(|w| dictionary_part(w)).collect();
    let initial = |w: &str| w.ends_with('.') || w.chars().count() == 1;
    let mut parts = NameParts::default();
    match forms.len() {
        1 => {
            if kinds[0] == Some(Part::First) {
                parts.first = Some(forms[0].clone());
            } else {
                parts.last = Some(forms[0].clone());
            }
        }
        2 => {
            // `Токаев Касым-Жомарт`, `Путин В.` put the surname first
            let reversed = initial(&forms[1]) && !initial(&forms[0])
                || kinds[0] == Some(Part::Last) && kinds[1] == Some(Part::First);
            let (f, l) = if reversed { (1, 0) } else { (0, 1) };
            parts.first = Some(forms[f].clone());
            parts.last = Some(forms[l].clone());
        }
        n => {
            let reversed = initial(&forms[n - 1]) && !initial(&forms[0])
                || kinds[0] == Some(Part::Last) && kinds[1] == Some(Part::First);
            if reversed {
                parts.last = Some(forms[0].clone());
                parts.first = Some(forms[1].clone());
                parts.middle = Some(forms[2..].join(" "));
            } else {
                parts.first = Some(forms[0].clone());
                parts.middle = Some(forms[1..n - 1].join(" "));
                parts.last = Some(forms[n - 1].clone());
            }
        }
    }
    Some(parts)
}

/// The name part the dictionary gives a word most weight for.
fn dictionary_part(w: &str) -> Option<Part> {
    let mut weight = [0.0f32; 3];
    for c in person_cands(w) {
        match c.part {
            Some(Part::First) => weight[0] += c.score,
            Some(Part::Middle) => weight[1] += c.score,
            Some(Part::Last) => weight[2] += c.score,
            None => {}
        }
    }
    let (i, w) = weight
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap_or((0, &0.0));
    (*w > 0.0).then_some([Part::First, Part::Middle, Part::Last][i])
}
