//! The binary model: per layer, a hashed feature table with quantized sparse weight rows
//! and a transition matrix; parsed from the embedded bytes (the weight rows into
//! [`super::weights::Table`]).
//!
//! Layout (little endian): magic `POSOLNER`, `u32` version, `u32` layer count, then per
//! layer: `u32` tag count, `f32` scale, `f32` O bias, `u32` table bits, `u32` entry count,
//! `tags²` `f32` transition scores, `2^bits` slots of (`u32` fingerprint, `u32` start << 8
//! | length), entry tags (`u8` each), entry weights (`i16` each); then the word-class
//! table: `u32` count and `count` pairs of (`u64` word hash, `u32` class); then the
//! learned lexicon in the same form. Layers in order: outer (first pass), inner, and
//! optionally the document-level second pass of the outer layer.

use super::hash::KeyMap;

use super::tags::{Trans, N_TAGS};
use super::weights::{accumulate_shared, fingerprint, FileTable, Table};

/// File magic.
pub(crate) const MAGIC: &[u8; 8] = b"POSOLNER";
/// Format version.
pub(crate) const VERSION: u32 = 1;

/// One layer's weights.
#[derive(Debug)]
pub(crate) struct Layer {
    scale: f32,
    /// Subtracted from every `O` score (tuned on dev data to trade precision for recall).
    pub(crate) o_bias: f32,
    trans: Trans,
    table: Table,
}

/// A reader over a byte slice that never panics.
struct Reader {
    bytes: &'static [u8],
    pos: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// The parsed model: layers and word classes.
#[derive(Debug)]
pub(crate) struct Model {
    pub(crate) layers: Vec<Layer>,
    pub(crate) classes: KeyMap<u64, u32>,
    pub(crate) lexicon: super::lexicon::Lexicon,
}

impl Model {
    /// Parses a model; `None` if the bytes are not a model of this version.
    pub(crate) fn parse(bytes: &'static [u8]) -> Option<Model> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let n_layers = r.u32()? as usize;
        let mut files = Vec::new();
        for _ in 0..n_layers.min(8) {
            if r.u32()? as usize != N_TAGS {
                return None;
            }
            let scale = r.f32()?;
            let o_bias = r.f32()?;
            let bits = r.u32()?;
            if bits > 30 {
                return None;
            }
            let n_entries = r.u32()? as usize;
            let mut trans = Vec::with_capacity(N_TAGS * N_TAGS);
            for _ in 0..N_TAGS * N_TAGS {
                trans.push(r.f32()?);
            }
            let slots = r.take(8usize << bits)?;
            let tags = r.take(n_entries)?;
            let weights = r.take(2 * n_entries)?;
            let file = FileTable {
                bits,
                slots,
                tags,
                weights,
            };
            files.push((scale, o_bias, trans, file));
        }
        let n_classes = r.u32()? as usize;
        let mut classes = KeyMap::default();
        classes.reserve(n_classes.min(1 << 20));
        for _ in 0..n_classes {
            let k = r.u64()?;
            classes.insert(k, r.u32()?);
        }
        let n_lex = r.u32()? as usize;
        let mut map = KeyMap::default();
        map.reserve(n_lex.min(1 << 20));
        for _ in 0..n_lex {
            let k = r.u64()?;
            map.insert(k, r.u32()?);
        }
        let lexicon = super::lexicon::Lexicon { map };
        let mut tables = build_tables(&files.iter().map(|f| f.3).collect::<Vec<_>>());
        let layers = files
            .into_iter()
            .zip(tables.iter_mut())
            .filter_map(|((scale, o_bias, trans, _), table)| {
                Some(Layer {
                    scale,
                    o_bias,
                    trans: Trans::new(&trans),
                    table: table.take()?,
                })
            })
            .collect();
        Some(Model {
            layers,
            classes,
            lexicon,
        })
    }
}

/// The weight tables of the layers; the two passes of the outer layer (layers 0 and 2)
/// share their slot array when they are of the same size, as they are looked up with
/// the same keys.
fn build_tables(files: &[FileTable<'_>]) -> Vec<Option<Table>> {
    let mut tables: Vec<Option<Table>> = files.iter().map(|_| None).collect();
    if let (Some(&outer), Some(&second)) = (files.first(), files.get(2)) {
        let mut shared = Table::build_shared(&[outer, second]).into_iter();
        tables[0] = shared.next();
        tables[2] = shared.next();
    }
    for (t, f) in tables.iter_mut().zip(files) {
        if t.is_none() {
            *t = Some(Table::build(f));
        }
    }
    tables
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl Layer {
    /// The transition scores, `trans[prev * N_TAGS + next]`.
    pub(crate) fn trans(&self) -> &Trans {
        &self.trans
    }

    /// Adds the (quantized) weights of the features `keys` to `acc`.
    pub(crate) fn accumulate(&self, keys: &[u64], acc: &mut [i32; N_TAGS]) {
        self.table.accumulate(keys, acc);
    }

    /// [`Layer::accumulate`] of the same `keys` in `self` (into `acc`) and in `other`
    /// (into `acc_other`), in one pass when their tables share a slot array.
    pub(crate) fn accumulate_with(
        &self,
        other: &Layer,
        keys: &[u64],
        acc: &mut [i32; N_TAGS],
        acc_other: &mut [i32; N_TAGS],
    ) {
        accumulate_shared(&self.table, &other.table, keys, acc, acc_other);
    }

    /// Turns accumulated weights into emission scores (`N_TAGS` scores in `row`).
    pub(crate) fn finish(&self, acc: &[i32; N_TAGS], row: &mut [f32]) {
        for (r, &a) in row.iter_mut().zip(acc.iter()) {
            *r = a as f32 * self.scale;
        }
        if let Some(o) = row.first_mut() {
            *o -= self.o_bias;
        }
    }
}

/// Serializes one layer: `rows` are (feature key, [(tag, weight)]) with real weights.
pub(crate) fn write_layer(
    out: &mut Vec<u8>,
    trans: &[f32],
    rows: &[(u64, Vec<(u8, f32)>)],
    o_bias: f32,
) {
    let max = rows
        .iter()
        .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
        .fold(1e-9f32, f32::max);
    let scale = max / 32000.0;
    let mut kept: Vec<(u64, Vec<(u8, i16)>)> = Vec::new();
    for (k, r) in rows {
        let q: Vec<(u8, i16)> = r
            .iter()
            .map(|&(t, w)| (t, (w / scale).round() as i16))
            .filter(|&(_, w)| w != 0)
            .take(255)
            .collect();
        if !q.is_empty() {
            kept.push((*k, q));
        }
    }
    let mut bits = 4;
    while (1usize << bits) < kept.len() * 10 / 7 + 1 {
        bits += 1;
    }
    let mask = (1u64 << bits) - 1;
    let mut slots = vec![0u8; 8 << bits];
    let mut tags = Vec::new();
    let mut weights = Vec::new();
    for (k, q) in &kept {
        let start = tags.len();
        for &(t, w) in q {
            tags.push(t);
            weights.extend_from_slice(&w.to_le_bytes());
        }
        let mut i = (k & mask) as usize;
        while read_u32(&slots, 8 * i) != 0 {
            i = (i + 1) & mask as usize;
        }
        slots[8 * i..8 * i + 4].copy_from_slice(&fingerprint(*k).to_le_bytes());
        let packed = ((start as u32) << 8) | q.len() as u32;
        slots[8 * i + 4..8 * i + 8].copy_from_slice(&packed.to_le_bytes());
    }
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&o_bias.to_le_bytes());
    out.extend_from_slice(&(bits as u32).to_le_bytes());
    out.extend_from_slice(&(tags.len() as u32).to_le_bytes());
    for &t in trans {
        out.extend_from_slice(&t.to_le_bytes());
    }
    out.extend_from_slice(&slots);
    out.extend_from_slice(&tags);
    out.extend_from_slice(&weights);
}

/// Writes the model header.
pub(crate) fn write_header(out: &mut Vec<u8>, n_layers: u32) {
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&n_layers.to_le_bytes());
}

/// Writes the word-class table.
pub(crate) fn write_classes(out: &mut Vec<u8>, classes: &[(u64, u32)]) {
    out.extend_from_slice(&(classes.len() as u32).to_le_bytes());
    for &(k, c) in classes {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&c.to_le_bytes());
    }
}
