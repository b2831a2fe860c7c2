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

/// Transition scores prepared for decoding: for every closing tag, a contiguous row of
/// scores to the opening tags (padded to [`LANES`]), which makes the best predecessors
/// of all opening tags a few short vectorizable loops; and per type the scores between
/// its own tags.
#[derive(Debug, Clone)]
pub(crate) struct Trans {
    /// The scores from closing to opening tags, by closing tag:
    /// `by_closed[j * LANES + open_row(t)]` = `full[CLOSED[j] * N_TAGS + t]`.
    by_closed: Vec<f32>,
    /// Per type, the scores of `B` → `I`, `I` → `I`, `B` → `L` and `I` → `L`.
    cont: Vec<[f32; 4]>,
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
        let mut by_closed = vec![f32::NEG_INFINITY; N_OPEN * LANES];
        for r in 0..N_OPEN {
            for j in 0..N_OPEN {
                by_closed[j * LANES + r] = open[r * LANES + j];
            }
        }
        let cont = (0..N_TYPES)
            .map(|k| {
                let (b, i, l) = (1 + 4 * k, 2 + 4 * k, 3 + 4 * k);
                let at = |p: usize, t: usize| full[p * N_TAGS + t];
                [at(b, i), at(i, i), at(b, l), at(i, l)]
            })
            .collect();
        Trans {
            by_closed,
            cont,
            spread,
        }
    }
}

/// Most candidate predecessors scanned one by one; more mean all are scanned.
const FEW: usize = 12;

/// For every opening tag (by compact row), the best score of `closed[j] + by_closed[j]`
/// over the closing tags `js` (ascending) and the first `j` reaching it.
#[inline]
fn best_openings(
    closed: &[f32; LANES],
    by_closed: &[f32],
    js: impl Iterator<Item = usize>,
    best: &mut [f32; LANES],
    arg: &mut [u32; LANES],
) {
    best.fill(f32::NEG_INFINITY);
    arg.fill(0);
    for j in js {
        let (Some(&c), Some(row)) = (closed.get(j), by_closed.get(j * LANES..(j + 1) * LANES))
        else {
            continue;
        };
        for ((b, a), &t) in best.iter_mut().zip(arg.iter_mut()).zip(row) {
            let s = c + t;
            let better = s > *b;
            *b = if better { s } else { *b };
            *a = if better { j as u32 } else { *a };
        }
    }
}

/// Best well-formed tag sequence for `emit` (`n * N_TAGS` scores, row-major) under the
/// transition scores `trans` and the per-token `slots`. Writes one tag per token into
/// `out`. Tokens whose slot admits only `O` ignore their emission scores (every path
/// passes through the same `O` there).
///
/// Per token, the opening tags (`O`, `B`, `U`) take the best finished path (ending in
/// `O`, `L` or `U`): scanned for all opening tags at once, one closing tag at a time
/// (only the closing tags that can still win, when they are few); the continuing tags
/// (`I`, `L`) take the better of the `B` and `I` of their type.
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
    let (mut best, mut arg) = ([NEG; LANES], [0u32; LANES]);
    for i in 1..n {
        let row = &emit[i * N_TAGS..(i + 1) * N_TAGS];
        let back = &mut back[i * N_TAGS..(i + 1) * N_TAGS];
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
        let by_closed = &trans.by_closed;
        // only `O` outside a parent entity
        if n_cand <= FEW {
            let js = cand[..n_cand].iter().map(|&j| j as usize);
            best_openings(&closed, by_closed, js, &mut best, &mut arg);
        } else {
            best_openings(&closed, by_closed, 0..N_OPEN, &mut best, &mut arg);
        }
        if best[0] > NEG {
            next[0] = best[0] + row[0];
            back[0] = CLOSED[arg[0] as usize];
        }
        if slot.open {
            let allow_b = slot.join_next && !final_pos;
            let allow_i = slot.join_prev && slot.join_next && !final_pos;
            let allow_l = slot.join_prev;
            for (k, cont) in trans.cont.iter().enumerate() {
                let b = 1 + 4 * k;
                for (r, t, ok) in [(1 + 2 * k, b, allow_b), (2 + 2 * k, b + 3, true)] {
                    if ok && best[r] > NEG {
                        next[t] = best[r] + row[t];
                        back[t] = CLOSED[arg[r] as usize];
                    }
                }
                // `I` and `L` continue the `B` or `I` of their type
                for (t, ok, from) in [
                    (b + 1, allow_i, [cont[0], cont[1]]),
                    (b + 2, allow_l, [cont[2], cont[3]]),
                ] {
                    if !ok {
                        continue;
                    }
                    let (mut top, mut arg) = (NEG, 0usize);
                    for (p, tr) in [b, b + 1].into_iter().zip(from) {
                        if delta[p] == NEG {
                            continue;
                        }
                        let s = delta[p] + tr;
                        if s > top {
                            top = s;
                            arg = p;
                        }
                    }
                    if top > NEG {
                        next[t] = top + row[t];
                        back[t] = arg as u8;
                    }
                }
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
