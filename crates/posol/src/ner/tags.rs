//! BILOU tags and constrained Viterbi decoding.
//!
//! Tag 0 is `O`; type `k` (an [`EntityType`] index) has tags `1 + 4k + {B, I, L, U}`.
//! Decoding only ever produces well-formed sequences: every entity opens with `B` and
//! closes with `L`, or is a single `U`; `I`/`L` only follow `B`/`I` of the same type.

use super::types::EntityType;

/// Number of entity types.
pub(crate) const N_TYPES: usize = 29;
/// Number of BILOU tags (`O` plus four per type).
pub(crate) const N_TAGS: usize = 1 + 4 * N_TYPES;

/// Position of a tag inside its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

/// The tag of part `part` of an entity of type index `ty`.
pub(crate) fn tag(part: Part, ty: usize) -> usize {
    match part {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * ty,
        Part::Inside => 2 + 4 * ty,
        Part::Last => 3 + 4 * ty,
        Part::Unit => 4 + 4 * ty,
    }
}

/// The part of tag `t`.
pub(crate) fn part(t: usize) -> Part {
    if t == 0 {
        return Part::Outside;
    }
    match (t - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    }
}

/// The type index of tag `t` (`None` for `O`).
pub(crate) fn type_of(t: usize) -> Option<usize> {
    (t > 0).then(|| (t - 1) / 4)
}

/// Whether tag `t` may start after a finished entity or `O` (`O`, `B`, `U`).
fn opens(t: usize) -> bool {
    matches!(part(t), Part::Outside | Part::Begin | Part::Unit)
}

/// Whether an entity continues after tag `t` (`B`, `I`).
fn continues(t: usize) -> bool {
    matches!(part(t), Part::Begin | Part::Inside)
}

/// Per-token constraints of one layer (an inner layer must nest in its parent layer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    /// The token may belong to an entity.
    pub(crate) open: bool,
    /// An entity may continue from the previous token into this one.
    pub(crate) join_prev: bool,
    /// An entity may continue from this token into the next one.
    pub(crate) join_next: bool,
}

impl Slot {
    /// No constraint.
    pub(crate) const FREE: Slot = Slot {
        open: true,
        join_prev: true,
        join_next: true,
    };

    fn allows(self, t: usize) -> bool {
        if t == 0 {
            return true;
        }
        if !self.open {
            return false;
        }
        let p = part(t);
        if matches!(p, Part::Inside | Part::Last) && !self.join_prev {
            return false;
        }
        !matches!(p, Part::Begin | Part::Inside) || self.join_next
    }
}

/// Constraints for an inner layer from the parent layer's tags: tokens outside parent
/// entities stay `O`, and no inner entity crosses a parent boundary.
pub(crate) fn nested_slots(parent: &[u8]) -> Vec<Slot> {
    parent
        .iter()
        .map(|&t| {
            let p = part(t as usize);
            Slot {
                open: p != Part::Outside,
                join_prev: matches!(p, Part::Inside | Part::Last),
                join_next: matches!(p, Part::Begin | Part::Inside),
            }
        })
        .collect()
}

/// Reusable buffers for [`viterbi`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    delta: Vec<f32>,
    next: Vec<f32>,
    back: Vec<u8>,
}

/// Tags that may start after a finished entity or `O` (`O`, `B`, `U`): as many as
/// [`CLOSED`] tags.
const N_OPEN: usize = 1 + 2 * N_TYPES;
/// Lanes of one compact transition row (`N_OPEN` rounded up to a multiple of 8).
const LANES: usize = N_OPEN.div_ceil(8) * 8;

/// The tags after which an entity is finished (`O`, `L`, `U`), ascending.
const CLOSED: [u8; N_OPEN] = {
    let mut out = [0u8; N_OPEN];
    let mut k = 0;
    while k < N_TYPES {
        out[1 + 2 * k] = (3 + 4 * k) as u8;
        out[2 + 2 * k] = (4 + 4 * k) as u8;
        k += 1;
    }
    out
};

/// Transition scores prepared for decoding: the full matrix and, for every opening tag,
/// a contiguous row of scores from the closing tags (padded to [`LANES`]), which makes
/// the inner maximum of Viterbi a short vectorizable loop.
#[derive(Debug, Clone)]
pub(crate) struct Trans {
    full: Vec<f32>,
    /// `open[row_of(t) * LANES + j]` = `full[CLOSED[j] * N_TAGS + t]` for opening tags.
    open: Vec<f32>,
    /// The largest spread (max − min) of one opening tag's scores from closing tags:
    /// a closing tag whose path score trails the best one by more than this can never
    /// be the best predecessor of an opening tag.
    spread: f32,
}

/// The compact row of an opening tag `t` (`O` → 0, `B`/`U` of type k → 1 + 2k / 2 + 2k).
fn open_row(t: usize) -> usize {
    if t == 0 {
        0
    } else {
        let k = (t - 1) / 4;
        if part(t) == Part::Begin {
            1 + 2 * k
        } else {
            2 + 2 * k
        }
    }
}

impl Trans {
    /// Prepares `trans` (`N_TAGS * N_TAGS`, `trans[prev * N_TAGS + next]`; missing
    /// scores count as 0).
    pub(crate) fn new(trans: &[f32]) -> Trans {
        let mut full = trans.to_vec();
        full.resize(N_TAGS * N_TAGS, 0.0);
        let mut open = vec![f32::NEG_INFINITY; N_OPEN * LANES];
        for t in (0..N_TAGS).filter(|&t| opens(t)) {
            let r = open_row(t);
            for (j, &p) in CLOSED.iter().enumerate() {
                open[r * LANES + j] = full[p as usize * N_TAGS + t];
            }
        }
        let spread = open
            .chunks_exact(LANES)
            .map(|r| {
                let r = &r[..N_OPEN];
                let hi = r.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
                let lo = r.iter().fold(f32::INFINITY, |a, &b| a.min(b));
                hi - lo
            })
            .fold(0.0f32, f32::max);
        let spread = if spread.is_finite() {
            spread
        } else {
            f32::INFINITY
        };
        Trans { full, open, spread }
    }
}

/// Most candidate predecessors scanned one by one; more use [`best_sum`].
const FEW: usize = 12;

/// Best of `a[j] + b[j]` and the first `j` reaching it (`None` if all are `-inf`).
#[inline]
fn best_sum(a: &[f32; LANES], b: &[f32]) -> Option<(f32, usize)> {
    let b: &[f32; LANES] = b.try_into().ok()?;
    let mut m = [f32::NEG_INFINITY; 8];
    for c in 0..LANES / 8 {
        for l in 0..8 {
            let s = a[c * 8 + l] + b[c * 8 + l];
            m[l] = if s > m[l] { s } else { m[l] };
        }
    }
    let best = m
        .iter()
        .fold(f32::NEG_INFINITY, |x, &y| if y > x { y } else { x });
    if best == f32::NEG_INFINITY {
        return None;
    }
    (0..LANES).find(|&j| a[j] + b[j] == best).map(|j| (best, j))
}

/// Best well-formed tag sequence for `emit` (`n * N_TAGS` scores, row-major) under the
/// transition scores `trans` and the per-token `slots`. Writes one tag per token into
/// `out`. Tokens whose slot admits only `O` ignore their emission scores (every path
/// passes through the same `O` there).
pub(crate) fn viterbi(
    emit: &[f32],
    trans: &Trans,
    slots: &[Slot],
    scratch: &mut Scratch,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = slots.len().min(emit.len() / N_TAGS);
    if n == 0 {
        return;
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let full = &trans.full;
    let Scratch { delta, next, back } = scratch;
    delta.clear();
    delta.resize(N_TAGS, NEG);
    next.clear();
    next.resize(N_TAGS, NEG);
    back.clear();
    back.resize(n * N_TAGS, 0);
    for t in 0..N_TAGS {
        let last_ok = n > 1 || !continues(t);
        if opens(t) && slots[0].allows(t) && last_ok {
            delta[t] = emit[t];
        }
    }
    let mut closed = [NEG; LANES];
    for i in 1..n {
        let row = &emit[i * N_TAGS..(i + 1) * N_TAGS];
        let slot = slots[i];
        let final_pos = i + 1 == n;
        for (c, &p) in closed.iter_mut().zip(CLOSED.iter()) {
            *c = delta[p as usize];
        }
        // Closing tags that can still be the best predecessor of some opening tag
        // (ascending); the others trail the leader by more than any transition spread.
        let lead = closed.iter().fold(NEG, |a, &b| a.max(b));
        let margin = trans.spread + 1e-4 * (1.0 + lead.abs() + trans.spread);
        let (mut cand, mut n_cand) = ([0u8; N_OPEN], 0usize);
        if lead > NEG && margin.is_finite() {
            for (j, &c) in closed[..N_OPEN].iter().enumerate() {
                if c >= lead - margin {
                    if n_cand == FEW {
                        n_cand = usize::MAX;
                        break;
                    }
                    cand[n_cand] = j as u8;
                    n_cand += 1;
                }
            }
        } else {
            n_cand = usize::MAX;
        }
        next.fill(NEG);
        let upto = if slot.open { N_TAGS } else { 1 };
        for t in 0..upto {
            if !slot.allows(t) || (final_pos && continues(t)) {
                continue;
            }
            let found = if opens(t) {
                let r = open_row(t) * LANES;
                let row = &trans.open[r..r + LANES];
                if n_cand <= FEW {
                    let (mut best, mut arg) = (NEG, 0usize);
                    for &j in &cand[..n_cand] {
                        let s = closed[j as usize] + row[j as usize];
                        if s > best {
                            best = s;
                            arg = j as usize;
                        }
                    }
                    (best > NEG).then_some((best, CLOSED[arg] as usize))
                } else {
                    best_sum(&closed, row).map(|(s, j)| (s, CLOSED[j] as usize))
                }
            } else {
                let base = t - (t - 1) % 4; // the B tag of this type
                let (mut best, mut arg) = (NEG, 0usize);
                for p in [base, base + 1] {
                    if delta[p] == NEG {
                        continue;
                    }
                    let s = delta[p] + full[p * N_TAGS + t];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                (best > NEG).then_some((best, arg))
            };
            if let Some((best, arg)) = found {
                next[t] = best + row[t];
                back[i * N_TAGS + t] = arg as u8;
            }
        }
        std::mem::swap(delta, next);
    }
    let mut t =
        (0..N_TAGS)
            .filter(|&t| !continues(t))
            .fold(0, |a, t| if delta[t] > delta[a] { t } else { a });
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t as u8;
        if i > 0 {
            t = back[i * N_TAGS + t] as usize;
        }
    }
    // The `O` path is always feasible, so the result is well formed; guard anyway.
    if !well_formed(out) {
        out.iter_mut().for_each(|t| *t = 0);
    }
}

/// Whether a tag sequence is well formed (every entity properly opened and closed).
pub(crate) fn well_formed(tags: &[u8]) -> bool {
    let mut open: Option<usize> = None;
    for &t in tags {
        let t = t as usize;
        if t >= N_TAGS {
            return false;
        }
        match (open, part(t)) {
            (None, Part::Outside) => {}
            (None, Part::Begin) => open = type_of(t),
            (None, Part::Unit) => {}
            (Some(k), Part::Inside) if type_of(t) == Some(k) => {}
            (Some(k), Part::Last) if type_of(t) == Some(k) => open = None,
            _ => return false,
        }
    }
    open.is_none()
}

/// The entities of a well-formed tag sequence as `(first token, last token + 1, type)`.
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &t) in tags.iter().enumerate() {
        let t = t as usize;
        let ty = type_of(t).and_then(EntityType::from_index);
        match (part(t), ty) {
            (Part::Begin, _) => start = i,
            (Part::Last, Some(ty)) => out.push((start, i + 1, ty)),
            (Part::Unit, Some(ty)) => out.push((i, i + 1, ty)),
            _ => {}
        }
    }
    out
}

/// Encodes non-overlapping entities `(first token, end token, type index)` as BILOU tags.
pub(crate) fn encode(n: usize, ents: &[(usize, usize, usize)], out: &mut Vec<u8>) {
    out.clear();
    out.resize(n, 0);
    for &(a, b, ty) in ents {
        if a >= b || b > n {
            continue;
        }
        if b - a == 1 {
            out[a] = tag(Part::Unit, ty) as u8;
        } else {
            out[a] = tag(Part::Begin, ty) as u8;
            for t in &mut out[a + 1..b - 1] {
                *t = tag(Part::Inside, ty) as u8;
            }
            out[b - 1] = tag(Part::Last, ty) as u8;
        }
    }
}
