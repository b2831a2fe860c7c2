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
    /// per tag id of the analyzer's table
    tags: Vec<TagHashes>,
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

const FNV_PRIME: u64 = 0x100000001b3;

/// An FNV-1a hash in progress over parts that each end with the byte `0xff` mixed in;
/// lets feature hashes that start with the same parts share that work.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf29ce484222325);

    /// Adds bytes to the current part.
    fn add(self, bytes: &[u8]) -> Fnv {
        let mut h = self.0;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
        Fnv(h)
    }

    /// Adds bytes and ends the part.
    fn part(self, bytes: &[u8]) -> Fnv {
        let h = self.add(bytes).0;
        Fnv((h ^ 0xff).wrapping_mul(FNV_PRIME))
    }
}

fn fnv(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(Fnv::START, |h, p| h.part(p)).0
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
    prev_agr: std::borrow::Cow<'a, str>,
    next_upos: &'a str,
    suf3: &'a str,
    shape: &'a [u8],
}

/// The feature-hash prefixes that depend on a candidate's UPOS and case only.
#[derive(Clone, Debug)]
struct UposHashes {
    uw: Fnv,
    pc_wp: Fnv,
    pc_wn: Fnv,
    pc_pp: Fnv,
    u_pu: Fnv,
    u_nu: Fnv,
    u_sh: Fnv,
    /// `ls` feature, complete, for lemma ≠ word and lemma = word
    ls: [u64; 2],
}

impl UposHashes {
    fn new(upos: &str, case: &str) -> UposHashes {
        let (u, c) = (upos.as_bytes(), case.as_bytes());
        let pc = |name: &[u8]| Fnv::START.part(name).add(u).part(c);
        UposHashes {
            uw: Fnv::START.part(b"uw").part(u),
            pc_wp: pc(b"pc-wp"),
            pc_wn: pc(b"pc-wn"),
            pc_pp: pc(b"pc-pp"),
            u_pu: Fnv::START.part(b"u-pu").part(u),
            u_nu: Fnv::START.part(b"u-nu").part(u),
            u_sh: Fnv::START.part(b"u-sh").part(u),
            ls: [fnv(&[b"ls", &[0], u]), fnv(&[b"ls", &[1], u])],
        }
    }
}

/// Everything about a tag the features use, computed once per tag of the table.
#[derive(Clone, Debug)]
pub(crate) struct TagHashes {
    tag: Box<str>,
    upos: &'static str,
    feats: Box<str>,
    case: Box<str>,
    agr: Box<str>,
    t: u64,
    f: u64,
    tw: Fnv,
    agr_h: Fnv,
    fs3: Fnv,
    /// prefixes for the tag's own UPOS (a candidate whose UPOS was refined by its
    /// lemma, e.g. AUX for `быть`, computes them anew)
    base: UposHashes,
}

impl TagHashes {
    pub(crate) fn new(tag: &str, upos: &'static str, feats: &str) -> TagHashes {
        let (t, f) = (tag.as_bytes(), feats.as_bytes());
        let case = case_of(feats);
        let agr = agreement(feats);
        TagHashes {
            tag: tag.into(),
            upos,
            feats: feats.into(),
            case: case.into(),
            t: fnv(&[b"t", t]),
            f: fnv(&[b"f", f]),
            tw: Fnv::START.part(b"tw").part(t),
            agr_h: Fnv::START.part(b"agr").part(agr.as_bytes()),
            fs3: Fnv::START.part(b"f-s3").part(f),
            base: UposHashes::new(upos, case),
            agr: agr.into(),
        }
    }

    fn matches(&self, c: &Parse) -> bool {
        *self.tag == *c.tag && *self.feats == *c.feats
    }
}

/// Whether `lemma_key(lemma) == key`, without allocating for the usual alphabets.
fn lemma_key_is(lemma: &str, key: &str) -> bool {
    let mut k = key.chars();
    for c in lemma.chars() {
        let m = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\0'..='\u{7f}' | 'а'..='я' | 'ѐ' | 'ђ'..='џ' => c,
            'ё' | 'Ё' => 'е',
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            _ => return lemma_key(lemma) == key,
        };
        if k.next() != Some(m) {
            return false;
        }
    }
    k.next().is_none()
}

/// The features of candidate `c` at rank `rank` (hashes; see `features_reference` in
/// the tests for their plain definition). `th`: the candidate's tag data, if known.
fn features(ctx: &Ctx<'_>, c: &Parse, rank: usize, th: Option<&TagHashes>, out: &mut Vec<u64>) {
    out.clear();
    let owned;
    let th = match th {
        Some(th) if th.matches(c) => th,
        _ => {
            owned = TagHashes::new(c.tag, c.upos, c.feats);
            &owned
        }
    };
    let refined;
    let u = if th.upos == c.upos {
        &th.base
    } else {
        refined = UposHashes::new(c.upos, &th.case);
        &refined
    };
    let w0 = ctx.w0.as_bytes();
    let rank_b = [rank.min(3) as u8];
    let score_b = [(c.score * 10.0).clamp(0.0, 10.0) as u8];
    let lemma_same = lemma_key_is(&c.lemma, ctx.w0) as usize;
    out.extend([
        th.t,
        th.tw.part(w0).0,
        u.uw.part(w0).0,
        fnv(&[b"lw", c.lemma.as_bytes(), w0]),
        u.pc_wp.part(ctx.wp.as_bytes()).0,
        u.pc_wn.part(ctx.wn.as_bytes()).0,
        u.pc_pp
            .part(ctx.prev_upos.as_bytes())
            .part(ctx.prev_case.as_bytes())
            .0,
        u.u_pu.part(ctx.prev_upos.as_bytes()).0,
        u.u_nu.part(ctx.next_upos.as_bytes()).0,
        th.agr_h.part(ctx.prev_agr.as_bytes()).0,
        th.fs3.part(ctx.suf3.as_bytes()).0,
        u.u_sh.part(ctx.shape).0,
        fnv(&[b"rank", &rank_b]),
        fnv(&[b"score", &score_b]),
        u.ls[lemma_same],
        th.f,
    ]);
}

impl Tagger {
    /// Loads weights; an empty or invalid blob gives a model that keeps dictionary order.
    pub(crate) fn from_bytes(b: &[u8]) -> Tagger {
        let empty = Tagger {
            weights: Vec::new(),
            mask: 0,
            tags: Vec::new(),
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
            tags: Vec::new(),
        }
    }

    /// Precomputes the per-tag parts of the features for the analyzer's tag table.
    pub(crate) fn set_tags(&mut self, tags: Vec<TagHashes>) {
        self.tags = tags;
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
                let ctx = context(words, &lowers, &cands, i, &self.tags);
                let mut best = (0, f32::MIN);
                for (r, c) in cands[i].iter().take(MAX_CANDIDATES).enumerate() {
                    let th = self.tags.get(c.tag_id as usize);
                    features(&ctx, c, r, th, &mut buf);
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
    tags: &'a [TagHashes],
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
        prev_agr: match prev {
            None => "".into(),
            Some(p) => match tags.get(p.tag_id as usize) {
                Some(th) if th.matches(p) => (&*th.agr).into(),
                _ => agreement(p.feats).into(),
            },
        },
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
        let tags = &self.tagger.tags;
        for _ in 0..epochs {
            for (words, orig, gold) in &data {
                let lowers: Vec<String> = words.iter().map(|w| lemma_key(w)).collect();
                let mut cands = orig.clone();
                for i in 0..cands.len() {
                    let ctx = context(words, &lowers, &cands, i, tags);
                    let mut best = (0, f32::MIN);
                    for (r, c) in cands[i].iter().take(MAX_CANDIDATES).enumerate() {
                        features(&ctx, c, r, tags.get(c.tag_id as usize), &mut buf);
                        let s: f32 = buf.iter().map(|f| w[(f & mask) as usize]).sum();
                        if s > best.1 {
                            best = (r, s);
                        }
                    }
                    t += 1;
                    let g = gold[i];
                    if best.0 != g {
                        let (gc, bc) = (&cands[i][g], &cands[i][best.0]);
                        features(&ctx, gc, g, tags.get(gc.tag_id as usize), &mut gbuf);
                        features(&ctx, bc, best.0, tags.get(bc.tag_id as usize), &mut buf);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition of the features, as the weights were trained with.
    fn features_reference(ctx: &Ctx<'_>, c: &Parse, rank: usize, out: &mut Vec<u64>) {
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

    #[test]
    fn fast_features_match_reference() {
        let a = Analyzer::global();
        let text = "Президент Казахстана Касым-Жомарт Токаев был в Риме , где встретился \
                    с ЕЩЁ одним Маттареллой и Мелони и говорил по-русски о торгово-экономических \
                    связях ; ΣΑΣ Reuters 2024 XXI « » кто-нибудь Ёлка стали";
        let words: Vec<&str> = text.split_whitespace().collect();
        let lowers: Vec<String> = words.iter().map(|w| lemma_key(w)).collect();
        let cands: Vec<Vec<Parse>> = words.iter().map(|w| a.parse(w)).collect();
        let (mut fast, mut slow, mut plain) = (Vec::new(), Vec::new(), Vec::new());
        let mut checked = 0;
        for i in 0..words.len() {
            let ctx = context(&words, &lowers, &cands, i, &a.tagger.tags);
            let ctx_plain = context(&words, &lowers, &cands, i, &[]);
            assert_eq!(ctx.prev_agr, ctx_plain.prev_agr);
            for (r, c) in cands[i].iter().enumerate() {
                let th = a.tagger.tags.get(c.tag_id as usize);
                features(&ctx, c, r, th, &mut fast);
                features(&ctx_plain, c, r, None, &mut plain);
                features_reference(&ctx_plain, c, r, &mut slow);
                assert_eq!(fast, slow, "{} {c:?}", words[i]);
                assert_eq!(plain, slow, "{} {c:?}", words[i]);
                checked += 1;
            }
        }
        assert!(checked > words.len());
    }

    #[test]
    fn lemma_key_comparison() {
        for (lemma, key) in [
            ("ещё", "еще"),
            ("ЕЩЁ", "еще"),
            ("Reuters", "reuters"),
            ("σας", "σας"),
            ("ΣΑΣ", "σας"),
            ("а", "аб"),
            ("аб", "а"),
            ("", ""),
        ] {
            assert_eq!(lemma_key_is(lemma, key), lemma_key(lemma) == key, "{lemma}");
        }
    }
}
