//! Built-in knowledge (countries, Kazakhstan's regions and cities, international
//! organizations) and user gazetteers: names and aliases mapped to stable ids such as
//! `country:KZ` or `org:CSTO`.
//!
//! The tables are compact TSV files in `data/knowledge/`, embedded in the library and
//! parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::ner::EntityType;
use crate::normal::fold_key;

static COUNTRIES: &str = include_str!("../../data/knowledge/countries.tsv");
static KZ_REGIONS: &str = include_str!("../../data/knowledge/kz_regions.tsv");
static ORGANIZATIONS: &str = include_str!("../../data/knowledge/organizations.tsv");

/// One known thing: a country, region, city or organization.
///
/// ```
/// use posol::objects::Knowledge;
/// let kz = Knowledge::builtin().get("country:KZ").unwrap();
/// assert_eq!(kz.name, "Казахстан");
/// assert_eq!(kz.official.as_deref(), Some("Республика Казахстан"));
/// assert_eq!(kz.capital.as_deref(), Some("Астана"));
/// assert_eq!(Knowledge::builtin().lookup("РК").unwrap().id, "country:KZ");
/// assert_eq!(Knowledge::builtin().lookup("ОДКБ").unwrap().id, "org:CSTO");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id: `country:KZ` (ISO 3166-1 alpha-2), `region:KZ-ALA`, `city:KZ-ALMATY`,
    /// `city:IT-CAPITAL` (a capital without a row of its own), `org:UN`, or whatever a
    /// user gazetteer assigns.
    pub id: String,
    /// The entity type of the thing (`COUNTRY`, `CITY`, `STATE_OR_PROVINCE`, `ORGANIZATION`...).
    pub kind: EntityType,
    /// The Russian short name (`Казахстан`, `ООН`).
    pub name: String,
    /// The Russian official or full name, if different (`Республика Казахстан`).
    pub official: Option<String>,
    /// The English name.
    pub english: String,
    /// The Russian adjective, masculine nominative (`казахстанский`).
    pub adjective: Option<String>,
    /// The capital (countries) or administrative centre (regions).
    pub capital: Option<String>,
    /// Other names and abbreviations (`РК`, `Казахстан Республикасы`).
    pub aliases: Vec<String>,
}

impl Entry {
    /// A new entry with only an id, type, Russian name and aliases (for user gazetteers).
    pub fn new(id: &str, kind: EntityType, name: &str, aliases: &[&str]) -> Entry {
        Entry {
            id: id.to_string(),
            kind,
            name: name.to_string(),
            official: None,
            english: String::new(),
            adjective: None,
            capital: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.official.as_deref())
            .chain((!self.english.is_empty()).then_some(self.english.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// A set of entries with lookup by name, alias or adjective (case and ё/е ignored).
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    entries: Vec<Entry>,
    by_name: HashMap<String, usize>,
    by_adjective: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
}

impl Knowledge {
    /// An empty set (a user gazetteer); see also [`Knowledge::builtin`].
    pub fn new() -> Knowledge {
        Knowledge::default()
    }

    /// The built-in tables: all countries and their capitals, Kazakhstan's regions and
    /// major cities, and the international organizations of diplomatic news.
    ///
    /// ```
    /// use posol::objects::Knowledge;
    /// let rome = Knowledge::builtin().lookup("Рим").unwrap();
    /// assert_eq!(rome.id, "city:IT-CAPITAL");
    /// assert_eq!(rome.kind, posol::ner::EntityType::City);
    /// ```
    pub fn builtin() -> &'static Knowledge {
        static KB: OnceLock<Knowledge> = OnceLock::new();
        KB.get_or_init(|| {
            let mut kb = Knowledge::new();
            let countries: Vec<Entry> = parse_countries(COUNTRIES).collect();
            let capitals: Vec<Entry> = countries.iter().filter_map(capital_city).collect();
            for e in countries
                .into_iter()
                .chain(parse_places(KZ_REGIONS))
                .chain(parse_orgs(ORGANIZATIONS))
            {
                kb.add(e);
            }
            // capitals under names nothing else has: `Астана` has its own row, and
            // `Сингапур` or `Кувейт` stay the countries
            for c in capitals {
                if kb.lookup(&c.name).is_none() {
                    kb.add(c);
                }
            }
            kb
        })
    }

    /// Adds an entry; its names and aliases take precedence over earlier entries'.
    pub fn add(&mut self, entry: Entry) {
        let i = self.entries.len();
        for n in entry.names() {
            let k = fold_key(n);
            if !k.is_empty() {
                self.by_name.insert(k, i);
            }
        }
        if let Some(a) = &entry.adjective {
            self.by_adjective.insert(fold_key(a), i);
        }
        self.by_id.insert(entry.id.clone(), i);
        self.entries.push(entry);
    }

    /// The entry with this name or alias (a normal form: `Россия`, `РФ`, `ООН`).
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        self.by_name
            .get(&fold_key(name))
            .and_then(|&i| self.entries.get(i))
    }

    /// The entry whose adjective this is (`казахстанский` → Kazakhstan).
    pub fn lookup_adjective(&self, adjective: &str) -> Option<&Entry> {
        self.by_adjective
            .get(&fold_key(adjective))
            .and_then(|&i| self.entries.get(i))
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).and_then(|&i| self.entries.get(i))
    }

    /// All entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

fn aliases(s: Option<&str>) -> Vec<String> {
    s.unwrap_or("").split(';').filter_map(opt).collect()
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// `code  short  official  adjective  capital  english  aliases`
fn parse_countries(tsv: &str) -> impl Iterator<Item = Entry> + '_ {
    rows(tsv).filter(|c| c.len() >= 6).map(|c| Entry {
        id: format!("country:{}", c[0].trim()),
        kind: EntityType::Country,
        name: c[1].trim().to_string(),
        official: opt(c[2]),
        adjective: opt(c[3]),
        capital: opt(c[4]),
        english: c[5].trim().to_string(),
        aliases: aliases(c.get(6).copied()),
    })
}

/// The capital of a country as a city of its own (`city:IT-CAPITAL`, `Рим`).
fn capital_city(country: &Entry) -> Option<Entry> {
    let name = country.capital.as_deref()?;
    let code = country.id.strip_prefix("country:")?;
    Some(Entry::new(
        &format!("city:{code}-CAPITAL"),
        EntityType::City,
        name,
        &[],
    ))
}

/// `id  TYPE  name  centre  english  aliases`
fn parse_places(tsv: &str) -> impl Iterator<Item = Entry> + '_ {
    rows(tsv).filter(|c| c.len() >= 5).map(|c| Entry {
        id: c[0].trim().to_string(),
        kind: EntityType::from_name(c[1].trim()).unwrap_or(EntityType::Location),
        name: c[2].trim().to_string(),
        official: None,
        adjective: None,
        capital: opt(c[3]),
        english: c[4].trim().to_string(),
        aliases: aliases(c.get(5).copied()),
    })
}

/// `id  short  full  english  aliases`
fn parse_orgs(tsv: &str) -> impl Iterator<Item = Entry> + '_ {
    rows(tsv).filter(|c| c.len() >= 4).map(|c| Entry {
        id: c[0].trim().to_string(),
        kind: EntityType::Organization,
        name: c[1].trim().to_string(),
        official: opt(c[2]),
        adjective: None,
        capital: None,
        english: c[3].trim().to_string(),
        aliases: aliases(c.get(4).copied()),
    })
}
