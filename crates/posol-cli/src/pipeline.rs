//! Streams input lines through the analyser in ordered chunks, sequentially or on a
//! local thread pool, and writes the results in input order.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

use rayon::prelude::*;

use crate::input::Source;
use crate::progress::Progress;
use crate::record::{parse_line, LineError, Record};
use crate::serialize::{write_document, Mode};

/// Lines per chunk for each worker thread; a chunk is never smaller than [`MIN_CHUNK`].
const LINES_PER_THREAD: usize = 64;
/// The smallest chunk, in lines.
const MIN_CHUNK: usize = 256;

/// How to process the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// What to write for each document.
    pub(crate) mode: Mode,
    /// Worker threads; 0 means all cores.
    pub(crate) threads: usize,
    /// Whether to show a progress bar (when stderr is a terminal).
    pub(crate) progress: bool,
}

/// Runs the documents either on the calling thread or on a local rayon pool.
enum Workers {
    Sequential,
    Pool(rayon::ThreadPool),
}

impl Workers {
    fn new(threads: usize) -> Workers {
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        if threads == 1 {
            return Workers::Sequential;
        }
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => Workers::Pool(pool),
            Err(e) => {
                eprintln!("posol: warning: cannot start {threads} threads ({e}); running on one");
                Workers::Sequential
            }
        }
    }

    fn threads(&self) -> usize {
        match self {
            Workers::Sequential => 1,
            Workers::Pool(pool) => pool.current_num_threads(),
        }
    }

    fn process(&self, lines: &[(u64, Vec<u8>)], mode: Mode) -> Vec<Result<Vec<u8>, LineError>> {
        match self {
            Workers::Sequential => lines.iter().map(|(_, l)| process_line(l, mode)).collect(),
            Workers::Pool(pool) => pool.install(|| {
                lines
                    .par_iter()
                    .map(|(_, l)| process_line(l, mode))
                    .collect()
            }),
        }
    }
}

/// Parses, analyses and serializes one input line.
fn process_line(line: &[u8], mode: Mode) -> Result<Vec<u8>, LineError> {
    render(&parse_line(line)?, mode)
}

/// Analyses a record and returns its JSON output line. `segment` computes tokens and
/// sentences only; `analyze` adds morphology and facts, using the record's date.
///
/// # Errors
/// [`LineError::Date`] when `analyze` gets a record with a malformed date.
pub(crate) fn render(record: &Record, mode: Mode) -> Result<Vec<u8>, LineError> {
    let options = match mode {
        Mode::Segment => posol::Options::segmentation(),
        Mode::Analyze => posol::Options::default().date(record.civil_date()?),
    };
    let doc = posol::analyze_with(&record.text, &options);
    let mut out = Vec::with_capacity(record.text.len() * 4 + 64);
    write_document(&mut out, record, &doc, mode);
    Ok(out)
}

/// Processes every source in turn, writing results to `out` and problems to stderr.
///
/// Returns `Ok(true)` when every line and source was processed without error.
///
/// # Errors
/// Only errors writing to `out` (a closed pipe, a full disk); they stop processing.
pub(crate) fn run_sources(
    sources: &[Source],
    options: Options,
    out: &mut impl Write,
) -> io::Result<bool> {
    let workers = Workers::new(options.threads);
    let chunk = (workers.threads() * LINES_PER_THREAD).max(MIN_CHUNK);
    let consumed = Rc::new(Cell::new(0_u64));
    let progress = Progress::new(options.progress, sources);
    let mut ok = true;
    for source in sources {
        let name = source.name();
        let mut lines = match source.open(Rc::clone(&consumed)) {
            Ok(lines) => lines,
            Err(e) => {
                progress.println(&format!("posol: {name}: {e}"));
                ok = false;
                continue;
            }
        };
        let mut batch = Vec::with_capacity(chunk);
        let mut done = false;
        while !done {
            batch.clear();
            while batch.len() < chunk {
                match lines.next_line() {
                    Ok(Some(line)) => batch.push(line),
                    Ok(None) => {
                        done = true;
                        break;
                    }
                    Err(e) => {
                        progress.println(&format!("posol: {name}: read error: {e}"));
                        ok = false;
                        done = true;
                        break;
                    }
                }
            }
            let results = workers.process(&batch, options.mode);
            for ((number, _), result) in batch.iter().zip(results) {
                match result {
                    Ok(json) => out.write_all(&json)?,
                    Err(e) => {
                        progress.println(&format!("posol: {name}:{number}: {e}"));
                        ok = false;
                    }
                }
            }
            out.flush()?;
            progress.advance(consumed.get(), batch.len() as u64);
        }
    }
    progress.finish();
    Ok(ok)
}
