//! Percentages, numbers with what they count, and ordinals.

use super::lex::{qualifier, Cx};
use super::numwords::{range, word, NumWord};
use super::{CivilDate, FactValue, Hit, Quantity};
use crate::token::TokenKind;

/// The percentage rule: `12,5%`, `более 90 %`, `пять процентов`, `10-15%`.
pub(crate) fn percent_rule(cx: &Cx<'_>, i: usize, _a: Option<CivilDate>) -> Option<Hit> {
    let (skip, q) = qualifier(cx, i).map_or((0, None), |(n, q)| (n, Some(q)));
    let r = range(cx, i + skip)?;
    let end = if cx.raw(r.end) == "%" || cx.low(r.end).starts_with("процент") {
        r.end + 1
    } else {
        return None;
    };
    let v = Quantity {
        value: r.lo,
        max: r.hi,
        qualifier: q,
        counted: None,
    };
    Some(Hit::one(cx, i, end, FactValue::Percent(v)))
}

/// Units of measure that NEREL keeps inside a NUMBER span.
fn is_unit(low: &str) -> bool {
    const STEMS: [&str; 9] = [
        "километр",
        "метр",
        "сантиметр",
        "миллиметр",
        "тонн",
        "килограмм",
        "гектар",
        "литр",
        "мил",
    ];
    matches!(
        low,
        "км" | "м" | "см" | "мм" | "т" | "кг" | "га" | "л" | "кв"
    ) || STEMS.iter().any(|s| {
        low.strip_prefix(s).is_some_and(|e| {
            matches!(
                e,
                "" | "а" | "ов" | "ах" | "ами" | "е" | "ы" | "ю" | "и" | "ь" | "ям" | "ях"
            )
        })
    })
}

/// Words that cannot be a counted noun.
fn is_function_word(low: &str) -> bool {
    matches!(
        low,
        "и" | "в"
            | "во"
            | "на"
            | "из"
            | "по"
            | "с"
            | "со"
            | "к"
            | "за"
            | "от"
            | "до"
            | "а"
            | "но"
            | "или"
            | "что"
            | "не"
            | "же"
            | "ли"
            | "бы"
            | "уже"
            | "еще"
            | "как"
            | "при"
            | "для"
            | "раз"
            | "года"
            | "году"
            | "лет"
            | "это"
            | "было"
            | "были"
            | "был"
            | "была"
            | "человек"
            | "тыс"
            | "млн"
            | "млрд"
    )
}

/// The number rule: `более 100`, `1600 км`, `трое`, `до 500 тысяч`.
pub(crate) fn number_rule(cx: &Cx<'_>, i: usize, _a: Option<CivilDate>) -> Option<Hit> {
    let (skip, q) = qualifier(cx, i).map_or((0, None), |(n, q)| (n, Some(q)));
    let j = i + skip;
    if cx.is(i, &["№", "no"]) || cx.is(j.wrapping_sub(1), &["№"]) {
        return None;
    }
    if cx.kind(j) == Some(TokenKind::Number) && !is_plain_number(cx.raw(j)) {
        return None;
    }
    let r = range(cx, j)?;
    // "одна из", "один и тот же": not counts.
    if cx.low(j).starts_with("одн") && cx.is(r.end, &["из", "и"]) {
        return None;
    }
    // "45 лет", "52 года": ages and durations, not NUMBER.
    if cx.is(
        r.end,
        &[
            "лет",
            "год",
            "года",
            "году",
            "годам",
            "годами",
            "летнего",
            "летний",
        ],
    ) {
        return None;
    }
    // A bare year-like number in a list or parentheses.
    if r.digits
        && r.hi.is_none()
        && cx.raw(j).len() == 4
        && (1900.0..=2030.0).contains(&r.lo)
        && (!cx.is_word(r.end) || cx.capitalized(r.end))
    {
        return None;
    }
    let mut end = r.end;
    let mut counted = None;
    if cx.is_word(end) && is_unit(cx.low(end)) {
        counted = Some(cx.raw(end).to_string());
        end += 1;
    } else if cx.is_word(end) {
        let l = cx.low(end);
        let cyr = l.chars().all(|c| ('а'..='я').contains(&c) || c == '-');
        if cyr && l.chars().count() >= 3 && !is_function_word(l) || l == "человек" {
            counted = Some(cx.raw(end).to_string());
        }
    }
    let v = Quantity {
        value: r.lo,
        max: r.hi,
        qualifier: q,
        counted,
    };
    Some(Hit::one(cx, i, end, FactValue::Number(v)))
}

/// Digits with optional separators, or a digit range; not `30-летие` or `62-я`.
fn is_plain_number(raw: &str) -> bool {
    raw.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '–' | '—'))
        && raw.matches(['-', '–', '—']).count() <= 1
}

/// The ordinal for a word, by stem and ending (`первый`, `третьей`, `двадцатом`).
fn ordinal_word(low: &str) -> Option<i64> {
    if low == "впервые" {
        return Some(1);
    }
    if let Some(e) = low.strip_prefix("трет") {
        let ok = matches!(
            e,
            "ий" | "ья"
                | "ье"
                | "ьи"
                | "ьего"
                | "ьей"
                | "ьему"
                | "ьем"
                | "ью"
                | "ьим"
                | "ьих"
                | "ьими"
        );
        return ok.then_some(3);
    }
    const STEMS: [(&str, i64); 23] = [
        ("перв", 1),
        ("втор", 2),
        ("четверт", 4),
        ("пят", 5),
        ("шест", 6),
        ("седьм", 7),
        ("восьм", 8),
        ("девят", 9),
        ("десят", 10),
        ("одиннадцат", 11),
        ("двенадцат", 12),
        ("тринадцат", 13),
        ("четырнадцат", 14),
        ("пятнадцат", 15),
        ("шестнадцат", 16),
        ("семнадцат", 17),
        ("восемнадцат", 18),
        ("девятнадцат", 19),
        ("двадцат", 20),
        ("тридцат", 30),
        ("сороков", 40),
        ("сот", 100),
        ("тысячн", 1000),
    ];
    let (stem, v) = STEMS
        .iter()
        .filter(|(s, _)| low.starts_with(s))
        .max_by_key(|(s, _)| s.len())?;
    let e = low.get(stem.len()..)?;
    let ok = matches!(
        e,
        "ый" | "ой"
            | "ий"
            | "ая"
            | "ое"
            | "ые"
            | "ого"
            | "ому"
            | "ым"
            | "ом"
            | "ую"
            | "ых"
            | "ыми"
    );
    ok.then_some(*v)
}

/// A Roman numeral of two or more letters, or `I` `V` `X` after a capitalized name.
fn roman(raw: &str) -> Option<i64> {
    if raw.is_empty()
        || raw.len() > 8
        || !raw
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
    {
        return None;
    }
    let val = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let cs: Vec<i64> = raw.chars().map(val).collect();
    let mut total = 0;
    for (k, v) in cs.iter().enumerate() {
        if cs.get(k + 1).is_some_and(|n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0).then_some(total)
}

/// The ordinal rule: `первый`, `62-я`, `XVI`, `ст. 159`.
pub(crate) fn ordinal_rule(cx: &Cx<'_>, i: usize, _a: Option<CivilDate>) -> Option<Hit> {
    let raw = cx.raw(i);
    let value = match cx.kind(i)? {
        TokenKind::Number => {
            if let Some((n, suf)) = raw.split_once('-') {
                let ok = matches!(
                    suf,
                    "й" | "я"
                        | "е"
                        | "го"
                        | "му"
                        | "м"
                        | "х"
                        | "ми"
                        | "ой"
                        | "ый"
                        | "ий"
                        | "ая"
                        | "ое"
                        | "ом"
                        | "ым"
                );
                if !ok || !n.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                // "90-х годов", "1990-е" are decades (dates), handled by the date rule.
                n.parse().ok()?
            } else if cx.is(i.wrapping_sub(1), &["№"]) || is_article_ref(cx, i) {
                cx.int(i).map(|v| v as i64)?
            } else {
                return None;
            }
        }
        TokenKind::Word => {
            if let Some(v) = roman(raw) {
                let prev_name = i > 0 && cx.capitalized(i - 1) && cx.is_word(i - 1);
                let next_ok =
                    cx.low(i + 1).starts_with("степен") || cx.low(i + 1).starts_with("съезд");
                if !(raw.len() >= 2 && prev_name || next_ok || prev_name && raw.len() == 1 && v > 1)
                {
                    return None;
                }
                if cx.low(i + 1).starts_with("век") {
                    return None;
                }
                v
            } else {
                ordinal_word(cx.low(i))?
            }
        }
        _ => return None,
    };
    let start = if cx.is(i.wrapping_sub(1), &["№"]) {
        i - 1
    } else {
        i
    };
    Some(Hit::one(cx, start, i + 1, FactValue::Ordinal(value)))
}

fn is_article_ref(cx: &Cx<'_>, i: usize) -> bool {
    let p = |k: usize| cx.low(k);
    let prev = if cx.raw(i.wrapping_sub(1)) == "." {
        p(i.wrapping_sub(2))
    } else {
        p(i.wrapping_sub(1))
    };
    matches!(
        prev,
        "ст" | "ч"
            | "п"
            | "статья"
            | "статьи"
            | "статье"
            | "статьей"
            | "статьям"
            | "пункт"
            | "пункта"
            | "части"
            | "часть"
    )
}

/// Whether a word is a plain cardinal (used to keep counts like `трое` out of dates).
#[allow(dead_code)]
pub(crate) fn is_cardinal_word(low: &str) -> bool {
    matches!(word(low), Some(NumWord::Small(_) | NumWord::Collective(_)))
}
