//! Small helpers shared by the Python classes: bounded reprs and offset conversion.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// At most this many characters of text appear in a `__repr__`.
const REPR_CHARS: usize = 60;

/// The Python repr of `text`, cut to [`REPR_CHARS`] characters with an ellipsis.
pub(crate) fn short_text(py: Python<'_>, text: &str) -> PyResult<String> {
    let cut = match text.char_indices().nth(REPR_CHARS) {
        Some((end, _)) => {
            let head = text
                .char_indices()
                .nth(REPR_CHARS - 1)
                .map_or(end, |(i, _)| i);
            format!("{}…", &text[..head])
        }
        None => text.to_owned(),
    };
    Ok(PyString::new(py, &cut).repr()?.to_string())
}

/// A Python-style bool literal.
pub(crate) fn py_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}
