//! Grammemes, OpenCorpora tags and their Universal Dependencies equivalents.

/// Every grammeme the analyzer knows, OpenCorpora spelling. A tag is a bit set over
/// this list (bit `i` = `GRAMMEMES[i]`).
pub(crate) const GRAMMEMES: &[&str] = &[
    // parts of speech (0..)
    "NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB", "NPRO",
    "PRED", "PREP", "CONJ", "PRCL", "INTJ", "LATN", "PNCT", "NUMB", "ROMN", "UNKN",
    // cases
    "nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen1", "gen2", "acc2", "loc1",
    "loc2", // numbers
    "sing", "plur", // genders
    "masc", "femn", "neut", "ms-f", "GNdr", "Ms-f", // animacy
    "anim", "inan", // aspect, transitivity, person, tense, mood, voice, involvement
    "perf", "impf", "tran", "intr", "1per", "2per", "3per", "pres", "past", "futr", "indc", "impr",
    "actv", "pssv", "incl", "excl", // other marks
    "Abbr", "Adjx", "Af-p", "Anph", "Anum", "Apro", "Arch", "Cmp2", "Coll", "Coun", "Dist", "Dmns",
    "Erro", "Fimp", "Fixd", "Geox", "Hypo", "Impe", "Impx", "Infr", "Inmx", "Litr", "Name", "Orgn",
    "Patr", "Pltm", "Poss", "Prdx", "Prnt", "Qual", "Ques", "Sgtm", "Slng", "Subx", "Supr", "Surn",
    "V-be", "V-bi", "V-ej", "V-en", "V-ey", "V-ie", "V-oy", "V-sh", "Vpre", "intg", "real",
];

/// Grammeme categories: members of one category exclude each other in a tag.
const CATEGORIES: &[&[&str]] = &[
    &[
        "NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB",
        "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ",
    ],
    &[
        "nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen1", "gen2", "acc2", "loc1",
        "loc2",
    ],
    &["sing", "plur"],
    &["masc", "femn", "neut", "ms-f", "GNdr", "Ms-f"],
    &["anim", "inan"],
    &["perf", "impf"],
    &["tran", "intr"],
    &["1per", "2per", "3per"],
    &["pres", "past", "futr"],
    &["indc", "impr"],
    &["actv", "pssv"],
    &["incl", "excl"],
];

/// FNV-1a over the bytes: grammeme names are short and trusted, so a cheap hash suffices.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Index of a grammeme name in [`GRAMMEMES`].
pub(crate) fn grammeme_id(name: &str) -> Option<u32> {
    type Index = std::collections::HashMap<&'static str, u32, std::hash::BuildHasherDefault<Fnv>>;
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        GRAMMEMES
            .iter()
            .enumerate()
            .map(|(i, g)| (*g, i as u32))
            .collect()
    });
    index.get(name).copied()
}

/// Bit mask of one grammeme (0 for an unknown name).
pub(crate) fn bit(name: &str) -> u128 {
    grammeme_id(name).map_or(0, |i| 1u128 << i)
}

/// [`bit`] at compile time, for the masks the hot paths test.
pub(crate) const fn const_bit(name: &str) -> u128 {
    let mut i = 0;
    while i < GRAMMEMES.len() {
        if const_eq(GRAMMEMES[i], name) {
            return 1u128 << i;
        }
        i += 1;
    }
    0
}

/// Union of [`const_bit`] over `names`.
pub(crate) const fn const_mask(names: &[&str]) -> u128 {
    let mut m = 0;
    let mut i = 0;
    while i < names.len() {
        m |= const_bit(names[i]);
        i += 1;
    }
    m
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Mask of all grammemes of the category `name` belongs to (just `name` if none).
pub(crate) const fn category_mask(name: &str) -> u128 {
    let mut c = 0;
    while c < CATEGORIES.len() {
        let cat = CATEGORIES[c];
        let mut i = 0;
        while i < cat.len() {
            if const_eq(cat[i], name) {
                return const_mask(cat);
            }
            i += 1;
        }
        c += 1;
    }
    const_bit(name)
}

/// Parts of speech whose forms pymorphy never predicts for unknown words.
pub(crate) fn is_productive(gram: u128) -> bool {
    let closed = [
        "NUMR", "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ", "Apro",
    ];
    closed.iter().all(|g| gram & bit(g) == 0)
}

/// Rare case grammemes that inflection falls back from (`gen2` → `gent`, ...).
pub(crate) fn fix_rare_cases(mask: u128) -> u128 {
    const PAIRS: [(u128, u128); 6] = [
        (const_bit("gen1"), const_bit("gent")),
        (const_bit("gen2"), const_bit("gent")),
        (const_bit("acc2"), const_bit("accs")),
        (const_bit("loc1"), const_bit("loct")),
        (const_bit("loc2"), const_bit("loct")),
        (const_bit("voct"), const_bit("nomn")),
    ];
    let mut m = mask;
    for (from, to) in PAIRS {
        if m & from != 0 {
            m = (m & !from) | to;
        }
    }
    m
}

/// A tag of the table: OpenCorporа string, grammeme set and UD view.
#[derive(Debug)]
pub(crate) struct TagInfo {
    pub(crate) oc: Box<str>,
    pub(crate) gram: u128,
    pub(crate) upos: &'static str,
    pub(crate) feats: Box<str>,
    pub(crate) productive: bool,
}

impl TagInfo {
    /// Builds a tag from its OpenCorpora string (`"NOUN,anim,masc sing,nomn"`).
    pub(crate) fn new(oc: &str) -> TagInfo {
        let gram = oc
            .split([',', ' '])
            .filter(|s| !s.is_empty())
            .fold(0u128, |m, g| m | bit(g));
        TagInfo {
            oc: oc.into(),
            gram,
            upos: upos_of(gram),
            feats: feats_of(gram).into_boxed_str(),
            productive: is_productive(gram),
        }
    }

    /// Whether the tag has the grammeme.
    pub(crate) fn has(&self, name: &str) -> bool {
        let b = bit(name);
        b != 0 && self.gram & b != 0
    }
}

/// The UD UPOS of a grammeme set (lemma-independent part; see [`refine_upos`]).
fn upos_of(g: u128) -> &'static str {
    let has = |n: &str| g & bit(n) != 0;
    if has("NOUN") {
        let proper = ["Name", "Surn", "Patr", "Geox", "Orgn"];
        if proper.iter().any(|p| has(p)) {
            "PROPN"
        } else {
            "NOUN"
        }
    } else if has("ADJF") {
        if has("Apro") {
            "DET"
        } else {
            "ADJ"
        }
    } else if has("ADJS") || has("COMP") {
        "ADJ"
    } else if has("VERB") || has("INFN") || has("PRTF") || has("PRTS") || has("GRND") {
        "VERB"
    } else if has("NUMR") || has("NUMB") || has("ROMN") {
        "NUM"
    } else if has("ADVB") || has("PRED") {
        "ADV"
    } else if has("NPRO") {
        "PRON"
    } else if has("PREP") {
        "ADP"
    } else if has("CONJ") {
        "SCONJ"
    } else if has("PRCL") {
        "PART"
    } else if has("INTJ") {
        "INTJ"
    } else if has("PNCT") {
        "PUNCT"
    } else {
        "X"
    }
}

/// Lemma-dependent UPOS corrections: coordinating conjunctions and the copula.
pub(crate) fn refine_upos(upos: &'static str, lemma: &str) -> &'static str {
    match upos {
        "SCONJ" if matches!(lemma, "и" | "а" | "но" | "или" | "либо" | "да" | "однако") => {
            "CCONJ"
        }
        "VERB" if lemma == "быть" => "AUX",
        _ => upos,
    }
}

/// The UD FEATS string (`Case=Nom|Number=Sing`, `_` when empty) of a grammeme set.
fn feats_of(g: u128) -> String {
    let has = |n: &str| g & bit(n) != 0;
    let mut feats: Vec<(&str, &str)> = Vec::new();
    let table: &[(&str, &str, &str)] = &[
        ("anim", "Animacy", "Anim"),
        ("inan", "Animacy", "Inan"),
        ("perf", "Aspect", "Perf"),
        ("impf", "Aspect", "Imp"),
        ("nomn", "Case", "Nom"),
        ("gent", "Case", "Gen"),
        ("gen1", "Case", "Gen"),
        ("gen2", "Case", "Par"),
        ("datv", "Case", "Dat"),
        ("accs", "Case", "Acc"),
        ("acc2", "Case", "Acc"),
        ("ablt", "Case", "Ins"),
        ("loct", "Case", "Loc"),
        ("loc1", "Case", "Loc"),
        ("loc2", "Case", "Loc"),
        ("voct", "Case", "Voc"),
        ("masc", "Gender", "Masc"),
        ("femn", "Gender", "Fem"),
        ("neut", "Gender", "Neut"),
        ("indc", "Mood", "Ind"),
        ("impr", "Mood", "Imp"),
        ("sing", "Number", "Sing"),
        ("plur", "Number", "Plur"),
        ("1per", "Person", "1"),
        ("2per", "Person", "2"),
        ("3per", "Person", "3"),
        ("past", "Tense", "Past"),
        ("pres", "Tense", "Pres"),
        ("futr", "Tense", "Fut"),
        ("actv", "Voice", "Act"),
        ("pssv", "Voice", "Pass"),
    ];
    for (gr, name, value) in table {
        if has(gr) && !feats.iter().any(|(n, _)| n == name) {
            feats.push((name, value));
        }
    }
    if has("COMP") || has("Cmp2") {
        feats.push(("Degree", "Cmp"));
    } else if has("Supr") {
        feats.push(("Degree", "Sup"));
    } else if has("ADJF") && !has("Apro") && !has("Anum") {
        feats.push(("Degree", "Pos"));
    }
    if has("ADJS") || has("PRTS") {
        feats.push(("Variant", "Short"));
    }
    let verb_form = if has("INFN") {
        Some("Inf")
    } else if has("PRTF") || has("PRTS") {
        Some("Part")
    } else if has("GRND") {
        Some("Conv")
    } else if has("VERB") {
        Some("Fin")
    } else {
        None
    };
    if let Some(v) = verb_form {
        feats.push(("VerbForm", v));
    }
    if has("NUMB") {
        feats.push(("NumForm", "Digit"));
    }
    if feats.is_empty() {
        return "_".to_string();
    }
    feats.sort();
    let parts: Vec<String> = feats.iter().map(|(n, v)| format!("{n}={v}")).collect();
    parts.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammemes_fit_in_bitset() {
        assert!(GRAMMEMES.len() <= 128);
    }

    #[test]
    fn ud_view_of_common_tags() {
        let cases = [
            (
                "NOUN,anim,masc,Surn sing,gent",
                "PROPN",
                "Animacy=Anim|Case=Gen|Gender=Masc|Number=Sing",
            ),
            (
                "NOUN,inan,femn sing,accs",
                "NOUN",
                "Animacy=Inan|Case=Acc|Gender=Fem|Number=Sing",
            ),
            (
                "VERB,perf,intr masc,sing,past,indc",
                "VERB",
                "Aspect=Perf|Gender=Masc|Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin",
            ),
            (
                "ADJF,Qual femn,sing,nomn",
                "ADJ",
                "Case=Nom|Degree=Pos|Gender=Fem|Number=Sing",
            ),
            ("PREP", "ADP", "_"),
            ("PNCT", "PUNCT", "_"),
        ];
        for (oc, upos, feats) in cases {
            let t = TagInfo::new(oc);
            assert_eq!(t.upos, upos, "{oc}");
            assert_eq!(&*t.feats, feats, "{oc}");
        }
    }

    #[test]
    fn categories_and_rare_cases() {
        assert_eq!(category_mask("gent") & bit("nomn"), bit("nomn"));
        assert_eq!(
            fix_rare_cases(bit("loc2") | bit("sing")),
            bit("loct") | bit("sing")
        );
        assert!(!is_productive(bit("PREP")));
        assert_eq!(refine_upos("VERB", "быть"), "AUX");
        assert_eq!(refine_upos("SCONJ", "и"), "CCONJ");
    }
}
