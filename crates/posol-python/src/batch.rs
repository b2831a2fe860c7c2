//! `posol._native.analyze_batch`: many texts analysed on local worker threads.
//!
//! The Python wrapper `posol.analyze_many` chunks its input, calls this once per chunk
//! (updating a progress bar in between) and wraps the results. No global pool: each call
//! starts at most `n_threads` scoped threads, which end before it returns.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pyo3::prelude::*;

use crate::date::date_arg;
use crate::document::Document;
use crate::PosolError;

/// One input, checked while holding the GIL: the text and options, or why it is bad.
type Prepared = Result<(String, posol::Options), PyErr>;

/// Analyses ``texts[i]`` with ``dates[i]`` for every ``i`` on up to ``n_threads`` threads
/// (0: all cores), with the GIL released, and returns a list in input order holding, for
/// each input, a ``Document`` or the exception instance (``TypeError`` for a text that is
/// not a ``str``, ``PosolError`` for a bad date or an internal failure) it failed with.
/// One bad input never stops the others.
#[pyfunction]
#[pyo3(signature = (texts, dates, n_threads = 0))]
pub(crate) fn analyze_batch(
    py: Python<'_>,
    texts: Vec<Bound<'_, PyAny>>,
    dates: Vec<Bound<'_, PyAny>>,
    n_threads: usize,
) -> PyResult<Vec<Py<PyAny>>> {
    if texts.len() != dates.len() {
        return Err(PosolError::new_err(format!(
            "analyze_batch: {} texts but {} dates",
            texts.len(),
            dates.len()
        )));
    }
    let prepared: Vec<Prepared> = texts
        .iter()
        .zip(&dates)
        .map(|(text, date)| {
            let text: String = text.extract()?;
            let date = date_arg(Some(date))?;
            Ok((text, posol::Options::default().date(date)))
        })
        .collect();
    let threads = match n_threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let results = py.detach(move || run(prepared, threads));
    results
        .into_iter()
        .map(|r| match r {
            Ok(doc) => Ok(Py::new(py, doc)?.into_any()),
            Err(Failure::Python(e)) => Ok(e.into_value(py).into_any()),
            Err(Failure::Panic(msg)) => Ok(PosolError::new_err(format!(
                "internal error while analysing this text: {msg}"
            ))
            .into_value(py)
            .into_any()),
        })
        .collect()
}

/// Why one input produced no document.
enum Failure {
    /// Rejected before analysis (bad text type, bad date).
    Python(PyErr),
    /// The analyser panicked (a bug: posol's policy is to never panic on any text).
    Panic(String),
}

fn analyze_one(item: Prepared) -> Result<Document, Failure> {
    let (text, options) = item.map_err(Failure::Python)?;
    catch_unwind(AssertUnwindSafe(|| Document::analyze(text, &options))).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| String::from("panic"));
        Failure::Panic(msg)
    })
}

/// Runs every item, on the calling thread or on `threads` scoped threads that take the next
/// unprocessed item from a shared counter; results keep input order.
fn run(items: Vec<Prepared>, threads: usize) -> Vec<Result<Document, Failure>> {
    let n = items.len();
    let threads = threads.min(n);
    if threads <= 1 {
        return items.into_iter().map(analyze_one).collect();
    }
    let inputs: Vec<Mutex<Option<Prepared>>> =
        items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Document, Failure>)> = Vec::with_capacity(n);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(slot) = inputs.get(i) else { break };
                        let item = slot.lock().map(|mut s| s.take()).ok().flatten();
                        if let Some(item) = item {
                            mine.push((i, analyze_one(item)));
                        }
                    }
                    mine
                })
            })
            .collect();
        for worker in workers {
            // A worker cannot panic (analysis panics are caught), but stay total anyway.
            if let Ok(mine) = worker.join() {
                done.extend(mine);
            }
        }
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    let mut out: Vec<Result<Document, Failure>> = Vec::with_capacity(n);
    let mut it = done.into_iter().peekable();
    for i in 0..n {
        match it.peek() {
            Some((j, _)) if *j == i => {
                if let Some((_, r)) = it.next() {
                    out.push(r);
                }
            }
            _ => out.push(Err(Failure::Panic(String::from("worker thread lost")))),
        }
    }
    out
}
