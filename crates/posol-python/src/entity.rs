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
/// indices of those directly inside it. ``normal`` is the normal form (the nominative:
/// ``"Токаева"`` → ``"Токаев"``), ``object`` the index (in :attr:`Document.objects`) of
/// the thing it refers to, and, for persons, ``name_parts`` the first name, patronymic
/// and surname. Offsets are Python string indices. Immutable, hashable, picklable.
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
    /// The normal form, or ``None`` when objects were not computed.
    #[pyo3(get)]
    normal: Option<String>,
    /// Index of the object it refers to in the document's objects, or ``None`` (values
    /// such as dates and numbers, posts whose holder is not named).
    #[pyo3(get)]
    object: Option<usize>,
    /// First name, patronymic, surname (persons only).
    parts: Option<Parts>,
}

/// A person's first name, patronymic and surname.
type Parts = (Option<String>, Option<String>, Option<String>);

/// The keys of `Entity.name_parts`.
const PART_KEYS: [&str; 3] = ["first", "middle", "last"];

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
            normal: doc.entity_normal(i).map(str::to_owned),
            object: doc.entity_object(i),
            parts: doc
                .entity_name_parts(i)
                .map(|p| (p.first.clone(), p.middle.clone(), p.last.clone())),
        })
    }
}

#[pymethods]
impl Entity {
    /// Creates an entity; normally entities come from :attr:`posol.Document.entities`.
    #[new]
    #[pyo3(signature = (
        r#type, start, stop, text, parent = None, children = Vec::new(), normal = None,
        object = None, name_parts = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        r#type: &str,
        start: usize,
        stop: usize,
        text: String,
        parent: Option<usize>,
        children: Vec<usize>,
        normal: Option<String>,
        object: Option<usize>,
        name_parts: Option<Bound<'_, PyDict>>,
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
        let parts = match name_parts {
            None => None,
            Some(d) => {
                for key in d.keys() {
                    let key: String = key.extract()?;
                    if !PART_KEYS.contains(&key.as_str()) {
                        return Err(PosolError::new_err(format!(
                            "unknown name part {key:?}; expected first, middle or last"
                        )));
                    }
                }
                let part = |k: &str| -> PyResult<Option<String>> {
                    match d.get_item(k)? {
                        Some(v) => v.extract(),
                        None => Ok(None),
                    }
                };
                Some((part("first")?, part("middle")?, part("last")?))
            }
        };
        Ok(Entity {
            kind,
            start,
            stop,
            text,
            parent,
            children,
            normal,
            object,
            parts,
        })
    }

    /// ``{"first": ..., "middle": ..., "last": ...}`` (each a string or ``None``) for a
    /// person, ``None`` for other entities.
    #[getter]
    fn name_parts<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some((first, middle, last)) = &self.parts else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        for (key, value) in PART_KEYS.iter().zip([first, middle, last]) {
            dict.set_item(key, value)?;
        }
        Ok(Some(dict))
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
        let normal = match &self.normal {
            Some(n) => short_text(py, n)?,
            None => "None".to_owned(),
        };
        let object = self.object.map_or("None".to_owned(), |o| o.to_string());
        Ok(format!(
            "Entity(type={}, start={}, stop={}, text={}, normal={normal}, object={object}, \
             parent={}, children={})",
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
        Option<String>,
        Option<usize>,
        Option<Bound<'py, PyDict>>,
    )> {
        Ok((
            self.kind.as_str(),
            self.start,
            self.stop,
            self.text.clone(),
            self.parent,
            self.children(py)?,
            self.normal.clone(),
            self.object,
            self.name_parts(py)?,
        ))
    }

    /// A JSON-ready dict: ``type``, ``coarse``, ``start``, ``stop``, ``text``, ``parent``,
    /// ``children`` (a list of indices), ``normal``, ``object`` and ``name_parts``.
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("type", self.kind.as_str())?;
        dict.set_item("coarse", self.coarse())?;
        dict.set_item("start", self.start)?;
        dict.set_item("stop", self.stop)?;
        dict.set_item("text", &self.text)?;
        dict.set_item("parent", self.parent)?;
        dict.set_item("children", self.children.clone())?;
        dict.set_item("normal", &self.normal)?;
        dict.set_item("object", self.object)?;
        dict.set_item("name_parts", self.name_parts(py)?)?;
        Ok(dict)
    }
}
