//! Tests of the gazetteer: name keys, look-ups by name, surname and role, and the
//! indexes built at load (distinct titles, first words of names) held to plain scans.

use super::*;

#[test]
fn name_keys_ignore_case_dots_possessives_and_spacing() {
    assert_eq!(name_key(" Sergey  V. Lavrov's "), "sergey v lavrov");
    assert_eq!(name_key(". Lavrov"), "lavrov");
    assert_eq!(name_key("J.\tK . .. Rowling"), "j k rowling");
    assert_eq!(name_key("..."), "");
    assert_eq!(name_key("Dan O’Brien’s"), "dan o'brien");
    assert_eq!(name_key("ÉMILE Zola ... Jr."), "emile zola jr");
    // One person with or without the accents of their name, in any script.
    assert_eq!(name_key("François Molins"), name_key("Francois Molins"));
    assert_eq!(name_key("Felipe Calderón"), "felipe calderon");
    assert_eq!(name_key("Сергей Лавров"), "сергеи лавров");
    assert_eq!(name_key(""), "");
}

#[test]
fn an_outlet_before_news_agency_is_the_outlet_whatever_describes_it() {
    let g = Gazetteer::builtin();
    for (phrase, outlet) in [
        ("the semi-official Fars news agency", "Fars"),
        ("Russia's Interfax news agency", "Interfax"),
        ("the state-run Xinhua News Agency", "Xinhua"),
        ("Japan’s Kyodo News Service", "Kyodo"),
        ("Associated Press news agency", "Associated Press"),
    ] {
        assert_eq!(g.media_name(phrase), Some(outlet), "{phrase}");
    }
    // An agency the list does not name stays unknown, not the nearest outlet.
    for phrase in [
        "the state news agency",
        "North Korean news agency",
        "the agency",
    ] {
        assert_eq!(g.media_name(phrase), None, "{phrase}");
    }
}

#[test]
fn organisations_that_speak_are_institutions() {
    let g = Gazetteer::builtin();
    for n in [
        "Facebook",
        "WikiLeaks",
        "Human Rights Watch",
        "ACLU",
        "Red Cross",
    ] {
        let id = g.lookup(n).unwrap_or_else(|| panic!("{n} missing"));
        assert!(g.get(id).institution, "{n} is an institution");
    }
}

#[test]
fn builtin_covers_required_names() {
    let g = Gazetteer::builtin();
    for n in [
        "Putin",
        "Medvedev",
        "Lavrov",
        "Ryabkov",
        "Peskov",
        "Zakharova",
        "Nebenzya",
        "Antonov",
        "Kislyak",
        "Shoigu",
        "Churkin",
        "Ushakov",
        "Obama",
        "Trump",
        "Biden",
        "Kerry",
        "Tillerson",
        "Pompeo",
        "Blinken",
        "Kirby",
        "Earnest",
        "Spicer",
        "Nauert",
        "Price",
        "Haley",
        "Power",
        "Mattis",
        "Bolton",
        "Sullivan",
        "Pence",
    ] {
        // Each surname names one official in some year of their tenure.
        assert!(
            (2000..=2026).any(|y| g.by_surname_at(n, Some(y)).is_some()),
            "{n}"
        );
    }
    for n in [
        "Russian Foreign Ministry",
        "the Kremlin",
        "State Department",
        "White House",
        "Pentagon",
    ] {
        assert!(g.by_full_name(n).is_some(), "{n}");
    }
}

#[test]
fn a_shared_surname_is_resolved_by_the_year_or_not_at_all() {
    let g = Gazetteer::builtin();
    let name = |id: Option<usize>| id.map(|i| g.get(i).name.clone());
    assert_eq!(
        name(g.by_surname_at("Clinton", Some(2011))).as_deref(),
        Some("Hillary Clinton")
    );
    assert_eq!(
        name(g.by_surname_at("Clinton", Some(1996))).as_deref(),
        Some("Bill Clinton")
    );
    assert_eq!(g.by_surname("Clinton"), None);
    assert_eq!(g.by_surname_at("Clinton", None), None);
    // Two presidents named Bush: the full names keep them apart, a middle initial too.
    let w = g.by_full_name("George W. Bush").unwrap();
    let hw = g.by_full_name("George H. W. Bush").unwrap();
    assert_ne!(w, hw);
    assert_eq!(g.by_full_name("George Bush"), None);
    assert_eq!(
        name(g.by_surname_at("Bush", Some(2005))).as_deref(),
        Some("George W. Bush")
    );
    // Family names written first: "Xi" is Xi Jinping, "Kim" in 2018 Kim Jong-un.
    assert_eq!(
        name(g.by_surname_at("Xi", Some(2018))).as_deref(),
        Some("Xi Jinping")
    );
    // A middle initial the gazetteer does not list still finds the one person.
    assert_eq!(
        name(g.by_full_name("John F. Kerry")).as_deref(),
        Some("John Kerry")
    );
}

#[test]
fn roles_resolve_by_date_across_the_g20() {
    let g = Gazetteer::builtin();
    let holder = |role: &str, aff: &str, y: i32| {
        g.holder_of(|t| t == role, Some(aff), y)
            .map(|i| g.get(i).name.clone())
    };
    assert_eq!(
        holder("Chancellor", "Germany", 2018).as_deref(),
        Some("Angela Merkel")
    );
    assert_eq!(
        holder("Chancellor", "Germany", 2023).as_deref(),
        Some("Olaf Scholz")
    );
    assert_eq!(
        holder("Foreign Minister", "Russia", 2017).as_deref(),
        Some("Sergey Lavrov")
    );
    assert_eq!(g.demonym("German"), Some("Germany"));
    assert_eq!(g.country_name("Beijing"), Some("China"));
    assert_eq!(g.country_name("the United States"), Some("United States"));
}

#[test]
fn variants_and_tenure() {
    let g = Gazetteer::builtin();
    let id = g.lookup("Sergei Lavrov").unwrap();
    assert_eq!(g.get(id).name, "Sergey Lavrov");
    assert_eq!(g.get(g.lookup("Josh Ernest").unwrap()).name, "Josh Earnest");
    let putin = g.lookup("Putin").unwrap();
    assert_eq!(
        g.title_at(putin, Some(2010)),
        Some("Prime Minister of Russia")
    );
    assert_eq!(g.title_at(putin, Some(2017)), Some("President of Russia"));
    let sos = g.holder_of(|t| t == "Secretary of State", Some("United States"), 2017);
    assert!(sos.is_none(), "Kerry and Tillerson both served in 2017");
    let sos = g
        .holder_of(|t| t == "Secretary of State", Some("United States"), 2019)
        .unwrap();
    assert_eq!(g.get(sos).name, "Mike Pompeo");
}

#[test]
fn holder_of_answers_as_a_scan_of_every_title_entry() {
    // The distinct-title index must give what testing every official's every title gives.
    let g = Gazetteer::builtin();
    let scan = |role_ok: &dyn Fn(&str) -> bool, aff: Option<&str>, y: i32| {
        let holders: Vec<usize> = (0..g.officials.len())
            .filter(|&id| {
                let o = g.get(id);
                !o.institution
                    && !matches!((aff, o.affiliation.as_deref()), (Some(a), Some(b)) if a != b)
                    && o.titles.iter().any(|t| {
                        t.from.is_none_or(|f| f <= y)
                            && t.to.is_none_or(|to| y <= to)
                            && role_ok(&t.title)
                    })
            })
            .collect();
        (holders.len() == 1).then(|| holders[0])
    };
    let words = [
        "minister",
        "president",
        "secretary",
        "spokes",
        "chancellor",
        "foreign",
    ];
    let affs = [None, Some("United States"), Some("Russia"), Some("China")];
    let mut answered = 0;
    for w in words {
        let role_ok = |t: &str| t.to_lowercase().contains(w);
        for aff in affs {
            for y in (2000..=2026).step_by(3) {
                let got = g.holder_of(role_ok, aff, y);
                assert_eq!(got, scan(&role_ok, aff, y), "{w} {aff:?} {y}");
                answered += usize::from(got.is_some());
            }
        }
    }
    assert!(
        answered > 5,
        "the comparison must include some answers ({answered})"
    );
}

#[test]
fn a_full_name_is_looked_up_only_from_a_word_some_name_begins_with() {
    let g = Gazetteer::builtin();
    // Every name and variant, as written, passes the filter on its first word.
    for o in &g.officials {
        for n in std::iter::once(&o.name).chain(&o.variants) {
            let first = n.split_whitespace().next().unwrap_or("");
            assert!(g.word_may_begin_name(first), "{n}");
            assert!(g.word_may_begin_name(&first.to_uppercase()), "{n}");
        }
    }
    assert!(g.word_may_begin_name("The"));
    assert!(
        g.word_may_begin_name("Putin's"),
        "a possessive is not filtered"
    );
    assert!(!g.word_may_begin_name("Yesterday"));
    assert!(!g.word_may_begin_name("Zzyzx"));
}
