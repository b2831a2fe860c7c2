//! Numbers written in digits or in words, with multipliers and ranges.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lex::{parse_num, Cx};
use crate::token::TokenKind;

/// What a number word contributes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum NumWord {
    /// A cardinal below a thousand (`двадцать`, `пятисот`).
    Small(f64),
    /// A multiplier (`тысяч`, `млн`).
    Mult(f64),
    /// A collective numeral (`трое`, `двоих`).
    Collective(f64),
}

fn table() -> &'static HashMap<String, NumWord> {
    static T: OnceLock<HashMap<String, NumWord>> = OnceLock::new();
    T.get_or_init(build)
}

fn build() -> HashMap<String, NumWord> {
    let mut m = HashMap::new();
    let mut put = |forms: &str, w: NumWord| {
        for f in forms.split_whitespace() {
            m.insert(f.to_string(), w);
        }
    };
    use NumWord::*;
    put("ноль нуль", Small(0.0));
    put(
        "один одна одно одного одной одному одним одном одну",
        Small(1.0),
    );
    put("два две двух двум двумя", Small(2.0));
    put("три трех трем тремя", Small(3.0));
    put("четыре четырех четырем четырьмя", Small(4.0));
    let soft = [
        ("пять", 5.0),
        ("шесть", 6.0),
        ("семь", 7.0),
        ("девять", 9.0),
        ("десять", 10.0),
        ("одиннадцать", 11.0),
        ("двенадцать", 12.0),
        ("тринадцать", 13.0),
        ("четырнадцать", 14.0),
        ("пятнадцать", 15.0),
        ("шестнадцать", 16.0),
        ("семнадцать", 17.0),
        ("восемнадцать", 18.0),
        ("девятнадцать", 19.0),
        ("двадцать", 20.0),
        ("тридцать", 30.0),
    ];
    for (w, v) in soft {
        let stem = w.strip_suffix('ь').unwrap_or(w);
        put(&format!("{w} {stem}и {stem}ью"), Small(v));
    }
    put("восемь восьми восемью восьмью", Small(8.0));
    put("сорок сорока", Small(40.0));
    put("девяносто девяноста", Small(90.0));
    for (nom, gen, v) in [
        ("пятьдесят", "пяти", 50.0),
        ("шестьдесят", "шести", 60.0),
        ("семьдесят", "семи", 70.0),
        ("восемьдесят", "восьми", 80.0),
    ] {
        put(&format!("{nom} {gen}десяти"), Small(v));
    }
    put("сто ста", Small(100.0));
    put("двести двухсот двумстам двухстах", Small(200.0));
    put("триста трехсот тремстам трехстах", Small(300.0));
    put("четыреста четырехсот четыремстам", Small(400.0));
    for (nom, gen, v) in [
        ("пятьсот", "пяти", 500.0),
        ("шестьсот", "шести", 600.0),
        ("семьсот", "семи", 700.0),
        ("восемьсот", "восьми", 800.0),
        ("девятьсот", "девяти", 900.0),
    ] {
        put(&format!("{nom} {gen}сот {gen}стам {gen}стах"), Small(v));
    }
    put(
        "тыс тысяча тысячи тысяч тысячу тысячей тысячам тысячами тысячах",
        Mult(1e3),
    );
    put(
        "млн миллион миллиона миллионов миллиону миллионом миллионами миллионах",
        Mult(1e6),
    );
    put(
        "млрд миллиард миллиарда миллиардов миллиарду миллиардом миллиардами миллиардах",
        Mult(1e9),
    );
    put(
        "трлн триллион триллиона триллионов триллиону триллионом триллионами",
        Mult(1e12),
    );
    put("двое двоих двоим двоими", Collective(2.0));
    put("трое троих троим троими", Collective(3.0));
    put("четверо четверых четверым", Collective(4.0));
    put("пятеро пятерых", Collective(5.0));
    put("шестеро шестерых", Collective(6.0));
    put("семеро семерых", Collective(7.0));
    put("восьмеро восьмерых", Collective(8.0));
    put("девятеро девятерых", Collective(9.0));
    put("десятеро десятерых", Collective(10.0));
    m
}

/// The number word `low` (lowercase, `ё` folded), if it is one.
pub(crate) fn word(low: &str) -> Option<NumWord> {
    table().get(low).copied()
}

/// `полтора` and its forms.
fn is_half(low: &str) -> bool {
    matches!(low, "полтора" | "полторы" | "полутора")
}

/// A number phrase: digits or words, with an optional multiplier.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    /// One past the last token.
    pub(crate) end: usize,
    pub(crate) value: f64,
    /// True when a multiplier word (`млн`, `тысяч`) ended the phrase.
    pub(crate) mult: Option<f64>,
    /// True when written with digits.
    pub(crate) digits: bool,
}

/// Reads a number phrase starting at token `i`.
pub(crate) fn number(cx: &Cx<'_>, i: usize) -> Option<Num> {
    if cx.kind(i) == Some(TokenKind::Number) {
        let mut value = parse_num(cx.raw(i))?;
        let mut end = i + 1;
        // "1 000 000": groups of three digits after single spaces.
        let first_group = cx.raw(i).len() <= 3 && cx.raw(i).bytes().all(|b| b.is_ascii_digit());
        if first_group {
            while cx.kind(end) == Some(TokenKind::Number) && is_space_gap(cx.gap(end)) {
                let g = cx.raw(end);
                let head = g.split(',').next().unwrap_or("");
                if head.len() != 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
                    break;
                }
                let Some(v) = parse_num(g) else { break };
                value = value * 1000.0 + v;
                end += 1;
                if g.contains(',') {
                    break;
                }
            }
        }
        return Some(with_mult(
            cx,
            Num {
                end,
                value,
                mult: None,
                digits: true,
            },
        ));
    }
    if is_half(cx.low(i)) {
        let n = Num {
            end: i + 1,
            value: 1.5,
            mult: None,
            digits: false,
        };
        return Some(with_mult(cx, n));
    }
    if let Some(NumWord::Collective(v)) = word(cx.low(i)) {
        return Some(Num {
            end: i + 1,
            value: v,
            mult: None,
            digits: false,
        });
    }
    let (mut total, mut current, mut end, mut last_mult) = (0.0, 0.0, i, None);
    let mut any = false;
    while let Some(w) = word(cx.low(end)) {
        match w {
            NumWord::Small(v) => {
                current += v;
                last_mult = None;
            }
            NumWord::Mult(m) => {
                total += if current == 0.0 { 1.0 } else { current } * m;
                current = 0.0;
                last_mult = Some(m);
                let lone_ok = matches!(
                    cx.low(end),
                    "тысяча" | "тысячу" | "миллион" | "миллиард" | "триллион"
                );
                if !any && !lone_ok {
                    // A lone "тыс", "млн" or plural "тысячи" is not a number.
                    return None;
                }
            }
            NumWord::Collective(_) => break,
        }
        any = true;
        end += 1;
        if cx.is(end, &["."])
            && last_mult.is_some()
            && cx.low(end - 1).chars().count() <= 4
            && abbr_dot(cx, end)
        {
            end += 1;
        }
    }
    if !any {
        return None;
    }
    Some(Num {
        end,
        value: total + current,
        mult: last_mult,
        digits: false,
    })
}

/// Applies a multiplier word after a digit number (`24,2 млрд`, `5,3млн.`, `полтора миллиона`).
fn with_mult(cx: &Cx<'_>, mut n: Num) -> Num {
    if let Some(NumWord::Mult(m)) = word(cx.low(n.end)) {
        n.value *= m;
        n.mult = Some(m);
        n.end += 1;
        if cx.is(n.end, &["."]) && cx.low(n.end - 1).chars().count() <= 4 && abbr_dot(cx, n.end) {
            n.end += 1;
        }
        // "десятков тысяч" style stacking is rare; "1 млрд 200 млн" is not handled.
    }
    n
}

fn is_space_gap(g: &str) -> bool {
    matches!(g, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// A number or a range of numbers: `5`, `5-7`, `5 — 7`, `от 5 до 7`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumRange {
    pub(crate) end: usize,
    pub(crate) lo: f64,
    pub(crate) hi: Option<f64>,
    pub(crate) digits: bool,
}

/// Reads a number or a range starting at token `i`.
pub(crate) fn range(cx: &Cx<'_>, i: usize) -> Option<NumRange> {
    if cx.low(i) == "от" {
        let a = number(cx, i + 1)?;
        if cx.low(a.end) == "до" {
            if let Some(b) = number(cx, a.end + 1) {
                return Some(join(a, b));
            }
        }
        return None;
    }
    // "50-70" as one token.
    if cx.kind(i) == Some(TokenKind::Number) {
        if let Some((l, h)) = cx.raw(i).split_once(['-', '–', '—']) {
            let (Some(lo), Some(hi)) = (parse_num(l), parse_num(h)) else {
                return None;
            };
            let n = with_mult(
                cx,
                Num {
                    end: i + 1,
                    value: hi,
                    mult: None,
                    digits: true,
                },
            );
            let lo = n.mult.map_or(lo, |m| lo * m);
            return Some(NumRange {
                end: n.end,
                lo,
                hi: Some(n.value),
                digits: true,
            });
        }
    }
    let a = number(cx, i)?;
    if cx.is_dash(a.end) && a.digits {
        if let Some(b) = number(cx, a.end + 1).filter(|b| b.digits) {
            return Some(join(a, b));
        }
    }
    Some(NumRange {
        end: a.end,
        lo: a.value,
        hi: None,
        digits: a.digits,
    })
}

fn join(a: Num, b: Num) -> NumRange {
    let lo = match (a.mult, b.mult) {
        (None, Some(m)) => a.value * m,
        _ => a.value,
    };
    NumRange {
        end: b.end,
        lo,
        hi: Some(b.value),
        digits: a.digits,
    }
}

/// True when the dot at `k` belongs to the abbreviation before it: glued to it and not
/// ending the sentence (the next token is neither absent nor capitalized).
pub(crate) fn abbr_dot(cx: &Cx<'_>, k: usize) -> bool {
    cx.gap(k).is_empty()
        && k + 1 < cx.len()
        && !cx.capitalized(k + 1)
        && !cx.gap(k + 1).contains('\n')
}
