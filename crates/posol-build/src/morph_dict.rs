//! `posol-build morph-dict`: compiles the OpenCorpora dictionary of the pip package
//! `pymorphy3-dicts-ru` into `crates/posol/data/morph.bin`.
//!
//! Step 1 runs `scripts/export_opencorpora.py` (python3 with pymorphy3 installed) to flatten
//! the package's DAWG files into text; step 2 (this file) writes the binary format that
//! `posol::morph` reads (see `crates/posol/src/morph/dict.rs` for the layout). Step 3
//! analyses the word forms of the training news (`--frequent-from`, NEREL train and
//! BSNLP train by default) with the compiled dictionary and adds them as its table of
//! frequent forms, which only makes the first analysis of those words faster.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;

use posol::morph::{encode_key, Analyzer, FORMAT_VERSION, MAGIC, SECTIONS};
use posol::TokenKind;

type Res<T> = Result<T, String>;

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

pub(crate) fn run(args: &[String]) -> Res<()> {
    let out = crate::flag(args, "--out").unwrap_or_else(|| "crates/posol/data/morph.bin".into());
    let export = match crate::flag(args, "--export-dir") {
        Some(d) => PathBuf::from(d),
        None => {
            let dir = std::env::temp_dir().join("posol-opencorpora-export");
            let script =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/export_opencorpora.py");
            eprintln!("exporting OpenCorpora DAWGs with {} ...", script.display());
            let status = Command::new("python3")
                .arg(&script)
                .arg(&dir)
                .status()
                .map_err(err)?;
            if !status.success() {
                return Err(format!("export script failed: {status}"));
            }
            dir
        }
    };
    let corpora = crate::flag(args, "--frequent-from").unwrap_or_else(|| {
        "../shared/data/ner/nerel_v1.1_train.jsonl.gz,../shared/data/ner/bsnlp2019_ru_train.jsonl.gz"
            .into()
    });
    let words = corpus_words(&corpora)?;
    let mut sections = compile(&export)?;
    let names: Vec<&str> = corpora
        .split(',')
        .filter_map(|p| p.rsplit('/').next())
        .collect();
    sections[0].extend_from_slice(format!("; frequent forms of {}", names.join(", ")).as_bytes());
    // the analyses come from the analyzer built into this program: the table is only
    // right if its dictionary (all but the meta text) is the one just compiled; after a
    // change of the source or the format, write the dictionary without the table,
    // rebuild, and run again
    let embedded = section_slices(Analyzer::embedded_dictionary());
    let same = embedded.len() == SECTIONS
        && sections
            .iter()
            .zip(&embedded)
            .skip(1)
            .all(|(a, b)| a.as_slice() == *b);
    let table = if same {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        eprintln!("analysing {} frequent word forms ...", refs.len());
        Analyzer::global().frequent_forms_section(&refs)?
    } else {
        0u32.to_le_bytes().to_vec()
    };
    let bytes = assemble(&sections, &table);
    for (i, s) in sections.iter().chain([&table]).enumerate() {
        eprintln!("  section {i:>2} {:>9} bytes", s.len());
    }
    fs::write(&out, &bytes).map_err(err)?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
    if !same {
        return Err(
            "the dictionary built into posol-build differs from this one, so it was \
                    written without frequent forms: rebuild posol-build and run morph-dict again"
                .into(),
        );
    }
    Ok(())
}

fn json(path: &Path) -> Res<serde_json::Value> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(err)
}

fn strings(v: &serde_json::Value) -> Res<Vec<String>> {
    v.as_array()
        .ok_or("expected a list")?
        .iter()
        .map(|s| {
            s.as_str()
                .map(str::to_owned)
                .ok_or_else(|| "expected strings".into())
        })
        .collect()
}

fn string_list(items: &[String]) -> Vec<u8> {
    let mut out = (items.len() as u32).to_le_bytes().to_vec();
    for s in items {
        out.extend_from_slice(&(s.len() as u16).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    out
}

fn tsv(path: &Path) -> Res<Vec<Vec<String>>> {
    let f = fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for line in BufReader::new(f).lines() {
        let line = line.map_err(err)?;
        rows.push(line.split('\t').map(str::to_owned).collect());
    }
    Ok(rows)
}

fn num<T: std::str::FromStr>(s: Option<&String>) -> Res<T> {
    s.and_then(|s| s.parse().ok())
        .ok_or_else(|| "bad number".to_string())
}

/// Groups `(key, values)` rows by key (keeping the rows' order within a key), deduplicates
/// the value lists (count, then the values) into a pool, and returns each key, encoded
/// with [`encode_key`], with its list's offset (in `u32` units), sorted by key.
fn pooled_lists(
    rows: Vec<(String, Vec<u32>)>,
    pool: &mut Vec<u32>,
    dedup: &mut HashMap<Vec<u32>, u32>,
) -> Vec<(Vec<u8>, u32)> {
    let mut rows: Vec<(Vec<u8>, Vec<u32>)> = rows
        .into_iter()
        .map(|(k, v)| {
            let mut key = Vec::with_capacity(k.len());
            encode_key(&k, &mut key);
            (key, v)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        let mut list: Vec<u32> = vec![0];
        while j < rows.len() && rows[j].0 == rows[i].0 {
            list.extend_from_slice(&rows[j].1);
            list[0] += 1;
            j += 1;
        }
        let off = *dedup.entry(list.clone()).or_insert_with(|| {
            let off = pool.len() as u32;
            pool.extend_from_slice(&list);
            off
        });
        out.push((std::mem::take(&mut rows[i].0), off));
        i = j;
    }
    out
}

/// An fst map from sorted, distinct keys.
fn fst_map<'a>(items: impl IntoIterator<Item = (&'a [u8], u64)>) -> Res<Vec<u8>> {
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in items {
        builder.insert(k, v).map_err(err)?;
    }
    builder.into_inner().map_err(err)
}

/// The words map: every word with analyses or statistics, valued `analyses offset |
/// (statistics offset + 1) << 32` (0 in the high half without statistics; words with
/// statistics only point to the empty list at offset 0).
fn words_map(words: &[(Vec<u8>, u32)], probs: &[(Vec<u8>, u32)]) -> Res<Vec<u8>> {
    let mut merged: Vec<(&[u8], u64)> = Vec::with_capacity(words.len() + probs.len());
    let (mut i, mut j) = (0, 0);
    while i < words.len() || j < probs.len() {
        let w = words.get(i);
        let p = probs.get(j);
        let order = match (w, p) {
            (Some(w), Some(p)) => w.0.cmp(&p.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        let stats = |p: &(Vec<u8>, u32)| (p.1 as u64 + 1) << 32;
        match (order, w, p) {
            (std::cmp::Ordering::Equal, Some(w), Some(p)) => {
                merged.push((&w.0, w.1 as u64 | stats(p)));
                i += 1;
                j += 1;
            }
            (std::cmp::Ordering::Less, Some(w), _) => {
                merged.push((&w.0, w.1 as u64));
                i += 1;
            }
            (_, _, Some(p)) => {
                merged.push((&p.0, stats(p)));
                j += 1;
            }
            _ => break,
        }
    }
    fst_map(merged)
}

/// The word tokens of the texts of the `.jsonl(.gz)` files in `paths` (comma-separated),
/// each once, most frequent first (ties in byte order).
fn corpus_words(paths: &str) -> Res<Vec<String>> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for path in paths.split(',').filter(|p| !p.is_empty()) {
        for doc in crate::ner::read_jsonl(path)? {
            let text = doc["text"]
                .as_str()
                .ok_or_else(|| format!("{path}: a line without \"text\""))?;
            for t in posol::tokenize(text) {
                if t.kind == TokenKind::Word {
                    *counts.entry(t.text(text).to_string()).or_default() += 1;
                }
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(words.into_iter().map(|(w, _)| w).collect())
}

/// Compiles the exported text files into sections 0–12 of the binary dictionary.
pub(crate) fn compile(dir: &Path) -> Res<Vec<Vec<u8>>> {
    let meta = json(&dir.join("meta.json"))?;
    let mut gramtab = strings(&json(&dir.join("gramtab.json"))?)?;
    // P(t|w) also covers shape tags (LATN, PNCT, NUMB...) that no paradigm has
    let prob_rows = tsv(&dir.join("probs.tsv"))?;
    for r in &prob_rows {
        if let Some(t) = r.get(1) {
            if !gramtab.contains(t) {
                gramtab.push(t.clone());
            }
        }
    }
    let suffixes = strings(&json(&dir.join("suffixes.json"))?)?;
    let prefixes = strings(&meta["paradigm_prefixes"])?;
    let paradigms = json(&dir.join("paradigms.json"))?;
    let tag_ids: HashMap<&str, u32> = gramtab
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u32))
        .collect();

    // paradigms: pymorphy stores [suffixes.. tags.. prefixes..]; interleave per form
    let mut offsets: Vec<u8> = Vec::new();
    let mut para_data: Vec<u8> = Vec::new();
    let mut units = 0u32;
    for p in paradigms.as_array().ok_or("paradigms")? {
        let p: Vec<u16> = p
            .as_array()
            .ok_or("paradigm")?
            .iter()
            .map(|v| v.as_u64().unwrap_or(0) as u16)
            .collect();
        let n = p.len() / 3;
        offsets.extend_from_slice(&units.to_le_bytes());
        for i in 0..n {
            for v in [p[i], p[n + i], p[2 * n + i]] {
                para_data.extend_from_slice(&v.to_le_bytes());
            }
        }
        units += (n * 3) as u32;
    }
    offsets.extend_from_slice(&units.to_le_bytes());

    // words: form -> [(para, idx)] in the DAWG's order
    eprintln!("reading words ...");
    let mut rows = Vec::new();
    for r in tsv(&dir.join("words.tsv"))? {
        let para: u32 = num(r.get(1))?;
        let idx: u32 = num(r.get(2))?;
        rows.push((r[0].clone(), vec![para, idx]));
    }
    eprintln!("building word fst from {} entries ...", rows.len());
    // offset 0: the empty list, for words with statistics only
    let mut pool32 = vec![0];
    let mut dedup = HashMap::from([(vec![0], 0)]);
    let words = pooled_lists(rows, &mut pool32, &mut dedup);
    let word_pool: Vec<u8> = pool32
        .iter()
        .flat_map(|v| (*v as u16).to_le_bytes())
        .collect();

    // P(t|w)
    let mut rows = Vec::new();
    for r in prob_rows {
        let tag = *tag_ids
            .get(r.get(1).map_or("", |s| s.as_str()))
            .ok_or("unknown tag")?;
        rows.push((r[0].clone(), vec![tag, num(r.get(2))?]));
    }
    let mut prob_pool = Vec::new();
    let probs = pooled_lists(rows, &mut prob_pool, &mut HashMap::new());
    let words_fst = words_map(&words, &probs)?;

    // prediction suffixes
    let mut pred_pool = Vec::new();
    let mut dedup = HashMap::new();
    let mut pred_fsts = Vec::new();
    for i in 0..3 {
        let mut rows = Vec::new();
        for r in tsv(&dir.join(format!("pred-{i}.tsv")))? {
            let cnt: u32 = num(r.get(1))?;
            let para: u32 = num(r.get(2))?;
            let idx: u32 = num(r.get(3))?;
            rows.push((r[0].clone(), vec![cnt, (para << 16) | idx]));
        }
        let keys = pooled_lists(rows, &mut pred_pool, &mut dedup);
        pred_fsts.push(fst_map(
            keys.iter().map(|(k, v)| (k.as_slice(), *v as u64)),
        )?);
    }

    let le32 = |v: &[u32]| -> Vec<u8> { v.iter().flat_map(|x| x.to_le_bytes()).collect() };
    let meta_text = format!(
        "OpenCorpora {} rev {} via pymorphy3-dicts-ru (compiled {}); CC BY-SA 4.0",
        meta["source_version"].as_str().unwrap_or("?"),
        meta["source_revision"].as_str().unwrap_or("?"),
        meta["compiled_at"].as_str().unwrap_or("?"),
    );
    let sections: Vec<Vec<u8>> = vec![
        meta_text.into_bytes(),
        string_list(&gramtab),
        string_list(&suffixes),
        string_list(&prefixes),
        offsets,
        para_data,
        words_fst,
        word_pool,
        le32(&prob_pool),
        pred_fsts[0].clone(),
        pred_fsts[1].clone(),
        pred_fsts[2].clone(),
        le32(&pred_pool),
    ];
    Ok(sections)
}

/// The sections of dictionary bytes (empty if the header is malformed).
fn section_slices(b: &[u8]) -> Vec<&[u8]> {
    let u32_at = |i: usize| {
        b.get(i..i + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
    };
    let Some(n) = u32_at(12) else {
        return Vec::new();
    };
    (0..n)
        .map_while(|i| {
            let (off, len) = (u32_at(16 + i * 8)?, u32_at(20 + i * 8)?);
            b.get(off..off + len)
        })
        .collect()
}

/// The dictionary bytes: `sections` (0–12) and `frequent` as section 13.
fn assemble(sections: &[Vec<u8>], frequent: &[u8]) -> Vec<u8> {
    let sections: Vec<&[u8]> = sections
        .iter()
        .map(Vec::as_slice)
        .chain([frequent])
        .collect();
    assert_eq!(sections.len(), SECTIONS);
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut off = (out.len() + sections.len() * 8) as u32;
    for s in &sections {
        out.extend_from_slice(&off.to_le_bytes());
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        off += s.len() as u32;
    }
    for s in &sections {
        out.extend_from_slice(s);
    }
    out
}
