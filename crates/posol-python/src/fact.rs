//! `posol.Fact`: one fact (money, percentage, number, ordinal, date, time) with its values.

use std::hash::{Hash, Hasher};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};
use pyo3::IntoPyObjectExt;

use crate::repr::short_text;
use crate::PosolError;

/// The value fields a fact may have, in the order they are shown.
pub(crate) const FIELDS: [&str; 12] = [
    "value",
    "amount",
    "max",
    "currency",
    "qualifier",
    "counted",
    "end",
    "duration",
    "time",
    "date",
    "relative",
    "resolved",
];

/// The fact kinds, as in `posol::facts::FactKind::as_str`.
const KINDS: [&str; 6] = ["money", "percent", "number", "ordinal", "date", "time"];

/// One value of a fact field. Floats compare and hash by their bits, so equal values
/// always have equal hashes.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Str(String),
    Float(f64),
    Int(i64),
    Bool(bool),
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Value::Str(s) => s.hash(state),
            Value::Float(f) => f.to_bits().hash(state),
            Value::Int(i) => i.hash(state),
            Value::Bool(b) => b.hash(state),
        }
    }
}

impl Value {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Value::Str(s) => s.into_bound_py_any(py),
            Value::Float(f) => f.into_bound_py_any(py),
            Value::Int(i) => i.into_bound_py_any(py),
            Value::Bool(b) => b.into_bound_py_any(py),
        }
    }

    fn from_py(name: &str, obj: &Bound<'_, PyAny>) -> PyResult<Value> {
        if obj.is_instance_of::<PyBool>() {
            Ok(Value::Bool(obj.extract()?))
        } else if obj.is_instance_of::<PyInt>() {
            Ok(Value::Int(obj.extract()?))
        } else if obj.is_instance_of::<PyFloat>() {
            Ok(Value::Float(obj.extract()?))
        } else if obj.is_instance_of::<PyString>() {
            Ok(Value::Str(obj.extract()?))
        } else {
            Err(PyTypeError::new_err(format!(
                "fact value {name:?} must be a str, int, float or bool"
            )))
        }
    }
}

/// One fact: ``text[fact.start:fact.stop] == fact.text``.
///
/// ``kind`` is ``"money"``, ``"percent"``, ``"number"``, ``"ordinal"``, ``"date"`` or
/// ``"time"``; ``type`` the entity type (``"MONEY"`` ...). The parsed values are
/// attributes (``None`` when a fact does not have them) and entries of ``to_dict()``.
/// ``entity`` is the index (in :attr:`Document.entities`) of the entity the fact is the
/// value of. Offsets are Python string indices. Immutable, hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Fact {
    /// The kind of fact: "money", "percent", "number", "ordinal", "date" or "time".
    #[pyo3(get)]
    pub(crate) kind: String,
    /// Index of the fact's first character in the text.
    #[pyo3(get)]
    pub(crate) start: usize,
    /// Index one past the fact's last character.
    #[pyo3(get)]
    pub(crate) stop: usize,
    /// The fact's text, exactly as in the original.
    #[pyo3(get)]
    pub(crate) text: String,
    /// The value fields present, in [`FIELDS`] order.
    pub(crate) values: Vec<(&'static str, Value)>,
    /// Index of the entity this fact is the value of, or ``None``.
    #[pyo3(get)]
    pub(crate) entity: Option<usize>,
}

impl Fact {
    /// Converts a core fact of `original` using its char offsets; `entity` is the index
    /// of the entity it is the value of.
    pub(crate) fn from_core(
        fact: &posol::facts::Fact,
        original: &str,
        offsets: &posol::CharOffsets,
        entity: Option<usize>,
    ) -> Fact {
        let (start, stop) = offsets.char_span(fact.span);
        let ordinal = matches!(fact.value, posol::facts::FactValue::Ordinal(_));
        let mut values: Vec<(&'static str, Value)> = fact
            .fields()
            .into_iter()
            .map(|(name, v)| {
                let v = match v {
                    posol::facts::FieldValue::Str(s) => Value::Str(s),
                    posol::facts::FieldValue::Num(n) if ordinal => Value::Int(n as i64),
                    posol::facts::FieldValue::Num(n) => Value::Float(n),
                    posol::facts::FieldValue::Bool(b) => Value::Bool(b),
                };
                (name, v)
            })
            .collect();
        sort_fields(&mut values);
        Fact {
            kind: fact.kind.as_str().to_owned(),
            start,
            stop,
            text: fact.text(original).to_owned(),
            values,
            entity,
        }
    }

    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_py(py))
            .transpose()
    }

    fn values_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, v) in &self.values {
            dict.set_item(*name, v.to_py(py)?)?;
        }
        Ok(dict)
    }
}

fn sort_fields(values: &mut [(&'static str, Value)]) {
    values.sort_by_key(|(n, _)| FIELDS.iter().position(|f| f == n));
}

#[pymethods]
impl Fact {
    /// Creates a fact; normally facts come from :attr:`posol.Document.facts`.
    #[new]
    #[pyo3(signature = (kind, start, stop, text, values = None, entity = None))]
    fn new(
        kind: String,
        start: usize,
        stop: usize,
        text: String,
        values: Option<&Bound<'_, PyDict>>,
        entity: Option<usize>,
    ) -> PyResult<Self> {
        if !KINDS.contains(&kind.as_str()) {
            return Err(PosolError::new_err(format!(
                "unknown fact kind {kind:?}; expected one of {KINDS:?}"
            )));
        }
        if start > stop {
            return Err(PosolError::new_err(format!(
                "fact start {start} is after its stop {stop}"
            )));
        }
        let mut fields = Vec::new();
        for (key, value) in values.into_iter().flat_map(|d| d.iter()) {
            let key: String = key.extract()?;
            let Some(name) = FIELDS.iter().find(|f| **f == key) else {
                return Err(PosolError::new_err(format!(
                    "unknown fact field {key:?}; expected one of {FIELDS:?}"
                )));
            };
            if !value.is_none() {
                fields.push((*name, Value::from_py(name, &value)?));
            }
        }
        sort_fields(&mut fields);
        Ok(Fact {
            kind,
            start,
            stop,
            text,
            values: fields,
            entity,
        })
    }

    /// The entity type: "MONEY", "PERCENT", "NUMBER", "ORDINAL", "DATE" or "TIME".
    #[getter(r#type)]
    fn entity_type(&self) -> String {
        self.kind.to_uppercase()
    }

    /// The value fields this fact has, as a new dict.
    #[getter]
    fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.values_dict(py)
    }

    /// The main value: a number for money-less quantities (``12.5`` for ``12,5%``), an
    /// int for ordinals, the ISO 8601 start for dates (``"2025-05"``).
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "value")
    }

    /// Money: the amount (the lower end of a range), multipliers applied.
    #[getter]
    fn amount<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "amount")
    }

    /// Money, numbers, percentages: the upper end of a range.
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "max")
    }

    /// Money: the ISO 4217 currency code ("USD", "RUB" ...).
    #[getter]
    fn currency<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "currency")
    }

    /// A bounding word: "about", "more_than", "less_than", "at_least", "at_most",
    /// "up_to" or "almost".
    #[getter]
    fn qualifier<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "qualifier")
    }

    /// Numbers, percentages: what is counted or measured, as written.
    #[getter]
    fn counted<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "counted")
    }

    /// Dates: the ISO 8601 end of a range, inclusive.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "end")
    }

    /// Dates and times: an ISO 8601 duration ("P20Y", "PT6H").
    #[getter]
    fn duration<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "duration")
    }

    /// Times: "HH:MM".
    #[getter]
    fn time<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "time")
    }

    /// Times: the date part (ISO 8601, possibly partial).
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "date")
    }

    /// Dates and times: whether the expression depends on the document date.
    #[getter]
    fn relative<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "relative")
    }

    /// Dates: whether the value was computed from the document date.
    #[getter]
    fn resolved<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.field(py, "resolved")
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = format!(
            "Fact(kind={}, start={}, stop={}, text={}",
            short_text(py, &self.kind)?,
            self.start,
            self.stop,
            short_text(py, &self.text)?
        );
        for (name, v) in &self.values {
            let shown = match v {
                Value::Str(s) => short_text(py, s)?,
                other => other.to_py(py)?.repr()?.to_string(),
            };
            out.push_str(&format!(", {name}={shown}"));
        }
        if let Some(e) = self.entity {
            out.push_str(&format!(", entity={e}"));
        }
        out.push(')');
        Ok(out)
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        String,
        usize,
        usize,
        String,
        Bound<'py, PyDict>,
        Option<usize>,
    )> {
        Ok((
            self.kind.clone(),
            self.start,
            self.stop,
            self.text.clone(),
            self.values_dict(py)?,
            self.entity,
        ))
    }

    /// A JSON-ready dict: ``kind``, ``type``, ``start``, ``stop``, ``text``, the value
    /// fields the fact has and ``entity`` when the fact is linked to one.
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("kind", &self.kind)?;
        dict.set_item("type", self.entity_type())?;
        dict.set_item("start", self.start)?;
        dict.set_item("stop", self.stop)?;
        dict.set_item("text", &self.text)?;
        for (name, v) in &self.values {
            dict.set_item(*name, v.to_py(py)?)?;
        }
        if let Some(e) = self.entity {
            dict.set_item("entity", e)?;
        }
        Ok(dict)
    }
}
