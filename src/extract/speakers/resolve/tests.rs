//! Unit tests of `speakers::resolve`: descriptions, bodies, junk phrases and people.

use super::*;
use crate::extract::officials::Gazetteer;

#[test]
fn people_introduced_in_the_text_are_found_again() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2016));
    r.observe("Republican front-runner Ben Okafor took the stage on Tuesday.");
    assert_eq!(r.resolve("he").unwrap().name, "Ben Okafor");
    assert_eq!(r.resolve("Okafor").unwrap().name, "Ben Okafor");
    // A place is not a person: no cue introduces it.
    r.observe("The rally in Des Moines was loud.");
    assert_eq!(r.resolve("he").unwrap().name, "Ben Okafor");
}

#[test]
fn a_surname_before_a_description_is_that_person() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2016));
    r.observe("Gen. Tom Okafor met the president on Tuesday.");
    assert_eq!(
        r.resolve("Okafor, chairman of the Joint Chiefs of Staff")
            .unwrap()
            .name,
        "Tom Okafor"
    );
    let mut r = Resolver::new(&g, Some(2016));
    assert_eq!(
        r.resolve("Abedzadeh, the senior aviation official")
            .unwrap()
            .name,
        "Abedzadeh"
    );
    // A sentence adverb before the name is no part of it.
    r.observe("Attorney Lanny Cohan spoke to reporters.");
    assert_eq!(
        r.resolve("Nevertheless, Cohan").unwrap().name,
        "Lanny Cohan"
    );
    assert_eq!(r.resolve("Already, Iran").unwrap().name, "Iran");
    // Countries speaking together are a group, kept as written.
    let s = r.resolve("Britain, France and Germany").unwrap();
    assert_eq!(
        (s.name.as_str(), s.kind),
        ("Britain, France and Germany", SpeakerKind::Group)
    );
    // With an honorific, a space before the comma, or a possessive description.
    r.observe("Senator John McCain spoke first.");
    assert_eq!(
        r.resolve("Mr. McCain, an Arizona Republican and Vietnam veteran")
            .unwrap()
            .name,
        "John McCain"
    );
    assert_eq!(
        r.resolve("Campbell , a 29-year-old nurse").unwrap().name,
        "Campbell"
    );
    assert_eq!(
        r.resolve("Downing, Manafort's attorney").unwrap().name,
        "Downing"
    );
    // An ordinal or opener before the subject is no part of it.
    let s = r.resolve("First, most political science research").unwrap();
    assert_eq!(s.name, "most political science research");
}

#[test]
fn a_possessive_mentions_its_owner_for_a_later_pronoun() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2014));
    r.observe("Angela Merkel’s government passed the bill on Tuesday.");
    assert_eq!(r.resolve("she").unwrap().name, "Angela Merkel");
    // A possessive introduces nobody: "Okafor's lawyer" makes no Okafor for "he".
    let mut r = Resolver::new(&g, Some(2014));
    r.observe("Mr. Okafor's lawyer arrived late.");
    assert!(r.resolve("he").is_none());
}

#[test]
fn a_first_name_keeps_a_namesake_apart_from_the_official() {
    let g = Gazetteer::builtin();
    let official = g.by_surname("Lavrov").expect("Lavrov is in the gazetteer");
    let mut r = Resolver::new(&g, Some(2017));
    assert_eq!(
        r.resolve("Sergey Lavrov").unwrap().name,
        g.get(official).name
    );
    let mut r = Resolver::new(&g, Some(2017));
    r.observe("Local farmer Ivan Lavrov spoke to us.");
    assert_eq!(r.resolve("Lavrov").unwrap().name, "Ivan Lavrov");
}

#[test]
fn someone_speaking_for_a_person_is_not_that_person() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2017));
    r.observe("Secretary of State John Kerry and Foreign Minister Sergey Lavrov met.");
    for (phrase, shown) in [
        ("A spokesperson for Kerry", "a spokesperson for Kerry"),
        ("an aide to Lavrov", "an aide to Lavrov"),
        ("a lawyer for Paul Manafort", "a lawyer for Paul Manafort"),
    ] {
        let sp = r.resolve(phrase).unwrap();
        assert_eq!(sp.name, shown, "{phrase}");
        assert_ne!(sp.kind, SpeakerKind::Person, "{phrase}");
    }
    // A named spokesperson stays the person.
    assert_eq!(
        r.resolve("Clinton spokesman Brian Fallon").unwrap().name,
        "Brian Fallon"
    );
}

#[test]
fn several_speakers_and_dependents_stay_as_written() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2017));
    assert_eq!(
        r.resolve("Russia and the United States").unwrap().name,
        "Russia and the United States"
    );
    r.observe("Foreign Minister Sergey Lavrov arrived.");
    assert_eq!(
        r.resolve("the Lavrov campaign").unwrap().name,
        "Lavrov campaign"
    );
    assert_eq!(
        r.resolve("a Lavrov spokesman").unwrap().name,
        "a Lavrov spokesman"
    );
    // "He" right after an unnamed speaker is that speaker, never the official named in
    // the phrase; once Lavrov is mentioned again, "he" is Lavrov.
    let he = r.resolve("he").unwrap();
    assert_eq!(he.name, "a Lavrov spokesman");
    assert_eq!(he.kind, SpeakerKind::Anonymous);
    r.observe("Lavrov left for Geneva.");
    assert_eq!(r.resolve("he").unwrap().name, "Sergey Lavrov");
}

#[test]
fn a_name_nobody_knows_before_an_unnamed_source_is_no_person() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2016));
    let sp = r.resolve("The Platte River employee").unwrap();
    assert_eq!(
        (sp.name.as_str(), sp.kind),
        ("Platte River employee", SpeakerKind::Anonymous)
    );
    let sp = r.resolve("a fellow New Hampshire Sanders veteran").unwrap();
    assert_eq!(sp.kind, SpeakerKind::Anonymous);
    // A new person's name at the end is still that person.
    assert_eq!(
        r.resolve("Clinton spokesman Brian Fallon").unwrap().name,
        "Brian Fallon"
    );
}

#[test]
fn whoever_a_possessive_name_qualifies_is_someone_else() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2015));
    r.observe("President Xi Jinping met the delegation.");
    for phrase in [
        "President Barack Obama’s own party",
        "Trump's lawyer",
        "party",
    ] {
        let name = r.resolve(phrase).map(|sp| sp.name).unwrap_or_default();
        assert!(
            !matches!(
                name.as_str(),
                "Xi Jinping" | "Barack Obama" | "Donald Trump"
            ),
            "{phrase} -> {name}"
        );
    }
}

#[test]
fn places_bodies_things_and_abbreviated_roles_are_no_people() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2017));
    assert_ne!(
        r.resolve("The North").map(|s| s.kind),
        Some(SpeakerKind::Person)
    );
    let obs = r
        .resolve("the Syrian Observatory for Human Rights")
        .unwrap();
    assert_eq!(obs.name, "Syrian Observatory for Human Rights");
    assert_ne!(obs.kind, SpeakerKind::Person);
    assert!(r.resolve("U-238").is_none());
    assert_ne!(r.resolve("PM").map(|s| s.name), Some("PM".to_string()));
    // Names that merely start like these stay people.
    assert_eq!(r.resolve("Oliver North").unwrap().kind, SpeakerKind::Person);
    // A letter, a month, "Among …" and a first person with a contracted verb (the
    // writer's own "I've argued") are no speakers; "they've" is who "they" is.
    for junk in ["B", "C.", "February", "Among", "I’ve", "I'd"] {
        assert!(r.resolve(junk).is_none(), "{junk}");
    }
    let mut r = Resolver::new(&g, Some(2015));
    assert_eq!(
        r.resolve("the State Department").unwrap().name,
        "State Department"
    );
    assert_eq!(r.resolve("They’ve").unwrap().name, "State Department");
    // Only an appositive that opens with a role makes the name before it a person's.
    for yes in [
        "former minister for small businesses, told",
        "chairman of the 1922 Committee",
        "deputy spokesman for the council",
    ] {
        assert!(super::role_appositive(yes), "{yes}");
    }
    for no in [
        "where the minister met elders",
        "the capital, said the minister",
        "Syria's neighbour",
        "and the minister",
    ] {
        assert!(!super::role_appositive(no), "{no}");
    }
    // A body known by one word speaks as itself; its director is someone else.
    for (phrase, name) in [("The NSA", "NSA"), ("Centcom", "Centcom"), ("Pew", "Pew")] {
        let s = r.resolve(phrase).unwrap();
        assert_eq!((s.name.as_str(), s.kind), (name, SpeakerKind::Institution));
    }
    assert_ne!(
        r.resolve("the director of the NSA").map(|s| s.name),
        Some("NSA".to_string())
    );
    assert_eq!(r.resolve("Al-Jazeera").unwrap().kind, SpeakerKind::Media);
    // Friends and agents speak as a group, not as someone called Friends.
    assert_eq!(r.resolve("Friends").unwrap().kind, SpeakerKind::Group);
}

#[test]
fn an_adverb_or_a_participle_opening_a_sentence_speaks_for_nobody() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2016));
    for word in ["Essentially", "Reportedly", "Having", "Over", "Alongside"] {
        assert!(r.resolve(word).is_none(), "{word}");
    }
    // Names with an -ly ending are names.
    for name in ["Kelly", "Bradley", "Daly"] {
        assert_eq!(
            r.resolve(name).map(|s| s.kind),
            Some(SpeakerKind::Person),
            "{name}"
        );
    }
    assert_eq!(
        r.resolve("Protest groups").map(|s| s.kind),
        Some(SpeakerKind::Group)
    );
}

#[test]
fn a_pronoun_of_the_other_gender_is_not_the_unnamed_speaker() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2013));
    r.observe(
        "When the man told her he was going to kill police, she asked him if that was reasonable.",
    );
    assert_eq!(r.resolve("the man").unwrap().name, "the man");
    assert_ne!(r.resolve("she").map(|s| s.name).as_deref(), Some("the man"));
    let mut r = Resolver::new(&g, Some(2014));
    r.observe("The militant in the video told Britain the alliance will fail.");
    assert_eq!(
        r.resolve("The militant in the video").unwrap().name,
        "the militant in the video"
    );
    assert_eq!(r.resolve("He").unwrap().name, "the militant in the video");
}

#[test]
fn an_acronym_is_never_a_surname_and_a_family_name_finds_the_articles_person() {
    let g = Gazetteer::builtin();
    // "GAO" is the Government Accountability Office, not the spokesman Gao Feng.
    let mut r = Resolver::new(&g, Some(2019));
    r.observe("Commerce Ministry spokesman Gao Feng spoke in Beijing.");
    assert_eq!(r.resolve("Gao").unwrap().name, "Gao Feng");
    assert_ne!(
        r.resolve("GAO").map(|s| s.name).as_deref(),
        Some("Gao Feng")
    );
    // "Han" after "Han Jun" is him, though the gazetteer has other Hans (Han Zheng, Han
    // Min-koo) and knows none of them as the only one.
    let mut r = Resolver::new(&g, Some(2018));
    r.observe("Han Jun, China's vice minister of agriculture, spoke on Tuesday.");
    assert_eq!(r.resolve("Han").unwrap().name, "Han Jun");
}

#[test]
fn a_description_is_never_the_name_inside_it() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2019));
    // A postmodifier relates the description to someone else.
    for (phrase, shown) in [
        // Kept as written (a common noun opening the sentence in lower case).
        ("A source close to Trump", "A source close to Trump"),
        (
            "People familiar with Mulvaney's style",
            "people familiar with Mulvaney's style",
        ),
        (
            "sources close to shadow Brexit secretary Keir Starmer",
            "sources close to shadow Brexit secretary Keir Starmer",
        ),
    ] {
        assert_eq!(r.resolve(phrase).unwrap().name, shown, "{phrase}");
    }
    // A capitalised modifier of a plural noun describes the group.
    let group = r.resolve("Trade unionists").unwrap();
    assert_eq!(
        (group.name.as_str(), group.kind),
        ("Trade unionists", SpeakerKind::Group)
    );
    assert_eq!(r.resolve("Donald Trump").unwrap().name, "Donald Trump");
}

#[test]
fn a_day_or_a_month_speaks_for_nobody() {
    let g = Gazetteer::builtin();
    let mut r = Resolver::new(&g, Some(2013));
    for phrase in ["Thursday", "February"] {
        assert!(r.resolve(phrase).is_none(), "{phrase}");
    }
    // "May" is a surname too.
    r.observe("Prime Minister Theresa May spoke.");
    assert_eq!(r.resolve("May").unwrap().name, "Theresa May");
}
