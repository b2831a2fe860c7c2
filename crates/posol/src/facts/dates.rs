//! Absolute dates and date ranges: `27.11.2024`, `16 мая`, `май 2017 г.`, `2021-2025 годы`,
//! `с июня по сентябрь`, `в 1990-х годах`.

use super::calendar::{is_year_word, month, weekday, Partial};
use super::lex::Cx;
use super::relative;
use super::{CivilDate, DateValue, Fact, FactKind, FactValue, Hit};
use crate::token::TokenKind;

/// A date expression without its leading preposition.
#[derive(Debug, Clone, Default)]
pub(crate) struct Core {
    pub(crate) end: usize,
    pub(crate) start: Partial,
    pub(crate) last: Option<Partial>,
    pub(crate) duration: Option<String>,
    pub(crate) relative: bool,
    pub(crate) resolved: bool,
    /// True when the core is only a bare day or year, valid as the first half of a range.
    pub(crate) bare: bool,
}

impl Core {
    pub(crate) fn at(end: usize, start: Partial) -> Self {
        Core {
            end,
            start,
            ..Core::default()
        }
    }

    pub(crate) fn value(&self) -> DateValue {
        DateValue {
            start: self.start.iso(),
            end: self.last.and_then(Partial::iso),
            duration: self.duration.clone(),
            relative: self.relative,
            resolved: self.resolved,
        }
    }
}

/// Prepositions and phrases NEREL keeps at the start of a DATE span; their token counts.
pub(crate) fn prefix_len(cx: &Cx<'_>, i: usize) -> usize {
    let l = cx.low(i);
    let two = |b: &[&str]| cx.is(i + 1, b);
    match l {
        "в" | "во" | "на" | "к" | "до" | "по" | "с" | "со" | "от" | "после"
            if two(&[
                "начале",
                "конце",
                "середине",
                "начала",
                "конца",
                "середины",
                "течение",
            ]) =>
        {
            2
        }
        "начиная" | "начиная" if two(&["с", "со"]) => 2,
        "в" | "во" | "с" | "со" | "на" | "за" | "до" | "по" | "от" | "к" | "ко" | "через"
        | "около" | "почти" | "спустя" | "после" | "более" | "менее" | "примерно" => {
            1
        }
        _ => 0,
    }
}

/// The date rule at token `i` (with an optional leading preposition).
pub(crate) fn rule(cx: &Cx<'_>, i: usize, anchor: Option<CivilDate>) -> Option<Hit> {
    let p = prefix_len(cx, i);
    let j = i + p;
    if p == 0 && cx.raw(i.wrapping_sub(1)) == "(" && cx.is(i + 1, &[")", ","]) {
        if let Some(y) = year(cx, i).filter(|y| (1800..=2030).contains(y)) {
            let c = Core::at(i + 1, Partial::ymd(Some(y), None, None));
            let fact = Fact {
                kind: FactKind::Date,
                span: cx.span(i, i + 1),
                value: FactValue::Date(c.value()),
            };
            return Some(Hit {
                end: i + 1,
                facts: vec![fact],
            });
        }
    }
    let c = range(cx, i, anchor)
        .or_else(|| range(cx, j, anchor).filter(|_| p > 0))
        .or_else(|| core(cx, j, anchor, p > 0))?;
    if c.bare && !(p > 0 && bare_ok(cx, i, &c)) {
        return None;
    }
    let value = FactValue::Date(c.value());
    let fact = Fact {
        kind: FactKind::Date,
        span: cx.span(i, c.end),
        value,
    };
    Some(Hit {
        end: c.end,
        facts: vec![fact],
    })
}

/// A bare year after a preposition counts only when no noun follows (`в 2010` but not
/// `в 2010 раз`).
fn bare_ok(cx: &Cx<'_>, i: usize, c: &Core) -> bool {
    const FOLLOW: [&str; 12] = [
        "и",
        "после",
        "до",
        "в",
        "на",
        "по",
        "с",
        "от",
        "за",
        "он",
        "она",
        "они",
    ];
    cx.is(i, &["в", "во", "с", "со", "до", "по", "к", "от"])
        && c.start.year.is_some()
        && (!cx.is_word(c.end) || cx.capitalized(c.end) || cx.is(c.end, &FOLLOW))
}

/// `с X по Y`, `с X до Y`, `X — Y`, `с 11 по 22 мая 2016 года`, `2011—2014 годах`.
fn range(cx: &Cx<'_>, j: usize, anchor: Option<CivilDate>) -> Option<Core> {
    let (from, had_prep) = if cx.is(j, &["с", "со", "от", "между"]) {
        (j + 1, true)
    } else {
        (j, false)
    };
    let a = core(cx, from, anchor, true)?;
    let sep = a.end;
    let linked = if had_prep {
        cx.is(sep, &["по", "до", "на", "и"])
    } else {
        cx.is_dash(sep)
    };
    if !linked {
        return None;
    }
    let mut b = core(cx, sep + 1, anchor, true)?;
    if b.bare && !a.bare {
        return None;
    }
    if b.bare && !had_prep {
        // "2004—2009", "с 1995 по 2008": bare years on both sides are fine.
        if !(a.start.year.is_some() && b.start.year.is_some() && a.start.month.is_none()) {
            return None;
        }
    }
    let mut start = a.start;
    let last = b.last.unwrap_or(b.start);
    if start.year.is_none() && start.month.is_none() && start.day.is_some() {
        start.month = last.month;
        start.year = last.year;
    } else if start.year.is_none() {
        start.year = last.year;
    }
    b.end = year_tail(cx, b.end);
    Some(Core {
        end: b.end,
        start,
        last: Some(last),
        duration: None,
        relative: a.relative || b.relative,
        resolved: a.resolved || b.resolved,
        bare: false,
    })
}

/// Skips a year word after a year (`году`, `г`), not the dot of `г.`.
fn year_tail(cx: &Cx<'_>, k: usize) -> usize {
    if is_year_word(cx.low(k)) {
        k + 1
    } else {
        k
    }
}

/// A 4-digit year token in 1000..=2100, also `1998-го`.
fn year(cx: &Cx<'_>, k: usize) -> Option<i32> {
    let raw = cx.raw(k);
    let digits = raw
        .strip_suffix("-го")
        .or_else(|| raw.strip_suffix("-м"))
        .unwrap_or(raw);
    if digits.len() != 4 || cx.kind(k) != Some(TokenKind::Number) {
        return None;
    }
    digits.parse().ok().filter(|y| (1000..=2100).contains(y))
}

/// A date without preposition at `j`. `allow_bare` admits a lone day or year (for ranges).
pub(crate) fn core(
    cx: &Cx<'_>,
    j: usize,
    anchor: Option<CivilDate>,
    allow_bare: bool,
) -> Option<Core> {
    let raw = cx.raw(j);
    if cx.kind(j) == Some(TokenKind::Number) {
        if let Some(d) = numeric(raw) {
            return Some(Core::at(year_tail(cx, j + 1), Partial::from_civil(d)));
        }
        // "17–28 мая", "17 мая", "16 мая 2025 года".
        if let Some(c) = day_month(cx, j, anchor) {
            return Some(c);
        }
        if let Some(c) = years(cx, j) {
            return Some(c);
        }
        if let Some(c) = decade(cx, j) {
            return Some(c);
        }
    }
    if let Some(m) = month(cx.low(j)) {
        return Some(month_tail(
            cx,
            j + 1,
            Partial::ymd(None, Some(m), None),
            anchor,
        ));
    }
    if let Some(wd) = weekday(cx.low(j)) {
        return Some(weekday_core(cx, j, wd, anchor));
    }
    if let Some(c) = century(cx, j) {
        return Some(c);
    }
    if let Some(c) = relative::core(cx, j, anchor).or_else(|| season(cx, j, anchor)) {
        return Some(c);
    }
    if allow_bare && cx.kind(j) == Some(TokenKind::Number) {
        if let Some(y) = year(cx, j) {
            let mut c = Core::at(j + 1, Partial::ymd(Some(y), None, None));
            c.bare = !cx.raw(j).contains('-');
            return Some(c);
        }
        if let Some(d) = cx.int(j).filter(|d| (1..=31).contains(d) && raw.len() <= 2) {
            let mut c = Core::at(j + 1, Partial::ymd(None, None, u8::try_from(d).ok()));
            c.bare = true;
            return Some(c);
        }
    }
    None
}

/// `летом 2013 года`, `осенью прошлого года`, `весной`.
fn season(cx: &Cx<'_>, j: usize, anchor: Option<CivilDate>) -> Option<Core> {
    let (m1, m2) = match cx.low(j) {
        "зимой" => (12, 2),
        "весной" => (3, 5),
        "летом" => (6, 8),
        "осенью" => (9, 11),
        _ => return None,
    };
    let mut c = month_tail(cx, j + 1, Partial::ymd(None, Some(m1), None), anchor);
    c.last = Some(Partial {
        month: Some(m2),
        ..c.start
    });
    if m1 == 12 {
        c.last = Some(Partial {
            year: c.start.year.map(|y| y + 1),
            month: Some(2),
            day: None,
        });
    }
    Some(c)
}

/// Parses `27.11.2024`, `27.11.24`, `05/08/2008`, `2025-09-29`.
pub(crate) fn numeric(raw: &str) -> Option<CivilDate> {
    let sep = ['.', '/', '-']
        .into_iter()
        .find(|s| raw.matches(*s).count() == 2)?;
    let parts: Vec<&str> = raw.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    if a.len() == 4 && sep == '-' {
        return CivilDate::new(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    }
    if a.len() > 2 || b.len() > 2 || sep == '-' {
        return None;
    }
    let y: i32 = match c.len() {
        4 => c.parse().ok()?,
        2 => 2000 + c.parse::<i32>().ok()?,
        _ => return None,
    };
    CivilDate::new(y, b.parse().ok()?, a.parse().ok()?)
}

/// `16 мая`, `17–28 мая 2017 года`, `16 мая прошлого года`.
fn day_month(cx: &Cx<'_>, j: usize, anchor: Option<CivilDate>) -> Option<Core> {
    let raw = cx.raw(j);
    let day = |s: &str| {
        s.parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d) && s.len() <= 2)
    };
    let (d1, d2, k) = if let Some((a, b)) = raw.split_once(['-', '–', '—']) {
        (day(a)?, Some(day(b)?), j + 1)
    } else if cx.is_dash(j + 1) && cx.int(j + 2).is_some() && month(cx.low(j + 3)).is_some() {
        (day(raw)?, Some(day(cx.raw(j + 2))?), j + 3)
    } else {
        (day(raw)?, None, j + 1)
    };
    let m = month(cx.low(k))?;
    let mut c = month_tail(cx, k + 1, Partial::ymd(None, Some(m), Some(d1)), anchor);
    if let Some(d2) = d2 {
        c.last = Some(Partial {
            day: Some(d2),
            ..c.start
        });
    }
    Some(c)
}

/// After a month: an optional year (`мая 2017 года`, `май 2017 г.`) or a relative year
/// (`мая текущего года`); without either, the year comes from the anchor.
fn month_tail(cx: &Cx<'_>, k: usize, mut p: Partial, anchor: Option<CivilDate>) -> Core {
    if let Some(y) = year(cx, k) {
        p.year = Some(y);
        return Core::at(year_tail(cx, k + 1), p);
    }
    if let Some(off) = relative::year_adj(cx.low(k)) {
        if cx.is(k + 1, &["года", "г"]) {
            let mut c = Core::at(k + 2, p);
            c.relative = true;
            if let Some(a) = anchor {
                c.start.year = Some(a.year + off);
                c.resolved = true;
            }
            return c;
        }
    }
    let mut c = Core::at(k, p);
    c.resolved = c.start.fill_year(anchor);
    c
}

/// `в 2021 году`, `2021-2025 годы`, `2011 — 2014 годах`, `2021 г.`.
fn years(cx: &Cx<'_>, j: usize) -> Option<Core> {
    let raw = cx.raw(j);
    if let Some((a, b)) = raw.split_once(['-', '–', '—']) {
        let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
        let ok = (1000..=2100).contains(&a) && (a..=2100).contains(&b);
        let end = year_tail(cx, j + 1);
        if !ok || end == j + 1 && !is_plain_end(cx, end) {
            return None;
        }
        let mut c = Core::at(end, Partial::ymd(Some(a), None, None));
        c.last = Some(Partial::ymd(Some(b), None, None));
        return Some(c);
    }
    let y = year(cx, j)?;
    if is_year_word(cx.low(j + 1)) {
        return Some(Core::at(j + 2, Partial::ymd(Some(y), None, None)));
    }
    None
}

/// True when token `k` ends a bare-number date: end, punctuation or a capitalized word.
fn is_plain_end(cx: &Cx<'_>, k: usize) -> bool {
    !matches!(
        cx.kind(k),
        Some(TokenKind::Word | TokenKind::Number | TokenKind::Symbol)
    ) || cx.is_word(k) && cx.capitalized(k)
}

/// `1990-х годов`, `90-х`, `1960-е годы`.
fn decade(cx: &Cx<'_>, j: usize) -> Option<Core> {
    let (n, suf) = cx.raw(j).split_once('-')?;
    if !matches!(suf, "х" | "е" | "ые" | "ых" | "ым" | "ми") || !n.ends_with('0') {
        return None;
    }
    let v: i32 = n.parse().ok()?;
    let start = match n.len() {
        4 if (1000..=2090).contains(&v) => v,
        2 => 1900 + v,
        _ => return None,
    };
    let mut c = Core::at(year_tail(cx, j + 1), Partial::ymd(Some(start), None, None));
    c.last = Some(Partial::ymd(Some(start + 9), None, None));
    Some(c)
}

/// `XXI века`, `19 веке`.
fn century(cx: &Cx<'_>, j: usize) -> Option<Core> {
    if !cx.low(j + 1).starts_with("век") || cx.low(j + 1).len() > 10 {
        return None;
    }
    let raw = cx.raw(j);
    let n: i32 = match raw.parse() {
        Ok(n) => n,
        Err(_) => roman_small(raw)?,
    };
    if !(1..=30).contains(&n) {
        return None;
    }
    let mut c = Core::at(j + 2, Partial::ymd(Some((n - 1) * 100 + 1), None, None));
    c.last = Some(Partial::ymd(Some(n * 100), None, None));
    Some(c)
}

fn roman_small(raw: &str) -> Option<i32> {
    const R: [&str; 21] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    if raw == "XXI" {
        return Some(21);
    }
    R.iter()
        .position(|r| *r == raw && !r.is_empty())
        .and_then(|p| i32::try_from(p).ok())
}

/// `в пятницу`, `в среду, 7 января 2015 года`, `в понедельник — 22 июля`.
fn weekday_core(cx: &Cx<'_>, j: usize, wd: u8, anchor: Option<CivilDate>) -> Core {
    let sep = j + 1;
    let next = if cx.raw(sep) == "," || cx.is_dash(sep) {
        sep + 1
    } else {
        sep
    };
    if let Some(c) = core(cx, next, anchor, false).filter(|c| c.start.day.is_some() && !c.relative)
    {
        return c;
    }
    let mut c = Core::at(j + 1, Partial::default());
    c.relative = true;
    if let Some(a) = anchor {
        let diff = i64::from(wd) - i64::from(a.weekday());
        // The nearest such weekday, the past one on a tie.
        let diff = if diff > 3 {
            diff - 7
        } else if diff < -3 {
            diff + 7
        } else {
            diff
        };
        c.start = Partial::from_civil(a.add_days(diff));
        c.resolved = true;
    }
    c
}

/// The first full date written near the start of the text (a dateline), used as the
/// document date when none is given. Dates deeper in the text are often historical.
pub(crate) fn find_anchor(cx: &Cx<'_>) -> Option<CivilDate> {
    const DATELINE: usize = 300;
    (0..cx.len())
        .take_while(|k| cx.w.get(*k).is_some_and(|w| w.span.start < DATELINE))
        .find_map(|k| {
            if cx.kind(k) != Some(TokenKind::Number) {
                return None;
            }
            if let Some(d) = numeric(cx.raw(k)) {
                return Some(d);
            }
            let c = day_month(cx, k, None)?;
            let p = c.start;
            CivilDate::new(p.year?, p.month?, p.day?)
        })
}
