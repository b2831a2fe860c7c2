//! The coarse *names* view: PER/LOC/ORG mentions that are proper names, in the
//! convention of the factRuEval-2016 benchmark as natasha reports it.
//!
//! NEREL, which the tagger learns, marks whole organization mentions with the places
//! and organizations inside them (`МИД России` is an ORGANIZATION containing the COUNTRY
//! `России`) and also marks common nouns and adjectives (`правительство`, `российский`).
//! Name-oriented corpora (factRuEval, Collection5) keep only the name parts. The names
//! view gets there from the nested entities, without a second model:
//!
//! 1. an organization whose last nested place or organization reaches its end is split
//!    there: `МИД России` → ORG `МИД` + LOC `России`; `Палата представителей Конгресса
//!    США` → ORG `Палата представителей` + ORG `Конгресса` + LOC `США`; but not when
//!    the place belongs to the name itself: after a preposition (`Организация по
//!    безопасности и сотрудничеству в Европе`) or an adjective (`Единая Россия`);
//! 2. mentions without a capital letter, digit or Latin letter are dropped
//!    (`правительство`, `российских`): they are descriptions, not names; so are
//!    mentions capitalized only because they open a sentence, when their first word is
//!    a dictionary word without a proper-name mark (`Правительство`, `Эксперты`);
//!    lower-case descriptor words in front of an organization's name go as well
//!    (`влиятельного Комитета по делам` → `Комитета по делам`);
//! 3. a one-word place that is an adjective (`Российский` at a sentence start) is
//!    dropped;
//! 4. of mentions that still overlap, the outermost is kept;
//! 5. names of companies, media and services that NEREL marks as other types become
//!    organizations where no PER/LOC/ORG mention overlaps them: a quoted name right
//!    after a generic organization noun (`газеты «Труд»`, `компания «Алтек»`,
//!    `партии «Новые правые»`: the quoted part, whatever type NEREL gave it), and a
//!    one-word PRODUCT name not in quotes (`Facebook`, `Microsoft`): unquoted one-word
//!    brand names in the news are mostly the companies or services themselves, while
//!    quoted ones are models (`«Союз ТМА-12»`), which factRuEval does not mark;
//! 6. an organization written in quotes as a whole (`«Голоса Америки»`) is not split
//!    at a place it ends with.

use super::{Coarse, Entity};
use crate::morph::Analyzer;
use crate::span::Span;

/// Whether `s` reads as a name: it has an upper-case letter, a digit or a Latin letter.
fn looks_like_name(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_uppercase() || c.is_ascii_digit() || c.is_ascii_alphabetic())
}

/// The top analysis' part of speech of a single word (`None` for several words).
fn single_word_pos(s: &str) -> Option<&'static str> {
    if s.is_empty() || s.contains(|c: char| !c.is_alphabetic() && c != '-') {
        return None;
    }
    Analyzer::global().parse(s).first().map(|p| p.pos())
}

/// The head of an organization in front of a nested name that ends it (`span.start ..
/// child_start`), trimmed; `None` (no split) if nothing is left, or if the nested name
/// belongs to the organization's own name: the head ends in a preposition or conjunction
/// (`Организация по безопасности и сотрудничеству в Европе`) or in an adjective that
/// agrees with it (`Единая Россия`).
fn head_before(text: &str, span: Span, child_start: usize) -> Option<Span> {
    let head = text.get(span.start..child_start)?;
    let trimmed = head.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | '(' | '«' | '"')
    });
    let last = trimmed
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(trimmed);
    if last.is_empty()
        || matches!(
            single_word_pos(&last.to_lowercase()),
            Some("PREP" | "CONJ" | "PRCL" | "ADJF" | "PRTF" | "NUMR")
        )
    {
        return None;
    }
    Some(Span::new(span.start, span.start + trimmed.len()))
}

/// An organization without the lower-case descriptor words in front of its name
/// (`влиятельного Комитета по делам` → `Комитета по делам`); unchanged when no
/// name-like word follows them.
fn without_descriptors(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.range()) else {
        return span;
    };
    let mut start = 0;
    for (i, w) in s.split_inclusive(char::is_whitespace).scan(0, |at, w| {
        let i = *at;
        *at += w.len();
        Some((i, w))
    }) {
        if looks_like_name(w) {
            break;
        }
        start = i + w.len();
    }
    if start == 0 || start >= s.len() {
        return span;
    }
    Span::new(span.start + start, span.end)
}

/// Generic nouns (lemmas) for kinds of organizations that introduce a quoted name
/// (`газета «Труд»`, `ООО «Алтек»`).
const ORG_NOUNS: &[&str] = &[
    "агентство",
    "ао",
    "банк",
    "газета",
    "движение",
    "еженедельник",
    "журнал",
    "зао",
    "издание",
    "издательство",
    "институт",
    "клуб",
    "компания",
    "концерн",
    "корпорация",
    "магазин",
    "оао",
    "объединение",
    "ооо",
    "организация",
    "пао",
    "партия",
    "радиостанция",
    "сеть",
    "телеканал",
    "телекомпания",
    "фирма",
    "фонд",
    "холдинг",
    "центр",
];

fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '"' | '„' | '“')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '"' | '“' | '”')
}

/// Whether `span` is enclosed in quotation marks.
fn quoted(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).and_then(|b| b.chars().next_back());
    let after = text.get(span.end..).and_then(|a| a.chars().next());
    before.is_some_and(is_open_quote) && after.is_some_and(is_close_quote)
}

/// Whether the quoted `span` follows a generic organization noun (`газеты «...»`).
fn after_org_noun(text: &str, span: Span) -> bool {
    let Some(before) = text.get(..span.start) else {
        return false;
    };
    let before = before.trim_end_matches(is_open_quote).trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ORG_NOUNS.contains(&lower.as_str()) {
        return true;
    }
    Analyzer::global()
        .parse(&lower)
        .iter()
        .take(2)
        .any(|p| p.pos() == "NOUN" && ORG_NOUNS.contains(&p.lemma.as_str()))
}

/// An organization name found under another NEREL type (rule 5 of the module notes).
fn org_by_convention(text: &str, e: &Entity) -> bool {
    use super::EntityType as T;
    let Some(s) = text.get(e.span.range()) else {
        return false;
    };
    if !looks_like_name(s) {
        return false;
    }
    let q = quoted(text, e.span);
    match e.kind {
        T::Product if !q && !s.contains(char::is_whitespace) => !s
            .chars()
            .all(|c| c.is_ascii_digit() || !c.is_alphanumeric()),
        T::Product | T::WorkOfArt | T::Facility | T::Law => q && after_org_noun(text, e.span),
        _ => false,
    }
}

/// Whether `s` starts a sentence of `text` at byte `start`: only spaces, and before
/// them the text start or a sentence-final mark.
fn at_sentence_start(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '…', '\n', '»', '"'])
}

/// Whether a mention written with a capital only because it starts a sentence is a
/// common word: nothing else in it is upper-case, a digit or Latin, and its first word
/// is a dictionary word without a proper-name mark (`Правительство`, `Эксперты`).
fn sentence_case_common(text: &str, span: Span) -> bool {
    let Some(s) = text.get(span.range()) else {
        return false;
    };
    let mut chars = s.chars();
    chars.next();
    if looks_like_name(chars.as_str()) || !at_sentence_start(text, span.start) {
        return false;
    }
    let first = s.split(|c: char| c.is_whitespace()).next().unwrap_or(s);
    let parses = Analyzer::global().parse(&first.to_lowercase());
    let Some(top) = parses.first() else {
        return false;
    };
    top.is_known()
        && !parses
            .iter()
            .take(3)
            .any(|p| p.has_any(&["Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"]))
}

/// Reduces entities (as returned by [`extract`](super::extract), with parents) to the
/// PER/LOC/ORG *names* of `text`, sorted by start: organizations are cut before a
/// nested place or organization that ends them, descriptions without a capital letter
/// and one-word adjectival places are dropped, and the outermost of overlapping
/// mentions is kept (see the module notes in the crate source). This is the convention
/// of natasha's factRuEval benchmark; [`coarse_view`](super::coarse_view) keeps NEREL's
/// whole mentions instead.
///
/// ```
/// use posol::ner::{coarse_view_names, Coarse, Entity, EntityType};
/// use posol::Span;
/// let text = "МИД России сообщил";
/// let org = Entity { span: Span::new(0, 19), kind: EntityType::Organization, parent: None, depth: 0 };
/// let country = Entity { span: Span::new(7, 19), kind: EntityType::Country, parent: Some(0), depth: 1 };
/// let names = coarse_view_names(text, &[org, country]);
/// assert_eq!(names, vec![(Span::new(0, 6), Coarse::Org), (Span::new(7, 19), Coarse::Loc)]);
/// ```
pub fn coarse_view_names(text: &str, entities: &[Entity]) -> Vec<(Span, Coarse)> {
    let mut cands: Vec<(Span, Coarse)> = Vec::new();
    let mut by_convention: Vec<Span> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let Some(c) = e.coarse() else {
            if org_by_convention(text, e) {
                by_convention.push(e.span);
            }
            continue;
        };
        let mut span = e.span;
        if c == Coarse::Org {
            // the earliest-starting nested place/organization that reaches the end
            let inside = |mut k: Option<usize>| {
                while let Some(p) = k {
                    if p == i {
                        return true;
                    }
                    k = entities.get(p).and_then(|x| x.parent).filter(|&q| q < p);
                }
                false
            };
            let suffix = entities
                .iter()
                .filter(|k| {
                    inside(k.parent)
                        && matches!(k.coarse(), Some(Coarse::Loc | Coarse::Org))
                        && k.span.end == e.span.end
                        && k.span.start > e.span.start
                })
                .map(|k| k.span.start)
                .min();
            let whole_quoted = quoted(text, e.span);
            if let Some(h) = suffix
                .filter(|_| !whole_quoted)
                .and_then(|start| head_before(text, e.span, start))
            {
                span = h;
            }
            span = without_descriptors(text, span);
        }
        let Some(s) = text.get(span.range()) else {
            continue;
        };
        if !looks_like_name(s) || sentence_case_common(text, span) {
            continue;
        }
        if c == Coarse::Loc
            && matches!(
                single_word_pos(&s.to_lowercase()),
                Some("ADJF" | "ADJS" | "PRTF")
            )
        {
            continue;
        }
        cands.push((span, c));
    }
    for span in by_convention {
        let free = entities
            .iter()
            .all(|e| e.coarse().is_none() || e.span.end <= span.start || span.end <= e.span.start);
        if free {
            cands.push((span, Coarse::Org));
        }
    }
    cands.sort_by_key(|&(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<(Span, Coarse)> = Vec::new();
    for (s, c) in cands {
        if out.last().is_some_and(|(p, _)| p.end > s.start) {
            continue;
        }
        out.push((s, c));
    }
    out
}
