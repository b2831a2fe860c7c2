//! Input sources: files (gunzipped when named `*.gz`) and standard input, read line by line.

use std::cell::Cell;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::rc::Rc;

use flate2::read::MultiGzDecoder;

/// Where input lines come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input (`-` or no file given).
    Stdin,
    /// A file; decompressed when its name ends in `.gz`.
    File(PathBuf),
}

impl Source {
    /// The sources named on the command line; standard input when there are none.
    pub(crate) fn from_args(files: &[OsString]) -> Vec<Source> {
        if files.is_empty() {
            return vec![Source::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if f == OsStr::new("-") {
                    Source::Stdin
                } else {
                    Source::File(PathBuf::from(f))
                }
            })
            .collect()
    }

    /// The name used in error messages.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The size in bytes on disk, when known (for the progress bar).
    pub(crate) fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        }
    }

    /// Opens the source; `consumed` counts the (compressed) bytes read from it.
    ///
    /// # Errors
    /// When the file cannot be opened.
    pub(crate) fn open(&self, consumed: Rc<Cell<u64>>) -> io::Result<Lines> {
        let reader: Box<dyn BufRead> = match self {
            Source::Stdin => Box::new(BufReader::new(Counting {
                inner: io::stdin().lock(),
                consumed,
            })),
            Source::File(path) => {
                let file = Counting {
                    inner: File::open(path)?,
                    consumed,
                };
                let gz = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
                if gz {
                    Box::new(BufReader::new(MultiGzDecoder::new(BufReader::new(file))))
                } else {
                    Box::new(BufReader::with_capacity(1 << 16, file))
                }
            }
        };
        Ok(Lines { reader, number: 0 })
    }
}

/// A reader that adds the number of bytes it reads to a shared counter.
struct Counting<R> {
    inner: R,
    consumed: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.set(self.consumed.get() + n as u64);
        Ok(n)
    }
}

/// The lines of one source, as raw bytes with their 1-based line numbers.
pub(crate) struct Lines {
    reader: Box<dyn BufRead>,
    number: u64,
}

impl Lines {
    /// The next non-blank line without its terminator (`\n` or `\r\n`), or `None` at the end.
    ///
    /// # Errors
    /// Read errors (including corrupt gzip data).
    pub(crate) fn next_line(&mut self) -> io::Result<Option<(u64, Vec<u8>)>> {
        loop {
            let mut buf = Vec::new();
            if self.reader.read_until(b'\n', &mut buf)? == 0 {
                return Ok(None);
            }
            self.number += 1;
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            if !buf.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.number, buf)));
            }
        }
    }
}
