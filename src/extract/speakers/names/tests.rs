//! Unit tests of `speakers::names`: titles, honorifics and affixes around a name.

use super::*;
use crate::extract::officials::Gazetteer;
use crate::model::SpeakerKind;

#[test]
fn titles_and_possessives_never_stay_in_a_name() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2013));
    for (phrase, name) in [
        ("Boston Police Commissioner Ed Davis", "Ed Davis"),
        ("Pentagon spokesman Navy Capt. Jeff Davis", "Jeff Davis"),
        ("retired Army Lt. Col. Daniel Davis", "Daniel Davis"),
        ("Federalist's Sean Davis", "Sean Davis"),
        ("Interim DNC Chairwoman Donna Brazile", "Donna Brazile"),
        ("Chancellor Angela Merkel", "Angela Merkel"),
        ("Home Secretary Theresa May", "Theresa May"),
        (
            "Director of National Intelligence James Clapper",
            "James Clapper",
        ),
        ("John F. Kerry", "John Kerry"),
        ("Mr. King", "King"),
        ("Sen. Lindsey Graham, R-S.C.", "Lindsey Graham"),
        ("Rep. Adam Schiff of California", "Adam Schiff"),
        ("Sen. Ted Cruz (R-Texas)", "Ted Cruz"),
        ("But Rudy Giuliani", "Rudy Giuliani"),
        ("Col. Tim Collins of the British Army", "Tim Collins"),
        (
            "Adam Schiff, the House intelligence committee’s incoming Democratic chair",
            "Adam Schiff",
        ),
        ("Rep. Adam Schiff (D-CA), the ranking member", "Adam Schiff"),
        (
            "the top Democrat on the House Intelligence Committee, Adam Schiff",
            "Adam Schiff",
        ),
        ("democrat Adam Schiff", "Adam Schiff"),
        (
            "Rep. Adam B. Schiff, California Democrat and chairman of the committee",
            "Adam B. Schiff",
        ),
        ("Bill Clinton", "Bill Clinton"),
    ] {
        let sp = r.resolve(phrase).unwrap();
        assert_eq!(sp.name, name, "{phrase}");
        assert_eq!(sp.kind, SpeakerKind::Person, "{phrase}");
    }
    // A regnal or religious title before a single given name stays with it, and the name
    // alone later in the article is that person.
    let mut r = Resolver::new(&g, Some(2019));
    r.observe("Pope Francis arrived in Abu Dhabi, and Prince Andrew left for London.");
    for (phrase, name) in [
        ("Pope Francis", "Pope Francis"),
        ("Francis", "Pope Francis"),
        ("Britain's Prince Andrew", "Prince Andrew"),
        ("Andrew", "Prince Andrew"),
        ("Jordan's King Abdullah", "King Abdullah"),
        ("Queen Elizabeth", "Elizabeth II"),
        ("Prince William Windsor", "William Windsor"),
    ] {
        assert_eq!(r.resolve(phrase).unwrap().name, name, "{phrase}");
    }
    let mut r = Resolver::new(&g, Some(2017));
    r.observe("British Prime Minister Theresa May met the press.");
    assert_eq!(r.resolve("Theresa May's").unwrap().name, "Theresa May");
    assert_eq!(r.resolve("May").unwrap().name, "Theresa May");
    // The month is nobody: without Theresa May named, "May" is not her.
    let mut r = Resolver::new(&g, Some(2019));
    r.observe("He told Trump in May 2017 that the inquiry would go on.");
    assert_ne!(
        r.resolve("May").map(|s| s.name),
        Some("Theresa May".to_string())
    );
    assert_ne!(
        r.resolve("Mr. May").map(|s| s.name),
        Some("Theresa May".to_string())
    );
    let mut r = Resolver::new(&g, Some(2019));
    assert_eq!(r.resolve("Mrs. May").unwrap().name, "Theresa May");
    let mut r = Resolver::new(&g, Some(2018));
    r.observe("North Korean leader Kim Jong Un arrived in Singapore.");
    assert_eq!(r.resolve("Kim").unwrap().name, "Kim Jong-un");
    let s = r.resolve("the German chancellor").unwrap();
    assert_eq!(
        s.name, "Angela Merkel",
        "a role resolved by date through the gazetteer"
    );
}

#[test]
fn honorifics_without_a_full_stop_and_plain_groups() {
    let g = Gazetteer::builtin();
    let lavrov = g.get(g.by_surname("Lavrov").unwrap()).name.clone();
    let mut r = Resolver::new(&g, Some(2017));
    assert_eq!(r.resolve("Mr Lavrov").unwrap().name, lavrov);
    // "Others" is no speaker: the statement is dropped rather than filed under "others".
    assert_eq!(r.resolve("Others"), None);
    let study = r.resolve("His study").unwrap();
    assert_eq!(study.name, "His study");
    assert_eq!(study.kind, SpeakerKind::Document);
}

#[test]
fn sentence_openers_before_a_name_are_no_part_of_it() {
    for (phrase, want) in [
        ("Eventually, Papadopoulos", "Papadopoulos"),
        ("Further, he", "he"),
        ("Monday Brian Hook", "Brian Hook"),
        ("Said Macron", "Macron"),
        ("Hopefully, Ann Lee", "Ann Lee"),
        ("A few hours later, he", "he"),
        ("the dispute, she", "she"),
        ("he's", "he"),
        ("as he’s", "he"),
    ] {
        assert_eq!(strip_affixes(phrase), want, "{phrase}");
    }
}
