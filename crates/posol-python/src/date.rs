//! The `date` argument: a `datetime.date` (or `datetime.datetime`), an ISO string or None.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::PosolError;

/// Converts a Python `date` argument to a civil date.
///
/// # Errors
/// `PosolError` naming the value for a string that is not a valid `YYYY-MM-DD` date or a
/// date outside years 1 to 9999; `TypeError` for other types.
pub(crate) fn date_arg(
    date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<posol::facts::CivilDate>> {
    let Some(date) = date.filter(|d| !d.is_none()) else {
        return Ok(None);
    };
    if date.is_instance_of::<PyString>() {
        let s: String = date.extract()?;
        return match posol::facts::CivilDate::parse(&s) {
            Some(d) => Ok(Some(d)),
            None => Err(PosolError::new_err(format!(
                "invalid date {s:?}: expected a YYYY-MM-DD date"
            ))),
        };
    }
    let date_type = date.py().import("datetime")?.getattr("date")?;
    if !date.is_instance(&date_type)? {
        return Err(PyTypeError::new_err(format!(
            "date must be a datetime.date, a 'YYYY-MM-DD' string or None, not {}",
            date.get_type().name()?
        )));
    }
    let year: i32 = date.getattr("year")?.extract()?;
    let month: u8 = date.getattr("month")?.extract()?;
    let day: u8 = date.getattr("day")?.extract()?;
    posol::facts::CivilDate::new(year, month, day)
        .map(Some)
        .ok_or_else(|| {
            PosolError::new_err(format!(
                "invalid date {}",
                date.repr()
                    .map_or_else(|_| String::from("?"), |r| r.to_string())
            ))
        })
}
