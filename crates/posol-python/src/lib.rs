//! The native module `posol._native`: a thin PyO3 layer over the `posol` crate.
//!
//! All offsets exposed to Python are string indices (code points), never bytes. Every
//! call into the Rust library runs with the GIL released. The Python package `posol`
//! re-exports everything defined here.

#![deny(missing_docs)]

mod batch;
mod date;
mod document;
mod entity;
mod fact;
mod knowledge;
mod object;
mod parse;
mod repr;
mod sentence;
mod token;

use std::ffi::OsString;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::date::date_arg;
use crate::document::Document;
use crate::entity::Entity;
use crate::fact::Fact;
use crate::knowledge::Knowledge;
use crate::object::{Object, Role};
use crate::parse::Parse;
use crate::sentence::Sentence;
use crate::token::Token;

create_exception!(
    posol,
    PosolError,
    PyValueError,
    "Raised when posol rejects its input (a ValueError)."
);

/// Splits ``text`` into tokens.
#[pyfunction]
fn tokenize(py: Python<'_>, text: String) -> Vec<Token> {
    py.detach(move || {
        let offsets = posol::CharOffsets::new(&text);
        posol::tokenize(&text)
            .iter()
            .map(|t| Token::from_core(t, &text, &offsets, None))
            .collect()
    })
}

/// Splits ``text`` into sentences (each with its tokens).
#[pyfunction]
fn sentenize(py: Python<'_>, text: String) -> Vec<Sentence> {
    py.detach(move || Document::analyze(text, &posol::Options::segmentation()).sentences)
}

/// Analyses ``text``: tokens, sentences, morphology, named entities with their normal
/// forms and objects, and facts; relative dates are resolved against ``date`` (a
/// ``datetime.date`` or ``"YYYY-MM-DD"``), and ``knowledge`` (a :class:`Knowledge`)
/// adds user gazetteer entries to link objects to.
#[pyfunction]
#[pyo3(signature = (text, date = None, knowledge = None))]
fn analyze(
    py: Python<'_>,
    text: String,
    date: Option<&Bound<'_, PyAny>>,
    knowledge: Option<PyRef<'_, Knowledge>>,
) -> PyResult<Document> {
    let options = posol::Options::default()
        .date(date_arg(date)?)
        .knowledge(knowledge.map(|kb| kb.inner.clone()));
    Ok(py.detach(move || Document::analyze(text, &options)))
}

/// Runs the ``posol`` command line with ``argv`` (``argv[0]`` is the program name) and
/// returns its exit status. Output goes straight to the process's stdout and stderr.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<String>) -> PyResult<i32> {
    let sys = py.import("sys")?;
    for stream in ["stdout", "stderr"] {
        let stream = sys.getattr(stream)?;
        if !stream.is_none() {
            stream.call_method0("flush")?;
        }
    }
    Ok(py.detach(move || posol_cli::run(argv.into_iter().map(OsString::from))))
}

/// The native half of the ``posol`` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("PosolError", m.py().get_type::<PosolError>())?;
    m.add_class::<Token>()?;
    m.add_class::<Sentence>()?;
    m.add_class::<Document>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Fact>()?;
    m.add_class::<Object>()?;
    m.add_class::<Role>()?;
    m.add_class::<Knowledge>()?;
    m.add_class::<Parse>()?;
    m.add_function(wrap_pyfunction!(parse::parse, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(sentenize, m)?)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(batch::analyze_batch, m)?)?;
    Ok(())
}
