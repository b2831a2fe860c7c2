//! Gazetteers: hand-written lists of countries, cities, regions, organizations, posts,
//! nationalities, event cue words and diseases (`data/gazetteer/*.txt`), matched on
//! lemma sequences.

use std::sync::OnceLock;

use super::features::{lemma_key, TokInfo};
use super::hash::{mix, str_hash, KeyMap};

const LISTS: [(&str, &str); 8] = [
    ("COUNTRY", include_str!("../../data/gazetteer/country.txt")),
    ("CITY", include_str!("../../data/gazetteer/city.txt")),
    ("STATE", include_str!("../../data/gazetteer/state.txt")),
    ("ORG", include_str!("../../data/gazetteer/organization.txt")),
    ("PROF", include_str!("../../data/gazetteer/profession.txt")),
    ("NAT", include_str!("../../data/gazetteer/nationality.txt")),
    ("EVENT", include_str!("../../data/gazetteer/event.txt")),
    ("DISEASE", include_str!("../../data/gazetteer/disease.txt")),
];

/// Longest entry, in tokens.
const MAX_LEN: usize = 5;

/// The compiled gazetteers: lemma-sequence key → list ids (bit set).
pub(crate) struct Gazetteer {
    entries: KeyMap<u64, u8>,
    names: [u64; 8],
}

impl Gazetteer {
    /// The shared gazetteer, compiled from the embedded lists on first use.
    pub(crate) fn global() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut entries: KeyMap<u64, u8> = KeyMap::default();
        let mut names = [0u64; 8];
        for (id, (name, list)) in LISTS.iter().enumerate() {
            names[id] = str_hash(name);
            for line in list.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let toks = crate::token::tokenize(line);
                if toks.is_empty() || toks.len() > MAX_LEN {
                    continue;
                }
                let k = toks
                    .iter()
                    .fold(0u64, |h, t| mix(h, lemma_key(t.text(line), t.kind)));
                *entries.entry(k).or_default() |= 1 << id;
            }
        }
        Gazetteer { entries, names }
    }

    /// Marks gazetteer matches in `toks`: each token gets up to two labels
    /// (list, BILOU part) from the longest match starting at each position.
    pub(crate) fn annotate(&self, toks: &mut [TokInfo]) {
        let n = toks.len();
        for i in 0..n {
            let mut h = 0u64;
            let mut best: Option<(usize, u8)> = None;
            for len in 1..=MAX_LEN.min(n - i) {
                h = mix(h, toks[i + len - 1].lemma);
                if let Some(&ids) = self.entries.get(&h) {
                    best = Some((len, ids));
                }
            }
            let Some((len, ids)) = best else { continue };
            for id in 0..self.names.len() {
                if ids & (1 << id) == 0 {
                    continue;
                }
                for j in 0..len {
                    let p = match (j, len) {
                        (_, 1) => 4,
                        (0, _) => 1,
                        (j, l) if j + 1 == l => 3,
                        _ => 2,
                    };
                    let label = mix(self.names[id], p);
                    let slot = &mut toks[i + j].gaz;
                    if slot.contains(&label) {
                        continue;
                    }
                    if slot[0] == 0 {
                        slot[0] = label;
                    } else if slot[1] == 0 {
                        slot[1] = label;
                    }
                }
            }
        }
    }
}
