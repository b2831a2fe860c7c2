//! Person names: one gender and one case for the whole name, each word to the nominative.

use super::cands::{person_cands, Cand, FEMN, MASC};
use super::evidence::Cues;
use super::is_cyrillic_word;
use crate::morph::Analyzer;
use crate::token::Token;

/// Prior of the genders (masculine, feminine) in news text.
const GENDER_PRIOR: [f32; 2] = [0.6, 0.4];

/// How much a word agreeing in gender and case (see [`Cues`]) raises a reading.
const CUE_BOOST: f32 = 6.0;

/// The least score every word needs in a gender and case for an agreement cue to fit.
const CUE_FIT: f32 = 0.05;

/// The chosen reading of a name: per word the candidate (or `None` to keep the word).
pub(crate) struct Reading {
    /// One entry per word.
    pub words: Vec<Option<Cand>>,
    /// The best score of a masculine and of a feminine reading (without the gender prior).
    pub gender_scores: [f32; 2],
    /// Per gender, whether an agreement cue of that gender fits a reading of every word.
    pub cue_fit: [bool; 2],
}

/// Reads a name: tries every gender and case and keeps the most plausible combination.
pub(crate) fn read(
    words: &[&str],
    tokens: &[Token],
    prior: &[f32; 6],
    cues: &Cues,
    feminine: Option<bool>,
) -> Reading {
    let cands: Vec<Option<Vec<Cand>>> = words
        .iter()
        .zip(tokens)
        .map(|(w, t)| is_cyrillic_word(t, w).then(|| word_cands(w)))
        .collect();
    let mut best: Option<(f32, usize, usize)> = None;
    let mut by_gender = [0.0f32; 2];
    let mut cue_fit = [false; 2];
    for g in 0..2 {
        if feminine.is_some_and(|f| f != (g == 1)) {
            continue;
        }
        let bit = if g == 0 { MASC } else { FEMN };
        for (case, p) in prior.iter().enumerate() {
            let cue = cues.allows(g, case);
            let mut score = GENDER_PRIOR[g] * p * if cue { CUE_BOOST } else { 1.0 };
            let mut fits = cue;
            for c in cands.iter().flatten() {
                let s = c
                    .iter()
                    .filter(|c| c.genders & bit != 0 && c.case == case)
                    .map(|c| c.score)
                    .fold(0.0f32, f32::max);
                fits &= s >= CUE_FIT;
                score *= s.max(0.002);
            }
            cue_fit[g] |= fits;
            by_gender[g] = by_gender[g].max(score);
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, g, case));
            }
        }
    }
    let (_, g, case) = best.unwrap_or((0.0, 0, 0));
    let bit = if g == 0 { MASC } else { FEMN };
    let chosen = cands
        .iter()
        .map(|c| {
            c.as_ref().and_then(|c| {
                c.iter()
                    .filter(|c| c.genders & bit != 0 && c.case == case)
                    .max_by(|a, b| a.score.total_cmp(&b.score))
                    .cloned()
            })
        })
        .collect();
    let (m, f) = (
        by_gender[0] / GENDER_PRIOR[0],
        by_gender[1] / GENDER_PRIOR[1],
    );
    let gender_scores = [m, f];
    Reading {
        words: chosen,
        gender_scores,
        cue_fit,
    }
}

/// Readings of one word; lower-case words (a title inside the name) read as nouns.
fn word_cands(w: &str) -> Vec<Cand> {
    if w.chars().next().is_some_and(char::is_lowercase) {
        let mut out = Vec::new();
        for p in Analyzer::global().parse(w) {
            if let (Some(case), Some(form)) = (super::cands::case_of(p.tag), p.inflect(&["nomn"])) {
                out.push(Cand {
                    form,
                    genders: MASC | FEMN,
                    case,
                    score: p.score,
                    part: None,
                });
            }
        }
        if out.is_empty() {
            for case in 0..6 {
                out.push(Cand {
                    form: w.to_string(),
                    genders: MASC | FEMN,
                    case,
                    score: 0.1,
                    part: None,
                });
            }
        }
        return out;
    }
    person_cands(w)
}

/// The nominative forms of the words of a name.
pub(crate) fn normalize(
    words: &[&str],
    tokens: &[Token],
    prior: &[f32; 6],
    cues: &Cues,
    feminine: Option<bool>,
) -> Vec<String> {
    if let [w] = words {
        if let Some(plural) = family_plural(w, prior) {
            return vec![plural];
        }
    }
    let r = read(words, tokens, prior, cues, feminine);
    words
        .iter()
        .zip(r.words)
        .map(|(w, c)| c.map_or_else(|| w.to_string(), |c| c.form))
        .collect()
}

/// A surname alone in the genitive plural of a soft stem names a family
/// (`отравление Скрипалей` → `Скрипали`): an unknown capitalized word in `-ей` after a
/// consonant, unless a preposition asks for the instrumental (`с Таней`).
fn family_plural(word: &str, prior: &[f32; 6]) -> Option<String> {
    let lower = word.to_lowercase();
    let stem = lower.strip_suffix("ей")?;
    let before = super::word::last(stem)?;
    let plausible = stem.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && super::word::is_consonant(before)
        && !super::word::is_hushing(before)
        && prior[1] >= prior[4]
        && Analyzer::global().parse(word).iter().all(|p| !p.is_known());
    plausible.then(|| super::word::replace_end(word, 2, "и"))
}

/// The best scores of a masculine and of a feminine reading of a name, and which
/// genders the agreement cues fit.
pub(crate) fn gender_scores(
    words: &[&str],
    tokens: &[Token],
    prior: &[f32; 6],
    cues: &Cues,
) -> ([f32; 2], [bool; 2]) {
    let r = read(words, tokens, prior, cues, None);
    (r.gender_scores, r.cue_fit)
}
