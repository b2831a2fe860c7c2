//! `posol.Entity`: one named entity (a NEREL type), possibly nested in another.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::repr::short_text;
use crate::PosolError;

/// One named entity: ``text[entity.start:entity.stop] == entity.text``.
///
/// ``type`` is the NEREL type (``"PERSON"``, ``"COUNTRY"``, ``"DATE"`` ...), ``coarse``
/// the PER/LOC/ORG view (``None`` for other types). Entities nest: ``parent`` is the
/// index (in :attr:`Document.entities`) of the enclosing entity, ``children`` the
/// indices of those directly inside it. Offsets are Python string indices. Immutable,
/// hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Entity {
    kind: posol::ner::EntityType,
    /// Index of the entity's first character in the text.
    #[pyo3(get)]
    start: usize,
    /// Index one past the entity's last character.
    #[pyo3(get)]
    stop: usize,
    /// The entity's text, exactly as in the original.
    #[pyo3(get)]
    text: String,
    /// Index of the enclosing entity in the document's entities, or ``None``.
    #[pyo3(get)]
    parent: Option<usize>,
    children: Vec<usize>,
}

impl Entity {
    /// Converts entity `i` of `doc`, using the document's char offsets.
    pub(crate) fn from_core(
        doc: &posol::Document,
        i: usize,
        offsets: &posol::CharOffsets,
    ) -> Option<Entity> {
        let e = doc.entities().get(i)?;
        let (start, stop) = offsets.char_span(e.span);
        Some(Entity {
            kind: e.kind,
            start,
            stop,
            text: e.text(doc.text()).to_owned(),
            parent: e.parent,
            children: doc.entity_children(i).collect(),
        })
    }
}

#[pymethods]
impl Entity {
    /// Creates an entity; normally entities come from :attr:`posol.Document.entities`.
    #[new]
    #[pyo3(signature = (r#type, start, stop, text, parent = None, children = Vec::new()))]
    fn new(
        r#type: &str,
        start: usize,
        stop: usize,
        text: String,
        parent: Option<usize>,
        children: Vec<usize>,
    ) -> PyResult<Self> {
        let Some(kind) = posol::ner::EntityType::from_name(r#type) else {
            return Err(PosolError::new_err(format!(
                "unknown entity type {type:?}; expected a NEREL type such as \"PERSON\""
            )));
        };
        if start > stop {
            return Err(PosolError::new_err(format!(
                "entity start {start} is after its stop {stop}"
            )));
        }
        Ok(Entity {
            kind,
            start,
            stop,
            text,
            parent,
            children,
        })
    }

    /// The NEREL type: "PERSON", "ORGANIZATION", "COUNTRY", "DATE", "MONEY" ...
    #[getter(r#type)]
    fn entity_type(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The coarse type "PER", "LOC" or "ORG", or ``None`` for the other types.
    #[getter]
    fn coarse(&self) -> Option<&'static str> {
        self.kind.coarse().map(|c| c.as_str())
    }

    /// Indices (in the document's entities) of the entities directly inside this one.
    #[getter]
    fn children<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.children)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let parent = self.parent.map_or("None".to_owned(), |p| p.to_string());
        Ok(format!(
            "Entity(type={}, start={}, stop={}, text={}, parent={}, children={})",
            short_text(py, self.kind.as_str())?,
            self.start,
            self.stop,
            short_text(py, &self.text)?,
            parent,
            self.children.len()
        ))
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        &'static str,
        usize,
        usize,
        String,
        Option<usize>,
        Bound<'py, PyTuple>,
    )> {
        Ok((
            self.kind.as_str(),
            self.start,
            self.stop,
            self.text.clone(),
            self.parent,
            self.children(py)?,
        ))
    }

    /// A JSON-ready dict: ``type``, ``coarse``, ``start``, ``stop``, ``text``, ``parent``
    /// and ``children`` (a list of indices).
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("type", self.kind.as_str())?;
        dict.set_item("coarse", self.coarse())?;
        dict.set_item("start", self.start)?;
        dict.set_item("stop", self.stop)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("parent", self.parent)?;
        dict.set_item("children", self.children.clone())?;
        Ok(dict)
    }
}
