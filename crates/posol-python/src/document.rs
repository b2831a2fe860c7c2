//! `posol.Document`: the analysed text with its tokens, sentences, entities and facts.

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList};

use crate::date::date_arg;
use crate::entity::Entity;
use crate::fact::Fact;
use crate::knowledge::Knowledge;
use crate::object::Object;
use crate::repr::short_text;
use crate::sentence::Sentence;
use crate::token::Token;

/// An analysed text: ``len(doc)`` tokens, ``doc[i]`` the i-th token (negative too).
///
/// ``Document(text, date=None)`` analyses ``text`` (the same as :func:`posol.analyze`).
/// Immutable, hashable, picklable.
#[pyclass(frozen, eq, hash, module = "posol", sequence)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Document {
    /// The original text.
    #[pyo3(get)]
    pub(crate) text: String,
    pub(crate) tokens: Vec<Token>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) entities: Vec<Entity>,
    pub(crate) facts: Vec<Fact>,
    pub(crate) objects: Vec<Object>,
}

impl Document {
    /// Analyses `text` as `options` say and converts the result to Python-offset values
    /// (no GIL needed).
    pub(crate) fn analyze(text: String, options: &posol::Options) -> Document {
        let doc = posol::analyze_with(&text, options);
        let offsets = doc.char_offsets();
        let tokens: Vec<Token> = doc
            .tokens()
            .iter()
            .enumerate()
            .map(|(i, t)| Token::from_core(t, &text, &offsets, doc.morph(i)))
            .collect();
        let sentences = doc
            .sentences()
            .iter()
            .map(|s| Sentence::from_core(s, &text, &offsets, &tokens))
            .collect();
        let entities = (0..doc.entities().len())
            .filter_map(|i| Entity::from_core(&doc, i, &offsets))
            .collect();
        let facts = doc
            .facts()
            .iter()
            .enumerate()
            .map(|(i, f)| Fact::from_core(f, &text, &offsets, doc.fact_entity(i)))
            .collect();
        let objects = doc.objects().iter().map(Object::from_core).collect();
        Document {
            text,
            tokens,
            sentences,
            entities,
            facts,
            objects,
        }
    }
}

#[pymethods]
impl Document {
    /// Analyses ``text`` (with ``date``, a ``datetime.date`` or ``"YYYY-MM-DD"``, for
    /// relative dates, and ``knowledge``, a :class:`Knowledge` gazetteer); with
    /// ``tokens``, ``sentences``, ``facts``, ``entities`` or ``objects`` given, builds the
    /// document from them instead (this is how pickling restores a document).
    #[new]
    #[pyo3(signature = (
        text, tokens = None, sentences = None, facts = None, date = None, entities = None,
        objects = None, knowledge = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        text: String,
        tokens: Option<Vec<PyRef<'_, Token>>>,
        sentences: Option<Vec<PyRef<'_, Sentence>>>,
        facts: Option<Vec<PyRef<'_, Fact>>>,
        date: Option<&Bound<'_, PyAny>>,
        entities: Option<Vec<PyRef<'_, Entity>>>,
        objects: Option<Vec<PyRef<'_, Object>>>,
        knowledge: Option<PyRef<'_, Knowledge>>,
    ) -> PyResult<Self> {
        Ok(match (tokens, sentences, facts, entities, objects) {
            (None, None, None, None, None) => {
                let options = posol::Options::default()
                    .date(date_arg(date)?)
                    .knowledge(knowledge.map(|kb| kb.inner.clone()));
                py.detach(move || Document::analyze(text, &options))
            }
            (tokens, sentences, facts, entities, objects) => Document {
                text,
                tokens: tokens
                    .unwrap_or_default()
                    .iter()
                    .map(|t| (**t).clone())
                    .collect(),
                sentences: sentences
                    .unwrap_or_default()
                    .iter()
                    .map(|s| (**s).clone())
                    .collect(),
                entities: entities
                    .unwrap_or_default()
                    .iter()
                    .map(|e| (**e).clone())
                    .collect(),
                facts: facts
                    .unwrap_or_default()
                    .iter()
                    .map(|f| (**f).clone())
                    .collect(),
                objects: objects
                    .unwrap_or_default()
                    .iter()
                    .map(|o| (**o).clone())
                    .collect(),
            },
        })
    }

    /// The tokens (a new list on every access).
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.tokens.iter().cloned())
    }

    /// The sentences (a new list on every access).
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.sentences.iter().cloned())
    }

    /// The named entities, sorted by start and then longest first, so a parent comes
    /// before its children (a new list on every access).
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.entities.iter().cloned())
    }

    /// The real-world things mentioned, in order of first mention (a new list on every
    /// access): each :class:`Object` links the entities that mention it.
    #[getter]
    fn objects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.objects.iter().cloned())
    }

    /// The facts, in text order (a new list on every access).
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.facts.iter().cloned())
    }

    fn __len__(&self) -> usize {
        self.tokens.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<Token> {
        let len = self.tokens.len() as isize;
        let i = if index < 0 { index + len } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| self.tokens.get(i))
            .cloned()
            .ok_or_else(|| PyIndexError::new_err("token index out of range"))
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.tokens(py)?.try_iter()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Document(text={}, tokens={}, sentences={}, entities={}, objects={}, facts={})",
            short_text(py, &self.text)?,
            self.tokens.len(),
            self.sentences.len(),
            self.entities.len(),
            self.objects.len(),
            self.facts.len()
        ))
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        String,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
        Option<String>,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
    )> {
        Ok((
            self.text.clone(),
            self.tokens(py)?,
            self.sentences(py)?,
            self.facts(py)?,
            None,
            self.entities(py)?,
            self.objects(py)?,
        ))
    }

    /// A JSON-ready dict: ``text``, ``tokens``, ``sentences``, ``entities``, ``objects``
    /// and ``facts`` (lists of dicts).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        let tokens = PyList::empty(py);
        for token in &self.tokens {
            tokens.append(token.to_dict(py)?)?;
        }
        dict.set_item("tokens", tokens)?;
        let sentences = PyList::empty(py);
        for sentence in &self.sentences {
            sentences.append(sentence.to_dict(py)?)?;
        }
        dict.set_item("sentences", sentences)?;
        let entities = PyList::empty(py);
        for entity in &self.entities {
            entities.append(entity.to_dict(py)?)?;
        }
        dict.set_item("entities", entities)?;
        let objects = PyList::empty(py);
        for object in &self.objects {
            objects.append(object.dict(py)?)?;
        }
        dict.set_item("objects", objects)?;
        let facts = PyList::empty(py);
        for fact in &self.facts {
            facts.append(fact.to_dict(py)?)?;
        }
        dict.set_item("facts", facts)?;
        Ok(dict)
    }
}
