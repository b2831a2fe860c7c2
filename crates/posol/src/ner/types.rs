//! The entity types: the 29 NEREL types and the coarse PER/LOC/ORG view.

/// One of the 29 entity types of the NEREL corpus.
///
/// ```
/// use posol::ner::{Coarse, EntityType};
/// assert_eq!(EntityType::Country.as_str(), "COUNTRY");
/// assert_eq!(EntityType::Country.coarse(), Some(Coarse::Loc));
/// assert_eq!(EntityType::from_name("PROFESSION"), Some(EntityType::Profession));
/// assert_eq!(EntityType::Profession.coarse(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person (`Сергей Лавров`, `Лавров`).
    Person,
    /// A post, occupation or role (`министр иностранных дел`, `посол Италии в Казахстане`).
    Profession,
    /// An organization (`МИД России`, `ООН`).
    Organization,
    /// A country (`Италия`, `Казахстан`).
    Country,
    /// A city or town (`Астана`).
    City,
    /// A region, state or province (`Техас`, `Алматинская область`).
    StateOrProvince,
    /// Another geographical location (`Каспийское море`, `Ближний Восток`).
    Location,
    /// A district of a city (`Замоскворечье`).
    District,
    /// A nationality or ethnic group (`итальянец`, `казахстанские`).
    Nationality,
    /// A building or other facility (`аэропорт Шереметьево`).
    Facility,
    /// An event (`саммит`, `переговоры`, `Олимпийские игры`).
    Event,
    /// A law, treaty or other legal document (`Конституция`).
    Law,
    /// A date or period (`16 мая`, `в 2021 году`).
    Date,
    /// A time of day (`в 14:00`).
    Time,
    /// An amount of money (`20 млн долларов`).
    Money,
    /// A percentage (`12,5%`).
    Percent,
    /// A cardinal number (`три`, `150`).
    Number,
    /// An ordinal (`первый`, `62-й`).
    Ordinal,
    /// An age (`65 лет`).
    Age,
    /// An award or prize (`орден Дружбы`).
    Award,
    /// A work of art: book, film, song... (`«Война и мир»`).
    WorkOfArt,
    /// A product (`iPhone`, `Су-35`).
    Product,
    /// An ideology or political movement (`демократия`, `социализм`).
    Ideology,
    /// A religion (`ислам`, `православие`).
    Religion,
    /// A language (`русский язык`).
    Language,
    /// A disease (`грипп`).
    Disease,
    /// A crime (`мошенничество`).
    Crime,
    /// A penalty (`пять лет лишения свободы`).
    Penalty,
    /// A family (`семья Ивановых`).
    Family,
}

/// The coarse types of the natasha / factRuEval view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coarse {
    /// A person (`PER`).
    Per,
    /// A location: country, city, region, district or other place (`LOC`).
    Loc,
    /// An organization (`ORG`).
    Org,
}

impl Coarse {
    /// The coarse type's name: `PER`, `LOC` or `ORG`.
    pub fn as_str(self) -> &'static str {
        match self {
            Coarse::Per => "PER",
            Coarse::Loc => "LOC",
            Coarse::Org => "ORG",
        }
    }
}

impl EntityType {
    /// All 29 types, in the order of their numeric ids.
    pub const ALL: [EntityType; 29] = [
        EntityType::Person,
        EntityType::Profession,
        EntityType::Organization,
        EntityType::Country,
        EntityType::City,
        EntityType::StateOrProvince,
        EntityType::Location,
        EntityType::District,
        EntityType::Nationality,
        EntityType::Facility,
        EntityType::Event,
        EntityType::Law,
        EntityType::Date,
        EntityType::Time,
        EntityType::Money,
        EntityType::Percent,
        EntityType::Number,
        EntityType::Ordinal,
        EntityType::Age,
        EntityType::Award,
        EntityType::WorkOfArt,
        EntityType::Product,
        EntityType::Ideology,
        EntityType::Religion,
        EntityType::Language,
        EntityType::Disease,
        EntityType::Crime,
        EntityType::Penalty,
        EntityType::Family,
    ];

    /// The NEREL name of the type (`PERSON`, `STATE_OR_PROVINCE`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Profession => "PROFESSION",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Country => "COUNTRY",
            EntityType::City => "CITY",
            EntityType::StateOrProvince => "STATE_OR_PROVINCE",
            EntityType::Location => "LOCATION",
            EntityType::District => "DISTRICT",
            EntityType::Nationality => "NATIONALITY",
            EntityType::Facility => "FACILITY",
            EntityType::Event => "EVENT",
            EntityType::Law => "LAW",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Money => "MONEY",
            EntityType::Percent => "PERCENT",
            EntityType::Number => "NUMBER",
            EntityType::Ordinal => "ORDINAL",
            EntityType::Age => "AGE",
            EntityType::Award => "AWARD",
            EntityType::WorkOfArt => "WORK_OF_ART",
            EntityType::Product => "PRODUCT",
            EntityType::Ideology => "IDEOLOGY",
            EntityType::Religion => "RELIGION",
            EntityType::Language => "LANGUAGE",
            EntityType::Disease => "DISEASE",
            EntityType::Crime => "CRIME",
            EntityType::Penalty => "PENALTY",
            EntityType::Family => "FAMILY",
        }
    }

    /// The type with the given NEREL name, if there is one.
    pub fn from_name(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The numeric id of the type (its index in [`EntityType::ALL`]).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The type with numeric id `i`, if `i < 29`.
    pub fn from_index(i: usize) -> Option<EntityType> {
        EntityType::ALL.get(i).copied()
    }

    /// The coarse PER/LOC/ORG type, or `None` for the types the coarse view drops
    /// (the mapping of natasha's benchmark: countries, cities, regions, districts and
    /// other locations are `LOC`).
    pub fn coarse(self) -> Option<Coarse> {
        match self {
            EntityType::Person => Some(Coarse::Per),
            EntityType::Organization => Some(Coarse::Org),
            EntityType::Country
            | EntityType::City
            | EntityType::StateOrProvince
            | EntityType::Location
            | EntityType::District => Some(Coarse::Loc),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Coarse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (i, t) in EntityType::ALL.into_iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(EntityType::from_name(t.as_str()), Some(t));
            assert_eq!(EntityType::from_index(i), Some(t));
        }
        assert_eq!(EntityType::from_name("PER"), None);
    }
}
