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
}

impl Token {
    /// Converts a core token of `original` using its char offsets.
    pub(crate) fn from_core(
        token: &posol::Token,
        original: &str,
        offsets: &posol::CharOffsets,
    ) -> Token {
        let (start, stop) = offsets.char_span(token.span);
        Token {
            start,
            stop,
            text: token.text(original).to_owned(),
            kind: token.kind.as_str().to_owned(),
            glued: token.glued,
        }
    }
}

#[pymethods]
impl Token {
    /// Creates a token; normally tokens come from :func:`posol.tokenize`.
    #[new]
    #[pyo3(signature = (start, stop, text, kind, glued = false))]
    fn new(start: usize, stop: usize, text: String, kind: String, glued: bool) -> PyResult<Self> {
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
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Token(start={}, stop={}, text={}, kind={}, glued={})",
            self.start,
            self.stop,
            short_text(py, &self.text)?,
            short_text(py, &self.kind)?,
            py_bool(self.glued)
        ))
    }

    fn __getnewargs__(&self) -> (usize, usize, String, String, bool) {
        (
            self.start,
            self.stop,
            self.text.clone(),
            self.kind.clone(),
            self.glued,
        )
    }

    /// A JSON-ready dict: ``start``, ``stop``, ``text``, ``kind``, ``glued``.
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("stop", self.stop)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("kind", &self.kind)?;
        dict.set_item("glued", self.glued)?;
        Ok(dict)
    }
}
