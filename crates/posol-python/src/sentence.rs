//! `posol.Sentence`: one sentence with its tokens.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::repr::short_text;
use crate::token::Token;
use crate::PosolError;

/// One sentence: ``text[sentence.start:sentence.stop] == sentence.text``.
///
/// Offsets are Python string indices (code points). Immutable, hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Sentence {
    /// Index of the sentence's first character in the text.
    #[pyo3(get)]
    pub(crate) start: usize,
    /// Index one past the sentence's last character.
    #[pyo3(get)]
    pub(crate) stop: usize,
    /// The sentence's text, exactly as in the original.
    #[pyo3(get)]
    pub(crate) text: String,
    pub(crate) tokens: Vec<Token>,
}

impl Sentence {
    /// Converts a core sentence; `tokens` are the document's already converted tokens.
    pub(crate) fn from_core(
        sentence: &posol::Sentence,
        original: &str,
        offsets: &posol::CharOffsets,
        tokens: &[Token],
    ) -> Sentence {
        let (start, stop) = offsets.char_span(sentence.span);
        Sentence {
            start,
            stop,
            text: sentence.text(original).to_owned(),
            tokens: tokens.get(sentence.tokens.clone()).unwrap_or(&[]).to_vec(),
        }
    }
}

#[pymethods]
impl Sentence {
    /// Creates a sentence; normally sentences come from :func:`posol.sentenize`.
    #[new]
    #[pyo3(signature = (start, stop, text, tokens = Vec::new()))]
    fn new(
        start: usize,
        stop: usize,
        text: String,
        tokens: Vec<PyRef<'_, Token>>,
    ) -> PyResult<Self> {
        if start > stop {
            return Err(PosolError::new_err(format!(
                "sentence start {start} is after its stop {stop}"
            )));
        }
        Ok(Sentence {
            start,
            stop,
            text,
            tokens: tokens.iter().map(|t| (**t).clone()).collect(),
        })
    }

    /// The sentence's tokens (a new list on every access).
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.tokens.iter().cloned())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence(start={}, stop={}, text={}, tokens={})",
            self.start,
            self.stop,
            short_text(py, &self.text)?,
            self.tokens.len()
        ))
    }

    fn __getnewargs__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(usize, usize, String, Bound<'py, PyList>)> {
        Ok((self.start, self.stop, self.text.clone(), self.tokens(py)?))
    }

    /// A JSON-ready dict: ``start``, ``stop``, ``text`` and ``tokens`` (a list of dicts).
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start)?;
        dict.set_item("stop", self.stop)?;
        dict.set_item("text", &self.text)?;
        let tokens = PyList::empty(py);
        for token in &self.tokens {
            tokens.append(token.to_dict(py)?)?;
        }
        dict.set_item("tokens", tokens)?;
        Ok(dict)
    }
}
