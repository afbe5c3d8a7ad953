//! Unit tests of `content`: where what was said starts and ends.

use crate::extract::attribution::testing::*;

#[test]
fn a_quotation_after_a_listener_or_after_that_is_what_was_said() {
    for s in [
        "Ben Carson told reporters, “Our nation is in horrible trouble.”",
        "Ben Carson told reporters: “Our nation is in horrible trouble.”",
        "Ben Carson acknowledged Sunday that “our nation is in horrible trouble.”",
    ] {
        let r = run(s);
        assert_eq!(r[0].1, "Ben Carson", "{s}");
        assert!(
            r[0].0.contains("ur nation is in horrible trouble"),
            "{s}: {}",
            r[0].0
        );
        assert_eq!(r[0].2, Kind::Direct, "{s}");
    }
    // A split quotation around the listener stays one statement of both parts.
    let r = run("“If you lead a navy,” he told ProPublica, “you must be ready for combat.”");
    assert!(r[0].0.contains("If you lead a navy") && r[0].0.contains("you must be ready"));
}

#[test]
fn cue_first_that_clause_and_mixed() {
    let r = run(
        "Deputy Minister Ivan Petrov noted that the talks were \"useful and frank\" and would continue.",
    );
    assert_eq!(r[0].1, "Deputy Minister Ivan Petrov");
    assert!(r[0].0.starts_with("the talks were"));
    assert_eq!(r[0].2, Kind::Mixed);
}

#[test]
fn content_then_speaker_with_recipient() {
    let r = run(
        "The country is ready to cooperate in all areas, Deputy Minister Ivan Petrov told Reuters on Friday.",
    );
    assert_eq!(r[0].0, "The country is ready to cooperate in all areas");
    assert_eq!(r[0].1, "Deputy Minister Ivan Petrov");
    assert_eq!(r[0].2, Kind::Indirect);
}

#[test]
fn told_someone_described_in_words_that() {
    let (text, sp, _) =
        one("Senator Ann Lee told a crowded hall in downtown Denver that she is not giving up.");
    assert_eq!(sp, "Senator Ann Lee");
    assert_eq!(text, "she is not giving up");
}

#[test]
fn adjunct_before_that_clause() {
    let (text, sp, _) =
        one("Maria Ortiz said following a vote in 2001 that she had serious concerns.");
    assert_eq!(sp, "Maria Ortiz");
    assert_eq!(text, "she had serious concerns");
    let (text, _, _) = one("Rep. Dan Cole said Thursday his biggest worry is the deficit.");
    assert_eq!(text, "his biggest worry is the deficit");
}

#[test]
fn clause_verbs_take_a_clause_without_that() {
    let (text, sp, _) = one("Most economists believe the recession is over.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        ("the recession is over", "Most economists")
    );
    let (text, _, _) = one("The retailer Amberline reported it sold $30 billion in goods.");
    assert_eq!(text, "it sold $30 billion in goods");
}

#[test]
fn words_after_a_quote_and_its_speaker_belong_to_someone_else() {
    let (text, sp, _) = one(
        "“There is a young man having some problems,” Ted Lowe said as a heckler yelled: “Go home!”",
    );
    assert_eq!(sp, "Ted Lowe");
    assert_eq!(text, "“There is a young man having some problems,”");
}

#[test]
fn mid_sentence_attribution() {
    let (text, sp, _) = one("This campaign, he says, is different from the last one.");
    assert_eq!(sp, "he");
    assert!(
        text.starts_with("This campaign") && text.ends_with("is different from the last one"),
        "{text}"
    );
}

#[test]
fn a_participle_with_a_quotation_ends_the_object_before_it() {
    let par = "Ana Ruiz endorsed her rival on Thursday, saying “I think a fighter in the lead is exactly what we need.”";
    let all = all_in(par);
    let last = all.last().expect("a statement");
    assert_eq!(last.cue, "saying");
    assert_eq!(
        &par[last.speaker.unwrap().0..last.speaker.unwrap().1],
        "Ana Ruiz"
    );
    assert!(
        par[last.pieces[0].0..last.pieces[0].1].starts_with("“I think a fighter"),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|f| f
            .pieces
            .iter()
            .any(|&(s, e)| par[s..e].contains("endorsed her rival")
                || par[s..e].contains("her rival on Thursday, saying"))),
        "{all:?}"
    );
}

#[test]
fn speech_acts_with_a_to_infinitive_keep_their_verb() {
    for (par, want) in [
        (
            "Ana Ruiz urged parliament to weigh the costs of leaving the union.",
            "parliament to weigh the costs of leaving the union",
        ),
        (
            "Ana Ruiz promised to cut taxes for the middle class.",
            "to cut taxes for the middle class",
        ),
        (
            "Ana Ruiz warned Iran not to retaliate against the sanctions.",
            "Iran not to retaliate against the sanctions",
        ),
    ] {
        let all = all_in(par);
        assert_eq!(all.len(), 1, "{par}: {all:?}");
        assert!(all[0].object, "recorded with its verb: {par}");
        assert_eq!(&par[all[0].pieces[0].0..all[0].pieces[0].1], want);
    }
    // "to" before a determiner is a destination, not an infinitive; a verb with no other
    // frame then reports nothing.
    assert!(all_in("Ana Ruiz offered to the museum a painting by her father.").is_empty());
    assert!(all_in("Ana Ruiz offered a painting to the museum in her town.").is_empty());
}

#[test]
fn after_its_listener_a_clause_needs_no_that() {
    for (par, text, speaker) in [
        (
            "Dana Okafor told us the campaign would win the state in November.",
            "the campaign would win the state in November",
            "Dana Okafor",
        ),
        (
            "Nicky Morgan told ITV's Peston on Sunday the party needed to unite behind a leader.",
            "the party needed to unite behind a leader",
            "Nicky Morgan",
        ),
        (
            "Brad Thor told TheBlaze founder Glenn Beck he would consider running as an independent.",
            "he would consider running as an independent",
            "Brad Thor",
        ),
    ] {
        let (t, sp, _) = one(par);
        assert_eq!((t.as_str(), sp.as_str()), (text, speaker), "{par}");
    }
    // A possessive's apostrophe goes on with the listener's name.
    let (t, _, _) = one("John Okafor told Fox News' Sean Hannity he is very worried about it.");
    assert_eq!(t, "he is very worried about it");
    // A subordinate clause after the listener is no object clause.
    assert!(
        run("Okafor told the newspaper hours after it was announced that the plan had failed.")
            .iter()
            .all(|(t, _, _)| !t.starts_with("hours")),
    );
    // No clause after the listener: an object, an infinitive or a topic, never content.
    assert!(run("The mayor told the committee about his plans for the budget.").is_empty());
    assert!(run("She told the story of her father to the crowd.").is_empty());
    let all = all_in("The mayor told him to leave the building at once.");
    assert!(all.iter().all(|f| f.object), "{all:?}");
}

#[test]
fn a_quoted_name_inside_the_clause_does_not_end_it() {
    let (text, sp, _) = one(
        "Zimmerman claimed that the \"Smithsonian Museum\" in Washington had expressed interest \
         in buying the firearm.",
    );
    assert_eq!(sp, "Zimmerman");
    assert!(text.ends_with("interest in buying the firearm"), "{text}");
    // An attribution after the clause's last comma is no part of it.
    let (text, _, _) = one(
        "Ana Ruiz said the militants \"gained a foothold\" in Anbar Province, the Associated \
         Press reported.",
    );
    assert!(text.ends_with("in Anbar Province"), "{text}");
}

#[test]
fn another_speaker_after_a_comma_and_a_conjunction_starts_another_statement() {
    let par = "Obama hailed the deal as a step toward a “more hopeful world,” and Iranian \
               President Hassan Rouhani said it marked “a new chapter” in relations.";
    let all = all_in(par);
    let texts: Vec<&str> = all
        .iter()
        .map(|f| &par[f.pieces[0].0..f.pieces[0].1])
        .collect();
    assert_eq!(all.len(), 2, "{texts:?}");
    assert!(texts[0].ends_with("“more hopeful world,”"), "{texts:?}");
    let (s, e) = all[1].speaker.unwrap();
    assert_eq!(&par[s..e], "Iranian President Hassan Rouhani");
    // A contrast after a comma: "…, while Cruz said …" is Cruz's, never Rubio's.
    let par = "Ana Ruiz suggested that someone who doesn't answer questions can't lead, while \
               Tom Bell said that the stakes were too high.";
    let all = all_in(par);
    let got = first_pieces_and_speakers(par, &all);
    assert_eq!(
        got,
        [
            (
                "someone who doesn't answer questions can't lead",
                "Ana Ruiz"
            ),
            ("the stakes were too high", "Tom Bell")
        ]
    );
    // One subject of two names: "he and Kim agreed" is what Pompeo said.
    let (text, sp, _) = one("Pompeo said he and Kim agreed to arrange a second summit soon.");
    assert_eq!(
        (text.as_str(), sp.as_str()),
        (
            "he and Kim agreed to arrange a second summit soon",
            "Pompeo"
        )
    );
}

#[test]
fn a_participle_after_any_main_clause_reports_its_subject() {
    for (par, speaker, text) in [
        (
            "Ana Ruiz tied the scores to graduation rates, saying the law helped millions of kids.",
            "Ana Ruiz",
            "the law helped millions of kids",
        ),
        (
            "Ahead of Kerry's arrival, some Israeli politicians voiced skepticism, saying Assad \
             cannot be trusted.",
            "some Israeli politicians",
            "Assad cannot be trusted",
        ),
        (
            "Mueller spoke briefly on Friday, telling reporters it was not an option.",
            "Mueller",
            "it was not an option",
        ),
        // A clause in the present, after a copula's or a speech act's main clause.
        (
            "Ana Ruiz was upfront about her distaste for Cole, saying conservatives need to band \
             together to stop him.",
            "Ana Ruiz",
            "conservatives need to band together to stop him",
        ),
        (
            "Ana Ruiz criticized the plan, arguing the deal hurts workers in Ohio.",
            "Ana Ruiz",
            "the deal hurts workers in Ohio",
        ),
    ] {
        let all = all_in(par);
        let f = all
            .iter()
            .find(|f| f.cue.ends_with("ing"))
            .unwrap_or_else(|| panic!("{par}"));
        let (s, e) = f.speaker.unwrap();
        assert_eq!(&par[s..e], speaker, "{par}");
        assert_eq!(&par[f.pieces[0].0..f.pieces[0].1], text, "{par}");
    }
    // An object is no clause: "recalling the massacre of Polish elites".
    for par in [
        "Ruiz laid a wreath, recalling the massacre of Polish elites by Soviet forces.",
        "Ruiz spoke for an hour, saying goodbye to her staff.",
        "Netanyahu spoke in Washington, warning U.S. lawmakers against a deal.",
        "Ruiz backed the plan, noting the high costs of inaction.",
        "Ruiz spoke at the rally, recalling the party's support for veterans.",
    ] {
        let all = all_in(par);
        assert!(
            all.iter().all(|f| !f.cue.ends_with("ing")),
            "{par}: {all:?}"
        );
    }
    // "the proposed law": an -ed word right after its determiner is no verb.
    let all = all_in("Ruiz praised the bill, saying the proposed law.");
    assert!(all.iter().all(|f| f.cue != "saying"));
}

#[test]
fn a_sentence_adverb_between_the_verb_and_its_quotation() {
    let (text, sp, kind) =
        one("Emanuel acknowledged, however, “Past performance is no indication of the future.”");
    assert_eq!(sp, "Emanuel");
    assert!(text.starts_with("“Past performance"), "{text}");
    assert_eq!(kind, Kind::Direct);
}

#[test]
fn a_listener_then_a_quotation_after_a_dashed_aside_does_not_panic() {
    // Found on the whole AllSides corpus: four articles were skipped with a slicing panic.
    let par = "Ms Pelosi - who is favourite to become speaker, a position she held from 2007-11 - \
               told supporters: \"Today is more than about Democrats and Republicans.\"";
    let all = all_in(par);
    assert!(
        all.iter()
            .any(|f| par[f.pieces[0].0..f.pieces[0].1].contains("Today is more")),
        "{:?}",
        all.iter().map(|f| f.pieces.clone()).collect::<Vec<_>>()
    );
}
