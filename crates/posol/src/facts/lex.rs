//! A lowercased view of the tokens and the small shared helpers of the fact rules.

use crate::span::Span;
use crate::token::{Token, TokenKind};

/// One token as the rules see it.
pub(crate) struct W<'a> {
    /// The token text in the original.
    pub(crate) raw: &'a str,
    /// Lower case, `ё` folded to `е`.
    pub(crate) low: String,
    pub(crate) kind: TokenKind,
    pub(crate) span: Span,
}

/// The tokens of one text, ready for matching.
pub(crate) struct Cx<'a> {
    pub(crate) text: &'a str,
    pub(crate) w: Vec<W<'a>>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(text: &'a str, tokens: &[Token]) -> Self {
        let w = tokens
            .iter()
            .filter_map(|t| {
                let raw = text.get(t.span.range())?;
                let low = raw.to_lowercase().replace('ё', "е");
                Some(W {
                    raw,
                    low,
                    kind: t.kind,
                    span: t.span,
                })
            })
            .collect();
        Cx { text, w }
    }

    pub(crate) fn len(&self) -> usize {
        self.w.len()
    }

    /// Lowercased token `i`, or `""` past the end.
    pub(crate) fn low(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.low.as_str())
    }

    /// Original token `i`, or `""` past the end.
    pub(crate) fn raw(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.raw)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.w.get(i).map(|w| w.kind)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// True when token `i` is one of `words` (lowercased).
    pub(crate) fn is(&self, i: usize, words: &[&str]) -> bool {
        let l = self.low(i);
        !l.is_empty() && words.contains(&l)
    }

    /// The span from token `a` to token `b - 1` inclusive.
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        let start = self.w.get(a).map_or(0, |w| w.span.start);
        let end = b
            .checked_sub(1)
            .and_then(|k| self.w.get(k))
            .map_or(start, |w| w.span.end)
            .max(start);
        Span::new(start, end)
    }

    /// The text between tokens `i - 1` and `i`.
    pub(crate) fn gap(&self, i: usize) -> &str {
        let (Some(p), Some(n)) = (i.checked_sub(1).and_then(|k| self.w.get(k)), self.w.get(i))
        else {
            return "";
        };
        self.text.get(p.span.end..n.span.start).unwrap_or("")
    }

    /// True when token `i` is a dash (hyphen, en or em dash).
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.raw(i), "-" | "–" | "—" | "−" | "‒")
    }

    /// Token `i` as a plain unsigned integer (digits only).
    pub(crate) fn int(&self, i: usize) -> Option<u64> {
        let r = self.raw(i);
        if r.is_empty() || r.len() > 15 || !r.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        r.parse().ok()
    }

    /// True when token `i` starts with an upper-case letter.
    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Parses a numeric token: `12`, `12,5`, `7.5`, `1.844.036.360,12`, `1,234,567`.
pub(crate) fn parse_num(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    if !s.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || !s.bytes().last().is_some_and(|b| b.is_ascii_digit())
    {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let cleaned: String = match (dots, commas) {
        (0, 0) => s.to_string(),
        (0, 1) => s.replace(',', "."),
        (1, 0) => s.to_string(),
        (_, 0) if groups_ok(s, '.') => s.replace('.', ""),
        (0, _) if groups_ok(s, ',') => s.replace(',', ""),
        (_, 1) if groups_ok(s.split(',').next().unwrap_or(""), '.') => {
            s.replace('.', "").replace(',', ".")
        }
        (1, _) if groups_ok(s.split('.').next().unwrap_or(""), ',') => s.replace(',', ""),
        _ => return None,
    };
    cleaned.parse().ok().filter(|v: &f64| v.is_finite())
}

/// True when `s` is digit groups separated by `sep`, the first of 1–3 digits, the rest of 3.
pub(crate) fn groups_ok(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first_ok = parts.next().is_some_and(|p| (1..=3).contains(&p.len()));
    first_ok && parts.all(|p| p.len() == 3)
}

/// A qualifier word group at `i`: how many tokens it takes and what it says.
pub(crate) fn qualifier(cx: &Cx<'_>, i: usize) -> Option<(usize, super::Qualifier)> {
    use super::Qualifier as Q;
    let two = |a: &str, b: &str| cx.low(i) == a && cx.low(i + 1) == b;
    if two("более", "чем") || two("больше", "чем") {
        return Some((2, Q::MoreThan));
    }
    if two("не", "менее") || two("не", "меньше") || two("как", "минимум") {
        return Some((2, Q::AtLeast));
    }
    if two("не", "более") || two("не", "больше") || two("не", "свыше") || two("как", "максимум")
    {
        return Some((2, Q::AtMost));
    }
    if two("чуть", "более") || two("чуть", "больше") || two("свыше", "чем")
    {
        return Some((2, Q::MoreThan));
    }
    if two("чуть", "менее") || two("чуть", "меньше") || two("без", "малого")
    {
        return Some((2, Q::Almost));
    }
    let q = match cx.low(i) {
        "около" | "порядка" | "примерно" | "приблизительно" | "ориентировочно" => {
            Q::About
        }
        "более" | "свыше" | "больше" => Q::MoreThan,
        "менее" | "меньше" => Q::LessThan,
        "до" => Q::UpTo,
        "почти" | "практически" => Q::Almost,
        _ => return None,
    };
    Some((1, q))
}
