//! The in-memory weight tables of the layers, rebuilt at load time from the model file's
//! hashed slots.
//!
//! The slots keep the file's positions and fingerprints, so every key probes the same
//! slots and finds the same row as in the file. Only the rows move: each sparse row's
//! tags and weights are packed together (one memory access instead of two), and long
//! rows — the frequent features, which carry a weight for most tags — are stored as dense
//! vectors added block by block. Tables of the same size can share one slot array, slot
//! by slot ([`Table::build_shared`]), so that looking a key up in both
//! ([`accumulate_shared`]) reads one cache line instead of two.

use std::sync::Arc;

use super::tags::N_TAGS;

/// Rows with at least this many weights are stored densely.
const DENSE_MIN: usize = 16;

/// Kind bits of a slot's row reference: with [`DENSE`], the rest is the index of a dense
/// row; with [`SPILLED`], the index of a sparse row beyond the packed area; without
/// the top bit, the reference is `start << 8 | len` of a sparse row.
const KIND: u32 = 0b11 << 30;
const DENSE: u32 = 0b10 << 30;
const SPILLED: u32 = 0b11 << 30;

/// Largest start of a sparse row in a row reference (`start << 8 | len` in 31 bits).
const MAX_SPARSE_START: usize = (1 << 23) - 1;

/// Lanes of a dense-row block, added together.
const BLOCK: usize = 32;

/// Blocks of a dense row: `N_TAGS` lanes rounded up.
const BLOCKS: usize = N_TAGS.div_ceil(BLOCK);

/// Keys looked up together (their memory loads overlap).
const CHUNK: usize = 64;

/// One weight per tag (the sums of a file row's weights per tag), padded with zeros.
#[derive(Debug, Clone)]
struct DenseRow([[i16; BLOCK]; BLOCKS]);

/// Sums of dense rows.
#[derive(Debug, Clone)]
struct Sums([[i32; BLOCK]; BLOCKS]);

/// A row of zeros.
static ZERO_ROW: DenseRow = DenseRow([[0; BLOCK]; BLOCKS]);

/// The file arrays of one layer's weights: `2^bits` slots of (`u32` fingerprint,
/// `u32` start << 8 | length), the row tags (`u8` each) and weights (`i16` each).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileTable<'a> {
    pub(crate) bits: u32,
    pub(crate) slots: &'a [u8],
    pub(crate) tags: &'a [u8],
    pub(crate) weights: &'a [u8],
}

/// The weight rows of one layer, keyed by hashed feature.
#[derive(Debug)]
pub(crate) struct Table {
    mask: usize,
    /// Per slot, for each of the `ways` tables sharing the array (this one is `way`):
    /// the key fingerprint (low 32 bits, 0 for an empty slot) and the row reference
    /// (high 32 bits; see [`KIND`]).
    slots: Arc<Vec<u64>>,
    ways: usize,
    way: usize,
    /// Sparse row entries ([`packed`]).
    sparse: Vec<u32>,
    /// Dense rows.
    dense: Vec<DenseRow>,
    /// Sparse rows beyond the reach of a packed reference (none in a model of usual size).
    spilled: Vec<Box<[u32]>>,
}

/// The fingerprint a key is stored under (never 0).
pub(crate) fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// The weights of one file row (`tags[start..start + len]` with `i16` weights) into
/// `out`, tags out of range and zero weights left out; none if the row lies outside the
/// arrays.
fn file_row(file: &FileTable<'_>, start: usize, len: usize, out: &mut Vec<(u8, i16)>) {
    out.clear();
    let (Some(t), Some(w)) = (
        file.tags.get(start..start + len),
        file.weights.get(2 * start..2 * (start + len)),
    ) else {
        return;
    };
    let row = t
        .iter()
        .zip(w.chunks_exact(2))
        .map(|(&t, w)| (t, i16::from_le_bytes([w[0], w[1]])))
        .filter(|&(t, w)| (t as usize) < N_TAGS && w != 0);
    out.extend(row);
}

/// A row as one dense vector, if its sums per tag fit `i16` (they do unless a tag
/// repeats).
fn dense_row(row: &[(u8, i16)]) -> Option<DenseRow> {
    let mut d = DenseRow([[0; BLOCK]; BLOCKS]);
    for &(t, w) in row {
        let t = t as usize;
        let x = d.0.get_mut(t / BLOCK)?.get_mut(t % BLOCK)?;
        *x = x.checked_add(w)?;
    }
    Some(d)
}

/// A sparse row entry: `tag << 16 | weight as u16`.
fn packed(&(t, w): &(u8, i16)) -> u32 {
    (t as u32) << 16 | w as u16 as u32
}

/// The rows a chunk of keys found in one table.
struct Found<'a> {
    sparse: [u32; CHUNK],
    n_sparse: usize,
    dense: [&'a DenseRow; CHUNK],
    n_dense: usize,
}

impl Found<'_> {
    fn new() -> Self {
        Found {
            sparse: [0; CHUNK],
            n_sparse: 0,
            dense: [&ZERO_ROW; CHUNK],
            n_dense: 0,
        }
    }
}

impl Table {
    /// Rebuilds the table of one layer's file arrays.
    pub(crate) fn build(file: &FileTable<'_>) -> Table {
        Table::build_shared(&[*file])
            .pop()
            .unwrap_or_else(|| Table {
                mask: 0,
                slots: Arc::new(vec![0; 1]),
                ways: 1,
                way: 0,
                sparse: Vec::new(),
                dense: Vec::new(),
                spilled: Vec::new(),
            })
    }

    /// Rebuilds the tables of several layers' file arrays of the same size (`bits`)
    /// with one shared slot array; separately if their sizes differ.
    pub(crate) fn build_shared(files: &[FileTable<'_>]) -> Vec<Table> {
        let Some(first) = files.first() else {
            return Vec::new();
        };
        if files.iter().any(|f| f.bits != first.bits) {
            return files.iter().map(Table::build).collect();
        }
        let (n_slots, ways) = (1usize << first.bits, files.len());
        let mut slots = vec![0u64; n_slots * ways];
        let mut tables = Vec::with_capacity(ways);
        let mut row = Vec::new();
        for (way, file) in files.iter().enumerate() {
            let mut t = Table {
                mask: n_slots - 1,
                slots: Arc::new(Vec::new()),
                ways,
                way,
                sparse: Vec::new(),
                dense: Vec::new(),
                spilled: Vec::new(),
            };
            for (i, slot) in slots.iter_mut().skip(way).step_by(ways).enumerate() {
                let fp = read_u32(file.slots, 8 * i);
                if fp != 0 {
                    let packed = read_u32(file.slots, 8 * i + 4) as usize;
                    file_row(file, packed >> 8, packed & 0xff, &mut row);
                    let reference = t.push(&row);
                    *slot = fp as u64 | (reference as u64) << 32;
                }
            }
            tables.push(t);
        }
        let slots = Arc::new(slots);
        for t in &mut tables {
            t.slots = slots.clone();
        }
        tables
    }

    /// Stores a row; its reference.
    fn push(&mut self, row: &[(u8, i16)]) -> u32 {
        if row.len() >= DENSE_MIN {
            if let Some(d) = dense_row(row) {
                self.dense.push(d);
                return DENSE | (self.dense.len() - 1) as u32;
            }
        }
        let start = self.sparse.len();
        if start <= MAX_SPARSE_START {
            self.sparse.extend(row.iter().map(packed));
            return (start << 8 | row.len()) as u32;
        }
        self.spilled.push(row.iter().map(packed).collect());
        SPILLED | (self.spilled.len() - 1) as u32
    }

    /// The entries of a sparse or spilled row.
    #[inline]
    fn sparse_row(&self, r: u32) -> &[u32] {
        if r & KIND == SPILLED {
            return self
                .spilled
                .get((r & !KIND) as usize)
                .map_or(&[], |b| &b[..]);
        }
        let (start, len) = ((r >> 8) as usize, (r & 0xff) as usize);
        self.sparse.get(start..start + len).unwrap_or(&[])
    }

    /// Slot `i` of this table.
    #[inline]
    fn slot(&self, i: usize) -> u64 {
        self.slots
            .get(i * self.ways + self.way)
            .copied()
            .unwrap_or(0)
    }

    /// Files the row of `key`, whose home slot holds `home`, into `found`: the row of
    /// the first slot of the probe run with the key's fingerprint (none at an empty slot).
    #[inline]
    fn find<'a>(&'a self, key: u64, home: u64, found: &mut Found<'a>) {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        let mut s = home;
        for _ in 0..=self.mask {
            let f = s as u32;
            if f == 0 {
                return;
            }
            if f == fp {
                let r = (s >> 32) as u32;
                if r & KIND != DENSE {
                    found.sparse[found.n_sparse] = r;
                    found.n_sparse += 1;
                } else if let Some(row) = self.dense.get((r & !KIND) as usize) {
                    found.dense[found.n_dense] = row;
                    found.n_dense += 1;
                }
                return;
            }
            i = (i + 1) & self.mask;
            s = self.slot(i);
        }
    }

    /// Adds the `found` rows: the sparse ones to `acc` one weight at a time, the dense
    /// ones to `sum` block by block, with the block's sums in registers. First touches
    /// every row, so that their memory loads overlap instead of waiting behind the
    /// additions.
    fn add(&self, found: &Found<'_>, acc: &mut [i32; N_TAGS], sum: &mut Sums) {
        let sparse = found.sparse.get(..found.n_sparse).unwrap_or(&[]);
        let dense = found.dense.get(..found.n_dense).unwrap_or(&[]);
        let mut touch = 0;
        for &r in sparse {
            touch ^= self.sparse_row(r).first().copied().unwrap_or(0) as i32;
        }
        for row in dense {
            touch ^= row.0[0][0] as i32;
        }
        std::hint::black_box(touch);
        for &r in sparse {
            for &e in self.sparse_row(r) {
                if let Some(a) = acc.get_mut((e >> 16) as usize) {
                    *a = a.wrapping_add(e as u16 as i16 as i32);
                }
            }
        }
        for (b, block) in sum.0.iter_mut().enumerate() {
            let mut s = *block;
            for row in dense {
                for (s, &w) in s.iter_mut().zip(&row.0[b]) {
                    *s = s.wrapping_add(w as i32);
                }
            }
            *block = s;
        }
    }

    /// Adds the weights of the features `keys` to `acc`.
    ///
    /// Passes over a chunk of keys, so that the memory loads of different keys overlap:
    /// read every key's home slot, resolve the rows, then add them up.
    pub(crate) fn accumulate(&self, keys: &[u64], acc: &mut [i32; N_TAGS]) {
        let mut sum = Sums([[0; BLOCK]; BLOCKS]);
        for chunk in keys.chunks(CHUNK) {
            let mut home = [0u64; CHUNK];
            for (h, &k) in home.iter_mut().zip(chunk) {
                *h = self.slot(k as usize & self.mask);
            }
            let mut found = Found::new();
            for (&k, &h) in chunk.iter().zip(&home) {
                self.find(k, h, &mut found);
            }
            self.add(&found, acc, &mut sum);
        }
        finish(acc, &sum);
    }
}

/// Adds the dense sums to `acc`.
fn finish(acc: &mut [i32; N_TAGS], sum: &Sums) {
    for (a, &s) in acc.iter_mut().zip(sum.0.iter().flatten()) {
        *a = a.wrapping_add(s);
    }
}

/// [`Table::accumulate`] of the same `keys` in two tables, into `acc_a` and `acc_b`:
/// in one pass when the tables share their slot array as its only two ways.
pub(crate) fn accumulate_shared(
    a: &Table,
    b: &Table,
    keys: &[u64],
    acc_a: &mut [i32; N_TAGS],
    acc_b: &mut [i32; N_TAGS],
) {
    if !(Arc::ptr_eq(&a.slots, &b.slots) && a.ways == 2 && (a.way, b.way) == (0, 1)) {
        a.accumulate(keys, acc_a);
        b.accumulate(keys, acc_b);
        return;
    }
    let mut sum_a = Sums([[0; BLOCK]; BLOCKS]);
    let mut sum_b = Sums([[0; BLOCK]; BLOCKS]);
    for chunk in keys.chunks(CHUNK) {
        let mut home = [[0u64; 2]; CHUNK];
        for (h, &k) in home.iter_mut().zip(chunk) {
            let i = 2 * (k as usize & a.mask);
            if let Some(&[x, y]) = a.slots.get(i..i + 2) {
                *h = [x, y];
            }
        }
        let (mut found_a, mut found_b) = (Found::new(), Found::new());
        for (&k, &[ha, hb]) in chunk.iter().zip(&home) {
            a.find(k, ha, &mut found_a);
            b.find(k, hb, &mut found_b);
        }
        a.add(&found_a, acc_a, &mut sum_a);
        b.add(&found_b, acc_b, &mut sum_b);
    }
    finish(acc_a, &sum_a);
    finish(acc_b, &sum_b);
}
