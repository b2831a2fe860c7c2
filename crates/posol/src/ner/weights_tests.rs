//! The rebuilt weight tables find exactly the weights the file's slots give.

use super::model::{write_classes, write_header, write_layer, Model};
use super::tags::N_TAGS;

/// Feature rows as `write_layer` takes them: (key, [(tag, weight)]).
type Rows = Vec<(u64, Vec<(u8, f32)>)>;

/// A deterministic pseudo-random sequence.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 ^ (self.0 >> 29)
    }
}

/// One layer's file arrays, read straight from the bytes.
struct RawLayer<'a> {
    mask: usize,
    slots: &'a [u8],
    tags: &'a [u8],
    weights: &'a [u8],
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn raw_layers(bytes: &[u8]) -> Vec<RawLayer<'_>> {
    let mut pos = 16;
    let mut out = Vec::new();
    for _ in 0..u32_at(bytes, 12) {
        let bits = u32_at(bytes, pos + 12);
        let n = u32_at(bytes, pos + 16) as usize;
        pos += 20 + 4 * N_TAGS * N_TAGS;
        let slots = &bytes[pos..pos + (8 << bits)];
        pos += 8 << bits;
        let (tags, weights) = (&bytes[pos..pos + n], &bytes[pos + n..pos + 3 * n]);
        pos += 3 * n;
        let mask = (1 << bits) - 1;
        out.push(RawLayer {
            mask,
            slots,
            tags,
            weights,
        });
    }
    out
}

/// The file format's lookup: probe from the home slot to the first slot with the key's
/// fingerprint, add that row.
fn reference(raw: &RawLayer<'_>, keys: &[u64]) -> [i32; N_TAGS] {
    let mut acc = [0i32; N_TAGS];
    for &k in keys {
        let fp = ((k >> 32) as u32) | 1;
        let mut i = k as usize & raw.mask;
        for _ in 0..=raw.mask {
            let f = u32_at(raw.slots, 8 * i);
            if f == 0 {
                break;
            }
            if f == fp {
                let packed = u32_at(raw.slots, 8 * i + 4) as usize;
                let (start, len) = (packed >> 8, packed & 0xff);
                for j in start..start + len {
                    let w = i16::from_le_bytes([raw.weights[2 * j], raw.weights[2 * j + 1]]);
                    if let Some(a) = acc.get_mut(raw.tags[j] as usize) {
                        *a = a.wrapping_add(w as i32);
                    }
                }
                break;
            }
            i = (i + 1) & raw.mask;
        }
    }
    acc
}

/// Rows of short, long and repeated-tag (overflowing) weights; and keys to look up:
/// stored ones, absent ones, and ones sharing a stored key's home slot or fingerprint.
fn rows_and_keys(rng: &mut Lcg, n: usize) -> (Rows, Vec<u64>) {
    let mut rows = Vec::new();
    let mut keys = Vec::new();
    for r in 0..n {
        let k = rng.next();
        let len = match r % 5 {
            0 => 40 + (rng.next() % 80) as usize,
            1 => 16 + (rng.next() % 8) as usize,
            _ => 1 + (rng.next() % 6) as usize,
        };
        let mut row: Vec<(u8, f32)> = (0..len)
            .map(|_| {
                let t = (rng.next() % N_TAGS as u64) as u8;
                (t, (rng.next() % 2001) as f32 / 1000.0 - 1.0)
            })
            .collect();
        if r % 7 == 3 {
            // one tag many times with the largest weight: its sum leaves `i16`
            row.extend((0..20).map(|_| (5u8, 2.0f32)));
        }
        rows.push((k, row));
        keys.extend([
            k,
            rng.next(),
            k ^ (1 << 40),
            k ^ 3,
            (k & !0xffff) | (rng.next() & 0xffff),
        ]);
    }
    (rows, keys)
}

fn model_bytes(layers: &[Rows]) -> &'static [u8] {
    let mut out = Vec::new();
    write_header(&mut out, layers.len() as u32);
    let trans = vec![0.0f32; N_TAGS * N_TAGS];
    for rows in layers {
        write_layer(&mut out, &trans, rows, 0.0);
    }
    write_classes(&mut out, &[]);
    write_classes(&mut out, &[]);
    Box::leak(out.into_boxed_slice())
}

#[test]
fn rebuilt_tables_add_the_file_weights() {
    let mut rng = Lcg(7);
    let layers: Vec<_> = [3000, 400, 2900]
        .into_iter()
        .map(|n| rows_and_keys(&mut rng, n))
        .collect();
    let bytes = model_bytes(&layers.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>());
    let model = Model::parse(bytes).expect("a model");
    let raw = raw_layers(bytes);
    assert_eq!(model.layers.len(), 3);
    for (l, (_, keys)) in layers.iter().enumerate() {
        for chunk in keys.chunks(97) {
            let mut acc = [0i32; N_TAGS];
            model.layers[l].accumulate(chunk, &mut acc);
            assert_eq!(acc, reference(&raw[l], chunk), "layer {l}");
        }
    }
    // the two outer layers (same size here) looked up together
    for chunk in layers[0].1.chunks(61) {
        let (mut a, mut b) = ([1i32; N_TAGS], [0i32; N_TAGS]);
        model.layers[0].accumulate_with(&model.layers[2], chunk, &mut a, &mut b);
        let want = reference(&raw[0], chunk).map(|x| x.wrapping_add(1));
        assert_eq!((a, b), (want, reference(&raw[2], chunk)));
    }
    // tables of different sizes: looked up one after the other
    for chunk in layers[1].1.chunks(61) {
        let (mut a, mut b) = ([0i32; N_TAGS], [0i32; N_TAGS]);
        model.layers[0].accumulate_with(&model.layers[1], chunk, &mut a, &mut b);
        assert_eq!(
            (a, b),
            (reference(&raw[0], chunk), reference(&raw[1], chunk))
        );
    }
}
