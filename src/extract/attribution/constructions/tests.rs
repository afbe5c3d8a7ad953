//! Unit tests of `attribution::constructions`: verbs with their subjects, inverted speakers,
//! appositives, asides and continuations.

use crate::extract::attribution::testing::*;

#[test]
fn quote_then_cue() {
    let r = run("\"We will not give in to pressure,\" the foreign minister said on Monday.");
    assert_eq!(
        r,
        [(
            "\"We will not give in to pressure,\"".into(),
            "the foreign minister".into(),
            Kind::Direct
        )]
    );
}

#[test]
fn split_quote() {
    let r = run("“We are ready,” he said, “to work with any partner.”");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].1, "he");
    assert!(r[0].0.contains("We are ready") && r[0].0.contains("to work with any partner"));
    assert_eq!(r[0].2, Kind::Direct);
}

#[test]
fn dash_attribution_inverted() {
    let r = run("“We are ready for such talks”, – assured the head of the Foreign Ministry.");
    assert_eq!(r[0].1, "the head of the Foreign Ministry");
    assert_eq!(r[0].2, Kind::Direct);
}

#[test]
fn head_of_ministry_after_quote() {
    let par = "\"We still have some questions on this path which need work in the group,\" the head of the Russian Foreign Ministry said.";
    let spans = quote_spans(par);
    let u = units(par, &spans);
    assert_eq!(u.len(), 1);
    let f = find(par, u[0], &spans).expect("found");
    assert_eq!(
        &par[f.speaker.unwrap().0..f.speaker.unwrap().1],
        "the head of the Russian Foreign Ministry"
    );
}

#[test]
fn main_clause_subject_speaks() {
    let par = "The ministry has rejected the report, warning that new sanctions would backfire.";
    let spans = quote_spans(par);
    let u = units(par, &spans);
    let f = find(par, u[0], &spans).expect("found");
    let sp = f.speaker.unwrap();
    assert_eq!(&par[sp.0..sp.1], "The ministry");
    assert_eq!(
        &par[f.pieces[0].0..f.pieces[0].1],
        "new sanctions would backfire"
    );
}

#[test]
fn attribution_after_a_closed_quote_stays_with_it() {
    let par = "“We will find the missing papers today.” Petrov said.";
    assert_eq!(units(par, &quote_spans(par)).len(), 1);
    assert_eq!(one(par).1, "Petrov");
}

#[test]
fn inverted_without_quotation_marks() {
    let (text, sp, _) = one(
        "Some of its functions would move to other agencies, said Ron Vance, who was elected in 2012.",
    );
    assert_eq!(sp, "Ron Vance");
    assert_eq!(text, "Some of its functions would move to other agencies");
    let (text, sp, _) = one("The steel industry, said Omar Haddad, is doing much better.");
    assert_eq!(sp, "Omar Haddad");
    assert_eq!(text, "The steel industry | is doing much better");
}

#[test]
fn told_with_an_object_is_not_inverted() {
    // "told Radio Liberty" names the listener, not the speaker.
    let (_, sp, _) = one(
        "The deputy head of the council, Ambassador Ivan Orlov, told Radio Liberty that talks went well.",
    );
    assert!(sp.contains("Ivan Orlov"), "{sp}");
}

#[test]
fn the_target_of_an_accusation_is_never_its_speaker() {
    // Found in a trial on real news: "X, a description, accused Mr. Y of …" became Y
    // saying "X, a description" (57 such statements on the AllSides subset).
    for (par, speaker, starts) in [
        (
            "Sen. Rand Paul, Kentucky Republican, accused Mr. Kerry of misleading Congress about the deal.",
            "Rand Paul",
            "Mr. Kerry of misleading",
        ),
        (
            "In a statement, White House spokeswoman Caitlin Hayden, slammed North Korea's statement as provocative.",
            "Caitlin Hayden",
            "North Korea's statement",
        ),
        (
            "The committee's chairman, Rep. Ed Royce, criticized President Obama for the delay in sending aid.",
            "Ed Royce",
            "President Obama for",
        ),
    ] {
        // The speaker phrase as written ("Sen. Rand Paul, Kentucky Republican").
        let (text, sp, _) = one(par);
        assert!(sp.contains(speaker), "{par}: {sp}");
        assert!(text.starts_with(starts), "{par}: {text}");
    }
    // With quotation marks the inversion stands: the quote's speaker follows the verb.
    let (text, sp, _) = one("“This is a disgrace,” said Senator John McCain.");
    assert!(sp.contains("John McCain"), "{sp}");
    assert!(text.contains("This is a disgrace"), "{text}");
}

#[test]
fn participles_with_a_bare_clause_and_adverb_led_descriptions() {
    let (text, sp, _) = one(
        "Carla Diaz backed Sen. Ted Lowe (R-Texas) on Wednesday, saying it is time for a change.",
    );
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("it is time for a change", "Carla Diaz")
    );
    let (_, sp, _) = one("But hacking specialists say the leaked files might be fake.");
    assert_eq!(sp, "hacking specialists");
}

#[test]
fn a_party_tag_between_speaker_and_verb() {
    let (text, sp, _) =
        one("Sen. Ron Okafor, R-Wis., said “The agency failed to honor our requests.”");
    assert_eq!(sp, "Sen. Ron Okafor");
    assert!(text.contains("The agency failed"), "{text}");
    let (_, sp, _) = one("Rep. Ann Lee (D-Calif.) said the agency failed to honor the requests.");
    assert_eq!(sp, "Rep. Ann Lee");
}

#[test]
fn a_participle_with_a_listener_then_that() {
    let (text, sp, _) =
        one("Ted Morrow attacked his rival, telling voters that the plan had failed twice.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("the plan had failed twice", "Ted Morrow")
    );
}

#[test]
fn a_relative_clause_reports_only_up_to_the_main_verb() {
    let (text, _, _) =
        one("The mayor, who said the city would recover quickly, visited the flooded streets.");
    assert_eq!(text, "the city would recover quickly");
    let par = "The Daily Planet, which originally said it would cover the race, said it would treat it as news.";
    let texts: Vec<&str> = all_in(par)
        .iter()
        .map(|f| &par[f.pieces[0].0..f.pieces[0].1])
        .collect();
    assert_eq!(
        texts,
        ["it would cover the race", "it would treat it as news"]
    );
}

#[test]
fn a_cue_in_an_opening_subordinate_clause_never_takes_the_main_clause() {
    let par = "After the anchor Tim Lowe asked about it in an interview, the couple became angry once the cameras were off, according to a source at the station.";
    let all = all_in(par);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        &par[all[0].speaker.unwrap().0..all[0].speaker.unwrap().1],
        "a source"
    );
    let (text, sp, _) =
        one("When Ana Ruiz said the plan was dead, her rivals laughed at the idea.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("the plan was dead", "Ana Ruiz")
    );
}

#[test]
fn a_name_in_a_relative_clause_about_the_speaker_is_not_the_speaker() {
    let (_, sp, _) = one(
        "Ned Price, who served as a spokesman under President Obama, said the assembly will isolate the United States.",
    );
    assert_eq!(sp, "Ned Price");
    let (_, sp, _) = one("Kerry, who met Lavrov in Geneva, said the talks were useful.");
    assert_eq!(sp, "Kerry");
    // With no name before it, nobody: never the name inside the clause.
    assert!(
        all_in("Some of those who worked under President Obama said the plan would fail.")
            .iter()
            .all(|f| !par_is(
                f,
                "Some of those who worked under President Obama said the plan would fail.",
                "President Obama"
            ))
    );
}

#[test]
fn an_opening_participial_phrase_is_not_the_subject() {
    let (text, sp, _) = one(
        "Continuing to explain his view, Carson rejected the notion, saying that the episode was closed.",
    );
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("the episode was closed", "Carson")
    );
    let (_, sp, _) = one(
        "Reached by phone, Bennett denied the reports, explaining that he was taking a day off.",
    );
    assert_eq!(sp, "Bennett");
    // A name in -ing or -ed is still a name when a verb follows it.
    let (_, sp, _) = one("Manning rejected the claim, saying that it was false.");
    assert_eq!(sp, "Manning");
}

#[test]
fn a_result_clause_and_continued_to_say_report() {
    let (text, sp, _) = one("The debate grew so heated that Gov. Ann Lee said the bill was dead.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("the bill was dead", "Gov. Ann Lee")
    );
    let (text, sp, _) = one("Lewandowski continued to say he had never touched her.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("he had never touched her", "Lewandowski")
    );
    // A relative clause still reports nothing.
    assert!(all_in("It was the deal that Ann Lee said was dead.").is_empty());
}

#[test]
fn a_reported_clause_ends_where_the_speaker_reports_again() {
    let (text, _, _) = one(
        "Linick said that he considers the matter settled, but he urged the department to review its archives.",
    );
    assert_eq!(text, "he considers the matter settled");
    // A pronoun of someone else's clause, or a speech act with an object, is no new report.
    let (text, _, _) = one("Lee said the plan would fail, but he hoped for a deal.");
    assert_eq!(text, "the plan would fail, but he hoped for a deal");
    let (text, _, _) = one(
        "Trump said the groups are active, and cited the attack as evidence they must be defeated.",
    );
    assert!(text.ends_with("must be defeated"), "{text}");
}

#[test]
fn a_quoted_title_before_the_subject_is_not_what_was_said() {
    let (text, sp, _) = one(
        "Sunday on Fox News channel's “Sunday Morning Futures,” Rep. Darrell Issa said the candidate's judgment is in question.",
    );
    assert_eq!(
        (text.as_str(), sp.as_str()),
        (
            "the candidate's judgment is in question",
            "Rep. Darrell Issa"
        )
    );
    // A quotation opening the sentence stays what was said.
    let (text, _, _) = one("“We are not leaving,” Lee said on Sunday.");
    assert_eq!(text, "“We are not leaving,”");
}

#[test]
fn a_town_and_its_state_in_an_aside_are_not_the_subject() {
    let (_, sp, _) = one(
        "Clinton, during a town hall meeting in Columbus, Ohio, said she would invest in the region.",
    );
    assert_eq!(sp, "Clinton");
    let (_, sp, _) =
        one("Trump, speaking at a rally in Wilmington, N.C., warned that the plan would fail.");
    assert_eq!(sp, "Trump");
}

#[test]
fn a_quotation_with_its_own_speech_verb_is_that_speakers_not_an_earlier_cues() {
    let par = "Polling shows that \"the public is not comfortable with it,\" said Sylke Tempel, an editor.";
    let all = all_in(par);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(par_is(&all[0], par, "Sylke Tempel"), "{all:?}");
    let (s, e) = all[0].pieces[0];
    assert_eq!(&par[s..e], "\"the public is not comfortable with it,\"");
    assert_eq!(all[0].kind, Kind::Direct);
}

#[test]
fn the_name_opening_an_appositive_speaks_after_but_and_over_a_body_inside_it() {
    for (sentence, speaker) in [
        (
            "But Graham Brady, chairman of the 1922 Committee of Tory backbenchers, told the BBC that she should stay.",
            "Graham Brady",
        ),
        (
            "Graham Brady, chairman of the 1922 Committee, told the BBC that she should stay.",
            "Graham Brady",
        ),
        (
            "And Adam Szubin, a top Treasury official, said the banks would stay closed.",
            "Adam Szubin",
        ),
        (
            "Tom Smith, a professor at Harvard, said the launch was a breakthrough.",
            "Tom Smith",
        ),
        (
            "Tomoo Hozumi, the Philippines representative of the U.N. children's agency UNICEF, said food was short.",
            "Tomoo Hozumi",
        ),
        (
            "Bruce Klingner, a senior research fellow at the Heritage Foundation, said the talks would fail.",
            "Bruce Klingner",
        ),
    ] {
        let (_, sp, _) = one(sentence);
        assert_eq!(sp, speaker, "{sentence}");
    }
    // "Hours later" opens the sentence; it names no one.
    let (_, sp, _) = one(
        "Hours later, Mr. Jubeir announced the end of diplomatic ties, saying the kingdom would not bend.",
    );
    assert_eq!(sp, "Mr. Jubeir");
    // A body after a preposition with no name before it is still who speaks.
    let (_, sp, _) = one("A spokesman for the Ministry of Defence said the launch failed.");
    assert_eq!(sp, "A spokesman for the Ministry of Defence");
}

fn par_is(f: &Found, par: &str, speaker: &str) -> bool {
    f.speaker.is_some_and(|(s, e)| &par[s..e] == speaker)
}

#[test]
fn an_inverted_speaker_with_an_appositive() {
    // The appositive about the speaker is stepped over; what follows it goes on the
    // sentence, and an adjunct of the saying or a relative clause does not.
    let (t, sp, _) = one(
        "The paradox of Nancy, said Carl Anthony, historian at the First Ladies Library, is that she was powerful.",
    );
    assert_eq!(sp, "Carl Anthony");
    assert_eq!(t, "The paradox of Nancy | is that she was powerful");
    for par in [
        "The phased aspect of the deal is encouraging to China, said Li Weiwen, executive council member of the trade association.",
        "Merkel has already deepened European integration, said Jan Techau, director of the Richard Holbrooke Forum, in an opinion piece.",
        "Nor are tariffs likely to bring these jobs back, said David Autor, a professor of economics, who is one of the foremost experts.",
    ] {
        let (t, _, _) = one(par);
        assert!(!t.contains(" | "), "{par}: {t}");
    }
    // "He" before a name is a family name, not the pronoun.
    let (_, sp, _) = one(
        "The phased aspect of the deal is encouraging to the Chinese side, said He Weiwen, executive council member.",
    );
    assert_eq!(sp, "He Weiwen");
    // Two words before a name set off by commas are said words too.
    let (t, sp, _) = one("The industry, said Lavrov, is doing better than expected.");
    assert_eq!(
        (t.as_str(), sp.as_str()),
        ("The industry | is doing better than expected", "Lavrov")
    );
}

#[test]
fn a_name_with_its_appositives_before_the_verb_is_its_subject() {
    let (t, sp, _) = one(
        "Majority Leader Mitch McConnell, Kentucky Republican, said Mr. Corker and Sen. John McCain, Arizona Republican, will lead a discussion.",
    );
    // The name speaks; its appositive ("Kentucky Republican") describes it.
    assert_eq!(sp, "Majority Leader Mitch McConnell");
    assert!(t.starts_with("Mr. Corker and Sen. John McCain"), "{t}");
    // A name alone before the verb is the inverted pattern.
    let (_, sp, _) =
        one("Mr. Assad, said Mr. Kerry, wanted to make changes and reach an accommodation.");
    assert_eq!(sp, "Mr. Kerry");
}

#[test]
fn a_role_held_in_someones_name_then_the_person() {
    // "said X's role, Name.": the person named after the role speaks, not the organisation
    // or the description.
    for (par, name) in [
        (
            "“This year marks a change in our trends,” wrote Gallup’s managing partner, Jon Clifton.",
            "Jon Clifton",
        ),
        (
            "“The ceasefire must hold,” said Amnesty International's regional director, Philip Luther.",
            "Philip Luther",
        ),
        (
            "“We will respond,” said Russia's ambassador to the United States, Anatoly Antonov.",
            "Anatoly Antonov",
        ),
        (
            "“Thank God my baby is OK,” said the girl's mother, Dana Showers, who drove all night.",
            "Dana Showers",
        ),
    ] {
        let (_, sp, _) = one(par);
        assert!(sp.ends_with(&format!(", {name}")), "{par}: {sp}");
    }
    // Without a name after it the description is the speaker; a capital after the possessive
    // is a name of its own ("Trump's lawyer Giuliani"), and a name that goes on into the
    // sentence is not taken.
    for (par, sp) in [
        (
            "“We will respond,” said the ministry's spokesman, who declined to be named.",
            "the ministry's spokesman",
        ),
        (
            "“It is over,” said Trump's lawyer Rudy Giuliani, speaking on Fox.",
            "Trump's lawyer Rudy Giuliani",
        ),
    ] {
        assert_eq!(one(par).1, sp, "{par}");
    }
}

#[test]
fn a_participle_after_a_quotation_and_its_speaker_is_a_statement_of_its_own() {
    for (par, added) in [
        (
            "“He would be the best nominee,” Graham said on “Morning Joe,” adding, “His problem is that he is an insider.”",
            "“His problem is that he is an insider.”",
        ),
        (
            "“He would be the best nominee,” Graham said on Sunday, adding that his problem is that he is an insider.",
            "his problem is that he is an insider",
        ),
    ] {
        let found = all_in(par);
        let texts: Vec<(&str, &str)> = found
            .iter()
            .map(|f| {
                let (s, e) = f.pieces[0];
                let (ss, se) = f.speaker.unwrap();
                (par[s..e].trim_end_matches('.'), &par[ss..se])
            })
            .collect();
        assert_eq!(texts.len(), 2, "{par}: {texts:?}");
        assert!(texts[0].0.contains("He would be the best nominee"), "{par}");
        assert_eq!(texts[1], (added, "Graham"), "{par}");
    }
}

#[test]
fn a_conjunction_opening_the_clause_is_no_part_of_its_subject() {
    let (text, sp, _) = one(
        "The bombing was never solved, although Argentine prosecutors have long accused Iran \
         of directing the attack.",
    );
    assert_eq!(sp, "Argentine prosecutors");
    assert!(text.contains("Iran of directing the attack"), "{text}");
    let (_, sp, _) = one(
        "On the other hand counter-terrorism experts have always believed that bombers prefer land.",
    );
    assert_eq!(sp, "counter-terrorism experts");
    // What comes before "though X disputes this" is never X's.
    let par = "These are considered illegal under international law, though Israel disputes this.";
    assert!(all_in(par).is_empty(), "{par}");
    // "…, as analysts note" reports what came before.
    let (text, sp, _) = one("The new value chains use many European parts, as analysts note.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("The new value chains use many European parts", "analysts")
    );
}
