//! Table-driven tests of the fact rules: one line per case, own example sentences.

use posol::facts::{extract_text, CivilDate, Fact, FactValue, Qualifier};

fn facts(text: &str, date: Option<CivilDate>) -> Vec<Fact> {
    extract_text(text, date)
}

/// (text, expected fact text, entity type, amount, currency, qualifier)
const MONEY: &[(&str, &str, f64, &str, Option<Qualifier>)] = &[
    (
        "Товарооборот достиг 20 млрд долларов.",
        "20 млрд долларов",
        20e9,
        "USD",
        None,
    ),
    (
        "Объем составил $24,2 млрд в прошлом году.",
        "$24,2 млрд",
        24.2e9,
        "USD",
        None,
    ),
    (
        "Инвестиции — почти 4 млрд долл. за пять лет.",
        "почти 4 млрд долл.",
        4e9,
        "USD",
        Some(Qualifier::Almost),
    ),
    (
        "Грант на 13,5 млн долларов США выделен фонду.",
        "13,5 млн долларов США",
        13.5e6,
        "USD",
        None,
    ),
    (
        "Сумма 1.844.036.360,12 руб. возвращена.",
        "1.844.036.360,12 руб.",
        1_844_036_360.12,
        "RUB",
        None,
    ),
    (
        "Выделено 5,3млн. рублей на ремонт.",
        "5,3млн. рублей",
        5.3e6,
        "RUB",
        None,
    ),
    (
        "Штраф — 124 451 рубль 50 копеек за просрочку.",
        "124 451 рубль 50 копеек",
        124_451.5,
        "RUB",
        None,
    ),
    (
        "Проект стоит около 2 млрд тенге и окупится.",
        "около 2 млрд тенге",
        2e9,
        "KZT",
        Some(Qualifier::About),
    ),
    (
        "Кредит свыше 300 млн юаней одобрен.",
        "свыше 300 млн юаней",
        300e6,
        "CNY",
        Some(Qualifier::MoreThan),
    ),
    (
        "Бюджет порядка 150 тыс. евро утвержден.",
        "порядка 150 тыс. евро",
        150e3,
        "EUR",
        Some(Qualifier::About),
    ),
    (
        "Помощь до 10 млн сомов получат фермеры.",
        "до 10 млн сомов",
        10e6,
        "KGS",
        Some(Qualifier::UpTo),
    ),
    (
        "Цена выросла до 500 ₽ за литр.",
        "до 500 ₽",
        500.0,
        "RUB",
        Some(Qualifier::UpTo),
    ),
    (
        "Вклад составил 3 500 000 ₸ на человека.",
        "3 500 000 ₸",
        3.5e6,
        "KZT",
        None,
    ),
    (
        "Контракт на полтора миллиона евро подписан.",
        "полтора миллиона евро",
        1.5e6,
        "EUR",
        None,
    ),
    (
        "Передано двести тысяч рублей в фонд.",
        "двести тысяч рублей",
        2e5,
        "RUB",
        None,
    ),
    (
        "Выручка €7,5 млн за квартал.",
        "€7,5 млн",
        7.5e6,
        "EUR",
        None,
    ),
    (
        "Ущерб оценен в 3 млн белорусских рублей.",
        "3 млн белорусских рублей",
        3e6,
        "BYN",
        None,
    ),
];

#[test]
fn money_amounts_currencies_and_qualifiers() {
    for (text, span, amount, cur, q) in MONEY {
        let f = facts(text, None);
        let m = f
            .iter()
            .find(|f| f.entity_type() == "MONEY")
            .unwrap_or_else(|| panic!("no money in {text:?}: {f:?}"));
        assert_eq!(m.text(text), *span, "{text}");
        let FactValue::Money(v) = &m.value else {
            panic!("{text}")
        };
        assert!(
            (v.amount - amount).abs() < 1e-6 * amount.max(1.0),
            "{text}: {}",
            v.amount
        );
        assert_eq!(v.currency, Some(*cur), "{text}");
        assert_eq!(v.qualifier, *q, "{text}");
    }
}

#[test]
fn money_ranges() {
    for (text, lo, hi) in [
        (
            "Субсидии от 50 до 70 млн рублей получат регионы.",
            50e6,
            70e6,
        ),
        ("На ремонт нужно 50-70 млн рублей ежегодно.", 50e6, 70e6),
        (
            "Штраф от 70 тыс. до 100 тыс. руб. для компаний.",
            70e3,
            100e3,
        ),
    ] {
        let f = facts(text, None);
        let Some(FactValue::Money(m)) = f.first().map(|f| &f.value) else {
            panic!("{text}: {f:?}")
        };
        assert_eq!((m.amount, m.max), (lo, Some(hi)), "{text}");
    }
}

/// (text, fact text, type, value, counted)
const QUANTITIES: &[(&str, &str, &str, f64, Option<&str>)] = &[
    (
        "Экспорт вырос на 12,5% за год.",
        "12,5%",
        "PERCENT",
        12.5,
        None,
    ),
    (
        "Доля — более 90 % рынка.",
        "более 90 %",
        "PERCENT",
        90.0,
        None,
    ),
    (
        "Цены снизились на пять процентов весной.",
        "пять процентов",
        "PERCENT",
        5.0,
        None,
    ),
    (
        "В регионе работают более 100 предприятий.",
        "более 100",
        "NUMBER",
        100.0,
        Some("предприятий"),
    ),
    (
        "Будет создано 22 тысяч новых рабочих мест.",
        "22 тысяч",
        "NUMBER",
        22_000.0,
        Some("новых"),
    ),
    (
        "Колонна прошла 1600 км за неделю.",
        "1600 км",
        "NUMBER",
        1600.0,
        Some("км"),
    ),
    (
        "На встречу приехали трое министров.",
        "трое",
        "NUMBER",
        3.0,
        Some("министров"),
    ),
    (
        "Подписано сорок два соглашения.",
        "сорок два",
        "NUMBER",
        42.0,
        Some("соглашения"),
    ),
];

#[test]
fn percents_and_numbers() {
    for (text, span, ty, value, counted) in QUANTITIES {
        let f = facts(text, None);
        let q = f
            .iter()
            .find(|f| f.entity_type() == *ty)
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!(q.text(text), *span, "{text}");
        let (FactValue::Percent(v) | FactValue::Number(v)) = &q.value else {
            panic!("{text}")
        };
        assert_eq!(v.value, *value, "{text}");
        assert_eq!(v.counted.as_deref(), *counted, "{text}");
    }
}

#[test]
fn ordinals() {
    for (text, span, value) in [
        ("Это третий визит министра.", "третий", 3),
        ("Открылась 62-я сессия Генассамблеи.", "62-я", 62),
        ("Папа Бенедикт XVI принял посла.", "XVI", 16),
        ("Стороны впервые подписали меморандум.", "впервые", 1),
    ] {
        let f = facts(text, None);
        let o = f
            .iter()
            .find(|f| f.entity_type() == "ORDINAL")
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!(o.text(text), span, "{text}");
        assert_eq!(o.value, FactValue::Ordinal(value), "{text}");
    }
}

/// (text, fact text, start, end, relative, resolved) with the document date 2025-03-12.
/// (text, span, start, end, relative, resolved)
type DateCase = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    bool,
    bool,
);

const DATES: &[DateCase] = &[
    (
        "Соглашение подписано 27.11.2024 в Астане.",
        "27.11.2024",
        Some("2024-11-27"),
        None,
        false,
        false,
    ),
    (
        "Визит назначен на 2025-09-29 официально.",
        "на 2025-09-29",
        Some("2025-09-29"),
        None,
        false,
        false,
    ),
    (
        "Встреча прошла 16 мая в Москве.",
        "16 мая",
        Some("2025-05-16"),
        None,
        false,
        true,
    ),
    (
        "Договор заключен в мае 2017 г. в Пекине.",
        "в мае 2017 г",
        Some("2017-05"),
        None,
        false,
        false,
    ),
    (
        "Программа принята в 2021 году парламентом.",
        "в 2021 году",
        Some("2021"),
        None,
        false,
        false,
    ),
    (
        "План рассчитан на 2021-2025 годы целиком.",
        "на 2021-2025 годы",
        Some("2021"),
        Some("2025"),
        false,
        false,
    ),
    (
        "Работы шли с июня по сентябрь без перерыва.",
        "с июня по сентябрь",
        Some("2025-06"),
        Some("2025-09"),
        false,
        true,
    ),
    (
        "Форум прошел с 11 по 14 апреля 2016 года в Сочи.",
        "с 11 по 14 апреля 2016 года",
        Some("2016-04-11"),
        Some("2016-04-14"),
        false,
        false,
    ),
    (
        "Объем торговли вырос в прошлом году заметно.",
        "в прошлом году",
        Some("2024"),
        None,
        true,
        true,
    ),
    (
        "В этом году стороны проведут форум.",
        "В этом году",
        Some("2025"),
        None,
        true,
        true,
    ),
    (
        "Переговоры пройдут в мае текущего года в Баку.",
        "в мае текущего года",
        Some("2025-05"),
        None,
        true,
        true,
    ),
    (
        "Делегация прибудет завтра утренним рейсом.",
        "завтра",
        Some("2025-03-13"),
        None,
        true,
        true,
    ),
    (
        "Сегодня министр встретился с послом.",
        "Сегодня",
        Some("2025-03-12"),
        None,
        true,
        true,
    ),
    (
        "Три года назад стороны начали диалог.",
        "Три года назад",
        Some("2022"),
        None,
        true,
        true,
    ),
    (
        "Летом 2019 года открылось посольство.",
        "Летом 2019 года",
        Some("2019-06"),
        Some("2019-08"),
        false,
        false,
    ),
    (
        "Реформы 1990-х годов изменили экономику.",
        "1990-х годов",
        Some("1990"),
        Some("1999"),
        false,
        false,
    ),
];

#[test]
fn dates_absolute_ranges_and_relative() {
    let doc_date = CivilDate::new(2025, 3, 12);
    for (text, span, start, end, relative, resolved) in DATES {
        let f = facts(text, doc_date);
        let d = f
            .iter()
            .find(|f| f.entity_type() == "DATE")
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!(d.text(text), *span, "{text}");
        let FactValue::Date(v) = &d.value else {
            panic!("{text}")
        };
        assert_eq!(v.start.as_deref(), *start, "{text}");
        assert_eq!(v.end.as_deref(), *end, "{text}");
        assert_eq!((v.relative, v.resolved), (*relative, *resolved), "{text}");
    }
}

#[test]
fn relative_dates_without_a_document_date() {
    let text = "В прошлом году объем вырос.";
    let f = facts(text, None);
    let FactValue::Date(v) = &f[0].value else {
        panic!("{f:?}")
    };
    assert_eq!(
        (v.start.as_deref(), v.relative, v.resolved),
        (None, true, false)
    );
    // A full date in the text anchors the rest.
    let text = "АСТАНА, 27.11.2024. Вчера министры обсудили транзит.";
    let f = facts(text, None);
    let d = f.iter().find(|f| f.text(text) == "Вчера").expect("вчера");
    let FactValue::Date(v) = &d.value else {
        panic!()
    };
    assert_eq!(v.start.as_deref(), Some("2024-11-26"));
}

#[test]
fn durations() {
    let text = "За 20 лет товарооборот вырос вдвое.";
    let f = facts(text, None);
    assert_eq!(f[0].text(text), "За 20 лет");
    let FactValue::Date(v) = &f[0].value else {
        panic!()
    };
    assert_eq!(v.duration.as_deref(), Some("P20Y"));
}

#[test]
fn times() {
    for (text, span, time, date) in [
        (
            "Сообщение опубликовано 27.11.2024 14:25 на сайте.",
            "27.11.2024 14:25",
            Some("14:25"),
            Some("2024-11-27"),
        ),
        (
            "Самолет приземлился в 16:40 по местному времени.",
            "в 16:40 по местному времени",
            Some("16:40"),
            None,
        ),
        (
            "Заседание началось в 6 часов вечера в столице.",
            "в 6 часов вечера",
            Some("18:00"),
            None,
        ),
    ] {
        let f = facts(text, None);
        let t = f
            .iter()
            .find(|f| f.entity_type() == "TIME")
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!(t.text(text), span, "{text}");
        let FactValue::Time(v) = &t.value else {
            panic!()
        };
        assert_eq!(
            (v.time.as_deref(), v.date.as_deref()),
            (time, date),
            "{text}"
        );
    }
    // A time that contains a date is followed by the nested date.
    let text = "Утром 17 октября министр вылетел в Минск.";
    let types: Vec<_> = facts(text, None)
        .iter()
        .map(|f| (f.entity_type(), f.text(text).to_string()))
        .collect();
    assert_eq!(types[0], ("TIME", "Утром 17 октября".to_string()));
    assert_eq!(types[1], ("DATE", "17 октября".to_string()));
}

#[test]
fn json_output() {
    let text = "Рост на 5% в 2021 году";
    let offsets = posol::CharOffsets::new(text);
    let lines: Vec<String> = facts(text, None)
        .iter()
        .map(|f| f.to_json(text, &offsets))
        .collect();
    assert_eq!(
        lines[0],
        r#"{"kind":"percent","type":"PERCENT","start":8,"stop":10,"text":"5%","value":5}"#
    );
    assert_eq!(
        lines[1],
        r#"{"kind":"date","type":"DATE","start":11,"stop":22,"text":"в 2021 году","value":"2021","relative":false,"resolved":false}"#
    );
}
