//! Unit tests of `speakers`: pronouns, subjects and who a sentence introduces.

use super::super::officials::Gazetteer;
use super::*;

#[test]
fn he_is_the_sentence_subject_before_someone_named_after_it() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, None);
    r.observe("Amarjit Singh, a limousine driver, was friends with Tom Rahami at school.");
    assert_eq!(r.resolve("he").unwrap().name, "Amarjit Singh");
    // A later clause has its own subject.
    let mut r = Resolver::new(&g, None);
    r.observe(
        "Ms. Rhonda Hughes avoids the subject, but her neighbor Benjamin Green, 83, knows what he wants.",
    );
    assert_eq!(r.resolve("he").unwrap().name, "Benjamin Green");
    // A name in -ing opening the sentence is its subject; "Speaking on …" is not a name.
    let mut r = Resolver::new(&g, None);
    r.observe("Tom Fleming, a driver, spoke first.");
    r.observe("Fleming told the committee about Amarjit Singh.");
    assert_eq!(r.resolve("he").unwrap().name, "Tom Fleming");
    // With no name opening the sentence, the latest name it is.
    let mut r = Resolver::new(&g, None);
    r.observe("At the school, friends of Tom Rahami met Amarjit Singh, a driver.");
    assert_eq!(r.resolve("he").unwrap().name, "Amarjit Singh");
    // A name whose appositive opens with a role is a person the article introduces, and
    // the "she" of the next clause.
    let mut r = Resolver::new(&g, Some(2017));
    r.observe("Nicky Morgan, a former education secretary, spoke first.");
    r.observe("Anna Soubry, former minister for small businesses, told the BBC she believed it.");
    assert_eq!(r.resolve("she").unwrap().name, "Anna Soubry");
    // A weekday between a place and a name belongs to neither.
    let mut r = Resolver::new(&g, Some(2013));
    r.observe("Speaking before meeting with Jordan's King Abdullah in the Oval Office Friday Obama implied as much.");
    assert_eq!(r.resolve("he").unwrap().name, "Barack Obama");
}

#[test]
fn he_is_a_subject_named_after_the_last_speaker_spoke() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, None);
    // Each unit: its speakers resolved, then its narrative read.
    assert_eq!(
        r.resolve("Haider Al-Abadi").unwrap().name,
        "Haider Al-Abadi"
    );
    r.observe("reacted with a statement saying in part.");
    r.observe(
        "In Brussels Wednesday, Secretary of State John Kerry told reporters Iraq's government was briefed.",
    );
    assert_eq!(r.resolve("he").unwrap().name, "John Kerry");
    r.observe("said Washington would work with Baghdad.");
    // Without a new subject, the last speaker goes on; names after a determiner or in an
    // opening participial phrase are no subject.
    assert_eq!(
        r.resolve("Haider Al-Abadi").unwrap().name,
        "Haider Al-Abadi"
    );
    r.observe("made his case.");
    r.observe("The statement of Ash Carter came later.");
    r.observe("The Carter plan was shelved.");
    r.observe("Speaking on Ash Carter's show, the minister made his case.");
    assert_eq!(r.resolve("he").unwrap().name, "Haider Al-Abadi");
}

#[test]
fn a_family_name_first_is_the_person_this_article_named_not_an_official() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2020));
    // Two officials are "Liu" in 2020 (the vice premier Liu He, the finance minister Liu Kun):
    // the name stays as written rather than go to either.
    assert_eq!(r.resolve("Liu").unwrap().name, "Liu");
    let mut r = Resolver::new(&g, Some(2020));
    r.observe("Vice Premier Liu He arrived in Washington on Thursday.");
    assert_eq!(r.resolve("Liu").unwrap().name, "Liu He");
    let mut r = Resolver::new(&g, Some(2020));
    r.observe("Liu Lipeng, a former censor at ByteDance, spoke to us.");
    assert_eq!(r.resolve("Liu").unwrap().name, "Liu Lipeng");
    // Western first names are not family names: "Ryan" is not Ryan Zinke.
    let mut r = Resolver::new(&g, Some(2018));
    r.observe("Ryan Zinke, the interior secretary, spoke to us.");
    assert_ne!(r.resolve("Ryan").unwrap().name, "Ryan Zinke");
}

#[test]
fn a_surname_that_is_also_a_nationality_is_the_person_named_before() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, None);
    assert_ne!(r.resolve("Cuban").map(|s| s.name), Some("Cuban".into()));
    r.resolve("Mark Cuban").unwrap();
    assert_eq!(r.resolve("Cuban").unwrap().name, "Mark Cuban");
}

#[test]
fn unknown_people_and_fallbacks() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, None);
    assert!(r.resolve("she").is_none(), "no one to refer to");
    let s = r
        .resolve("The deputy head of the Council, Ambassador Andrey Baklanov")
        .unwrap();
    assert_eq!(s.name, "Andrey Baklanov");
    assert_eq!(r.resolve("the Ambassador").unwrap().name, "Andrey Baklanov");
    assert_eq!(r.resolve("Baklanov").unwrap().name, "Andrey Baklanov");
    assert_eq!(
        r.resolve("a senior administration official").unwrap().name,
        "a senior administration official"
    );
}

#[test]
fn unnamed_sources_are_never_a_named_person_nearby() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2017));
    assert_eq!(r.resolve("Donald Trump").unwrap().name, "Donald Trump");
    r.observe("Donald Trump spoke to reporters at the White House on Monday.");
    let o = r.resolve("the official").unwrap();
    assert_eq!(
        (o.name.as_str(), o.kind),
        ("the official", SpeakerKind::Anonymous)
    );
    let o = r.resolve("a senior administration official").unwrap();
    assert_eq!(o.kind, SpeakerKind::Anonymous);
    assert_eq!(
        r.resolve("he").unwrap().name,
        "a senior administration official"
    );
    let o = r.resolve("a senior Trump administration official").unwrap();
    assert_eq!(
        (o.name.as_str(), o.kind),
        (
            "a senior Trump administration official",
            SpeakerKind::Anonymous
        )
    );
    let o = r.resolve("A senior Obama administration official").unwrap();
    assert_eq!(o.kind, SpeakerKind::Anonymous);
    let o = r.resolve("officials").unwrap();
    assert_eq!(o.kind, SpeakerKind::Anonymous);
    assert_eq!(r.resolve("they").unwrap().name, "officials");
}

#[test]
fn outlets_countries_and_documents_have_their_kind() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2017));
    let t = r.resolve("the New York Times").unwrap();
    assert_eq!(
        (t.name.as_str(), t.kind),
        ("The New York Times", SpeakerKind::Media)
    );
    let t = r.resolve("Reuters").unwrap();
    assert_eq!((t.name.as_str(), t.kind), ("Reuters", SpeakerKind::Media));
    let d = r.resolve("the report").unwrap();
    assert_eq!(d.kind, SpeakerKind::Document);
    let d = r.resolve("Democrats").unwrap();
    assert_eq!(d.kind, SpeakerKind::Group);
    let p = r.resolve("Sergey Lavrov").unwrap();
    assert_eq!(p.kind, SpeakerKind::Person);
    let i = r.resolve("the Kremlin").unwrap();
    assert_eq!(i.kind, SpeakerKind::Institution);
    // Who works or worked for a body does not speak as it; its spokesman does.
    for (written, shown) in [
        ("the former CIA contractor", "former CIA contractor"),
        ("two FBI agents", "two FBI agents"),
        (
            "a former State Department official",
            "a former State Department official",
        ),
    ] {
        let t = r.resolve(written).unwrap();
        assert_eq!((t.name.as_str(), t.kind), (shown, SpeakerKind::Anonymous));
    }
    let t = r.resolve("the FBI").unwrap();
    assert_eq!((t.name.as_str(), t.kind), ("FBI", SpeakerKind::Institution));
    // "The North" is North Korea once the article has named it, and only then.
    let mut fresh = Resolver::new(&g, Some(2017));
    let t = fresh.resolve("The North").unwrap();
    assert_ne!(t.name, "North Korea");
    fresh.observe("North Korea fired a missile on Sunday, officials in Seoul said.");
    for (written, country) in [("The North", "North Korea"), ("the South", "South Korea")] {
        let t = fresh.resolve(written).unwrap();
        assert_eq!((t.name.as_str(), t.kind), (country, SpeakerKind::Country));
    }
    // State news agencies and broadcasters in capitals are outlets, not people.
    for (written, name) in [
        ("SANA", "SANA"),
        ("WBUR", "WBUR"),
        ("VOA", "Voice of America"),
        ("ISNA", "ISNA"),
    ] {
        let t = r.resolve(written).unwrap();
        assert_eq!((t.name.as_str(), t.kind), (name, SpeakerKind::Media));
    }
}

#[test]
fn a_body_before_its_spokesperson_is_no_subject() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, None);
    // As extraction reads a unit: its speaker first, then its narrative.
    assert_eq!(r.resolve("Trump").unwrap().name, "Donald Trump");
    r.observe("Trump continued.");
    r.observe(
        "Chinese Foreign Ministry spokesperson Geng Shuang appeared to dispute Trump's claim.",
    );
    assert_eq!(r.resolve("he").unwrap().name, "Geng Shuang");
}

#[test]
fn a_description_opening_the_sentence_is_a_title_not_a_first_name() {
    // "Rebel Kenneth Clarke told …": the description is capitalised only because it opens
    // the sentence; it is the title (data/speakers.toml `titles`), never part of the name.
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, None);
    for (phrase, name, title) in [
        ("Rebel Kenneth Clarke", "Kenneth Clarke", "Rebel"),
        ("Pundit Maxim Suchkov", "Maxim Suchkov", "Pundit"),
        ("Blogger Eliot Higgins", "Eliot Higgins", "Blogger"),
    ] {
        let s = r.resolve(phrase).unwrap();
        assert_eq!(s.name, name, "{phrase}");
        assert_eq!(s.title.as_deref(), Some(title), "{phrase}");
    }
}

#[test]
fn she_never_goes_to_a_man_known_by_his_given_name_or_role() {
    let g = Gazetteer::builtin();
    // The last speaker is a man by his given name: "she" is someone else or no one.
    let mut r = Resolver::new(&g, None);
    assert_eq!(r.resolve("Mark Kirk").unwrap().name, "Mark Kirk");
    assert!(r.resolve("she").is_none());
    assert_eq!(r.resolve("he").unwrap().name, "Mark Kirk");
    // A woman named before him is the "she".
    let mut r = Resolver::new(&g, None);
    r.observe("Christine Todd Whitman, a former governor, spoke first.");
    assert_eq!(r.resolve("Mark Kirk").unwrap().name, "Mark Kirk");
    assert_eq!(r.resolve("she").unwrap().name, "Christine Todd Whitman");
    // A given name for both says nothing: either pronoun may follow.
    let mut r = Resolver::new(&g, None);
    assert_eq!(r.resolve("Robin Ashby").unwrap().name, "Robin Ashby");
    assert_eq!(r.resolve("she").unwrap().name, "Robin Ashby");
    // A role says it when the name does not.
    let mut r = Resolver::new(&g, None);
    let s = r
        .resolve("State Department spokeswoman Dorit Halvorsen")
        .unwrap();
    assert_eq!(
        (s.name.as_str(), s.title.as_deref()),
        ("Dorit Halvorsen", Some("State Department spokeswoman"))
    );
    assert!(r.resolve("he").is_none());
}

#[test]
fn given_names_and_roles_tell_a_gender() {
    let g = Gazetteer::builtin();
    assert_eq!(g.gender_of_name("Mark Kirk"), Some(Gender::Male));
    assert_eq!(
        g.gender_of_name("Christine Todd Whitman"),
        Some(Gender::Female)
    );
    assert_eq!(g.gender_of_name("Jean-Claude Juncker"), None);
    assert_eq!(g.gender_of_name("Mary-Kate Olsen"), Some(Gender::Female));
    // A surname alone, and names given to both, say nothing.
    assert_eq!(g.gender_of_name("Mark"), None);
    assert_eq!(g.gender_of_name("Hilary Benn"), None);
    assert_eq!(g.gender_of_name("Kim Jong Un"), None);
    assert_eq!(title_gender("spokeswoman"), Some(Gender::Female));
    assert_eq!(title_gender("his mother"), Some(Gender::Female));
    assert_eq!(title_gender("Crown Prince"), Some(Gender::Male));
    assert_eq!(title_gender("chairman"), None);
    assert_eq!(title_gender("the son of a queen"), None);
}
#[test]
fn an_outlet_and_roles_before_a_name_are_its_title() {
    let g = Gazetteer::builtin();
    for (phrase, name, title) in [
        (
            "BBC correspondent Stephen Evans",
            "Stephen Evans",
            "BBC correspondent",
        ),
        (
            "GlobalPost CEO and co-founder Philip Balboni",
            "Philip Balboni",
            "GlobalPost CEO and co-founder",
        ),
        (
            "Clearview founder and CEO Hoan Ton-That",
            "Hoan Ton-That",
            "Clearview founder and CEO",
        ),
    ] {
        let mut r = Resolver::new(&g, None);
        let s = r.resolve(phrase).unwrap();
        assert_eq!(
            (s.name.as_str(), s.kind, s.title.as_deref()),
            (name, SpeakerKind::Person, Some(title)),
            "{phrase}"
        );
    }
    // A plural after a given name is a surname; without one, a group.
    assert_eq!(g.words.classify("Stephen Evans"), Some(SpeakerKind::Person));
    assert_eq!(g.words.classify("the Americans"), Some(SpeakerKind::Group));
    // Two people joined by "and" stay two.
    assert_eq!(
        g.words.classify("John Kerry and Sergey Lavrov"),
        Some(SpeakerKind::Group)
    );
}

#[test]
fn after_a_titles_for_or_of_the_person_is_the_end_of_the_run() {
    let g = Gazetteer::builtin();
    for (phrase, name) in [
        (
            "U.N. Special Envoy for Water Rights Peter Holm",
            "Peter Holm",
        ),
        ("Deputy Director of Trade Policy Anna Field", "Anna Field"),
        ("Mayor of Leeds Tariq Dar", "Tariq Dar"),
        (
            "Minister for Coastal Affairs John F. Brand",
            "John F. Brand",
        ),
        (
            "Institute for Harbour Studies President Ann Cole",
            "Ann Cole",
        ),
    ] {
        let mut r = Resolver::new(&g, None);
        let sp = r.resolve(phrase).unwrap();
        assert_eq!(
            (sp.name.as_str(), sp.kind),
            (name, SpeakerKind::Person),
            "{phrase}"
        );
    }
    // A body, not the last words of its name; with a description after it, still the body.
    for (phrase, name) in [
        (
            "the Center for Rural Water Rights",
            "Center for Rural Water Rights",
        ),
        ("Project on Budget Oversight", "Project on Budget Oversight"),
        (
            "The Danish Initiative for Coastal Fisheries, a fishermen's group",
            "Danish Initiative for Coastal Fisheries",
        ),
    ] {
        let mut r = Resolver::new(&g, None);
        let sp = r.resolve(phrase).unwrap();
        assert_eq!(
            (sp.name.as_str(), sp.kind),
            (name, SpeakerKind::Institution),
            "{phrase}"
        );
    }
    // A magazine named like a field is an outlet.
    let mut r = Resolver::new(&g, None);
    assert_eq!(
        r.resolve("Foreign Policy").unwrap().kind,
        SpeakerKind::Media
    );
}

#[test]
fn a_surname_shared_in_the_article_is_the_official_named_in_full() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2020));
    r.observe(
        "The dinners were hosted by Secretary of State Mike Pompeo and his wife, Susan Pompeo.",
    );
    assert_eq!(r.resolve("Pompeo").unwrap().name, "Mike Pompeo");
    // And it stays so: the secretary's later mentions are his.
    r.observe("Pompeo has defended the dinners as part of his job.");
    assert_eq!(r.resolve("Pompeo").unwrap().name, "Mike Pompeo");
    // Someone the article names in full beats an official only found for a bare surname.
    let mut r = Resolver::new(&g, Some(2018));
    r.observe("The Nunes memo was released on Friday.");
    r.observe("Its author, Rep. Devin Nunes, defended it on television.");
    assert_eq!(r.resolve("Nunes").unwrap().name, "Devin Nunes");
}

#[test]
fn a_question_opening_a_sentence_is_no_part_of_a_name() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2015));
    r.observe("Is Obama responsible for the timing of the troop withdrawal from Iraq?");
    r.observe("I met one of the defeated troops, named Bahr Ibrahim, in a hospital.");
    assert!(r.people.iter().all(|p| !p.name.starts_with("Is ")));
    assert_ne!(
        r.resolve("Is Obama").map(|s| s.name).as_deref(),
        Some("Is Obama")
    );
}
