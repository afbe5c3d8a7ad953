//! An attribution inside a lone quotation: "…, Lavrov said. – …" or "…, – said the Minister.
//! – …": the quotation is the statement, without the attribution in its middle.

use super::super::text::{is_capitalized, is_dash};
use super::cue::cue_at;
use super::subject::{has_head, subject_after_plain};
use super::{Ctx, Found, SUBJECT_PRONOUNS, finish};

/// Attribution inside a lone quotation: "…, Lavrov said. – …" or "…, – said the Minister. – …".
pub(super) fn embedded(cx: &Ctx, (qs, qe): (usize, usize)) -> Option<Found> {
    for i in 0..cx.words.len() {
        let Some((len, cue)) = cue_at(cx, i) else {
            continue;
        };
        if len != 1 || cx.lex.as_saying.contains(&cue) {
            continue;
        }
        let cue_w = cx.words[i];
        // Inverted: ", – said Lavrov." The cue follows a comma and a dash.
        let lead = cx.par[qs..cue_w.start].trim_end();
        if i + 1 < cx.words.len()
            && lead.chars().last().is_some_and(is_dash)
            && lead
                .trim_end_matches(|c: char| is_dash(c) || c.is_whitespace())
                .ends_with(',')
        {
            if let Some((ss, se, last)) = subject_after_plain(cx, i + 1) {
                let after = cx.par[cx.words[last].end..qe].trim_start();
                if after.starts_with(['.', ',']) {
                    let clause_start = qs
                        + lead
                            .trim_end_matches(|c: char| is_dash(c) || c.is_whitespace())
                            .len()
                        - 1;
                    let clause_end = cx.words[last].end + 1;
                    return finish(
                        cx,
                        vec![(qs, clause_start), (clause_end, qe)],
                        (ss, se),
                        &cue,
                    );
                }
            }
            continue;
        }
        // Normal order: ", Lavrov said." / ", he said. –"
        let after = cx.par[cue_w.end..qe].trim_start();
        if !after.starts_with(['.', ',']) {
            continue;
        }
        let mut k = i;
        let mut first = None;
        while k > 0 {
            k -= 1;
            let w = cx.words[k];
            let lw = w.text.to_lowercase();
            let ok = is_capitalized(w.text)
                || cx.lex.roles.contains(lw.as_str())
                || cx.lex.glue.contains(lw.as_str())
                || SUBJECT_PRONOUNS.contains(&lw.as_str());
            if !ok || i - k > 6 {
                break;
            }
            first = Some(k);
            let gap =
                cx.par[qs.max(if k > 0 { cx.words[k - 1].end } else { qs })..w.start].to_string();
            if gap.contains(',') || SUBJECT_PRONOUNS.contains(&lw.as_str()) {
                break;
            }
        }
        let Some(f) = first else { continue };
        let prefix = cx.par[qs..cx.words[f].start]
            .trim_end_matches(|c: char| c.is_whitespace() || is_dash(c));
        if !prefix.ends_with(',')
            || !has_head(cx.lex, &cx.words[f..i]) && !SUBJECT_PRONOUNS.contains(&cx.lower(f))
        {
            continue;
        }
        let clause_start = qs + prefix.len() - 1;
        let clause_end = cue_w.end + 1;
        return finish(
            cx,
            vec![(qs, clause_start), (clause_end.min(qe), qe)],
            (cx.words[f].start, cx.words[i - 1].end),
            &cue,
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::testing::*;

    #[test]
    fn attribution_inside_the_quote() {
        let r = run(
            "“The deal was suspended by our side, – said the Minister. – Today we are ready to resume it.”",
        );
        assert_eq!(r[0].1, "the Minister");
        assert!(r[0].0.contains("The deal was suspended") && r[0].0.contains("ready to resume"));
        assert!(!r[0].0.contains("said the Minister"));
        let r = run("“There are many problems, Petrov said. – We need effort to overcome them.”");
        assert_eq!(r[0].1, "Petrov");
    }
}
