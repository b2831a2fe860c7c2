//! The common case of guessing, straight into compact analyses: a Cyrillic word with no
//! hyphen and no known prefix is analysed as a short unknown prefix plus a dictionary word
//! and by its ending, then the name adjustments for capitalized words are applied.
//! [`Analyzer::guess`] does the same (and the rarer cases) through [`Parse`](super::Parse)
//! values; this path gives the same analyses in the same order without building them,
//! and declines (returns `false`) whenever a guess has no compact form.

use super::analysis::{yo_mask, Analysis, Kind, Upos};
use super::guess::{has_indeclinable_ending, is_number, MAX_SUFFIX, PREFIXES};
use super::tags::{const_bit, const_mask, refine_upos};
use super::{apply_probabilities, Analyzer};

impl Analyzer {
    /// Appends to `out` the analyses of a lower-case word that is not in the dictionary
    /// (corpus statistics `stats`), as the general path would give them; `false`, with
    /// `out` unchanged, when the word needs the general path.
    pub(crate) fn quick_guess(
        &'static self,
        lower: &str,
        capitalized: bool,
        stats: &[u8],
        out: &mut Vec<Analysis>,
    ) -> bool {
        if !self.has_quick_guess(lower) {
            return false;
        }
        let mut res = Vec::new();
        let ok =
            self.unknown_prefix_analyses(lower, &mut res) && self.suffix_analyses(lower, &mut res);
        if !ok || res.is_empty() {
            return false;
        }
        apply_probabilities(stats, &mut res);
        if capitalized {
            self.name_adjustments(lower, &mut res);
        }
        out.extend_from_slice(&res);
        true
    }

    /// Whether [`Analyzer::guess`] would only try unknown prefixes and endings: a word
    /// with Cyrillic letters, not a number, no hyphen, no known prefix, at most 64 letters.
    fn has_quick_guess(&self, w: &str) -> bool {
        is_number(w).is_none()
            && w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
            && !w.contains('-')
            && w.chars().count() <= 64
            && !PREFIXES.iter().any(|p| w.starts_with(p))
    }

    /// Adds `a` unless an analysis with the same spelling, tag and paradigm is there.
    fn add_distinct(res: &mut Vec<Analysis>, a: Analysis) {
        if !res
            .iter()
            .any(|q| q.yo == a.yo && q.tag_id == a.tag_id && q.para == a.para)
        {
            res.push(a);
        }
    }

    /// Any short prefix (1–5 letters) followed by a dictionary word of 3+ letters with a
    /// productive tag (`Analyzer::unknown_prefix`); `false` if one has no compact form.
    fn unknown_prefix_analyses(&'static self, w: &str, res: &mut Vec<Analysis>) -> bool {
        let n = w.chars().count();
        let max = 5.min(n.saturating_sub(3));
        let mut ok = true;
        let mut lemma = String::new();
        for (i, _) in w.char_indices().skip(1).take(max) {
            let Some(rest) = w.get(i..) else { continue };
            self.dict.lookup(rest, &mut |fixed, pool| {
                let yo = yo_mask(rest, fixed);
                for e in super::dict::Dict::entries(pool) {
                    let a = match self.spelling_analysis(fixed, yo, e, 1.0, &mut lemma) {
                        Ok(Some(a)) => a,
                        Ok(None) => continue,
                        Err(()) => {
                            ok = false;
                            continue;
                        }
                    };
                    if !self.tag_info(a.tag_id).is_some_and(|t| t.productive) {
                        continue;
                    }
                    // the ё positions move right by the prefix's bytes
                    let Some(yo) = shift_yo(a.yo, i) else {
                        ok = false;
                        continue;
                    };
                    let Ok(pre) = u8::try_from(i) else {
                        ok = false;
                        continue;
                    };
                    let a = Analysis {
                        yo,
                        score: 0.5,
                        pre,
                        known: false,
                        ..a
                    };
                    Self::add_distinct(res, a);
                }
            });
        }
        ok
    }

    /// Guesses from the longest known ending (`Analyzer::by_suffix`); `false` if one has
    /// no compact form.
    fn suffix_analyses(&'static self, w: &str, res: &mut Vec<Analysis>) -> bool {
        let chars: Vec<usize> = w.char_indices().map(|(i, _)| i).collect();
        if chars.len() < 4 {
            return true;
        }
        let mut found: Vec<(u32, usize, Analysis)> = Vec::new();
        let mut totals = [1u32; 3];
        let mut seen: Vec<(u64, u16, u16)> = Vec::new();
        let mut ok = true;
        let mut spelling = String::new();
        let mut lemma = String::new();
        for prefix_id in (0..self.dict.prefixes.len().min(3)).rev() {
            let Some(&prefix) = self.dict.prefixes.get(prefix_id) else {
                continue;
            };
            if !w.starts_with(prefix) {
                continue;
            }
            for len in (1..=MAX_SUFFIX.min(chars.len())).rev() {
                let Some(&split) = chars.get(chars.len() - len) else {
                    continue;
                };
                let (start, end) = w.split_at(split);
                self.dict
                    .predict(prefix_id, end, &mut |fixed_suffix, items| {
                        spelling.clear();
                        spelling.push_str(start);
                        spelling.push_str(fixed_suffix);
                        let yo = yo_mask(w, &spelling);
                        for &(cnt, e) in items {
                            let tag = self.dict.form(e.para, e.idx).tag;
                            if !self.tag_info(tag).is_some_and(|t| t.productive) {
                                continue;
                            }
                            totals[prefix_id] += cnt;
                            // distinct spellings differ in their ё positions
                            let Some(yo) = yo else {
                                ok = false;
                                continue;
                            };
                            if seen.contains(&(yo, tag, e.para)) {
                                continue;
                            }
                            seen.push((yo, tag, e.para));
                            match self.spelling_analysis(&spelling, Some(yo), e, 1.0, &mut lemma) {
                                Ok(Some(a)) => found.push((cnt, prefix_id, a)),
                                Ok(None) => {}
                                Err(()) => ok = false,
                            }
                        }
                    });
                if totals[prefix_id] > 1 {
                    break;
                }
            }
        }
        let start = res.len();
        for (cnt, pid, a) in found {
            let total = totals.get(pid).copied().unwrap_or(1);
            let score = cnt as f32 / total as f32 * 0.5;
            Self::add_distinct(res, Analysis { score, ..a });
        }
        if let Some(new) = res.get_mut(start..) {
            new.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        ok
    }

    /// `Analyzer::name_heuristics` for guesses of a capitalized word: indeclinable
    /// surname analyses first for endings such as `-и` (`Мелони`), then surname and
    /// name analyses (masculine first), then the rest.
    fn name_adjustments(&'static self, lower: &str, res: &mut Vec<Analysis>) {
        const NAME: u128 = const_mask(&["Surn", "Name", "Patr"]);
        const MASC: u128 = const_bit("masc");
        let mut lemma = String::new();
        let mut named: Vec<Analysis> = Vec::new();
        for e in self.surname_forms(lower) {
            if let Ok(Some(a)) = self.paradigm_analysis(lower, lower, e, 0.5, &mut lemma) {
                named.push(a);
            }
        }
        let indeclinable = named.is_empty() && has_indeclinable_ending(lower);
        // lemmas of the analyses kept so far, to drop guesses that repeat one
        let mut lemmas: Vec<(String, u16)> = named
            .iter()
            .map(|a| (lemma_of(a, lower), a.tag_id))
            .collect();
        let mut other: Vec<Analysis> = Vec::new();
        for a in res.drain(..) {
            let l = lemma_of(&a, lower);
            if lemmas.iter().any(|(q, t)| *q == l && *t == a.tag_id) {
                continue;
            }
            if self.gram(a.tag_id) & NAME != 0 {
                lemmas.push((l, a.tag_id));
                named.push(a);
            } else {
                other.push(a);
            }
        }
        if indeclinable {
            let n = self.extra.indecl.len() as f32;
            for &tag in &self.extra.indecl {
                res.push(self.lower_analysis(lower, tag, 0.5 / n));
            }
            for a in named.iter_mut().chain(other.iter_mut()) {
                a.score *= 0.5;
            }
        }
        named.sort_by_key(|a| self.gram(a.tag_id) & MASC == 0);
        res.extend(named);
        res.extend(other);
    }

    /// A form that does not inflect, with the lower-case word as its lemma.
    fn lower_analysis(&self, lower: &str, tag: u16, score: f32) -> Analysis {
        let upos = match self.tag_info(tag).map(|t| refine_upos(t.upos, lower)) {
            Some("CCONJ") => Upos::Cconj,
            Some("AUX") => Upos::Aux,
            _ => Upos::Tag,
        };
        Analysis {
            yo: 0,
            score,
            tag_id: tag,
            para: 0,
            idx: 0,
            pre: 0,
            post: 0,
            kind: Kind::Lower,
            upos,
            known: false,
        }
    }
}

/// The lemma of an analysis of the lower-case word `lower`.
fn lemma_of(a: &Analysis, lower: &str) -> String {
    let mut s = String::new();
    a.lemma_from_lower(lower, &mut s);
    s
}

/// A ё mask moved right by `by` bytes; `None` if a position would pass byte 63.
fn shift_yo(yo: u64, by: usize) -> Option<u64> {
    if yo == 0 {
        return Some(0);
    }
    let room = yo.leading_zeros() as usize;
    (by < room).then(|| yo << by)
}
