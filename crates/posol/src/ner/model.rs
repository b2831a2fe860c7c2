//! The binary model: per layer, a hashed feature table with quantized sparse weight rows
//! and a transition matrix; read in place from the embedded bytes.
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

/// File magic.
pub(crate) const MAGIC: &[u8; 8] = b"POSOLNER";
/// Format version.
pub(crate) const VERSION: u32 = 1;

/// One layer's weights, borrowed from the model bytes.
#[derive(Debug)]
pub(crate) struct Layer {
    scale: f32,
    /// Subtracted from every `O` score (tuned on dev data to trade precision for recall).
    pub(crate) o_bias: f32,
    mask: u64,
    trans: Trans,
    slots: &'static [u8],
    tags: &'static [u8],
    weights: &'static [u8],
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
        let mut layers = Vec::new();
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
            layers.push(Layer {
                scale,
                o_bias,
                mask: (1u64 << bits) - 1,
                trans: Trans::new(&trans),
                slots,
                tags,
                weights,
            });
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
        Some(Model {
            layers,
            classes,
            lexicon,
        })
    }
}

fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
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
    ///
    /// Three passes over a chunk of keys, so that the memory loads of different keys
    /// overlap: read every key's home slot, resolve the rows, then add them up.
    pub(crate) fn accumulate(&self, keys: &[u64], acc: &mut [i32; N_TAGS]) {
        const CHUNK: usize = 64;
        let mask = self.mask as usize;
        let n_slots = mask + 1;
        for chunk in keys.chunks(CHUNK) {
            let mut home = [0u32; CHUNK];
            for (h, &k) in home.iter_mut().zip(chunk) {
                *h = read_u32(self.slots, 8 * (k as usize & mask));
            }
            let mut rows = [(0usize, 0usize); CHUNK];
            let mut n_rows = 0;
            for (&k, &h) in chunk.iter().zip(&home) {
                let fp = fingerprint(k);
                let mut i = k as usize & mask;
                let mut f = h;
                for _ in 0..n_slots {
                    if f == 0 {
                        break;
                    }
                    if f == fp {
                        let packed = read_u32(self.slots, 8 * i + 4) as usize;
                        rows[n_rows] = (packed >> 8, packed & 0xff);
                        n_rows += 1;
                        break;
                    }
                    i = (i + 1) & mask;
                    f = read_u32(self.slots, 8 * i);
                }
            }
            for &(start, len) in &rows[..n_rows] {
                let (Some(tags), Some(weights)) = (
                    self.tags.get(start..start + len),
                    self.weights.get(2 * start..2 * (start + len)),
                ) else {
                    continue;
                };
                for (&t, w) in tags.iter().zip(weights.chunks_exact(2)) {
                    if let Some(a) = acc.get_mut(t as usize) {
                        *a += i16::from_le_bytes([w[0], w[1]]) as i32;
                    }
                }
            }
        }
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
