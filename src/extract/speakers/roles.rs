//! Role descriptions ("the deputy foreign minister", "Russia's top diplomat"): their role
//! words, and the official who held that role in the article's year.

use super::super::officials::Gazetteer;
use super::super::text::without_article;
use super::Resolver;
use super::names::{NATIONALITY, RANKS};

/// Heads of phrases naming someone through another person: "the Trump campaign".
pub(super) const DEPENDENT_HEADS: &[&str] = &[
    "campaign",
    "campaigns",
    "camp",
    "administration",
    "team",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "ally",
    "allies",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "supporters",
    "supporter",
    "staff",
    "staffers",
    "family",
    "foundation",
    "surrogate",
    "surrogates",
    "backers",
    "critics",
    "opponents",
    "associates",
    "friends",
    "friend",
    "wife",
    "husband",
    "son",
    "daughter",
    "spokespeople",
    "officials",
    "operatives",
    "organization",
    "website",
    "statement",
];

/// Role nouns that fit any person ("the diplomat", "the official").
/// "The official", "the expert" are not among them: an unnamed source stays unnamed.
const GENERIC_ROLES: &[&str] = &[
    "diplomat",
    "politician",
    "leader",
    "veteran",
    "high-ranking",
    "senior",
    "top",
    "former",
    "statesman",
    "negotiator",
    "counterpart",
    "chief",
];

const ROLE_STOP: &[&str] = &[
    "the", "a", "an", "of", "his", "her", "its", "their", "in", "for", "and", "on", "to", "at",
];

fn role_words(phrase: &str, g: &Gazetteer) -> (Vec<String>, Option<String>) {
    let mut out = Vec::new();
    let mut aff = None;
    for w in phrase.split_whitespace() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '-')
            .to_lowercase();
        if let Some((_, a)) = NATIONALITY.iter().find(|(n, _)| *n == lw) {
            aff = Some(a.to_string());
            continue;
        }
        if lw.len() > 1
            && let Some(a) = g.demonym(&lw)
        {
            aff = Some(a.to_string());
            continue;
        }
        if ROLE_STOP.contains(&lw.as_str()) || lw.is_empty() {
            continue;
        }
        let lw = match lw.as_str() {
            "spokeswoman" | "spokesperson" | "spokesman" | "press-secretary" => {
                "spokesman".to_string()
            }
            "defence" => "defense".to_string(),
            _ => lw,
        };
        out.push(lw);
    }
    // "head of the Foreign Ministry" is the foreign minister.
    if let Some(h) = out.iter().position(|w| w == "head")
        && let Some(m) = out.iter().position(|w| w == "ministry")
        && h < m
    {
        out.remove(m);
        out.remove(h);
        out.push("minister".to_string());
    }
    (out, aff)
}

/// Role nouns that denote a person, not the institution they belong to.
pub(super) fn has_person_role(lower: &str) -> bool {
    const PERSON_ROLES: &[&str] = &[
        "head",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "official",
        "secretary",
        "ambassador",
        "director",
        "representative",
        "aide",
        "adviser",
        "advisor",
        "envoy",
        "diplomat",
        "chairman",
        "leader",
        "officer",
        "source",
        "sources",
        "officials",
    ];
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| PERSON_ROLES.contains(&w))
}

/// The role words of a title; a gazetteer title's are computed once, at load.
pub(super) fn title_words<'a>(title: &str, g: &'a Gazetteer) -> std::borrow::Cow<'a, [String]> {
    match g.cached_title_words(title) {
        Some(w) => std::borrow::Cow::Borrowed(w),
        None => std::borrow::Cow::Owned(role_words(title, g).0),
    }
}

/// Role words of every gazetteer title, for `Gazetteer::cache_title_words`.
pub(crate) fn compute_title_words(title: &str, g: &Gazetteer) -> Vec<String> {
    role_words(title, g).0
}

impl<'g> Resolver<'g> {
    pub(super) fn resolve_role(&mut self, phrase: &str) -> Option<Result<usize, String>> {
        // "party", "the committee": a body is no person's role, whatever words its members'
        // titles share with it ("General Secretary of the Communist Party").
        const BODIES: &[&str] = &[
            "party",
            "committee",
            "government",
            "ministry",
            "department",
            "council",
            "office",
            "administration",
            "campaign",
            "state",
            "house",
            "senate",
            "congress",
            "parliament",
            "agency",
            "service",
            "embassy",
            "army",
            "force",
            "forces",
            "navy",
            "court",
            "bureau",
            "commission",
            "assembly",
            "cabinet",
            "union",
            "alliance",
            "coalition",
            "regime",
        ];
        let head = phrase
            .to_lowercase()
            .split(" of ")
            .next()
            .and_then(|h| h.split_whitespace().last().map(str::to_string))
            .unwrap_or_default();
        if BODIES.contains(&head.trim_matches(|c: char| !c.is_alphanumeric())) {
            let as_written = without_article(phrase);
            return Some(Err(as_written.to_string()));
        }
        let (role, aff) = role_words(phrase, self.g);
        let aff = aff.as_deref();
        if role.is_empty() {
            return None;
        }
        let generic = role.iter().all(|w| GENERIC_ROLES.contains(&w.as_str()));
        let core: Vec<&String> = role
            .iter()
            .filter(|w| !GENERIC_ROLES.contains(&w.as_str()) || generic)
            .collect();
        let year = self.year;
        let title_fits = |title: &str| {
            let tw = title_words(title, self.g);
            let rank_ok = RANKS
                .iter()
                .all(|r| tw.iter().any(|w| w == r) == role.iter().any(|w| w == r));
            rank_ok
                && core.iter().all(|c| {
                    tw.iter()
                        .any(|w| w == *c || (c.as_str() == "ambassador" && w == "representative"))
                })
        };
        // The head of the phrase alone ("the deputy head" of "… of the Council of …"), for
        // people whose title the text gave in a shorter form.
        let lower = phrase.to_lowercase();
        let (head_role, _) = role_words(lower.split(" of ").next().unwrap_or(""), self.g);
        let head_fits = |title: &str| {
            let tw = title_words(title, self.g);
            let rank_ok = RANKS
                .iter()
                .all(|r| tw.iter().any(|w| w == r) == head_role.iter().any(|w| w == r));
            !head_role.is_empty() && rank_ok && head_role.iter().all(|c| tw.contains(c))
        };
        let mut best_medium: Option<(usize, usize)> = None;
        let mut best_strong: Option<(usize, usize)> = None;
        let mut best_generic: Option<(usize, usize)> = None;
        for (i, p) in self.people.iter().enumerate() {
            if let (Some(a), Some(b)) = (aff, p.affiliation.as_deref())
                && a != b
            {
                continue;
            }
            if p.institution {
                continue;
            }
            let mut titles: Vec<&str> = p.learned_titles.iter().map(String::as_str).collect();
            if let Some(id) = p.official {
                titles.extend(self.g.role_phrases(id, year));
            }
            let strong = titles.iter().any(|t| title_fits(t));
            // "The diplomat" is whoever was just speaking, not whoever is called a diplomat.
            if strong && !generic && best_strong.is_none_or(|(_, s)| p.seen > s) {
                best_strong = Some((i, p.seen));
            }
            if !generic
                && p.official.is_none()
                && p.learned_titles.iter().any(|t| head_fits(t))
                && best_medium.is_none_or(|(_, s)| p.seen > s)
            {
                best_medium = Some((i, p.seen));
            }
            let contradicts = p.official.is_some() && !strong && !generic;
            let recency = if Some(i) == self.last_speaker {
                usize::MAX
            } else {
                p.seen
            };
            if generic && !contradicts && best_generic.is_none_or(|(_, s)| recency > s) {
                best_generic = Some((i, recency));
            }
        }
        if let Some((i, _)) = best_strong.or(best_medium).or(best_generic) {
            return Some(Ok(i));
        }
        if !generic
            && let Some(y) = year
            && let Some(id) = self.g.holder_of(title_fits, aff, y)
        {
            return Some(Ok(self.touch_official(id)));
        }
        // Institutions named by description: "the ministry" after the Foreign Ministry spoke.
        if role
            .iter()
            .any(|w| matches!(w.as_str(), "ministry" | "department" | "kremlin"))
            && let Some(i) = self.last_speaker
            && self.people[i].institution
        {
            return Some(Ok(i));
        }
        let written = phrase.trim();
        Some(Err(written
            .strip_prefix("The ")
            .map(|r| format!("the {r}"))
            .unwrap_or_else(|| written.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::officials::Gazetteer;

    #[test]
    fn names_titles_pronouns() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2016));
        r.observe("Talks were held between Foreign Minister Sergey Lavrov and Secretary of State John Kerry.");
        assert_eq!(
            r.resolve("White House spokesman Josh Ernest").unwrap().name,
            "Josh Earnest"
        );
        assert_eq!(
            r.resolve("the head of the Russian Foreign Ministry")
                .unwrap()
                .name,
            "Sergey Lavrov"
        );
        assert_eq!(
            r.resolve("The US Secretary of State").unwrap().name,
            "John Kerry"
        );
        assert_eq!(r.resolve("he").unwrap().name, "John Kerry");
        assert_eq!(
            r.resolve("the Russian Foreign Ministry").unwrap().name,
            "Russian Foreign Ministry"
        );
        assert_eq!(r.resolve("the diplomat").unwrap().name, "John Kerry");
    }

    #[test]
    fn deputy_is_not_the_minister() {
        let g = Gazetteer::builtin();
        let mut r = Resolver::new(&g, Some(2017));
        r.resolve("Deputy Foreign Minister Sergey Ryabkov");
        r.observe("Foreign Minister Sergey Lavrov met him.");
        assert_eq!(
            r.resolve("the deputy minister").unwrap().name,
            "Sergey Ryabkov"
        );
        assert_eq!(
            r.resolve("the foreign minister").unwrap().name,
            "Sergey Lavrov"
        );
    }
}
