//! Matching what people type ("lavrov", "Sergei Lavrov") to the names in the index, and
//! suggesting the closest when nothing matches.

use crate::extract::officials::name_key;

/// Edit distance counting a swap of two neighbouring letters as one edit ("lavorv" is one
/// from "lavrov"), for "did you mean".
pub fn distance(a: &str, b: &str) -> usize {
    strsim::damerau_levenshtein(a, b)
}

/// "; did you mean 'X'?" for the closest candidate, or nothing when none is close.
pub fn suggest(input: &str, candidates: &[String]) -> String {
    let key = name_key(input);
    candidates
        .iter()
        .map(|c| {
            let ck = name_key(c);
            let d = distance(&key, &ck).min(
                ck.split(' ')
                    .map(|w| distance(&key, w))
                    .min()
                    .unwrap_or(usize::MAX),
            );
            (d, c)
        })
        .filter(|(d, _)| *d <= key.chars().count().max(3) / 2 + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| format!("; did you mean '{c}'?"))
        .unwrap_or_default()
}

/// The canonical gazetteer name for any spelling of it.
pub fn gazetteer_name(input: &str) -> Option<String> {
    static BUILTIN: std::sync::LazyLock<crate::extract::officials::Gazetteer> =
        std::sync::LazyLock::new(crate::extract::officials::Gazetteer::builtin);
    BUILTIN.lookup(input).map(|id| BUILTIN.get(id).name.clone())
}

/// An official by full name, any spelling variant, or surname, without regard to case.
pub fn match_official(input: &str, speakers: &[String]) -> Result<String, String> {
    let key = name_key(input);
    if let Some(s) = speakers.iter().find(|s| name_key(s) == key) {
        return Ok(s.clone());
    }
    // Variants from the gazetteer: "Sergei Lavrov" → "Sergey Lavrov".
    static BUILTIN: std::sync::LazyLock<crate::extract::officials::Gazetteer> =
        std::sync::LazyLock::new(crate::extract::officials::Gazetteer::builtin);
    let g = &*BUILTIN;
    if let Some(id) = g.lookup(input) {
        let canon = &g.get(id).name;
        if let Some(s) = speakers.iter().find(|s| *s == canon) {
            return Ok(s.clone());
        }
    }
    let last = key.rsplit(' ').next().unwrap_or(&key).to_string();
    // A name's last word, never a pronoun ending a phrase ("He" of "Liu He" is no surname
    // of "A year later, he").
    let by_surname: Vec<&String> = speakers
        .iter()
        .filter(|s| !s.contains(',') && name_key(s).rsplit(' ').next() == Some(last.as_str()))
        .filter(|s| {
            s.split(' ')
                .next_back()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        })
        .collect();
    if by_surname.len() == 1 {
        return Ok(by_surname[0].clone());
    }
    if by_surname.len() > 1 {
        let names: Vec<&str> = by_surname.iter().map(|s| s.as_str()).collect();
        return Err(format!(
            "official '{input}' is ambiguous: {}",
            names.join(", ")
        ));
    }
    Err(format!(
        "unknown official '{input}'{}; see `onrecord officials`",
        suggest(input, speakers)
    ))
}

/// A facet value (outlet) without regard to case.
pub fn match_value(input: &str, values: &[String], what: &str) -> Result<String, String> {
    let key = input.trim().to_lowercase();
    if let Some(v) = values.iter().find(|v| v.to_lowercase() == key) {
        return Ok(v.clone());
    }
    let partial: Vec<&String> = values
        .iter()
        .filter(|v| v.to_lowercase().contains(&key))
        .collect();
    if partial.len() == 1 {
        return Ok(partial[0].clone());
    }
    Err(format!(
        "unknown {what} '{input}'{}",
        suggest(input, values)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officials_by_any_form() {
        let s = vec![
            "Sergey Lavrov".to_string(),
            "Sergey Ryabkov".to_string(),
            "John Kerry".to_string(),
        ];
        assert_eq!(match_official("lavrov", &s).unwrap(), "Sergey Lavrov");
        assert_eq!(
            match_official("Sergei Lavrov", &s).unwrap(),
            "Sergey Lavrov"
        );
        assert_eq!(match_official("KERRY", &s).unwrap(), "John Kerry");
        let e = match_official("Lavorv", &s).unwrap_err();
        assert!(e.contains("did you mean 'Sergey Lavrov'"), "{e}");
    }

    #[test]
    fn a_swapped_pair_of_letters_is_one_edit() {
        let s = vec!["Ian Lavery".to_string(), "Sergey Lavrov".to_string()];
        assert_eq!(suggest("lavorv", &s), "; did you mean 'Sergey Lavrov'?");
        assert_eq!(suggest("zzzzzz", &s), "");
    }

    #[test]
    fn suggestions_stop_at_half_the_length_plus_one() {
        // Six letters allow four edits, against the whole name or any one of its words.
        let four = vec!["Sergey Lxxxxv".to_string()];
        assert_eq!(suggest("lavrov", &four), "; did you mean 'Sergey Lxxxxv'?");
        let five = vec!["Sergey Xxxxxv".to_string()];
        assert_eq!(suggest("lavrov", &five), "");
        // Short input: at least three letters' worth (two edits).
        assert_eq!(suggest("ab", &["Xy".to_string()]), "; did you mean 'Xy'?");
        assert_eq!(suggest("ab", &["Xyz".to_string()]), "");
        // The closest wins.
        let s = vec!["Lavrava".to_string(), "Lavrova".to_string()];
        assert_eq!(suggest("lavrov", &s), "; did you mean 'Lavrova'?");
    }

    #[test]
    fn gazetteer_names_for_any_spelling() {
        assert_eq!(
            gazetteer_name("Sergei Lavrov").as_deref(),
            Some("Sergey Lavrov")
        );
        assert_eq!(gazetteer_name("Nobody Atall Here"), None);
    }

    #[test]
    fn a_surname_is_never_the_pronoun_ending_a_phrase() {
        let speakers = ["A year later, he", "he", "Rep. Joe He"].map(String::from);
        assert_eq!(match_official("Liu He", &speakers).unwrap(), "Rep. Joe He");
        let speakers = ["A year later, he", "the dispute, he"].map(String::from);
        let e = match_official("Liu He", &speakers).unwrap_err();
        assert!(e.starts_with("unknown official 'Liu He'"), "{e}");
    }

    #[test]
    fn a_shared_surname_is_ambiguous_and_says_who() {
        let s = vec![
            "George W. Bush".to_string(),
            "George H. W. Bush".to_string(),
            "John Kerry".to_string(),
        ];
        let e = match_official("bush", &s).unwrap_err();
        assert_eq!(
            e,
            "official 'bush' is ambiguous: George W. Bush, George H. W. Bush"
        );
        let e = match_official("nobody", &s).unwrap_err();
        assert!(e.starts_with("unknown official 'nobody'"), "{e}");
    }

    #[test]
    fn outlets_by_case_part_or_suggestion() {
        let v = vec![
            "TASS".to_string(),
            "Sputnik".to_string(),
            "RIA Novosti".to_string(),
        ];
        assert_eq!(match_value("tass", &v, "outlet").unwrap(), "TASS");
        assert_eq!(match_value(" Sputnik ", &v, "outlet").unwrap(), "Sputnik");
        assert_eq!(match_value("novosti", &v, "outlet").unwrap(), "RIA Novosti");
        // A part two outlets share is no answer.
        let e = match_value("s", &v, "outlet").unwrap_err();
        assert!(e.starts_with("unknown outlet 's'"), "{e}");
        let e = match_value("Sputnk", &v, "outlet").unwrap_err();
        assert_eq!(e, "unknown outlet 'Sputnk'; did you mean 'Sputnik'?");
    }
}
