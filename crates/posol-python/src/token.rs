//! `posol.Token`: one token with Python string offsets.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::repr::{py_bool, short_text};
use crate::PosolError;

/// One token: ``text[token.start:token.stop] == token.text``.
///
/// Offsets are Python string indices (code points). Immutable, hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Token {
    /// Index of the token's first character in the text.
    #[pyo3(get)]
    pub(crate) start: usize,
    /// Index one past the token's last character.
    #[pyo3(get)]
    pub(crate) stop: usize,
    /// The token's text, exactly as in the original.
    #[pyo3(get)]
    pub(crate) text: String,
    /// The kind: "word", "number", "punct", "symbol", "url", "email", "hashtag",
    /// "mention" or "emoji".
    #[pyo3(get)]
    pub(crate) kind: String,
    /// True when the token was cut off a word it was glued to without a space.
    #[pyo3(get)]
    pub(crate) glued: bool,
    /// The lemma (lower case) chosen in context; ``None`` for tokens other than words
    /// and numbers, and for tokens from :func:`posol.tokenize`.
    #[pyo3(get)]
    pub(crate) lemma: Option<String>,
    /// The Universal Dependencies part of speech (``"NOUN"``...); ``None`` like ``lemma``.
    #[pyo3(get)]
    pub(crate) pos: Option<String>,
    /// The Universal Dependencies features (``"_"`` if none); ``None`` like ``lemma``.
    #[pyo3(get)]
    pub(crate) feats: Option<String>,
}

impl Token {
    /// Converts a core token of `original` using its char offsets, with its morphology
    /// when there is one.
    pub(crate) fn from_core(
        token: &posol::Token,
        original: &str,
        offsets: &posol::CharOffsets,
        morph: Option<&posol::TokenMorph>,
    ) -> Token {
        let (start, stop) = offsets.char_span(token.span);
        Token {
            start,
            stop,
            text: token.text(original).to_owned(),
            kind: token.kind.as_str().to_owned(),
            glued: token.glued,
            lemma: morph.map(|m| m.lemma.clone()),
            pos: morph.map(|m| m.upos.to_owned()),
            feats: morph.map(|m| m.feats.to_owned()),
        }
    }
}

#[pymethods]
impl Token {
    /// Creates a token; normally tokens come from :func:`posol.tokenize`.
    #[new]
    #[pyo3(signature = (start, stop, text, kind, glued = false, lemma = None, pos = None, feats = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        stop: usize,
        text: String,
        kind: String,
        glued: bool,
        lemma: Option<String>,
        pos: Option<String>,
        feats: Option<String>,
    ) -> PyResult<Self> {
        if start > stop {
            return Err(PosolError::new_err(format!(
                "token start {start} is after its stop {stop}"
            )));
        }
        Ok(Token {
            start,
            stop,
            text,
            kind,
            glued,
            lemma,
            pos,
            feats,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = format!(
            "Token(start={}, stop={}, text={}, kind={}, glued={}",
            self.start,
            self.stop,
            short_text(py, &self.text)?,
            short_text(py, &self.kind)?,
            py_bool(self.glued)
        );
        // Morphology is shown when present, so tokens that differ only in it look different.
        for (name, value) in [("lemma", &self.lemma), ("pos", &self.pos)] {
            if let Some(value) = value {
                out.push_str(&format!(", {name}={}", short_text(py, value)?));
            }
        }
        out.push(')');
        Ok(out)
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
    ) -> (
        usize,
        usize,
        String,
        String,
        bool,
        Option<String>,
        Option<String>,
        Option<String>,
    ) {
        (
            self.start,
            self.stop,
            self.text.clone(),
            self.kind.clone(),
            self.glued,
            self.lemma.clone(),
            self.pos.clone(),
            self.feats.clone(),
        )
    }

    /// A JSON-ready dict: ``start``, ``stop``, ``text``, ``kind``, ``glued`` and, when
    /// the token has morphology, ``lemma``, ``pos`` and ``feats``.
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("stop", self.stop)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("kind", &self.kind)?;
        dict.set_item("glued", self.glued)?;
        for (name, value) in [
            ("lemma", &self.lemma),
            ("pos", &self.pos),
            ("feats", &self.feats),
        ] {
            if let Some(value) = value {
                dict.set_item(name, value)?;
            }
        }
        Ok(dict)
    }
}
