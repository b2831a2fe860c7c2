//! Features of the document-level second pass: what the first pass over the whole
//! document said about each token.

use super::features::{at, t, TokInfo, BOS, EOS};
use super::hash::{key, key2, mix, KeyMap};

/// What the first pass over the whole document says about one token (for the
/// document-level second pass of the outer layer).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StackInfo {
    /// The first-pass outer tag.
    pub(crate) tag: u8,
    /// The type the first pass gave most often to this lemma elsewhere in the document
    /// (type index + 1, 0: never tagged elsewhere), with a bucket of how often.
    pub(crate) doc_type: u64,
    /// Matches of first-pass entity lemma sequences of the document (as the learned
    /// lexicon's labels).
    pub(crate) doc_lex: [u64; 2],
}

/// Computes [`StackInfo`] for every token of a document from the first-pass outer tags
/// `tags` (document token order) and the sentence `ranges`.
pub(crate) fn stack_info(
    infos: &[TokInfo],
    ranges: &[std::ops::Range<usize>],
    tags: &[u8],
) -> Vec<StackInfo> {
    let n = infos.len().min(tags.len());
    let mut out = vec![StackInfo::default(); infos.len()];
    // per lemma: occurrences, and the tokens covered by a first-pass entity of each type
    let mut counts: KeyMap<u64, (u32, [u16; 29])> = KeyMap::default();
    let mut own: Vec<Option<usize>> = vec![None; infos.len()];
    let mut sents = Vec::with_capacity(ranges.len());
    for r in ranges {
        let start = r.start.min(n);
        let r = start..r.end.clamp(start, n);
        let spans = super::tags::spans(&tags[r.clone()]);
        let mut ents = Vec::with_capacity(spans.len());
        for (a, b, ty) in spans {
            let ti = ty.index();
            if ti < 29 {
                ents.push((a, b, ti));
                for o in &mut own[r.start + a..r.start + b] {
                    *o = Some(ti);
                }
            }
        }
        sents.push((r, ents));
    }
    for i in 0..n {
        let e = counts.entry(infos[i].lemma).or_insert((0, [0; 29]));
        e.0 += 1;
        if let Some(t) = own[i] {
            e.1[t] = e.1[t].saturating_add(1);
        }
    }
    for i in 0..n {
        out[i].tag = tags[i];
        if let Some((occ, c)) = counts.get(&infos[i].lemma) {
            let mut c = *c;
            if let Some(t) = own[i] {
                c[t] = c[t].saturating_sub(1);
            }
            let others = occ.saturating_sub(1);
            let (best, k) = c
                .iter()
                .enumerate()
                .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
                .map_or((0, 0), |(i, &c)| (i, c));
            if others > 0 {
                let bucket = if k == 0 {
                    0
                } else if k as u32 * 2 >= others {
                    2
                } else {
                    1
                };
                out[i].doc_type = if k == 0 {
                    1
                } else {
                    mix(best as u64 + 2, bucket)
                };
            }
        }
    }
    // lemma sequences the first pass tagged somewhere in the document
    let lex = super::lexicon::Lexicon::build(
        sents.iter().map(|(r, ents)| (&infos[r.clone()], &ents[..])),
        false,
    );
    let mut tmp: Vec<TokInfo> = infos[..n].to_vec();
    for t in &mut tmp {
        t.lex = [0; 2];
    }
    for (r, _) in &sents {
        lex.annotate(&mut tmp[r.clone()]);
    }
    for (o, t) in out.iter_mut().zip(&tmp) {
        o.doc_lex = t.lex;
    }
    out
}

/// The document-level feature keys of token `i` of a sentence (`st`: its
/// [`StackInfo`]s, `s`: its token descriptions).
pub(crate) fn stack_features(s: &[TokInfo], st: &[StackInfo], i: usize, out: &mut Vec<u64>) {
    let tag = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            BOS
        } else {
            st.get(j as usize).map_or(EOS, |x| x.tag as u64)
        }
    };
    let Some(x) = st.get(i) else { return };
    let c = at(s, i, 0);
    let t0 = tag(0);
    out.push(key(t::STACK, t0));
    out.push(key(t::STACK + 1, tag(-1)));
    out.push(key(t::STACK + 2, tag(1)));
    out.push(key(t::STACK + 3, tag(-2)));
    out.push(key(t::STACK + 4, tag(2)));
    out.push(key2(t::STACK + 5, tag(-1), t0));
    out.push(key2(t::STACK + 6, t0, tag(1)));
    out.push(key2(t::STACK + 7, t0, c.shape));
    out.push(key2(t::STACK + 8, x.doc_type, c.flags as u64 & 1));
    out.push(key2(t::STACK + 9, x.doc_type, t0));
    for g in x.doc_lex {
        if g != 0 {
            out.push(key(t::STACK + 10, g));
            out.push(key2(t::STACK + 11, g, t0));
        }
    }
    for d in [-1isize, 1] {
        let j = i as isize + d;
        if j >= 0 {
            if let Some(y) = st.get(j as usize) {
                out.push(key2(t::STACK + 12 + (d > 0) as u64, y.doc_type, 0));
            }
        }
    }
}
