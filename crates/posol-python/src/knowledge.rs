//! `posol.Knowledge`: a user gazetteer of known things, consulted before the built-in one.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::PosolError;

/// A user gazetteer: things with stable ids, names and aliases that
/// :func:`posol.analyze` consults (before its built-in countries, regions and
/// organizations) when it links entities into :class:`Object` values.
///
/// >>> kb = posol.Knowledge()
/// >>> kb.add(id="org:ACME", type="ORGANIZATION", name="Акме", aliases=["ACME"])
/// >>> doc = posol.analyze(text, knowledge=kb)
///
/// Names are matched in their normal form (nominative), ignoring case and ё/е; a later
/// entry's names win over an earlier one's. Picklable; one gazetteer can serve many
/// threads (analysis takes a snapshot of it).
#[pyclass(module = "posol")]
#[derive(Debug, Clone, Default)]
pub(crate) struct Knowledge {
    pub(crate) inner: Arc<posol::objects::Knowledge>,
}

/// The JSON-ready dict of an entry: ``id``, ``type``, ``name`` and ``aliases``.
fn entry_dict<'py>(py: Python<'py>, e: &posol::objects::Entry) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("id", &e.id)?;
    dict.set_item("type", e.kind.as_str())?;
    dict.set_item("name", &e.name)?;
    dict.set_item("aliases", e.aliases.clone())?;
    Ok(dict)
}

#[pymethods]
impl Knowledge {
    /// An empty gazetteer.
    #[new]
    fn new() -> Self {
        Knowledge::default()
    }

    /// Adds a thing: a stable ``id`` (``"org:ACME"``), its NEREL ``type``
    /// (``"ORGANIZATION"``, ``"COUNTRY"``, ``"PERSON"``, ``"CITY"`` ...), its canonical
    /// ``name`` and other names or abbreviations in ``aliases``.
    ///
    /// Raises :class:`PosolError` for an unknown type or an empty id or name.
    #[pyo3(signature = (id, r#type, name, aliases = Vec::new()))]
    fn add(&mut self, id: &str, r#type: &str, name: &str, aliases: Vec<String>) -> PyResult<()> {
        let Some(kind) = posol::ner::EntityType::from_name(r#type) else {
            return Err(PosolError::new_err(format!(
                "unknown entity type {type:?}; expected a NEREL type such as \"ORGANIZATION\""
            )));
        };
        if id.trim().is_empty() || name.trim().is_empty() {
            return Err(PosolError::new_err(
                "a knowledge entry needs an id and a name",
            ));
        }
        let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
        let entry = posol::objects::Entry::new(id, kind, name, &aliases);
        Arc::make_mut(&mut self.inner).add(entry);
        Ok(())
    }

    /// The entry with this name or alias (as a dict: ``id``, ``type``, ``name``,
    /// ``aliases``), or ``None``.
    fn lookup<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.inner
            .lookup(name)
            .map(|e| entry_dict(py, e))
            .transpose()
    }

    /// All entries, in the order they were added, as dicts.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for e in self.inner.entries() {
            list.append(entry_dict(py, e)?)?;
        }
        Ok(list)
    }

    fn __len__(&self) -> usize {
        self.inner.entries().len()
    }

    fn __contains__(&self, id: &str) -> bool {
        self.inner.get(id).is_some()
    }

    fn __repr__(&self) -> String {
        format!("Knowledge(entries={})", self.inner.entries().len())
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.entries(py)
    }

    fn __setstate__(&mut self, state: Vec<Bound<'_, PyDict>>) -> PyResult<()> {
        let mut kb = Knowledge::default();
        for d in state {
            let get = |k: &str| -> PyResult<String> {
                d.get_item(k)?
                    .ok_or_else(|| PosolError::new_err(format!("knowledge entry without {k:?}")))?
                    .extract()
            };
            let aliases: Vec<String> = match d.get_item("aliases")? {
                Some(a) => a.extract()?,
                None => Vec::new(),
            };
            kb.add(&get("id")?, &get("type")?, &get("name")?, aliases)?;
        }
        *self = kb;
        Ok(())
    }
}
