//! Document objects: mentions of the same real-world thing linked into one object.
//!
//! [`link`] gives every entity its normal form ([`crate::normal`]), a person's name
//! parts, and the object it refers to. Names are linked across cases and forms
//! (`Касым-Жомарта Токаева`, `Токаев`), abbreviations with full names through the built-in
//! [`Knowledge`] (`РФ`, `Российская Федерация`, `России` → `country:RU`) or by their
//! initial letters, and posts with the people who hold them (`президент России Владимир
//! Путин`; later `Глава государства`, `Президент РК`).
//!
//! ```
//! use posol::ner::{Entity, EntityType};
//! use posol::Span;
//!
//! let text = "Президент РК Касым-Жомарт Токаев встретился с Серджо Маттареллой. \
//!             Токаева приветствовали в Риме.";
//! let tokens = posol::tokenize(text);
//! let at = |s: &str, n: usize| {
//!     let start = text.match_indices(s).nth(n).unwrap().0;
//!     Span { start, end: start + s.len() }
//! };
//! let e = |span, kind| Entity { span, kind, parent: None, depth: 0 };
//! let entities = vec![
//!     e(at("Президент РК", 0), EntityType::Profession),
//!     e(at("РК", 0), EntityType::Country),
//!     e(at("Касым-Жомарт Токаев", 0), EntityType::Person),
//!     e(at("Серджо Маттареллой", 0), EntityType::Person),
//!     e(at("Токаева", 0), EntityType::Person),
//!     e(at("Риме", 0), EntityType::City),
//! ];
//! let linked = posol::objects::link(text, &tokens, &entities);
//! assert_eq!(linked.normals[3], "Серджо Маттарелла");
//! let tokayev = linked.entity_object[2].unwrap();
//! assert_eq!(linked.entity_object[4], Some(tokayev));
//! assert_eq!(linked.entity_object[0], Some(tokayev)); // the post he holds
//! let obj = &linked.objects[tokayev];
//! assert_eq!(obj.name, "Касым-Жомарт Токаев");
//! assert_eq!(obj.roles[0].title, "президент");
//! assert_eq!(obj.roles[0].of.as_deref(), Some("country:KZ"));
//! assert_eq!(linked.objects[linked.entity_object[1].unwrap()].id, "country:KZ");
//! ```
//!
//! Never panics on any input; entities whose spans do not fit the text get empty normals.

mod cluster;
mod knowledge;
mod roles;

pub use knowledge::{Entry, Knowledge};

use crate::ner::{Entity, EntityType};
use crate::normal::NameParts;
use crate::token::Token;

/// A post held by a person: `президент` of `country:KZ`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The post, normalized, lower case (`президент`, `министр иностранных дел`).
    pub title: String,
    /// The object id (or, without one, the normal name) of the country or organization
    /// the post belongs to, where the text states it.
    pub of: Option<String>,
}

/// One real-world thing mentioned in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// Stable id: a knowledge-base id (`country:KZ`, `org:CSTO`) or, for things the
    /// knowledge base does not know, the lower-case type and canonical name
    /// (`person:Касым-Жомарт Токаев`).
    pub id: String,
    /// The entity type.
    pub kind: EntityType,
    /// The canonical name: the knowledge base's name, or the fullest normal form.
    pub name: String,
    /// Indices of the entities that mention it, in text order.
    pub mentions: Vec<usize>,
    /// Posts held (persons only).
    pub roles: Vec<Role>,
}

/// The result of [`link`]: per-entity normal forms, name parts and objects, and the
/// objects themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Linked {
    /// The normal form of each entity (parallel to the entities given).
    pub normals: Vec<String>,
    /// The name parts of each PERSON entity (`None` for other types).
    pub name_parts: Vec<Option<NameParts>>,
    /// The object (index into `objects`) each entity refers to, if any. Numbers, dates
    /// and other values refer to none; a post refers to the person holding it when the
    /// text tells who that is.
    pub entity_object: Vec<Option<usize>>,
    /// The objects, in order of first mention.
    pub objects: Vec<Object>,
}

/// Links the entities of one document (e.g. from [`crate::ner::extract`]) into objects,
/// using the built-in knowledge base. `tokens` are the document's tokens.
pub fn link(text: &str, tokens: &[Token], entities: &[Entity]) -> Linked {
    link_with(text, tokens, entities, None)
}

/// Like [`link`], with a user gazetteer consulted before the built-in knowledge base.
///
/// ```
/// use posol::ner::{Entity, EntityType};
/// use posol::objects::{link_with, Entry, Knowledge};
/// use posol::Span;
///
/// let mut kb = Knowledge::new();
/// kb.add(Entry::new("org:KAZINFORM", EntityType::Organization, "Казинформ", &["МИА Казинформ"]));
/// let text = "Об этом сообщает Казинформ.";
/// let tokens = posol::tokenize(text);
/// let start = text.find("Казинформ").unwrap();
/// let span = Span { start, end: start + "Казинформ".len() };
/// let e = [Entity { span, kind: EntityType::Organization, parent: None, depth: 0 }];
/// let linked = link_with(text, &tokens, &e, Some(&kb));
/// assert_eq!(linked.objects[0].id, "org:KAZINFORM");
/// ```
pub fn link_with(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    user: Option<&Knowledge>,
) -> Linked {
    let toks: Vec<&[Token]> = entities.iter().map(|e| tokens_in(tokens, e)).collect();
    let mut linked = cluster::cluster(text, &toks, entities, user);
    roles::attach(text, &toks, entities, user, &mut linked);
    linked
}

/// The tokens inside an entity's span.
fn tokens_in<'a>(tokens: &'a [Token], e: &Entity) -> &'a [Token] {
    let lo = tokens.partition_point(|t| t.span.start < e.span.start);
    let hi = tokens.partition_point(|t| t.span.end <= e.span.end);
    tokens.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Whether entities of this type are values (dates, numbers...) rather than things.
fn is_value(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Date
            | EntityType::Time
            | EntityType::Money
            | EntityType::Percent
            | EntityType::Number
            | EntityType::Ordinal
            | EntityType::Age
            | EntityType::Penalty
    )
}

#[cfg(test)]
mod tests;
