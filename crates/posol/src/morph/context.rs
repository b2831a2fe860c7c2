//! Choice of one parse per token in context: an averaged perceptron that scores the
//! dictionary's candidate parses with features of the word, its neighbours and the parse
//! chosen for the previous token (greedy, left to right).
//!
//! The weights (`data/morph-tagger.bin`) are trained by `posol-build morph-tagger` on the
//! UD Taiga training file; format: magic `POSOLTAG`, `u32` version, `u32` log2 of the
//! number of buckets, then one little-endian `f32` weight per bucket.

use super::parse::Parse;
use super::Analyzer;

const MAGIC: &[u8; 8] = b"POSOLTAG";
const VERSION: u32 = 1;
/// log2 of the number of hashed weight buckets.
const BITS: u32 = 19;
/// Candidates per token the model looks at (the rest keep dictionary order).
const MAX_CANDIDATES: usize = 12;

/// The context model; without weights it keeps the dictionary's order.
pub(crate) struct Tagger {
    weights: Vec<f32>,
    mask: u64,
}

/// One gold token for training the context model.
#[derive(Clone, Debug, Default)]
pub struct GoldToken {
    /// Surface form.
    pub form: String,
    /// Gold lemma.
    pub lemma: String,
    /// Gold UD part of speech.
    pub upos: String,
    /// Gold UD features (`_` if none).
    pub feats: String,
}

fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for &b in *p {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Lemma comparison key: lower case, `ё` as `е`.
pub(crate) fn lemma_key(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

fn case_of(feats: &str) -> &str {
    feats
        .split('|')
        .find_map(|f| f.strip_prefix("Case="))
        .unwrap_or("-")
}

fn agreement(feats: &str) -> String {
    let mut s = String::new();
    for f in feats.split('|') {
        if f.starts_with("Case=") || f.starts_with("Number=") || f.starts_with("Gender=") {
            s.push_str(f);
        }
    }
    s
}

fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}

/// Context of one position, shared by all its candidates.
struct Ctx<'a> {
    w0: &'a str,
    wp: &'a str,
    wn: &'a str,
    prev_upos: &'a str,
    prev_case: &'a str,
    prev_agr: String,
    next_upos: &'a str,
    suf3: &'a str,
    shape: &'a [u8],
}

fn features(ctx: &Ctx<'_>, c: &Parse, rank: usize, out: &mut Vec<u64>) {
    out.clear();
    let tag = c.tag.as_bytes();
    let upos = c.upos.as_bytes();
    let case = case_of(c.feats).as_bytes();
    let pc = [upos, case].concat();
    let rank_b = [rank.min(3) as u8];
    let score_b = [(c.score * 10.0).clamp(0.0, 10.0) as u8];
    let lemma_same = [(lemma_key(&c.lemma) == ctx.w0) as u8];
    let feats = c.feats.as_bytes();
    out.extend([
        fnv(&[b"t", tag]),
        fnv(&[b"tw", tag, ctx.w0.as_bytes()]),
        fnv(&[b"uw", upos, ctx.w0.as_bytes()]),
        fnv(&[b"lw", c.lemma.as_bytes(), ctx.w0.as_bytes()]),
        fnv(&[b"pc-wp", &pc, ctx.wp.as_bytes()]),
        fnv(&[b"pc-wn", &pc, ctx.wn.as_bytes()]),
        fnv(&[
            b"pc-pp",
            &pc,
            ctx.prev_upos.as_bytes(),
            ctx.prev_case.as_bytes(),
        ]),
        fnv(&[b"u-pu", upos, ctx.prev_upos.as_bytes()]),
        fnv(&[b"u-nu", upos, ctx.next_upos.as_bytes()]),
        fnv(&[
            b"agr",
            agreement(c.feats).as_bytes(),
            ctx.prev_agr.as_bytes(),
        ]),
        fnv(&[b"f-s3", feats, ctx.suf3.as_bytes()]),
        fnv(&[b"u-sh", upos, ctx.shape]),
        fnv(&[b"rank", &rank_b]),
        fnv(&[b"score", &score_b]),
        fnv(&[b"ls", &lemma_same, upos]),
        fnv(&[b"f", feats]),
    ]);
}

impl Tagger {
    /// Loads weights; an empty or invalid blob gives a model that keeps dictionary order.
    pub(crate) fn from_bytes(b: &[u8]) -> Tagger {
        let empty = Tagger {
            weights: Vec::new(),
            mask: 0,
        };
        if b.len() < 16 || &b[..8] != MAGIC {
            return empty;
        }
        let word = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let bits = word(12);
        if word(8) != VERSION || bits > 24 || b.len() != 16 + (4usize << bits) {
            return empty;
        }
        let weights = b[16..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Tagger {
            weights,
            mask: (1u64 << bits) - 1,
        }
    }

    fn score(&self, feats: &[u64]) -> f32 {
        feats
            .iter()
            .map(|f| {
                self.weights
                    .get((f & self.mask) as usize)
                    .copied()
                    .unwrap_or(0.0)
            })
            .sum()
    }

    /// Reorders each token's candidates so that the chosen parse comes first.
    pub(crate) fn rank(
        &self,
        _a: &Analyzer,
        words: &[&str],
        mut cands: Vec<Vec<Parse>>,
    ) -> Vec<Vec<Parse>> {
        if self.weights.is_empty() {
            return cands;
        }
        let lowers: Vec<String> = words.iter().map(|w| lemma_key(w)).collect();
        let mut buf = Vec::new();
        for i in 0..cands.len() {
            let best = {
                let ctx = context(words, &lowers, &cands, i);
                let mut best = (0, f32::MIN);
                for (r, c) in cands[i].iter().take(MAX_CANDIDATES).enumerate() {
                    features(&ctx, c, r, &mut buf);
                    let s = self.score(&buf);
                    if s > best.1 {
                        best = (r, s);
                    }
                }
                best.0
            };
            if best > 0 {
                let chosen = cands[i].remove(best);
                cands[i].insert(0, chosen);
            }
        }
        cands
    }
}

fn context<'a>(
    words: &'a [&str],
    lowers: &'a [String],
    cands: &'a [Vec<Parse>],
    i: usize,
) -> Ctx<'a> {
    let get = |j: Option<usize>| j.and_then(|j| lowers.get(j)).map_or("<s>", |s| s.as_str());
    let prev = i.checked_sub(1).and_then(|j| cands[j].first());
    let next = cands.get(i + 1).and_then(|c| c.first());
    let w = words[i];
    let shape: &[u8] = if i == 0 {
        b"first"
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        b"cap"
    } else {
        b"low"
    };
    Ctx {
        w0: &lowers[i],
        wp: get(i.checked_sub(1)),
        wn: get(Some(i + 1)),
        prev_upos: prev.map_or("<s>", |p| p.upos),
        prev_case: prev.map_or("-", |p| case_of(p.feats)),
        prev_agr: prev.map_or(String::new(), |p| agreement(p.feats)),
        next_upos: next.map_or("</s>", |p| p.upos),
        suf3: suffix(&lowers[i], 3),
        shape,
    }
}

/// How well a candidate matches a gold token (lemma first, then UPOS, then features).
fn gold_match(c: &Parse, g: &GoldToken) -> i32 {
    let mut s = 0;
    if lemma_key(&c.lemma) == lemma_key(&g.lemma) {
        s += 8;
    }
    if c.upos == g.upos {
        s += 4;
    }
    let gf: Vec<&str> = g.feats.split('|').collect();
    s += c.feats.split('|').filter(|f| gf.contains(f)).count() as i32;
    s
}

impl Analyzer {
    /// Trains the context model on gold sentences (averaged perceptron, fixed order, so
    /// deterministic) and returns the serialized weights for `data/morph-tagger.bin`.
    pub fn train_tagger(&'static self, sentences: &[Vec<GoldToken>], epochs: usize) -> Vec<u8> {
        let n = 1usize << BITS;
        let mask = (n - 1) as u64;
        let mut w = vec![0f32; n];
        let mut total = vec![0f64; n];
        let mut stamp = vec![0u64; n];
        let mut t: u64 = 0;
        type Prepared<'s> = (Vec<&'s str>, Vec<Vec<Parse>>, Vec<usize>);
        let data: Vec<Prepared<'_>> = sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.iter().map(|g| g.form.as_str()).collect();
                let cands: Vec<Vec<Parse>> = words.iter().map(|w| self.parse(w)).collect();
                let gold = cands
                    .iter()
                    .zip(s)
                    .map(|(c, g)| {
                        let mut best = (0, i32::MIN);
                        for (r, p) in c.iter().take(MAX_CANDIDATES).enumerate() {
                            let m = gold_match(p, g);
                            if m > best.1 {
                                best = (r, m);
                            }
                        }
                        best.0
                    })
                    .collect();
                (words, cands, gold)
            })
            .collect();
        let mut buf = Vec::new();
        let mut gbuf = Vec::new();
        for _ in 0..epochs {
            for (words, orig, gold) in &data {
                let lowers: Vec<String> = words.iter().map(|w| lemma_key(w)).collect();
                let mut cands = orig.clone();
                for i in 0..cands.len() {
                    let ctx = context(words, &lowers, &cands, i);
                    let mut best = (0, f32::MIN);
                    for (r, c) in cands[i].iter().take(MAX_CANDIDATES).enumerate() {
                        features(&ctx, c, r, &mut buf);
                        let s: f32 = buf.iter().map(|f| w[(f & mask) as usize]).sum();
                        if s > best.1 {
                            best = (r, s);
                        }
                    }
                    t += 1;
                    let g = gold[i];
                    if best.0 != g {
                        features(&ctx, &cands[i][g], g, &mut gbuf);
                        features(&ctx, &cands[i][best.0], best.0, &mut buf);
                        for (fs, delta) in [(&gbuf, 1f32), (&buf, -1f32)] {
                            for f in fs.iter() {
                                let k = (f & mask) as usize;
                                total[k] += (t - stamp[k]) as f64 * w[k] as f64;
                                stamp[k] = t;
                                w[k] += delta;
                            }
                        }
                    }
                    // keep the gold parse as context when training (teacher forcing)
                    if g > 0 {
                        let chosen = cands[i].remove(g);
                        cands[i].insert(0, chosen);
                    }
                }
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&BITS.to_le_bytes());
        for k in 0..n {
            let avg = (total[k] + (t - stamp[k]) as f64 * w[k] as f64) / t.max(1) as f64;
            out.extend_from_slice(&(avg as f32).to_le_bytes());
        }
        out
    }
}
