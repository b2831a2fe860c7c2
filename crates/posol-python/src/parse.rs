//! `posol.Parse` and `posol.parse`: dictionary analyses of single words.

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::repr::short_text;
use crate::PosolError;

/// One morphological analysis of a word, from :func:`posol.parse`.
///
/// ``lemma`` is lower case; ``normal_form`` is the lemma with the word's letter case.
/// ``tag`` is the OpenCorpora tag, ``pos`` and ``feats`` are Universal Dependencies.
/// Immutable, hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone)]
pub(crate) struct Parse {
    pub(crate) inner: posol::morph::Parse,
}

impl PartialEq for Parse {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.inner, &other.inner);
        a.word == b.word
            && a.lemma == b.lemma
            && a.tag == b.tag
            && a.score.to_bits() == b.score.to_bits()
    }
}

impl Eq for Parse {}

impl Hash for Parse {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let p = &self.inner;
        (&p.word, &p.lemma, p.tag, p.score.to_bits()).hash(state);
    }
}

/// All analyses of ``word``, most probable first (empty for an empty string).
#[pyfunction]
pub(crate) fn parse(py: Python<'_>, word: String) -> Vec<Parse> {
    py.detach(move || {
        posol::morph::Analyzer::global()
            .parse(&word)
            .into_iter()
            .map(|inner| Parse { inner })
            .collect()
    })
}

#[pymethods]
impl Parse {
    /// Finds the analysis of ``word`` with this ``lemma`` and ``tag`` (how pickling
    /// restores a parse); normally parses come from :func:`posol.parse`.
    #[new]
    fn new(py: Python<'_>, word: String, lemma: String, tag: String) -> PyResult<Self> {
        let found = py.detach(|| {
            posol::morph::Analyzer::global()
                .parse(&word)
                .into_iter()
                .find(|p| p.lemma == lemma && p.tag == tag)
        });
        match found {
            Some(inner) => Ok(Parse { inner }),
            None => Err(PosolError::new_err(format!(
                "{word:?} has no analysis with lemma {lemma:?} and tag {tag:?}"
            ))),
        }
    }

    /// The analysed word, as given.
    #[getter]
    fn word(&self) -> &str {
        &self.inner.word
    }

    /// The dictionary form, lower case.
    #[getter]
    fn lemma(&self) -> &str {
        &self.inner.lemma
    }

    /// The dictionary form with the letter case of the word (``Токаева`` → ``Токаев``).
    #[getter]
    fn normal_form(&self) -> String {
        self.inner.normal_form()
    }

    /// Probability-like score; the analyses of one word sum to about 1.
    #[getter]
    fn score(&self) -> f64 {
        f64::from(self.inner.score)
    }

    /// The OpenCorpora tag, e.g. ``"NOUN,anim,masc,Surn sing,gent"``.
    #[getter]
    fn tag(&self) -> &'static str {
        self.inner.tag
    }

    /// The Universal Dependencies part of speech (``"NOUN"``, ``"PROPN"``, ``"VERB"`` ...).
    #[getter]
    fn pos(&self) -> &'static str {
        self.inner.upos
    }

    /// The Universal Dependencies features (``"Case=Gen|Number=Sing"``; ``"_"`` if none).
    #[getter]
    fn feats(&self) -> &'static str {
        self.inner.feats
    }

    /// Whether the word is in the dictionary (not guessed).
    #[getter]
    fn is_known(&self) -> bool {
        self.inner.is_known()
    }

    /// The form of this word with the OpenCorpora ``grammemes`` (``["datv", "plur"]``),
    /// in the word's letter case; ``None`` if there is no such form.
    fn inflect(&self, py: Python<'_>, grammemes: Vec<String>) -> Option<String> {
        py.detach(|| {
            let g: Vec<&str> = grammemes.iter().map(String::as_str).collect();
            self.inner.inflect(&g)
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Parse(word={}, lemma={}, tag={}, pos={}, score={:.3})",
            short_text(py, &self.inner.word)?,
            short_text(py, &self.inner.lemma)?,
            short_text(py, self.inner.tag)?,
            short_text(py, self.inner.upos)?,
            self.inner.score
        ))
    }

    fn __getnewargs__(&self) -> (String, String, &'static str) {
        (
            self.inner.word.clone(),
            self.inner.lemma.clone(),
            self.inner.tag,
        )
    }

    /// A JSON-ready dict: ``word``, ``lemma``, ``normal_form``, ``score``, ``tag``,
    /// ``pos``, ``feats``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("word", &self.inner.word)?;
        dict.set_item("lemma", &self.inner.lemma)?;
        dict.set_item("normal_form", self.normal_form())?;
        dict.set_item("score", self.score())?;
        dict.set_item("tag", self.inner.tag)?;
        dict.set_item("pos", self.inner.upos)?;
        dict.set_item("feats", self.inner.feats)?;
        Ok(dict)
    }
}
