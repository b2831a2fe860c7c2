//! `posol.Object` and `posol.Role`: the real-world things a document mentions, and the
//! posts its people hold.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::repr::short_text;
use crate::PosolError;

/// A post held by a person: ``title`` (``"президент"``) of ``of`` (an object id such as
/// ``"country:KZ"``, or a name, or ``None`` when the text does not say). Immutable,
/// hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Role {
    /// The post, normalized, lower case (``"министр иностранных дел"``).
    #[pyo3(get)]
    title: String,
    /// The id (or name) of the country or organization the post belongs to, or ``None``.
    #[pyo3(get)]
    of: Option<String>,
}

#[pymethods]
impl Role {
    /// Creates a role; normally roles come from :attr:`Object.roles`.
    #[new]
    #[pyo3(signature = (title, of = None))]
    fn new(title: String, of: Option<String>) -> Self {
        Role { title, of }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let of = match &self.of {
            Some(of) => short_text(py, of)?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "Role(title={}, of={of})",
            short_text(py, &self.title)?
        ))
    }

    fn __getnewargs__(&self) -> (String, Option<String>) {
        (self.title.clone(), self.of.clone())
    }

    /// A JSON-ready dict: ``title`` and ``of``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("title", &self.title)?;
        dict.set_item("of", &self.of)?;
        Ok(dict)
    }
}

/// One real-world thing mentioned in a document: every mention of it (in any case or
/// form, abbreviated or in full, or a post its holder is named by) linked together.
///
/// ``id`` is stable across documents: a knowledge-base id (``"country:RU"``,
/// ``"org:UN"``, or one from a :class:`Knowledge` gazetteer) or, for things no
/// knowledge base knows, the lower-case type and the canonical name
/// (``"person:Касым-Жомарт Токаев"``). ``mentions`` are indices into
/// :attr:`Document.entities`. Immutable, hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Object {
    /// The stable id.
    #[pyo3(get)]
    id: String,
    kind: posol::ner::EntityType,
    /// The canonical name: the knowledge base's name, or the fullest normal form.
    #[pyo3(get)]
    name: String,
    mentions: Vec<usize>,
    roles: Vec<Role>,
}

impl Object {
    /// Converts a core object.
    pub(crate) fn from_core(o: &posol::objects::Object) -> Object {
        Object {
            id: o.id.clone(),
            kind: o.kind,
            name: o.name.clone(),
            mentions: o.mentions.clone(),
            roles: o
                .roles
                .iter()
                .map(|r| Role {
                    title: r.title.clone(),
                    of: r.of.clone(),
                })
                .collect(),
        }
    }

    /// A JSON-ready dict: ``id``, ``type``, ``name``, ``mentions`` (a list of indices)
    /// and ``roles`` (a list of dicts).
    pub(crate) fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("id", &self.id)?;
        dict.set_item("type", self.kind.as_str())?;
        dict.set_item("name", &self.name)?;
        dict.set_item("mentions", self.mentions.clone())?;
        let roles = PyList::empty(py);
        for role in &self.roles {
            roles.append(role.to_dict(py)?)?;
        }
        dict.set_item("roles", roles)?;
        Ok(dict)
    }
}

#[pymethods]
impl Object {
    /// Creates an object; normally objects come from :attr:`Document.objects`.
    #[new]
    #[pyo3(signature = (id, r#type, name, mentions = Vec::new(), roles = Vec::new()))]
    fn new(
        id: String,
        r#type: &str,
        name: String,
        mentions: Vec<usize>,
        roles: Vec<PyRef<'_, Role>>,
    ) -> PyResult<Self> {
        let Some(kind) = posol::ner::EntityType::from_name(r#type) else {
            return Err(PosolError::new_err(format!(
                "unknown entity type {type:?}; expected a NEREL type such as \"PERSON\""
            )));
        };
        Ok(Object {
            id,
            kind,
            name,
            mentions,
            roles: roles.iter().map(|r| (**r).clone()).collect(),
        })
    }

    /// The NEREL type: "PERSON", "COUNTRY", "ORGANIZATION", "CITY" ...
    #[getter(r#type)]
    fn object_type(&self) -> &'static str {
        self.kind.as_str()
    }

    /// Indices (in the document's entities) of the entities that mention it, in order.
    #[getter]
    fn mentions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.mentions)
    }

    /// The posts held (persons only), as :class:`Role` values.
    #[getter]
    fn roles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.roles.iter().cloned())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Object(id={}, type={}, name={}, mentions={}, roles={})",
            short_text(py, &self.id)?,
            short_text(py, self.kind.as_str())?,
            short_text(py, &self.name)?,
            self.mentions.len(),
            self.roles.len()
        ))
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        String,
        &'static str,
        String,
        Bound<'py, PyTuple>,
        Bound<'py, PyTuple>,
    )> {
        Ok((
            self.id.clone(),
            self.kind.as_str(),
            self.name.clone(),
            self.mentions(py)?,
            self.roles(py)?,
        ))
    }

    /// A JSON-ready dict: ``id``, ``type``, ``name``, ``mentions`` (a list of entity
    /// indices) and ``roles`` (a list of ``{"title", "of"}`` dicts).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }
}
