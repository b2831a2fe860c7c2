//! Noun phrases (organizations, places, events, posts): the head noun and the adjectives
//! before it go to the nominative with one case, number and gender; the rest is kept
//! (`Межправительственной комиссии по экономическому сотрудничеству` →
//! `Межправительственная комиссия по экономическому сотрудничеству`).

use super::cands::{case_of, tag_has};
use super::is_cyrillic_word;
use super::word::copy_case;
use crate::morph::{Analyzer, Parse};
use crate::token::{Token, TokenKind};

/// Agreement features of one parse: case index, plural, gender name.
fn features(p: &Parse) -> Option<(usize, bool, &'static str)> {
    let case = case_of(p.tag)?;
    let plur = tag_has(p.tag, "plur");
    let gender = ["masc", "femn", "neut", "ms-f"]
        .into_iter()
        .find(|g| tag_has(p.tag, g))
        .unwrap_or("");
    Some((case, plur, gender))
}

fn is_modifier(p: &Parse) -> bool {
    matches!(p.pos(), "ADJF" | "PRTF") && !tag_has(p.tag, "Apro")
        || (p.pos() == "ADJF" && tag_has(p.tag, "Anum"))
}

/// Whether a word does not decline here: an abbreviation in capitals, a Latin word, or
/// a word the dictionary marks indeclinable.
fn is_fixed(word: &str, parses: &[Parse]) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && word.chars().all(|c| !c.is_lowercase()) {
        return true;
    }
    let fixd: f32 = parses
        .iter()
        .filter(|p| tag_has(p.tag, "Fixd"))
        .map(|p| p.score)
        .sum();
    let known = parses
        .iter()
        .any(|p| tag_has(p.tag, "Fixd") && p.is_known());
    let vowel_end = word
        .chars()
        .next_back()
        .is_some_and(|c| "оиэюОИЭЮ".contains(c));
    fixd >= 0.3 && (known || vowel_end)
        || parses
            .first()
            .is_some_and(|p| matches!(p.pos(), "LATN" | "UNKN"))
}

/// The grammemes to ask the inflector for: nominative, the number, and the degree.
fn target(p: &Parse, number: &'static str) -> Vec<&'static str> {
    let mut g = vec!["nomn", number];
    if tag_has(p.tag, "Supr") {
        g.push("Supr");
    }
    g
}

/// The nominative of one word under parse `p`: the surface when it already is one.
fn nominative(word: &str, p: &Parse, number: &'static str) -> Option<String> {
    if case_of(p.tag) == Some(0) && tag_has(p.tag, number) {
        return Some(word.to_string());
    }
    let f = p
        .inflect(&target(p, number))
        .or_else(|| p.inflect(&["nomn", number]))?;
    // a form of another stem (`высшим` → `высочайший`): edit the ending instead
    let same_stem = {
        let a: Vec<char> = word.to_lowercase().chars().collect();
        let b: Vec<char> = f.to_lowercase().chars().collect();
        let k = a.len().min(b.len()).saturating_sub(2).clamp(1, 3);
        a.len() >= k && b.len() >= k && a[..k] == b[..k]
    };
    if !same_stem && is_modifier(p) {
        let gender = features(p).map_or("masc", |f| f.2);
        return Some(
            adjective_nominative(word, gender, number == "plur")
                .unwrap_or_else(|| word.to_string()),
        );
    }
    Some(copy_case(word, &f))
}

/// The nominative of an adjective by its ending (`высшим` → `высший`).
fn adjective_nominative(word: &str, gender: &str, plur: bool) -> Option<String> {
    const ENDS: [&str; 24] = [
        "ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю",
        "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ый", "ий",
    ];
    let lower = word.to_lowercase();
    let end = ENDS.iter().find(|e| lower.ends_with(*e))?;
    let stem = &lower[..lower.len() - end.len()];
    let last = stem.chars().next_back()?;
    let velar = "гкх".contains(last);
    let hush = "жшчщ".contains(last);
    let soft = !velar
        && !hush
        && (end.starts_with('е')
            || end.starts_with('и')
            || end.starts_with('ю')
            || end.starts_with('я'));
    let new = if plur {
        if velar || hush || soft {
            "ие"
        } else {
            "ые"
        }
    } else {
        match gender {
            "femn" => {
                if soft {
                    "яя"
                } else {
                    "ая"
                }
            }
            "neut" => {
                if soft || hush {
                    "ее"
                } else {
                    "ое"
                }
            }
            _ => {
                if velar || hush || soft {
                    "ий"
                } else {
                    "ый"
                }
            }
        }
    };
    Some(super::word::replace_end(word, end.chars().count(), new))
}

/// Noun readings of a head word; person-name readings only when there is nothing else.
fn head_readings(parses: &[Parse]) -> Vec<&Parse> {
    let nouns: Vec<&Parse> = parses.iter().filter(|p| p.pos() == "NOUN").collect();
    let common: Vec<&Parse> = nouns
        .iter()
        .copied()
        .filter(|p| !(tag_has(p.tag, "Name") || tag_has(p.tag, "Surn") || tag_has(p.tag, "Patr")))
        .collect();
    if common.is_empty() {
        nouns
    } else {
        common
    }
}

/// The best agreeing reading of modifiers `mods` with a head among `heads`:
/// (score, head parse, modifier parses).
fn agree<'a>(
    heads: &[&'a Parse],
    mods: &'a [Vec<Parse>],
    prior: &[f32; 6],
) -> Option<(f32, &'a Parse, Vec<&'a Parse>)> {
    let mut best: Option<(f32, &Parse, Vec<&Parse>)> = None;
    for &hp in heads {
        let Some((case, plur, gender)) = features(hp) else {
            continue;
        };
        let number = if plur && !tag_has(hp.tag, "Pltm") {
            0.3
        } else {
            1.0
        };
        let mut score = (hp.score + 0.01) * prior[case] * number;
        let mut chosen = Vec::with_capacity(mods.len());
        for m in mods {
            let fit = m.iter().find(|p| {
                features(p).is_some_and(|(c, pl, g)| {
                    c == case && pl == plur && (plur || g == gender || gender == "ms-f")
                })
            });
            let Some(fit) = fit else {
                score = -1.0;
                break;
            };
            score *= 0.5 + 0.5 * fit.score;
            chosen.push(fit);
        }
        if score > 0.0 && best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, hp, chosen));
        }
    }
    best
}

/// The nominative forms of the words of a noun phrase.
pub(crate) fn normalize(words: &[&str], tokens: &[Token], prior: &[f32; 6]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let a = Analyzer::global();
    // skip opening quotes
    let Some(start) = (0..words.len()).find(|&i| tokens[i].kind != TokenKind::Punct) else {
        return out;
    };
    if !is_cyrillic_word(&tokens[start], words[start]) {
        return out;
    }
    // the run of words that can be modifiers, and the word after it
    let mut parses: Vec<Vec<Parse>> = Vec::new();
    let mut end = start;
    while end < words.len() && is_cyrillic_word(&tokens[end], words[end]) {
        let p = a.parse(words[end]);
        let can_modify =
            p.iter().any(|p| is_modifier(p) && p.score >= 0.05) && !is_fixed(words[end], &p);
        parses.push(p);
        end += 1;
        if !can_modify {
            break;
        }
    }
    let n = parses.len();
    let mods_of = |h: usize| -> Vec<Vec<Parse>> {
        parses[..h]
            .iter()
            .map(|ps| ps.iter().filter(|p| is_modifier(p)).cloned().collect())
            .collect()
    };
    // the head: the last word of the run that the words before it agree with
    for h in (0..n).rev() {
        let word = words[start + h];
        if is_fixed(word, &parses[h]) {
            // indeclinable head (`британского МИД`): modifiers keep their own gender
            for k in 0..h {
                let masc = parses[k]
                    .iter()
                    .find(|p| is_modifier(p) && tag_has(p.tag, "masc"));
                if let Some(p) = masc.or_else(|| parses[k].iter().find(|p| is_modifier(p))) {
                    let number = if tag_has(p.tag, "plur") {
                        "plur"
                    } else {
                        "sing"
                    };
                    if let Some(f) = nominative(words[start + k], p, number) {
                        out[start + k] = f;
                    }
                }
            }
            return out;
        }
        let heads = head_readings(&parses[h]);
        let mods = mods_of(h);
        let Some((_, hp, chosen)) = agree(&heads, &mods, prior) else {
            continue;
        };
        let number = if tag_has(hp.tag, "plur") {
            "plur"
        } else {
            "sing"
        };
        if let Some(f) = nominative(word, hp, number) {
            out[start + h] = f;
        }
        for (k, p) in chosen.iter().enumerate() {
            if let Some(f) = nominative(words[start + k], p, number) {
                out[start + k] = f;
            }
        }
        coordinated(words, start + h, hp, number, &mut out);
        return out;
    }
    // no noun: adjectives alone (`европейскими`) take their dictionary form
    if n == words.len() - start {
        for k in 0..n {
            if let Some(p) = parses[k].iter().find(|p| is_modifier(p)) {
                if let Some(f) = p.inflect(&["nomn", "sing", "masc"]) {
                    out[start + k] = copy_case(words[start + k], &f);
                }
            }
        }
    }
    out
}

/// A coordinated second head in the same case: `Боснии и Герцеговины`.
fn coordinated(words: &[&str], head: usize, hp: &Parse, number: &'static str, out: &mut [String]) {
    let case = features(hp).map_or(0, |f| f.0);
    if head + 2 >= words.len() || words[head + 1] != "и" || case == 0 {
        return;
    }
    let w = words[head + 2];
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return;
    }
    let same = Analyzer::global()
        .parse(w)
        .into_iter()
        .find(|p| p.pos() == "NOUN" && features(p).is_some_and(|f| f.0 == case));
    if let Some(f) = same.and_then(|p| nominative(w, &p, number)) {
        out[head + 2] = f;
    }
}
