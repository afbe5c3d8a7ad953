//! Unit tests of `clause_subject`: subjects beyond the words next to the cue.

use crate::extract::attribution::testing::*;

#[test]
fn told_recipient_that() {
    let r =
        run("A member of the committee, Anna Smirnova, told Interfax that the vote was postponed.");
    // The appositive comes along so the resolver learns her title.
    assert_eq!(r[0].1, "A member of the committee, Anna Smirnova");
    assert_eq!(r[0].0, "the vote was postponed");
}

#[test]
fn conjoined_verbs_share_their_subject() {
    let (text, sp, _) =
        one("Jim Parks, 70, served in the navy and said he was convinced the plan would fail.");
    assert_eq!(sp, "Jim Parks");
    assert_eq!(text, "he was convinced the plan would fail");
}

#[test]
fn a_clause_is_not_taken_for_a_description() {
    // The words before the comma have a verb: the speaker is the plain noun after it.
    let (text, sp, _) = one("It was the plan that the committee approved, officials noted today.");
    assert_eq!(sp, "officials");
    assert_eq!(text, "It was the plan that the committee approved");
}

#[test]
fn descriptions_reach_back_to_the_clause_start() {
    let (_, sp, _) =
        one("“There is real concern among donors,” super PAC spokeswoman Lia Moss said.");
    assert_eq!(sp, "super PAC spokeswoman Lia Moss");
    let (_, sp, _) =
        one("“This is not a combat mission,” one senior administration official said.");
    assert_eq!(sp, "one senior administration official");
    let (text, sp, _) = one("Film director Jo Park said, “Nobody here will vote for him.”");
    assert_eq!(sp, "Film director Jo Park");
    assert_eq!(text, "“Nobody here will vote for him.”");
}

#[test]
fn the_name_before_long_appositives_speaks() {
    let (_, sp, _) = one(
        "Paul Ortega, a truck driver from Ava, Mo., who is a supporter of Mr. Lee, said he already earns overtime.",
    );
    assert_eq!(sp, "Paul Ortega");
    let (_, sp, _) = one(
        "Dan Marsh, senior director for Asian affairs at the National Security Council, said he expects unity.",
    );
    assert_eq!(sp, "Dan Marsh");
    // An opening phrase and its comma before the name.
    for par in [
        "In Michigan, Gov. Ann Marsh, a Democrat, said the remarks were dangerous.",
        "In a statement with a dozen other veterans, Rep. Ann Marsh, a Democrat, said the \
         report was deeply disturbing.",
    ] {
        let (_, sp, _) = one(par);
        assert!(sp.ends_with("Ann Marsh"), "{par}: {sp}");
    }
}

#[test]
fn the_name_before_a_party_tag_a_state_and_party_or_a_long_title_speaks() {
    for (par, speaker) in [
        (
            "Sen. Mark Kerwin, R-Ill., who faces a tough race at home, said he lacks the temperament to lead.",
            "Sen. Mark Kerwin",
        ),
        (
            "“We have had thousands of travelers become fighters,” Rep. Michael T. Carew, Texas Republican and chairman of the Homeland Security Committee, said on Sunday.",
            "Rep. Michael T. Carew",
        ),
        (
            "Former New York City Mayor Rudy Galante, who's involved in the planning for the Olympics in Rio de Janeiro, told reporters that it was too late.",
            "Former New York City Mayor Rudy Galante",
        ),
        // Where the person works: "of", "at", "from" the institution, even after a
        // surname alone.
        (
            "Michael Hanlon, of the Brookings Institution, said the plan would fail.",
            "Michael Hanlon",
        ),
        (
            "Pantucci, at the Royal United Services Institute, said China and Russia have a truce.",
            "Pantucci",
        ),
        // A surname alone after a quotation, and one ending in "ly", which is no adverb.
        (
            "“I don't see a big deal,” Kelly, the former head of U.S. Southern Command, said on Sunday.",
            "Kelly",
        ),
    ] {
        assert_eq!(first_speaker(par).as_deref(), Some(speaker), "{par}");
    }
    // Two people named with their tags speak together, never the first alone.
    assert_ne!(
        first_speaker(
            "Sens. John Mead, R-Ariz., and Lindsay Grant, R-S.C., said the invasion must be named.",
        )
        .as_deref(),
        Some("Sens. John Mead")
    );
}

#[test]
fn the_name_before_a_description_is_whom_it_describes() {
    for (par, speaker) in [
        (
            "“Justice will be denied,” Dana Allen Greer, a British legal commentator argued on Monday.",
            "Dana Allen Greer",
        ),
        (
            "The Senate will return tomorrow as scheduled, Joanna Smythe, a reporter for the Toronto Star, reports.",
            "Joanna Smythe",
        ),
        (
            "Dean Bakely, our executive editor, said the paper would publish.",
            "Dean Bakely",
        ),
        // A place, a name with an article, and the name of a role before it are not.
        (
            "In Montclair, New Jersey, a police leader said the flag was no symbol.",
            "a police leader",
        ),
        (
            "He is negotiating with the special counsel, Robert Mueller, the New York Times said.",
            "the New York Times",
        ),
        (
            "In a letter to the Commission's president, Jean-Claude Juncker, the prime minister said the plan respects the vote.",
            "the prime minister",
        ),
    ] {
        assert_eq!(first_speaker(par).as_deref(), Some(speaker), "{par}");
    }
}

#[test]
fn places_and_clause_openers_are_not_speakers() {
    let (_, sp, _) = one(
        "Ted Benford, 58, who lives outside Minneapolis, says he knew little about the senator.",
    );
    assert_eq!(sp, "Ted Benford");
    let (_, sp, _) = one(
        "Kevin Swan, who is a pastor at the Reform Church of Elizabeth, Colorado, slammed the group for its “agenda.”",
    );
    assert_eq!(sp, "Kevin Swan");
    let par = "The Louisville crowd cheered when Ted Lowe spotted a sign and asked it to be fetched for him.";
    // An opening place-adjective ("The Louisville crowd") never becomes a speaker; the one
    // who asks is Ted Lowe, and asking for a sign to be fetched is no statement at all.
    assert_eq!(first_speaker(par), None);
    let (text, sp, _) =
        one("The Louisville crowd cheered when Ted Lowe said the sign should be fetched for him.");
    assert_eq!(sp, "Ted Lowe");
    assert_eq!(text, "the sign should be fetched for him");
}

#[test]
fn an_opening_adverbial_is_no_appositive_of_the_speaker() {
    for (par, speaker) in [
        (
            "Back in December, the Ministry of Communication said it would block the app.",
            "the Ministry of Communication",
        ),
        (
            "Late on Monday, Manafort's lawyers said the charges were baseless.",
            "Manafort's lawyers",
        ),
        (
            "Citing Bosnia and Rwanda, he said the world could not stand by.",
            "he",
        ),
        (
            "Almost to a person, Congress said the deal was bad.",
            "Congress",
        ),
    ] {
        assert_eq!(first_speaker(par).as_deref(), Some(speaker), "{par}");
    }
    // A name with its appositive is still one subject.
    assert_eq!(
        first_speaker("Dunford, chairman of the Joint Chiefs, said the strikes were lawful.")
            .as_deref(),
        Some("Dunford, chairman of the Joint Chiefs")
    );
    assert_eq!(
        first_speaker("Manning, a former analyst, said the files were public.").as_deref(),
        Some("Manning, a former analyst")
    );
}

#[test]
fn a_list_of_countries_belongs_to_its_head() {
    assert_eq!(
        first_speaker(
            "In a joint statement, the foreign ministers of Japan, Canada and Italy said they were concerned about the talks."
        )
        .as_deref(),
        Some("the foreign ministers of Japan, Canada and Italy")
    );
    assert_eq!(
        first_speaker("Leaders from France, Germany and Britain said the deal must hold.")
            .as_deref(),
        Some("Leaders from France, Germany and Britain")
    );
    // A list that is not after "of" is left alone.
    assert_eq!(
        first_speaker("After meeting Macron, Merkel and Johnson said the deal must hold.")
            .as_deref(),
        Some("Merkel and Johnson")
    );
}

#[test]
fn an_aside_between_dashes_is_no_subject() {
    for (par, speaker) in [
        (
            "Gingrich — a former speaker — told Fox News that the party must unite.",
            "Gingrich",
        ),
        (
            "On Friday, Newt Gingrich — mentioned by Newsmax as Trump’s likely running mate — told Fox News that he would look at it seriously.",
            "Newt Gingrich",
        ),
        (
            "The senator — who met Putin twice last year — said the sanctions would stay.",
            "The senator",
        ),
        // A description names no one when the aside gives the name.
        (
            "A former Republican presidential candidate -- John McCain, who lost in 2008 -- said the strategy had failed.",
            "John McCain",
        ),
        // The name a description describes.
        (
            "Mike Hunter, the attorney general of Oklahoma—Behenna’s home state—asked Trump to pardon Behenna.",
            "Mike Hunter",
        ),
    ] {
        let (_, sp, _) = one(par);
        assert_eq!(sp, speaker, "{par}");
    }
    // A sentence adverb before the name opens the clause, not the place in the appositive.
    let (_, sp, _) = one(
        "However, Andrei Lankov, a North Korea expert based in Seoul, South Korea, told Fox News he was skeptical.",
    );
    assert_eq!(sp, "Andrei Lankov");
    // A comma is no dash: "The chief, Paul Manafort, suggested" is Manafort.
    let (_, sp, _) = one("The chief, Paul Manafort, suggested that the style was an act.");
    assert!(sp.ends_with("Paul Manafort"), "{sp}");
}

#[test]
fn a_name_completing_a_relative_clause_is_no_subject() {
    let found = run(
        "Three denizens of the hall of mirrors that is Trump World told me they believed he wanted a role.",
    );
    assert!(
        found.iter().all(|(_, sp, _)| !sp.contains("Trump World")),
        "{found:?}"
    );
}

#[test]
fn a_capitalised_adverb_ends_a_name() {
    // "first" between subject and verb is skipped; "First" is the end of a body's name.
    let (_, sp, _) = one("Water Justice First said the ruling would be appealed within a week.");
    assert_eq!(sp, "Water Justice First");
    let (_, sp, _) = one("Jane Cole first said the ruling would be appealed within a week.");
    assert_eq!(sp, "Jane Cole");
}
