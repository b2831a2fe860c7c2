//! Candidate readings of one word of a person's name: its nominative form, the genders
//! and the case it can have, with a plausibility score. Readings come from the
//! dictionary analyzer and from the regular declension of Russian names, so foreign and
//! Kazakh names the dictionary does not know still decline (`Джорджей` → `Джорджа`).

use super::word::{is_consonant, is_hushing, is_vowel, last, replace_end};
use crate::morph::Analyzer;

/// Masculine gender bit.
pub(crate) const MASC: u8 = 1;
/// Feminine gender bit.
pub(crate) const FEMN: u8 = 2;

/// What part of a name the dictionary says a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// A first name (`Name`).
    First,
    /// A patronymic (`Patr`).
    Middle,
    /// A surname (`Surn`).
    Last,
}

/// One reading of a word.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// The nominative singular form, in the word's letter case.
    pub form: String,
    /// Gender bits ([`MASC`], [`FEMN`]).
    pub genders: u8,
    /// Case index (see [`super::context::CASES`]).
    pub case: usize,
    /// Plausibility.
    pub score: f32,
    /// Name part according to the dictionary.
    pub part: Option<Part>,
}

/// The case index of an OpenCorpora tag.
pub(crate) fn case_of(tag: &str) -> Option<usize> {
    let g = |n: &str| tag.split([',', ' ']).any(|x| x == n);
    if g("nomn") {
        Some(0)
    } else if g("gent") || g("gen2") {
        Some(1)
    } else if g("datv") {
        Some(2)
    } else if g("accs") || g("acc2") {
        Some(3)
    } else if g("ablt") {
        Some(4)
    } else if g("loct") || g("loc2") {
        Some(5)
    } else {
        None
    }
}

/// Whether an OpenCorpora tag contains a grammeme.
pub(crate) fn tag_has(tag: &str, g: &str) -> bool {
    tag.split([',', ' ']).any(|x| x == g)
}

/// The word kept as it is, in every case.
fn fixed(word: &str, genders: u8, score: f32, out: &mut Vec<Cand>) {
    for case in 0..6 {
        out.push(Cand {
            form: word.to_string(),
            genders,
            case,
            score,
            part: None,
        });
    }
}

/// All readings of a word of a person's name.
pub(crate) fn person_cands(word: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    let cyr = lower.chars().any(|c| ('а'..='я').contains(&c) || c == 'ё');
    if !cyr || letters <= 1 || word.ends_with('.') {
        fixed(word, MASC | FEMN, 1.0, &mut out);
        return out;
    }
    let mut known_name = false;
    let (mut fixd, mut fixd_genders) = (0.0f32, 0u8);
    for p in Analyzer::global().parse(word) {
        let tag = p.tag;
        let pos = p.pos();
        if !matches!(pos, "NOUN" | "ADJF") || tag_has(tag, "plur") || tag_has(tag, "inan") {
            continue;
        }
        let Some(case) = case_of(tag) else { continue };
        let genders = if tag_has(tag, "ms-f") {
            MASC | FEMN
        } else if tag_has(tag, "masc") {
            MASC
        } else if tag_has(tag, "femn") {
            FEMN
        } else {
            continue;
        };
        let part = if tag_has(tag, "Name") {
            Some(Part::First)
        } else if tag_has(tag, "Patr") {
            Some(Part::Middle)
        } else if tag_has(tag, "Surn") {
            Some(Part::Last)
        } else {
            None
        };
        let weight = match (p.is_known(), part.is_some()) {
            (true, true) => 1.0,
            (false, true) => 0.6,
            (true, false) => 0.3,
            (false, false) => 0.2,
        };
        known_name |= p.is_known() && part.is_some();
        if tag_has(tag, "Fixd") {
            // a guessed indeclinable reading of a word with a case ending is unlikely
            let ending =
                last(&lower).is_some_and(|c| "аеуыяй".contains(c)) || lower.ends_with("ом");
            let w = if !p.is_known() && ending { 0.1 } else { 1.0 };
            fixd += p.score * weight * w;
            fixd_genders |= genders;
            continue;
        }
        let Some(form) = p
            .inflect(&["nomn", "sing"])
            .or_else(|| p.inflect(&["nomn"]))
        else {
            continue;
        };
        out.push(Cand {
            form,
            genders,
            case,
            score: p.score * weight,
            part,
        });
    }
    if fixd > 0.0 {
        fixed(word, fixd_genders, fixd, &mut out);
    }
    let scale = if known_name { 0.6 } else { 1.0 };
    rules(word, &lower, scale, &mut out);
    out
}

/// One declension rule: surface ending, nominative ending, cases, genders, a test on the
/// letter before the ending, and a score.
type Rule = (
    &'static str,
    &'static str,
    &'static [usize],
    u8,
    fn(char) -> bool,
    f32,
);

fn cons(c: char) -> bool {
    is_consonant(c)
}
/// A consonant after which `ы` is written.
fn hard(c: char) -> bool {
    is_consonant(c) && !"гкхжшчщ".contains(c)
}
/// A consonant after which the instrumental ending is `-ом`.
fn hard_o(c: char) -> bool {
    is_consonant(c) && !"жшчщц".contains(c)
}
fn hush(c: char) -> bool {
    "жшчщц".contains(c)
}
fn soft_ok(c: char) -> bool {
    is_consonant(c) && !is_hushing(c)
}
fn vowel(c: char) -> bool {
    is_vowel(c)
}
fn any(_: char) -> bool {
    true
}

/// Regular declension of names, most specific endings first.
const RULES: &[Rule] = &[
    // surnames in -ов/-ев/-ин (the stem test sees the letter before -ов etc.)
    ("овым", "ов", &[4], MASC, any, 0.5),
    ("евым", "ев", &[4], MASC, any, 0.5),
    ("ёвым", "ёв", &[4], MASC, any, 0.5),
    ("иным", "ин", &[4], MASC, any, 0.5),
    ("ыным", "ын", &[4], MASC, any, 0.5),
    ("овой", "ова", &[1, 2, 4, 5], FEMN, any, 0.5),
    ("евой", "ева", &[1, 2, 4, 5], FEMN, any, 0.5),
    ("иной", "ина", &[1, 2, 4, 5], FEMN, any, 0.5),
    ("ову", "ова", &[3], FEMN, any, 0.4),
    ("еву", "ева", &[3], FEMN, any, 0.4),
    ("ину", "ина", &[3], FEMN, any, 0.4),
    // adjectival surnames
    ("ского", "ский", &[1, 3], MASC, any, 0.5),
    ("скому", "ский", &[2], MASC, any, 0.5),
    ("ским", "ский", &[4], MASC, any, 0.5),
    ("ском", "ский", &[5], MASC, any, 0.5),
    ("цкого", "цкий", &[1, 3], MASC, any, 0.5),
    ("цкому", "цкий", &[2], MASC, any, 0.5),
    ("цким", "цкий", &[4], MASC, any, 0.5),
    ("ской", "ская", &[1, 2, 4, 5], FEMN, any, 0.5),
    ("скую", "ская", &[3], FEMN, any, 0.5),
    ("цкой", "цкая", &[1, 2, 4, 5], FEMN, any, 0.5),
    ("цкую", "цкая", &[3], FEMN, any, 0.5),
    // -ий / -ия
    ("ия", "ий", &[1, 3], MASC, any, 0.25),
    ("ию", "ий", &[2], MASC, any, 0.2),
    ("ием", "ий", &[4], MASC, any, 0.3),
    ("ии", "ий", &[5], MASC, any, 0.05),
    ("ии", "ия", &[1, 2, 5], FEMN, any, 0.35),
    ("ию", "ия", &[3], FEMN, any, 0.3),
    ("ией", "ия", &[4], FEMN, any, 0.35),
    // masculine -й after a vowel (Андрей)
    ("я", "й", &[1, 3], MASC, vowel, 0.3),
    ("ю", "й", &[2], MASC, vowel, 0.3),
    ("ем", "й", &[4], MASC, vowel, 0.3),
    ("е", "й", &[5], MASC, vowel, 0.1),
    // masculine hard stems
    ("а", "", &[1, 3], MASC, cons, 0.4),
    ("у", "", &[2], MASC, cons, 0.3),
    ("ом", "", &[4], MASC, hard_o, 0.3),
    ("ем", "", &[4], MASC, hush, 0.3),
    ("е", "", &[5], MASC, cons, 0.1),
    // masculine soft stems in -ь
    ("я", "ь", &[1, 3], MASC, soft_ok, 0.1),
    ("ю", "ь", &[2], MASC, soft_ok, 0.1),
    ("ем", "ь", &[4], MASC, soft_ok, 0.1),
    // -а stems, both genders (Ольга, Никита, Маттарелла)
    ("ы", "а", &[1], MASC | FEMN, hard, 0.35),
    (
        "и",
        "а",
        &[1],
        MASC | FEMN,
        |c| is_hushing(c) && c != 'ц',
        0.35,
    ),
    ("е", "а", &[2, 5], MASC | FEMN, cons, 0.3),
    ("у", "а", &[3], MASC | FEMN, cons, 0.2),
    ("ой", "а", &[4], MASC | FEMN, cons, 0.3),
    ("ою", "а", &[4], MASC | FEMN, cons, 0.2),
    ("ей", "а", &[4], MASC | FEMN, hush, 0.35),
    // -я stems (Таня, Илья)
    ("и", "я", &[1], MASC | FEMN, soft_ok, 0.1),
    ("е", "я", &[2, 5], MASC | FEMN, soft_ok, 0.15),
    ("ю", "я", &[3], MASC | FEMN, soft_ok, 0.2),
    ("ей", "я", &[4], MASC | FEMN, soft_ok, 0.2),
];

/// Adds the rule readings and the nominative / indeclinable readings of the word itself.
fn rules(word: &str, lower: &str, scale: f32, out: &mut Vec<Cand>) {
    let n = lower.chars().count();
    for &(end, nom, cases, genders, test, score) in RULES {
        let Some(stem) = lower.strip_suffix(end) else {
            continue;
        };
        if stem.chars().count() < 2 || !last(stem).is_some_and(test) {
            continue;
        }
        let form = replace_end(word, end.chars().count(), nom);
        for &case in cases {
            out.push(Cand {
                form: form.clone(),
                genders,
                case,
                score: score * scale,
                part: None,
            });
        }
    }
    // the word as a nominative
    let end = last(lower).unwrap_or(' ');
    let inflected_look = [
        "ом", "ым", "ем", "ой", "ей", "ою", "ым", "ии", "ию", "ую", "ого", "ому", "им",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
        || (n > 3 && lower.ends_with('у'));
    let nom_score = match (inflected_look, end) {
        (true, _) => 0.03,
        (false, 'а') => 0.25,
        _ => 0.3,
    };
    if is_consonant(end) || end == 'й' || end == 'ь' {
        push_nom(word, MASC, nom_score * scale, out);
        // foreign feminine names ending in a consonant do not decline
        fixed(word, FEMN, nom_score * scale, out);
    } else if end == 'а' || end == 'я' {
        push_nom(word, MASC | FEMN, nom_score * scale, out);
    } else if is_vowel(end) {
        // -о, -и, -у, -е, -э, -ю, -ы: foreign names that do not decline
        let declines = out.iter().any(|c| c.form != word);
        let s = if "оэ".contains(end) {
            0.4
        } else if end == 'и' {
            if lower.ends_with("ии") || lower.ends_with("ьи") {
                0.03
            } else {
                0.3
            }
        } else if inflected_look || declines {
            0.03
        } else {
            0.3
        };
        fixed(word, MASC | FEMN, s * scale, out);
    } else {
        fixed(word, MASC | FEMN, 0.3 * scale, out);
    }
}

fn push_nom(word: &str, genders: u8, score: f32, out: &mut Vec<Cand>) {
    out.push(Cand {
        form: word.to_string(),
        genders,
        case: 0,
        score,
        part: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(word: &str, genders: u8, case: usize) -> Option<String> {
        person_cands(word)
            .into_iter()
            .filter(|c| c.genders & genders != 0 && c.case == case)
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map(|c| c.form)
    }

    #[test]
    fn rule_readings() {
        let table = [
            ("Джорджей", FEMN, 4, "Джорджа"),
            ("Досаевым", MASC, 4, "Досаев"),
            ("Маттареллы", MASC, 1, "Маттарелла"),
            ("Ерболатом", MASC, 4, "Ерболат"),
            ("Мелони", FEMN, 4, "Мелони"),
            ("Ивановой", FEMN, 2, "Иванова"),
        ];
        for (w, g, c, want) in table {
            assert_eq!(best(w, g, c).as_deref(), Some(want), "{w}");
        }
    }
}
