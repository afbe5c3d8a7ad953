//! Article metadata stated in the text itself: date, title, and the outlet of a dateline.
//! Nothing is invented: when the text does not say, the answer is `None`.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{Paragraph, Role};
use super::text::is_capitalized;

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\b|T)").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b").unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b").unwrap()
});
/// "MOSCOW (Sputnik) — ", "PSKOV, May 30. /TASS/. ", "WASHINGTON (Reuters) - ", "(CNN) ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Z.\-' ]{1,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\.?\s*)?(?:\(([A-Za-z][A-Za-z .&-]{1,30})\)|/([A-Za-z][A-Za-z .&-]{1,30})/\.?)\s*(?:[—–―-]+\s*)?|^[A-Z][A-Z.\-' ]{2,40}\s+[—–―-]+\s+").unwrap()
});

fn month_number(m: &str) -> u32 {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = m.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|x| m.starts_with(x))
        .map_or(0, |i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Parses a date as metadata gives it: ISO, `M/D/YY`, "12 February 2018", "May 30, 2017".
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(c) = ISO_DATE.captures(s) {
        let y: i32 = c[1].parse().ok()?;
        return valid(y, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        return valid(c[3].parse().ok()?, month_number(&c[2]), c[1].parse().ok()?);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        return valid(c[3].parse().ok()?, month_number(&c[1]), c[2].parse().ok()?);
    }
    let parts: Vec<&str> = s.split('/').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    {
        let m: u32 = parts[0].parse().ok()?;
        let d: u32 = parts[1].parse().ok()?;
        let mut y: i32 = parts[2].parse().ok()?;
        if y < 100 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        return valid(y, m, d);
    }
    None
}

/// Bytes past which a line is a paragraph, not a date line.
const MAX_DATE_LINE: usize = 300;

/// A date stated by a header, byline, dateline or timestamp line among the first lines of the
/// article, if any. A date mentioned in a sentence of the story never dates the article: the
/// line must be the date with at most a few words around it ("date 2017-04-13 Register",
/// "Published: May 30, 2017 10:15", "By Jane Doe | 12 February 2018"). Years outside
/// 1990..=2100 are not believed.
pub fn find_date(text: &str) -> Option<String> {
    // A date line is a few words long; a paragraph is never one, and three date patterns
    // matched across every long paragraph of a page's head cost more than its extraction.
    for line in text.lines().take(40).filter(|l| l.len() <= MAX_DATE_LINE) {
        if let Some(d) = parse_date(line)
            && is_date_line(line)
        {
            let year: i32 = d[..4].parse().ok()?;
            if (1990..=2100).contains(&year) {
                return Some(d);
            }
        }
    }
    None
}

/// A line that is a date with a label, a time, a byline or site words around it, not a
/// sentence that mentions a date.
fn is_date_line(line: &str) -> bool {
    let rest = [&*ISO_DATE, &*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR]
        .iter()
        .fold(line.to_string(), |l, re| {
            re.replace_all(&l, " ").into_owned()
        });
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',' | '(' | ')'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let sentence = line.trim_end().ends_with('.') && words.len() > 3;
    let verbs = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "was"
                | "were"
                | "is"
                | "are"
                | "said"
                | "says"
                | "signed"
                | "when"
                | "since"
                | "after"
                | "before"
                | "on"
                | "in"
                | "until"
                | "during"
                | "attacks"
                | "attack"
        )
    });
    !sentence && !verbs && words.len() <= 8
}

/// A date in an article's URL path: `/2019/11/05/`, `/2019-11-05`, `/20191105/`. A path
/// with only a year and month dates nothing: the day would be invented.
pub fn date_from_url(url: &str) -> Option<String> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)|/((?:19|20)\d\d)(\d\d)(\d\d)/",
        )
        .unwrap()
    });
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let c = URL_DATE.captures(path)?;
    let (y, m, d) = if c.get(1).is_some() {
        (&c[1], &c[2], &c[3])
    } else {
        (&c[4], &c[5], &c[6])
    };
    valid(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The headline: among heading lines before the first body paragraph, the longest one the page
/// repeats; else the one that looks most like a Title Case headline; else the first of 4+ words.
pub fn find_title(text: &str, paras: &[Paragraph]) -> Option<String> {
    let first_body = paras
        .iter()
        .position(|p| p.role == Role::Body)
        .unwrap_or(paras.len());
    let candidates: Vec<&str> = paras[..first_body]
        .iter()
        .map(|p| text[p.start..p.end].trim())
        .filter(|t| {
            let n = t.split_whitespace().count();
            (4..=30).contains(&n)
                && parse_date(t).is_none()
                && !t.to_lowercase().starts_with("back to")
        })
        .collect();
    let repeated = candidates
        .iter()
        .filter(|c| text.matches(*c).count() >= 2)
        .max_by_key(|c| c.len());
    if let Some(t) = repeated {
        return Some(t.to_string());
    }
    let title_case = |t: &str| {
        let w: Vec<&str> = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        w.iter().filter(|w| is_capitalized(w)).count() as f32 / w.len().max(1) as f32
    };
    candidates
        .iter()
        .filter(|c| title_case(c) >= 0.6)
        .max_by(|a, b| title_case(a).total_cmp(&title_case(b)))
        .or(candidates.first())
        .map(|t| t.to_string())
}

/// A dateline at the start of a paragraph: its length in bytes and the outlet it names.
pub fn dateline(par: &str) -> Option<(usize, Option<String>)> {
    let m = DATELINE.captures(par)?;
    let whole = m.get(0)?;
    if whole.end() == 0 || whole.end() >= par.len() {
        return None;
    }
    let outlet = m.get(1).or(m.get(2)).map(|o| o.as_str().trim().to_string());
    // The rest must start a sentence.
    let rest = &par[whole.end()..];
    if !rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
    {
        return None;
    }
    Some((whole.end(), outlet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_mentioned_in_the_story_never_dates_the_article() {
        let text = "US and Taliban sign a deal\n\nThe attacks of September 11, 2001 were planned in Afghanistan, officials said.\n\nOn July 1, 1997, Britain handed Hong Kong back to China.\n";
        assert_eq!(find_date(text), None);
        assert_eq!(
            find_date("Trump at War\n\nSeptember 11, 2001\n\nThe president spoke."),
            Some("2001-09-11".into()),
            "a line that is only a date is a timestamp line"
        );
        assert_eq!(
            find_date("date 2017-04-13 Register\nbody"),
            Some("2017-04-13".into())
        );
        assert_eq!(
            find_date("Other News Materials 12 February 2018 08:49 (UTC +04:00)\n"),
            Some("2018-02-12".into())
        );
        assert_eq!(
            find_date("Published: May 30, 2017 10:15 | By Jane Doe\n"),
            Some("2017-05-30".into())
        );
    }

    #[test]
    fn dates_from_url_paths() {
        assert_eq!(
            date_from_url("http://www.nytimes.com/2016/09/20/nyregion/ahmad.html?&hp"),
            Some("2016-09-20".into())
        );
        assert_eq!(
            date_from_url("https://x.com/news/2019-11-05-talks"),
            Some("2019-11-05".into())
        );
        assert_eq!(
            date_from_url("https://x.com/a/20191105/story"),
            Some("2019-11-05".into())
        );
        assert_eq!(date_from_url("https://x.com/2019/11/story"), None);
        assert_eq!(date_from_url("https://x.com/story?date=2019/11/05"), None);
        assert_eq!(date_from_url("https://x.com/2019/13/45/x"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("date 2017-04-13 Register").as_deref(),
            Some("2017-04-13")
        );
        assert_eq!(
            parse_date("Other News 12 February 2018 08:49").as_deref(),
            Some("2018-02-12")
        );
        assert_eq!(parse_date("May 30, 2017").as_deref(), Some("2017-05-30"));
        assert_eq!(parse_date("7/23/17").as_deref(), Some("2017-07-23"));
        assert_eq!(parse_date("2017-13-45"), None);
        assert_eq!(parse_date("no date here"), None);
    }

    #[test]
    fn two_digit_years_and_the_believable_range() {
        assert_eq!(parse_date("3/4/49").as_deref(), Some("2049-03-04"));
        assert_eq!(parse_date("3/4/50").as_deref(), Some("1950-03-04"));
        assert_eq!(parse_date("3/4/99").as_deref(), Some("1999-03-04"));
        assert_eq!(parse_date("3/4/2018").as_deref(), Some("2018-03-04"));
        assert_eq!(parse_date("3/4"), None);
        assert_eq!(parse_date("3//2018"), None);
        assert_eq!(parse_date("a/b/c"), None);
        assert_eq!(parse_date("12 Sept. 2019").as_deref(), Some("2019-09-12"));
        assert_eq!(parse_date("Dec 1, 2020").as_deref(), Some("2020-12-01"));
        // Only 1990..=2100 date an article.
        assert_eq!(find_date("1990-01-01\nbody"), Some("1990-01-01".into()));
        assert_eq!(find_date("1989-12-31\nbody"), None);
        assert_eq!(find_date("2099-12-31\nbody"), Some("2099-12-31".into()));
        // The first date line wins; a date after the first 40 lines is not looked at.
        assert_eq!(
            find_date("2018-01-02\n2019-03-04\n"),
            Some("2018-01-02".into())
        );
        let late = format!("{}2018-01-02\n", "line\n".repeat(40));
        assert_eq!(find_date(&late), None);
    }

    #[test]
    fn a_date_line_is_short_and_no_sentence() {
        // Up to eight words around the date.
        assert!(is_date_line(
            "Posted by Jane Doe for the Daily Planet 2018-01-02"
        ));
        assert!(!is_date_line(
            "Posted by Jane Doe for the Daily Planet desk 2018-01-02"
        ));
        // A sentence: a full stop and more than three words.
        assert!(is_date_line("Updated 2018-01-02 by staff."));
        assert!(!is_date_line("Updated by our staff desk 2018-01-02."));
        assert!(!is_date_line("Signed 2018-01-02"));
    }

    #[test]
    fn months_by_their_first_three_letters() {
        for (m, n) in [
            ("January", 1),
            ("feb", 2),
            ("Sept", 9),
            ("DEC", 12),
            ("xyz", 0),
        ] {
            assert_eq!(month_number(m), n, "{m}");
        }
    }

    #[test]
    fn a_title_is_a_heading_before_the_body() {
        let text = "Home | World | Sport\n\nLavrov Says Talks With Kerry Were Useful\n\nThe talks were useful, Lavrov said on Friday in Geneva after a long day.\n";
        let paras = super::super::clean::paragraphs(text);
        assert_eq!(
            find_title(text, &paras).as_deref(),
            Some("Lavrov Says Talks With Kerry Were Useful")
        );
        // A headline repeated on the page wins over a Title Case menu line.
        let text = "Top Stories Most Read Watch Live\n\ntalks in geneva end without a deal\n\nThe talks ended, talks in geneva end without a deal, a diplomat said on Friday.\n";
        let paras = super::super::clean::paragraphs(text);
        assert_eq!(
            find_title(text, &paras).as_deref(),
            Some("talks in geneva end without a deal")
        );
        // Of two headings, the one most in Title Case (share of capitalised words).
        let text = "Lavrov Says Talks in Geneva Were Useful\n\nKerry Meets Lavrov Again\n\nThe talks were useful, Lavrov said on Friday in Geneva after a long day.\n";
        let paras = super::super::clean::paragraphs(text);
        assert_eq!(
            find_title(text, &paras).as_deref(),
            Some("Kerry Meets Lavrov Again")
        );
        // Too short, a date, or nothing before the body: no title.
        let text = "Summit ends\n\nThe talks ended, a diplomat said on Friday in Geneva today.\n";
        let paras = super::super::clean::paragraphs(text);
        assert_eq!(find_title(text, &paras), None);
    }

    #[test]
    fn datelines() {
        let (n, _) = dateline("WASHINGTON ― Lawmakers met.").unwrap();
        assert_eq!(&"WASHINGTON ― Lawmakers met."[n..], "Lawmakers met.");
        let (n, o) = dateline("MOSCOW (Sputnik) — Russia is ready.").unwrap();
        assert_eq!(o.as_deref(), Some("Sputnik"));
        assert_eq!(
            &"MOSCOW (Sputnik) — Russia is ready."[n..],
            "Russia is ready."
        );
        let (n, o) = dateline("PSKOV, May 30. /TASS/. Moscow is concerned.").unwrap();
        assert_eq!(o.as_deref(), Some("TASS"));
        assert_eq!(
            &"PSKOV, May 30. /TASS/. Moscow is concerned."[n..],
            "Moscow is concerned."
        );
        assert!(dateline("The minister said so.").is_none());
        // A quotation may open the story after the dateline; a lower-case word may not.
        let (n, o) = dateline("MOSCOW (Sputnik) — “We are ready,” he said.").unwrap();
        assert_eq!(o.as_deref(), Some("Sputnik"));
        assert_eq!(
            &"MOSCOW (Sputnik) — “We are ready,” he said."[n..],
            "“We are ready,” he said."
        );
        let (_, o) = dateline("KYIV (Reuters) - \"No,\" she said.").unwrap();
        assert_eq!(o.as_deref(), Some("Reuters"));
        assert!(dateline("MOSCOW (Sputnik) — and then it rained.").is_none());
        // A dateline with nothing after it is no dateline of a story.
        assert!(dateline("MOSCOW (Sputnik) — ").is_none());
    }
}
