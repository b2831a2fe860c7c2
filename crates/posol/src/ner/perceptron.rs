//! The averaged perceptron the entity layers are trained with, and the mean of several
//! perceptrons trained over different document orders (`train-ner --shuffles`).

use super::tags::{viterbi, Scratch, Slot, Trans, N_TAGS};

/// One training sequence: feature ids per token, gold tags, constraints.
pub(super) struct Seq {
    pub(super) offs: Vec<u32>,
    pub(super) ids: Vec<u32>,
    pub(super) gold: Vec<u8>,
    pub(super) slots: Vec<Slot>,
}

#[derive(Clone, Copy)]
struct W {
    tag: u8,
    w: f32,
    u: f32,
}

/// One feature's averaged weights: (feature key, [(tag, weight)]).
pub(super) type Row = (u64, Vec<(u8, f32)>);

/// Averaged perceptron with sparse rows.
pub(super) struct Perceptron {
    rows: Vec<Vec<W>>,
    trans: Vec<f32>,
    trans_u: Vec<f32>,
    /// `trans` prepared for decoding; `None` after an update.
    prepared: Option<Trans>,
    c: f32,
}

impl Perceptron {
    pub(super) fn new(n_feats: usize) -> Self {
        Perceptron {
            rows: vec![Vec::new(); n_feats],
            trans: vec![0.0; N_TAGS * N_TAGS],
            trans_u: vec![0.0; N_TAGS * N_TAGS],
            prepared: None,
            c: 1.0,
        }
    }

    fn add(&mut self, id: u32, tag: u8, d: f32) {
        let row = &mut self.rows[id as usize];
        let c = self.c;
        match row.iter_mut().find(|w| w.tag == tag) {
            Some(w) => {
                w.w += d;
                w.u += c * d;
            }
            None => row.push(W {
                tag,
                w: d,
                u: c * d,
            }),
        }
    }

    fn train_seq(
        &mut self,
        s: &Seq,
        emit: &mut Vec<f32>,
        scratch: &mut Scratch,
        pred: &mut Vec<u8>,
    ) {
        let n = s.gold.len();
        emit.clear();
        emit.resize(n * N_TAGS, 0.0);
        for i in 0..n {
            let row = &mut emit[i * N_TAGS..(i + 1) * N_TAGS];
            for &id in &s.ids[s.offs[i] as usize..s.offs[i + 1] as usize] {
                for w in &self.rows[id as usize] {
                    row[w.tag as usize] += w.w;
                }
            }
        }
        let trans = self.prepared.get_or_insert_with(|| Trans::new(&self.trans));
        viterbi(emit, trans, &s.slots, scratch, pred);
        if pred.len() != n {
            return;
        }
        if pred[..] != s.gold[..] {
            for i in 0..n {
                let (g, p) = (s.gold[i], pred[i]);
                if g != p {
                    for k in s.offs[i] as usize..s.offs[i + 1] as usize {
                        let id = s.ids[k];
                        self.add(id, g, 1.0);
                        self.add(id, p, -1.0);
                    }
                }
                if i > 0 {
                    let (gp, pp) = (s.gold[i - 1] as usize, pred[i - 1] as usize);
                    if (gp, g) != (pp, p) {
                        self.prepared = None;
                        let gi = gp * N_TAGS + g as usize;
                        let pi = pp * N_TAGS + p as usize;
                        self.trans[gi] += 1.0;
                        self.trans_u[gi] += self.c;
                        self.trans[pi] -= 1.0;
                        self.trans_u[pi] -= self.c;
                    }
                }
            }
        }
        self.c += 1.0;
    }

    pub(super) fn train(
        &mut self,
        seqs: &[Seq],
        subset: &[usize],
        epochs: usize,
        seed: u64,
        log: &mut dyn FnMut(String),
    ) {
        let mut order: Vec<usize> = subset.to_vec();
        let mut rng: u64 = 0x2545_f491_4f6c_dd1d ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let (mut emit, mut scratch, mut pred) = (Vec::new(), Scratch::default(), Vec::new());
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            let mut wrong = 0usize;
            for &k in &order {
                self.train_seq(&seqs[k], &mut emit, &mut scratch, &mut pred);
                wrong += (pred[..] != seqs[k].gold[..]) as usize;
            }
            log(format!(
                "  epoch {}: {wrong}/{} sequences wrong",
                epoch + 1,
                order.len()
            ));
        }
    }

    /// Decodes `s` with the averaged weights (`dense`, `trans` from [`Self::dense`]).
    pub(super) fn decode(dense: &(Vec<Vec<(u8, f32)>>, Trans), s: &Seq, o_bias: f32) -> Vec<u8> {
        let n = s.gold.len();
        let mut emit = vec![0.0f32; n * N_TAGS];
        for i in 0..n {
            let row = &mut emit[i * N_TAGS..(i + 1) * N_TAGS];
            for &id in &s.ids[s.offs[i] as usize..s.offs[i + 1] as usize] {
                for &(t, w) in &dense.0[id as usize] {
                    row[t as usize] += w;
                }
            }
            row[0] -= o_bias;
        }
        let mut pred = Vec::new();
        viterbi(
            &emit,
            &dense.1,
            &s.slots,
            &mut Scratch::default(),
            &mut pred,
        );
        if pred.len() != n {
            pred = vec![0; n];
        }
        pred
    }

    /// The averaged transitions, and the averaged weights by feature id.
    fn weights(&self) -> Weights {
        let c = self.c;
        let trans = self
            .trans
            .iter()
            .zip(&self.trans_u)
            .map(|(w, u)| w - u / c)
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|row| row.iter().map(|w| (w.tag, w.w - w.u / c)).collect())
            .collect();
        (trans, rows)
    }

    /// The averaged weights by feature id, and the averaged transitions prepared for
    /// decoding.
    pub(super) fn dense(&self) -> (Vec<Vec<(u8, f32)>>, Trans) {
        let (trans, rows) = self.weights();
        (rows, Trans::new(&trans))
    }
}

/// Averaged transitions and averaged weight rows by feature id.
pub(super) type Weights = (Vec<f32>, Vec<Vec<(u8, f32)>>);

/// Trains `shuffles` perceptrons on `subset` of `seqs`, each visiting the sequences in
/// its own order (two at a time), and returns the mean of their averaged weights: a
/// model of the same size and speed with less of the variance of one order.
pub(super) fn train_mean(
    seqs: &[Seq],
    subset: &[usize],
    n_feats: usize,
    epochs: usize,
    shuffles: usize,
    log: &mut dyn FnMut(String),
) -> Weights {
    let shuffles = shuffles.max(1);
    let mut mean: Option<Weights> = None;
    let mut add = |w: Weights| match &mut mean {
        None => mean = Some(w),
        Some((trans, rows)) => {
            for (a, b) in trans.iter_mut().zip(&w.0) {
                *a += b;
            }
            for (row, other) in rows.iter_mut().zip(w.1) {
                for (t, x) in other {
                    match row.iter_mut().find(|e| e.0 == t) {
                        Some(e) => e.1 += x,
                        None => row.push((t, x)),
                    }
                }
            }
        }
    };
    let mut seed = 0u64;
    while (seed as usize) < shuffles {
        let batch: Vec<u64> = (seed..(seed + 2).min(shuffles as u64)).collect();
        seed += batch.len() as u64;
        let logs = std::sync::Mutex::new(Vec::new());
        let done: Vec<Weights> = std::thread::scope(|sc| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&sd| {
                    let logs = &logs;
                    sc.spawn(move || {
                        let mut p = Perceptron::new(n_feats);
                        p.train(seqs, subset, epochs, sd, &mut |m| {
                            if sd == 0 {
                                logs.lock().map(|mut l| l.push(m)).ok();
                            }
                        });
                        p.weights()
                    })
                })
                .collect();
            // a training thread that panicked is a bug: pass its panic on rather than
            // average an empty model in
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for m in logs.into_inner().unwrap_or_default() {
            log(m);
        }
        for w in done {
            add(w);
        }
    }
    let (mut trans, mut rows) = mean.unwrap_or_default();
    let k = shuffles as f32;
    for x in &mut trans {
        *x /= k;
    }
    for row in &mut rows {
        for e in row.iter_mut() {
            e.1 /= k;
        }
    }
    (trans, rows)
}

/// The weight rows of `w` worth storing: weights below `prune` in absolute value
/// dropped, tags in order, keyed by the feature keys.
pub(super) fn kept_rows(w: &Weights, keys: &[u64], prune: f32) -> LayerWeights {
    let mut rows = Vec::new();
    for (id, row) in w.1.iter().enumerate() {
        let mut r: Vec<(u8, f32)> = row
            .iter()
            .copied()
            .filter(|&(_, w)| w.abs() >= prune)
            .collect();
        if !r.is_empty() {
            r.sort_by_key(|&(t, _)| t);
            rows.push((keys[id], r));
        }
    }
    (w.0.clone(), rows)
}

/// A trained layer: transitions and weight rows.
pub(super) type LayerWeights = (Vec<f32>, Vec<Row>);
