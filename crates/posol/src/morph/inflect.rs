//! Inflection: the other forms of a parse's lexeme and the choice of one by grammemes.

use super::dict::Entry;
use super::parse::{Origin, Parse};
use super::tags::{bit, category_mask, fix_rare_cases, grammeme_id};
use super::Analyzer;

impl Analyzer {
    /// All forms of the lexeme of `p` (lower case), in paradigm order.
    pub(crate) fn lexeme(&'static self, p: &Parse) -> Vec<Parse> {
        match &p.origin {
            Origin::Paradigm {
                para, pre, post, ..
            } => {
                let Some(stem) = p.stem(self) else {
                    return Vec::new();
                };
                let n = self.dict.paradigm_len(*para);
                let mut out = Vec::with_capacity(n);
                for idx in 0..n as u16 {
                    let f = self.dict.form(*para, idx);
                    let fixed = format!("{}{}{}", f.prefix, stem, f.suffix);
                    let e = Entry { para: *para, idx };
                    if let Some(q) = self.paradigm_parse(&fixed, e, p.score, pre, post) {
                        out.push(q);
                    }
                }
                out
            }
            Origin::Pair(pair) => {
                let (l, r) = (&pair.0, &pair.1);
                let left = self.lexeme(l);
                let mut out = Vec::new();
                for rf in self.lexeme(r) {
                    let rg = self.gram(rf.tag_id);
                    let closest = left
                        .iter()
                        .min_by_key(|lf| (self.gram(lf.tag_id) ^ rg).count_ones());
                    if let Some(lf) = closest {
                        let word = format!("{}-{}", lf.word, rf.word);
                        let lemma = format!("{}-{}", lf.lemma, rf.lemma);
                        let origin = Origin::Pair(Box::new((lf.clone(), rf.clone())));
                        out.push(self.make(word, lemma, lf.tag_id, p.score, origin));
                    }
                }
                out
            }
            Origin::Fixed => vec![p.clone()],
        }
    }

    /// The grammeme set of a tag id (empty for an unknown id).
    pub(crate) fn gram(&self, tag: u16) -> u128 {
        self.tag_info(tag).map_or(0, |t| t.gram)
    }

    /// The form of `p`'s lexeme that has `grammemes` and is otherwise closest to `p`.
    pub(crate) fn inflect(&'static self, p: &Parse, grammemes: &[&str]) -> Option<Parse> {
        let mut required = 0u128;
        for g in grammemes {
            required |= 1u128 << grammeme_id(g)?;
        }
        if matches!(p.origin, Origin::Fixed) && self.gram(p.tag_id) & bit("Fixd") != 0 {
            return Some(p.clone());
        }
        let lexeme = self.lexeme(p);
        let has = |req: u128| {
            lexeme
                .iter()
                .filter(|f| self.gram(f.tag_id) & req == req)
                .collect::<Vec<_>>()
        };
        let mut possible = has(required);
        if possible.is_empty() {
            required = fix_rare_cases(required);
            possible = has(required);
        }
        let mut target = self.gram(p.tag_id);
        for g in grammemes {
            let b = fix_rare_cases(bit(g));
            target = (target & !category_mask(g)) | b;
        }
        let similarity = |f: &Parse| {
            let g = self.gram(f.tag_id);
            (target & g).count_ones() as f32 - 0.1 * (target ^ g).count_ones() as f32
        };
        let mut best: Option<(&Parse, f32)> = None;
        for f in possible {
            let s = similarity(f);
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((f, s));
            }
        }
        best.map(|(f, _)| f.clone())
    }
}
