//! Words not in the dictionary: numbers, punctuation, Latin, hyphenated words, words with
//! known prefixes, and guesses from known endings (as pymorphy does).

use super::dict::Entry;
use super::parse::{Origin, Parse};
use super::tags::{const_bit, const_mask};
use super::Analyzer;

/// Particles written after a hyphen (`скажи-ка`, `кто-то`).
const PARTICLES: &[&str] = &["-то", "-ка", "-таки", "-де", "-с", "-либо", "-нибудь"];

/// Prefixes after which the rest of a word is analysed on its own (`экс-премьер`,
/// `вице-президента`, `антикризисный`).
pub(super) const PREFIXES: &[&str] = &[
    "экс-",
    "вице-",
    "анти-",
    "лже-",
    "псевдо-",
    "квази-",
    "пост-",
    "пред-",
    "обер-",
    "штаб-",
    "контр-",
    "анти",
    "авиа",
    "авто",
    "агро",
    "био",
    "вело",
    "видео",
    "гидро",
    "гипер",
    "евро",
    "зоо",
    "интер",
    "квази",
    "кибер",
    "контр",
    "макро",
    "мега",
    "микро",
    "мини",
    "мульти",
    "нейро",
    "нано",
    "нео",
    "пост",
    "пра",
    "псевдо",
    "радио",
    "сверх",
    "спец",
    "супер",
    "теле",
    "транс",
    "ультра",
    "фото",
    "экс",
    "эко",
    "электро",
];

/// Recursion limit for analyses built from parts of the word.
const MAX_DEPTH: u8 = 2;

/// Longest ending looked up in the prediction table.
pub(super) const MAX_SUFFIX: usize = 5;

pub(super) fn is_number(w: &str) -> Option<bool> {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut seps = 0;
    for (i, c) in w.chars().enumerate() {
        if c.is_ascii_digit() {
            continue;
        }
        if (c == '.' || c == ',') && i > 0 && seps == 0 {
            seps += 1;
            continue;
        }
        return None;
    }
    if w.ends_with(['.', ',']) {
        return None;
    }
    Some(seps == 1)
}

/// Whether an unknown name looks indeclinable: three letters or more, ending in a vowel
/// other than а/я after a consonant (`Мелони`, `Сантакроче`).
pub(super) fn has_indeclinable_ending(lower: &str) -> bool {
    let mut chars = lower.chars().rev();
    let (last, before) = (chars.next(), chars.next());
    lower.chars().count() >= 3
        && last.is_some_and(|c| "иоуэю".contains(c))
        && before.is_some_and(|c| !"аеёиоуыэюя".contains(c) && c.is_alphabetic())
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 12 && w.chars().all(|c| "ivxlcdm".contains(c))
}

impl Analyzer {
    /// Analyses a lower-case word that is not in the dictionary.
    pub(crate) fn guess(&'static self, w: &str, depth: u8) -> Vec<Parse> {
        let fixed = |tag: u16, score: f32| {
            let p = self.make(w.to_string(), w.to_string(), tag, score, Origin::Fixed);
            vec![p]
        };
        if let Some(real) = is_number(w) {
            return fixed(
                if real {
                    self.extra.real
                } else {
                    self.extra.int
                },
                1.0,
            );
        }
        if w.chars().all(|c| !c.is_alphanumeric()) {
            return fixed(self.extra.pnct, 1.0);
        }
        let has_cyrillic = w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        if !has_cyrillic {
            if is_roman(w) {
                return fixed(self.extra.romn, 1.0);
            }
            if w.chars().any(|c| c.is_ascii_alphabetic()) {
                return fixed(self.extra.latn, 1.0);
            }
            return fixed(self.extra.unkn, 1.0);
        }
        let mut res: Vec<Parse> = Vec::new();
        // positions in `res` of the parses added through `add` (the duplicates it drops
        // have the same word, tag and paradigm as one of them)
        let mut added: Vec<usize> = Vec::new();
        let para = |p: &Parse| match &p.origin {
            Origin::Paradigm { para, .. } => Some(*para),
            _ => None,
        };
        let mut add = |p: Parse, res: &mut Vec<Parse>| {
            let dup = added
                .iter()
                .filter_map(|&i| res.get(i))
                .any(|q| q.tag_id == p.tag_id && para(q) == para(&p) && q.word == p.word);
            if !dup {
                added.push(res.len());
                res.push(p);
            }
        };
        if depth < MAX_DEPTH && w.chars().count() <= 64 {
            for p in self.particle_parses(w, depth) {
                add(p, &mut res);
            }
            if let Some(p) = self.hyphen_adverb(w) {
                add(p, &mut res);
            }
            res.extend(self.hyphenated(w, depth));
            for p in self.known_prefix(w, depth) {
                add(p, &mut res);
            }
            for p in self.unknown_prefix(w) {
                add(p, &mut res);
            }
        }
        for p in self.by_suffix(w) {
            add(p, &mut res);
        }
        if res.is_empty() {
            return fixed(self.extra.unkn, 1.0);
        }
        res
    }

    /// Adjustments for capitalized words: unknown ones ending in a vowel other than
    /// а/я get indeclinable surname parses first (`Мелони`); surname and first-name
    /// guesses go before other guesses (`Токаева`); dictionary words without a
    /// proper-noun reading get surname guesses appended (`Токаев` beside `токай`).
    pub(crate) fn name_heuristics(&'static self, lower: &str, parses: &mut Vec<Parse>) {
        const NAME: u128 = const_mask(&["Surn", "Name", "Patr"]);
        const PROPER: u128 = const_mask(&["Surn", "Name", "Patr", "Geox", "Orgn"]);
        const MASC: u128 = const_bit("masc");
        let is_name = |p: &Parse| self.gram(p.tag_id) & NAME != 0;
        let is_proper = |p: &Parse| self.gram(p.tag_id) & PROPER != 0;
        if parses.iter().any(|p| p.known) {
            if !parses.iter().any(is_proper) && !lower.contains('-') {
                let extra: Vec<Parse> = self
                    .surname_parses(lower)
                    .into_iter()
                    .map(|mut p| {
                        p.score *= 0.05;
                        p
                    })
                    .collect();
                parses.extend(extra);
            }
            return;
        }
        let surnames = self.surname_parses(lower);
        let indeclinable = surnames.is_empty() && has_indeclinable_ending(lower);
        let mut named: Vec<Parse> = surnames;
        let mut other: Vec<Parse> = Vec::new();
        for p in parses.drain(..) {
            if named
                .iter()
                .any(|q| q.lemma == p.lemma && q.tag_id == p.tag_id)
            {
                continue;
            }
            if is_name(&p) {
                named.push(p);
            } else {
                other.push(p);
            }
        }
        if indeclinable {
            let n = self.extra.indecl.len() as f32;
            for &tag in &self.extra.indecl {
                let p = self.make(lower.into(), lower.into(), tag, 0.5 / n, Origin::Fixed);
                parses.push(p);
            }
            for p in named.iter_mut().chain(other.iter_mut()) {
                p.score *= 0.5;
            }
        }
        named.sort_by_key(|p| self.gram(p.tag_id) & MASC == 0);
        parses.extend(named);
        parses.extend(other);
    }

    /// [`Analyzer::name_heuristics`] for a capitalized dictionary word whose analyses are
    /// `out[start..]`: surname guesses appended when none is a proper noun.
    pub(crate) fn known_name_analyses(
        &'static self,
        lower: &str,
        out: &mut Vec<super::Analysis>,
        start: usize,
        lemma: &mut String,
    ) {
        const PROPER: u128 = const_mask(&["Surn", "Name", "Patr", "Geox", "Orgn"]);
        let proper = out
            .get(start..)
            .is_some_and(|r| r.iter().any(|a| self.gram(a.tag_id) & PROPER != 0));
        if proper || lower.contains('-') {
            return;
        }
        for e in self.surname_forms(lower) {
            if let Ok(Some(mut a)) = self.paradigm_analysis(lower, lower, e, 0.5, lemma) {
                a.score *= 0.05;
                out.push(a);
            }
        }
    }

    /// The model surname forms whose ending `lower` has (with at least four letters'
    /// worth of bytes before it), in table order.
    pub(super) fn surname_forms<'a>(
        &'static self,
        lower: &'a str,
    ) -> impl Iterator<Item = Entry> + 'a {
        let table = self.surnames.get_or_init(|| self.surname_table());
        let last = lower.as_bytes().last().copied();
        table.iter().filter_map(move |(ending, e)| {
            // the last byte rules out most endings without a string comparison
            let fits = ending.as_bytes().last().copied() == last
                && lower.len() >= ending.len() + 4
                && lower.ends_with(ending.as_str());
            fits.then_some(*e)
        })
    }

    /// Russian-type surname parses (`-ов`, `-ев`, `-ёв`, `-ин`) built by analogy with
    /// dictionary surnames, so that unknown `Жапаровым` gets the lemma `жапаров`.
    fn surname_parses(&'static self, lower: &str) -> Vec<Parse> {
        self.surname_forms(lower)
            .filter_map(|e| self.paradigm_parse(lower, e, 0.5, "", ""))
            .collect()
    }

    /// Endings of model surnames (`-ов`, `-ев`, `-ёв`, `-ин` and their case forms) with
    /// the paradigm form they belong to; built once.
    fn surname_table(&'static self) -> Vec<(String, Entry)> {
        let mut out = Vec::new();
        for model in ["иванов", "андреев", "горбачёв", "путин"] {
            let base_len = model.len() - "ов".len();
            for m in self.dict_parses(model, 1.0) {
                let Origin::Paradigm { para, .. } = m.origin else {
                    continue;
                };
                if !m.has("Surn") || !m.has("nomn") || !m.has("masc") {
                    continue;
                }
                for q in self.lexeme(&m) {
                    if let (Some(ending), Origin::Paradigm { idx, .. }) =
                        (q.word.get(base_len..), &q.origin)
                    {
                        out.push((ending.to_string(), Entry { para, idx: *idx }));
                    }
                }
            }
        }
        out
    }

    /// `кто-нибудь`, `скажи-ка`: the word without the particle, particle re-attached.
    fn particle_parses(&'static self, w: &str, depth: u8) -> Vec<Parse> {
        let Some(particle) = PARTICLES.iter().find(|p| w.ends_with(*p)) else {
            return Vec::new();
        };
        let base = &w[..w.len() - particle.len()];
        if base.is_empty() {
            return Vec::new();
        }
        let mut out = self.parse_lower(base, depth + 1);
        for p in &mut out {
            p.word.push_str(particle);
            p.lemma.push_str(particle);
            p.score *= 0.9;
            p.known = false;
            if let Origin::Paradigm { post, .. } = &mut p.origin {
                *post = format!("{post}{particle}").into();
            } else {
                p.origin = Origin::Fixed;
            }
        }
        out
    }

    /// `по-русски`, `по-новому`: adverbs.
    fn hyphen_adverb(&'static self, w: &str) -> Option<Parse> {
        let rest = w.strip_prefix("по-")?;
        if rest.chars().count() < 2 {
            return None;
        }
        const ADJ: u128 = const_mask(&["ADJF", "sing", "datv"]);
        let ok = self
            .dict_parses(rest, 1.0)
            .iter()
            .any(|p| self.tag_info(p.tag_id).is_some_and(|t| t.gram & ADJ == ADJ))
            || rest.ends_with("ски");
        ok.then(|| self.make(w.into(), w.into(), self.extra.advb, 0.7, Origin::Fixed))
    }

    /// `Касым-Жомарта` (both parts inflect), `торгово-экономических` (left part fixed).
    fn hyphenated(&'static self, w: &str, depth: u8) -> Vec<Parse> {
        let mut out = Vec::new();
        let Some((left, right)) = w.split_once('-') else {
            return out;
        };
        if left.is_empty() || right.is_empty() || right.contains('-') {
            return out;
        }
        if PREFIXES
            .iter()
            .any(|p| p.ends_with('-') && w.starts_with(p))
        {
            return out;
        }
        let lp = self.parse_lower(left, depth + 1);
        let rp = self.parse_lower(right, depth + 1);
        const FEATURES: u128 = super::tags::category_mask("NOUN")
            | super::tags::category_mask("nomn")
            | super::tags::category_mask("sing")
            | super::tags::category_mask("1per")
            | super::tags::category_mask("past");
        let feat = |p: &Parse| -> u128 {
            let g = self.tag_info(p.tag_id).map_or(0, |t| t.gram) & FEATURES;
            super::tags::fix_rare_cases(g & !const_bit("voct") & !const_bit("acc2"))
        };
        let unknown = |p: &Parse| p.tag_id == self.extra.unkn;
        let right_feats: Vec<u128> = rp.iter().map(feat).collect();
        for l in &lp {
            if unknown(l) || !l.known {
                continue;
            }
            let left_feat = feat(l);
            for (r, &right_feat) in rp.iter().zip(&right_feats) {
                // both parts inflect only when both are dictionary words (`человек-гора`);
                // in unknown names the first part usually stays fixed (`Касым-Жомарта`)
                if r.known && !unknown(r) && left_feat == right_feat {
                    let word = format!("{}-{}", l.word, r.word);
                    let lemma = format!("{}-{}", l.lemma, r.lemma);
                    let origin = Origin::Pair(Box::new((l.clone(), r.clone())));
                    out.push(self.make(word, lemma, l.tag_id, l.score * 0.75, origin));
                }
            }
        }
        for r in &rp {
            if unknown(r) {
                continue;
            }
            let mut p = r.clone();
            p.word = format!("{left}-{}", r.word);
            p.lemma = format!("{left}-{}", r.lemma);
            p.score *= 0.75;
            p.known = false;
            if let Origin::Paradigm { pre, .. } = &mut p.origin {
                *pre = format!("{left}-{pre}").into();
            } else {
                p.origin = Origin::Fixed;
            }
            out.push(p);
        }
        out
    }

    /// `антикризисный` → `анти` + `кризисный`.
    fn known_prefix(&'static self, w: &str, depth: u8) -> Vec<Parse> {
        let mut out = Vec::new();
        // the first byte is a cheap test that rules out most prefixes
        let first = w.as_bytes().first();
        let mut prefixes: Vec<&str> = PREFIXES
            .iter()
            .copied()
            .filter(|p| p.as_bytes().first() == first && w.starts_with(p))
            .collect();
        prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for prefix in prefixes {
            let rest = &w[prefix.len()..];
            if rest.chars().count() < 3 {
                continue;
            }
            for mut p in self.parse_lower(rest, depth + 1) {
                if !self.tag_info(p.tag_id).is_some_and(|t| t.productive) {
                    continue;
                }
                p.word.insert_str(0, prefix);
                p.lemma.insert_str(0, prefix);
                p.score *= 0.75;
                p.known = false;
                if let Origin::Paradigm { pre, .. } = &mut p.origin {
                    *pre = format!("{prefix}{pre}").into();
                }
                out.push(p);
            }
        }
        out
    }

    /// Any short prefix (1–5 letters) followed by a dictionary word of 3+ letters.
    fn unknown_prefix(&'static self, w: &str) -> Vec<Parse> {
        let mut out = Vec::new();
        let n = w.chars().count();
        let max = 5.min(n.saturating_sub(3));
        for (k, (i, _)) in w.char_indices().enumerate().skip(1).take(max) {
            let _ = k;
            let (prefix, rest) = w.split_at(i);
            for mut p in self.dict_parses(rest, 1.0) {
                if !self.tag_info(p.tag_id).is_some_and(|t| t.productive) {
                    continue;
                }
                p.word.insert_str(0, prefix);
                p.lemma.insert_str(0, prefix);
                p.score *= 0.5;
                p.known = false;
                if let Origin::Paradigm { pre, .. } = &mut p.origin {
                    *pre = prefix.into();
                }
                out.push(p);
            }
        }
        out
    }

    /// Guesses from the longest known ending with the paradigms seen with it.
    fn by_suffix(&'static self, w: &str) -> Vec<Parse> {
        let mut out: Vec<(u32, usize, Parse)> = Vec::new();
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        if chars.len() < 4 {
            return Vec::new();
        }
        let mut totals = [1u32; 3];
        // (spelling, tag, paradigm) already taken
        let mut seen: Vec<(String, u16, u16)> = Vec::new();
        for prefix_id in (0..self.dict.prefixes.len().min(3)).rev() {
            let prefix = self.dict.prefixes[prefix_id];
            if !w.starts_with(prefix) {
                continue;
            }
            for len in (1..=MAX_SUFFIX.min(chars.len())).rev() {
                let split = chars[chars.len() - len].0;
                let (start, end) = w.split_at(split);
                self.dict
                    .predict(prefix_id, end, &mut |fixed_suffix, items| {
                        let fixed_word = format!("{start}{fixed_suffix}");
                        for &(cnt, e) in items {
                            let Some(t) = self.tag_info(self.dict.form(e.para, e.idx).tag) else {
                                continue;
                            };
                            if !t.productive {
                                continue;
                            }
                            totals[prefix_id] += cnt;
                            let (tag, para) = (self.dict.form(e.para, e.idx).tag, e.para);
                            if seen
                                .iter()
                                .any(|(w, t, p)| (*t, *p) == (tag, para) && *w == fixed_word)
                            {
                                continue;
                            }
                            seen.push((fixed_word.clone(), tag, para));
                            if let Some(p) = self.suffix_parse(&fixed_word, e) {
                                out.push((cnt, prefix_id, p));
                            }
                        }
                    });
                if totals[prefix_id] > 1 {
                    break;
                }
            }
        }
        let mut res: Vec<Parse> = out
            .into_iter()
            .map(|(cnt, pid, mut p)| {
                p.score = cnt as f32 / totals[pid] as f32 * 0.5;
                p
            })
            .collect();
        res.sort_by(|a, b| b.score.total_cmp(&a.score));
        res
    }

    fn suffix_parse(&'static self, fixed_word: &str, e: Entry) -> Option<Parse> {
        self.paradigm_parse(fixed_word, e, 1.0, "", "")
    }
}

#[cfg(test)]
mod tests {
    use super::{is_number, is_roman};

    #[test]
    fn shapes() {
        assert_eq!(is_number("2024"), Some(false));
        assert_eq!(is_number("3,5"), Some(true));
        assert_eq!(is_number("3,"), None);
        assert_eq!(is_number("а1"), None);
        assert!(is_roman("xiv"));
        assert!(!is_roman("москва"));
    }
}
