//! Cleaning: split the article into paragraphs and tell body text from the rest (menus,
//! "Read also" lists, photo captions and credits, template leftovers, share widgets).

use super::text::{self, ends_like_sentence, is_capitalized};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Running text: statements come only from here.
    Body,
    /// Headlines, sub-headings, menu items: context for titles and topics, never statements.
    Heading,
}

/// A paragraph as a byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub role: Role,
}

const CREDIT_MARKS: &[&str] = &[
    "©",
    "(c) ",
    "photo:",
    "photo/",
    "photo /",
    "reuters/",
    "/ reuters",
    "getty images",
    "ap photo",
    "image copyright",
    "image caption",
    "photograph:",
    "afp/",
    "/ afp",
    "epa/",
    "tass/",
    "sputnik/",
];

const WIDGET_LINES: &[&str] = &[
    "share",
    "tweet",
    "print",
    "print:",
    "comments",
    "comment",
    "advertisement",
    "sign up",
    "click here",
    "subscribe",
    "read more",
    "show more",
    "more news",
    "loading",
    "email",
    "share this",
    "share on facebook",
    "share on twitter",
    "back to top",
    "related",
    "related:",
    "see also",
    "read also",
    "also read",
    "most read",
    "top stories",
    "latest",
    "infographics",
    "photo",
    "video",
    "in other media",
    "persons",
    "topics",
    "tags",
    "tags:",
    "news feed",
];

/// Openings of page furniture that reads like a sentence: comment prompts and reader comments,
/// teasers of other stories, sign-up and app prompts, copyright and contact lines.
const FURNITURE_STARTS: &[&str] = &[
    "posted by ",
    "comment by ",
    "reply from ",
    "sign in to ",
    "log in to ",
    "login to ",
    "sign up for ",
    "sign up to ",
    "register to ",
    "join the discussion",
    "join the conversation",
    "leave a comment",
    "add a comment",
    "comments are closed",
    "you must be logged in",
    "we welcome your comments",
    "we encourage you to use comments",
    "subscribe to ",
    "follow us on ",
    "download the app",
    "download our app",
    "related:",
    "related stories",
    "related articles",
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "more:",
    "watch:",
    "listen:",
    "recommended:",
    "story highlights",
    "recommended for you",
    "most popular",
    "trending now",
    "this article was originally published",
    "this story was originally published",
    "all rights reserved",
    "copyright ",
    "terms of use",
    "privacy policy",
    "we use cookies",
    "this site uses cookies",
    "contact the author",
    "reach the reporter",
    "write to ",
    "email the author",
];

/// Page furniture that reads like a sentence (see `FURNITURE_STARTS`), a line that is mostly
/// web addresses, or a reader's comment signed with a handle ("dave_k: she never said that").
fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    // The openings are short: only the line's start needs lower-casing.
    let head = lowercase_prefix(line, 48);
    if FURNITURE_STARTS.iter().any(|m| head.starts_with(m))
        || contains_ignore_ascii_case(line, "all rights reserved")
    {
        return true;
    }
    let may_link = line.contains("://")
        || line.contains('@')
        || contains_ignore_ascii_case(line, "www.")
        || contains_ignore_ascii_case(line, ".com/");
    if may_link {
        let words: Vec<&str> = line.split_whitespace().collect();
        let links = words
            .iter()
            .filter(|w| {
                w.contains("://")
                    || w.starts_with("www.")
                    || w.starts_with("WWW.")
                    || contains_ignore_ascii_case(w, ".com/")
                    || w.contains('@') && w.contains('.')
            })
            .count();
        if links > 0 && links * 3 >= words.len() {
            return true;
        }
    }
    // A user handle (lower case with a digit or underscore) before a colon opens a comment.
    line.split_whitespace().next().is_some_and(|w| {
        w.len() > 2
            && w.ends_with(':')
            && w[..w.len() - 1]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && w.chars().any(|c| c.is_ascii_digit() || c == '_')
    })
}

fn is_credit(line: &str) -> bool {
    line.starts_with('©')
        || line.len() < 120 && {
            let l = text::lower_text(line);
            CREDIT_MARKS.iter().any(|m| l.contains(m))
        }
}

/// The longest widget line ("share on facebook") has fewer bytes than this.
const LONGEST_WIDGET_LINE: usize = 24;

fn is_junk(line: &str) -> bool {
    let line = line.trim();
    if line.contains("{{") || line.contains("}}") || line.chars().all(|c| !c.is_alphabetic()) {
        return true;
    }
    if line.len() > LONGEST_WIDGET_LINE {
        return false;
    }
    let l = text::lower_text(line);
    WIDGET_LINES.contains(&l.trim_end_matches(':'))
        || WIDGET_LINES.contains(&l.as_str())
        || (l.ends_with(" views") && l.split_whitespace().count() <= 2)
}

/// The first `max` bytes of `s` or a little more (to a character boundary), lower-cased.
fn lowercase_prefix(s: &str, max: usize) -> String {
    let end = (max..=s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    text::lower_text(&s[..end])
}

/// Whether `needle` (ASCII) is in `haystack`, ignoring ASCII case. Candidates are found by
/// searching for the needle's first byte in either case, so a paragraph is scanned at memchr
/// speed rather than compared window by window (every body line is checked for links).
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    // Anchored on the needle's rarest byte in English text ("g" of "all rights reserved",
    // "." of "www."), not its first: "a" would stop the scan at every other word.
    const BY_FREQUENCY: &[u8] = b"etaoinsrhldcumfpgwybvkxjqz";
    let rank = |b: u8| {
        BY_FREQUENCY
            .iter()
            .position(|&f| f == b.to_ascii_lowercase())
            .map_or(0, |p| BY_FREQUENCY.len() - p)
    };
    let k = (0..n.len()).min_by_key(|&k| rank(n[k])).unwrap_or(0);
    let anchor = n[k];
    let mut from = k;
    while from <= h.len() {
        let Some(off) = memchr::memchr2(
            anchor.to_ascii_lowercase(),
            anchor.to_ascii_uppercase(),
            &h[from..],
        ) else {
            return false;
        };
        let at = from + off - k;
        if h.len() - at < n.len() {
            return false;
        }
        if h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return true;
        }
        from += off + 1;
    }
    false
}

/// Splits `text` (already normalised) into paragraphs: one per line, with hard-wrapped lines
/// joined, junk dropped, and each kept line marked body or heading.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    // Lines as byte ranges, trimmed.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let s = pos + lead;
        let e = pos + line.trim_end().len();
        lines.push((s, e.max(s)));
        pos += line.len() + 1;
    }
    let is_blank = |(s, e): (usize, usize)| s >= e;
    let mut out: Vec<Paragraph> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (s, mut e) = lines[i];
        if is_blank(lines[i]) {
            i += 1;
            continue;
        }
        let line = &text[s..e];
        // A photo caption sits right before its credit line.
        let next_is_credit = lines
            .get(i + 1)
            .is_some_and(|&(ns, ne)| ns < ne && is_credit(&text[ns..ne]));
        if is_credit(line)
            || is_junk(line)
            || is_furniture(line)
            || (next_is_credit && !line.contains('"') && !line.contains('“'))
        {
            i += 1;
            continue;
        }
        // Hard-wrapped text: a line that stops mid-sentence continues on a lower-case line.
        while !ends_like_sentence(&text[s..e])
            && let Some(&(ns, ne)) = lines.get(i + 1)
            && ns < ne
            && text[ns..ne]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
        {
            e = ne;
            i += 1;
        }
        let body = &text[s..e];
        // Four words are enough to know: the count stops there.
        let words = body.split_whitespace().take(4).count();
        // "Reporter Ann Lee says:" introduces the next paragraph: body, not a heading.
        let introduces = body.ends_with(':') && body.chars().any(|c| c.is_lowercase());
        let role =
            if (ends_like_sentence(body) || introduces) && words >= 4 && !looks_like_headline(body)
            {
                Role::Body
            } else {
                Role::Heading
            };
        out.push(Paragraph {
            start: s,
            end: e,
            role,
        });
        i += 1;
    }
    out
}

/// Title Case with no sentence punctuation inside: a headline even if it ends with a period.
fn looks_like_headline(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().take(15).collect();
    if words.len() > 14 || s.contains(", ") || s.contains('"') || s.contains('“') {
        return false;
    }
    let caps = words.iter().filter(|w| is_capitalized(w)).count();
    words.len() >= 4 && caps * 10 >= words.len() * 8
}

/// The Hill's hover cards, kept by scrapers as text: "Sen. Tim Scott Timothy (Tim) Eugene
/// ScottBottom Line Republicans show signs … MORE (R), who represents South Carolina, said …".
/// After a name comes the person's full name glued to headlines of other stories, up to
/// "MORE": the name stays, the card goes, so neither "Tim Scott Timothy" nor a headline is
/// taken for a speaker or a statement.
pub fn without_hover_cards(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("MORE") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search = 0;
    while let Some(off) = text[search..].find("MORE") {
        let at = search + off;
        let end = at + "MORE".len();
        search = end;
        // "MORE" as a word, after a space or glued to the card's last surname ("KellyMORE").
        let glued = text[..at].ends_with(|c: char| c.is_ascii_lowercase());
        if text[end..].starts_with(|c: char| c.is_alphanumeric())
            || !(glued || text[..at].ends_with(' '))
        {
            continue;
        }
        let more = if glued { at } else { at - 1 };
        let mut from = more.saturating_sub(600).max(copied);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let line = text[from..more].rfind('\n').map_or(from, |k| from + k + 1);
        if let Some(card) = hover_card_start(&text[line..more], glued) {
            out.push_str(&text[copied..line + card]);
            copied = end;
        }
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Where a hover card starts in the words before its "MORE": right after the visible name
/// whose surname the card glues to a headline ("Scott" in "…Eugene ScottBottom Line"), when
/// at most a few words of full name lie between.
fn hover_card_start(window: &str, glued_more: bool) -> Option<usize> {
    let b = window.as_bytes();
    // A glue: a capital or a digit right after a small letter ("ScottBottom", "Clinton2020"),
    // or the end of the window, where "MORE" itself was glued ("Kelly" of "KellyMORE").
    for g in 1..=b.len() {
        let glue = if g == b.len() {
            glued_more
        } else {
            b[g - 1].is_ascii_lowercase() && (b[g].is_ascii_uppercase() || b[g].is_ascii_digit())
        };
        if !glue {
            continue;
        }
        let word = window[..g].rfind(char::is_whitespace).map_or(0, |k| k + 1);
        let surname = &window[word..g];
        // "McConnell", "DeSantis": a capital inside a name is no glue.
        if surname.len() < 3 || !surname.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let Some(visible) = window[..word].rfind(&format!("{surname} ")) else {
            continue;
        };
        let card = visible + surname.len();
        if word - card <= 60 {
            return Some(card);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_needle_is_found_in_any_ascii_case_and_only_whole() {
        assert!(contains_ignore_ascii_case(
            "© 2019 ALL Rights Reserved.",
            "all rights reserved"
        ));
        assert!(contains_ignore_ascii_case("visit WWW.example.org", "www."));
        assert!(contains_ignore_ascii_case("aaa www.", "www."));
        assert!(contains_ignore_ascii_case("anything", ""));
        assert!(!contains_ignore_ascii_case(
            "all rights reserve",
            "all rights reserved"
        ));
        assert!(!contains_ignore_ascii_case("ww.w", "www."));
        // Non-ASCII text around the needle is stepped over byte by byte.
        assert!(contains_ignore_ascii_case(
            "Élysée — écrit sur Example.COM/x",
            ".com/"
        ));
        assert!(!contains_ignore_ascii_case("Élysée", "www."));
        // Against the plain definition, at every position and with the anchor byte at the
        // haystack's edges.
        let needles = ["all rights reserved", "www.", ".com/", "g", "ag"];
        for hay in [
            "a",
            "g",
            "ALL RIGHTS RESERVED",
            "xall rights reservedx",
            "www",
            "wwww.",
            "g.com/",
            "all rights reserveg",
            "AG ag",
            "gg",
            "",
            "ww.www.com/",
        ] {
            for n in needles {
                let plain = hay.to_ascii_lowercase().contains(n);
                assert_eq!(contains_ignore_ascii_case(hay, n), plain, "{hay:?} {n:?}");
            }
        }
    }

    #[test]
    fn widget_lines_are_recognised_whatever_their_case() {
        for w in WIDGET_LINES {
            assert!(
                w.len() < LONGEST_WIDGET_LINE,
                "{w} is longer than the bound"
            );
            assert!(is_junk(w) && is_junk(&w.to_uppercase()), "{w}");
        }
        assert!(is_junk("  12,345 views "));
        assert!(!is_junk("Share prices fell sharply on Monday."));
        assert!(is_furniture("SIGN IN TO join the discussion"));
        // CNN's teaser block: headlines of the story, each with its own quotation.
        assert!(is_furniture(
            "Story highlights Obama credits James Foley with \"courageous reporting\""
        ));
        assert!(is_furniture(
            "Copyright 2024 Planet News. All Rights Reserved."
        ));
        assert!(is_furniture(
            "See https://planet.example/a and WWW.PLANET.EXAMPLE"
        ));
        assert!(!is_furniture(
            "The minister said the talks would resume at planet.example/talks next week."
        ));
        assert!(is_credit(
            "© Planet News 2024, a very long credit line that goes on and on and on and on and on and on and on"
        ));
        assert!(is_credit("Photo: Jane Doe / Reuters"));
        assert!(!is_credit(
            "The photo: he said it was taken in Geneva last week, when the talks had stalled and the ministers had left the hall for good."
        ));
    }

    #[test]
    fn hover_cards_leave_the_name_and_drop_the_card() {
        let t = "But Sen. Tim Scott Timothy (Tim) Eugene ScottBottom Line Republicans show signs \
                 of discomfort MORE (R), who represents South Carolina, said it was fine.\n\n\
                 Leader Mitch McConnell Addison (Mitch) Mitchell McConnellTrump signs the bill \
                 MORE (R-Ky.) agreed. Rep. Justin Amash Justin AmashTrump and Congress on a \
                 collision course MORE (I-Mich.) disagreed. Chief of staff John Kelly John \
                 Francis KellyMORE called. Hillary Clinton Hillary Diane Rodham Clinton2020 \
                 Democrats make play MORE and spoke.";
        assert_eq!(
            super::without_hover_cards(t),
            "But Sen. Tim Scott (R), who represents South Carolina, said it was fine.\n\n\
             Leader Mitch McConnell (R-Ky.) agreed. Rep. Justin Amash (I-Mich.) disagreed. \
             Chief of staff John Kelly called. Hillary Clinton and spoke."
        );
        // "MORE" elsewhere, a name with a capital inside: untouched.
        for plain in [
            "READ MORE: McConnell said the iPhone maker would pay.",
            "Senator DeSantis said ONE MORE time that he would run.",
        ] {
            assert_eq!(super::without_hover_cards(plain), plain);
        }
    }

    fn roles(text: &str) -> Vec<(String, Role)> {
        paragraphs(text)
            .into_iter()
            .map(|p| (text[p.start..p.end].to_string(), p.role))
            .collect()
    }

    #[test]
    fn menus_captions_and_lists_are_not_body() {
        let text = "Home\nWorld\nRead also\n\nMinister says talks went well\n\nA man walks past a building in Paris, France\n© Photo/ Someone\nThe minister said the talks were useful and frank.\n{{item.date}}\nShare\n";
        let r = roles(text);
        assert_eq!(r.iter().filter(|(_, role)| *role == Role::Body).count(), 1);
        assert!(
            r.iter()
                .any(|(t, role)| t.starts_with("The minister said") && *role == Role::Body)
        );
        assert!(!r.iter().any(|(t, _)| t.contains("walks past")));
        assert!(!r.iter().any(|(t, _)| t.contains("item.date")));
        assert!(
            r.iter()
                .any(|(t, role)| t.starts_with("Minister says") && *role == Role::Heading)
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "The minister said that the talks\nwere useful and would go on next week.\n";
        let r = roles(text);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, Role::Body);
    }

    #[test]
    fn comments_prompts_teasers_and_link_soup_are_not_body() {
        let text = "The minister said the talks were useful and frank.\n\
                    Posted by dave_k: she never said that, read the transcript.\n\
                    dave_k: she never said that, read the transcript.\n\
                    Sign in to join the discussion.\n\
                    Related: Senator says the deal is dead, and other news.\n\
                    READ MORE: \"We will never agree,\" the president says.\n\
                    This article was originally published by The Conversation.\n\
                    © 2016 Morningstar, Inc. All Rights Reserved.\n\
                    Photos: https://example.com/a.jpg http://example.com/b.jpg credit.\n\
                    Reach the reporter at jdoe@example.com or 555-0100.\n\
                    The spokesman said the visit would go ahead in May.\n";
        let r = roles(text);
        let kept: Vec<&str> = r.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            kept,
            [
                "The minister said the talks were useful and frank.",
                "The spokesman said the visit would go ahead in May."
            ]
        );
    }

    #[test]
    fn article_sentences_that_mention_comments_or_links_stay() {
        for line in [
            "Copyrights to the songs were sold in 1990, the lawyer said.",
            "Relatedly, the senator said the bill would pass.",
            "The senator said: \"We will sign in two weeks.\"",
            "The site www.example.com was taken down after the attack, police said.",
        ] {
            let r = roles(line);
            assert_eq!(r.len(), 1, "{line}");
            assert_eq!(r[0].1, Role::Body, "{line}");
        }
    }
}
