//! Web pages as researchers save them: the article's own text (Readability's main-content
//! extraction, by `dom_smoothie`) and the page's metadata (title, publication date, canonical
//! address, site name, author). Navigation, comments, related stories, share widgets and
//! footers never reach extraction; when no main content can be found the page's whole visible
//! text is used, so nothing of a short page is lost.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::extract::meta::parse_date;

mod prefilter;

use prefilter::without_inert;

/// What a page gives: its article text, paragraphs separated by blank lines, and its metadata.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, from the page's own metadata only; never guessed from the text here.
    pub date: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The byline: kept as the author, never a speaker.
    pub author: Option<String>,
}

/// Pages with more elements than this are read as plain visible text, without scoring.
const MAX_ELEMENTS: usize = 60_000;

/// Reads one HTML page.
pub fn read_page(html: &str) -> Page {
    let stripped = without_inert(html);
    let html = stripped.as_str();
    let doc = Document::from(html);
    let meta = Meta::of(&doc);
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        // dom_smoothie's advice (5 to 10): fewer candidates have their link density measured, which
        // walks each one's whole subtree; the 130 Readability test pages give the same text.
        min_score_to_adjust: 10.0,
        ..Config::default()
    };
    // Readability rewrites the tree it scores; the fallback reads a fresh parse.
    let article = Readability::with_document(doc, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let mut page = Page {
        url: meta.canonical,
        date: meta.date,
        ..Page::default()
    };
    match article {
        Some(a) if a.text_content.split_whitespace().count() >= 20 => {
            page.text = paragraphs(&a.text_content);
            page.outlet = a.site_name.as_deref().and_then(nonempty).or(meta.site);
            // Readability keeps a short headline's site name ("Talks resume | Reuters").
            page.title = nonempty(&a.title)
                .map(|t| without_site_name(&t, page.outlet.as_deref()))
                .or(meta.title);
            page.author = a.byline.as_deref().and_then(nonempty);
            if page.date.is_none() {
                page.date = a.published_time.as_deref().and_then(parse_date);
            }
        }
        _ => {
            page.text = visible_text(&Document::from(html));
            page.title = meta.title;
            page.outlet = meta.site;
        }
    }
    // The headline goes first, as in a scraped text file, so extraction sees it as a heading.
    if let Some(t) = &page.title
        && !page.text.trim_start().starts_with(t.as_str())
    {
        page.text = format!("{t}\n\n{}", page.text);
    }
    page
}

/// Metadata read straight from the page, whatever Readability decides.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    site: Option<String>,
    canonical: Option<String>,
    date: Option<String>,
}

impl Meta {
    /// One pass over the page's `meta`, `link`, `time` and `title` elements (not a tree walk
    /// per tag sought), each value kept by the rank of where it came from.
    fn of(doc: &Document) -> Meta {
        // Where a publication date may be, most trusted first: Open Graph/article tags,
        // common meta names, then the first <time datetime>. JSON-LD's datePublished comes
        // through Readability.
        const DATE_SOURCES: &[&str] = &[
            "property:article:published_time",
            "name:article:published_time",
            "itemprop:datePublished",
            "name:pubdate",
            "name:publishdate",
            "name:parsely-pub-date",
            "name:date",
            "name:dc.date",
            "name:DC.date.issued",
            "time",
        ];
        let mut found: std::collections::HashMap<String, String> = Default::default();
        let mut keep = |key: String, value: Option<String>| {
            if let Some(v) = value {
                found.entry(key).or_insert(v);
            }
        };
        for node in doc.select("meta, link, time, title").nodes() {
            let attr = |name: &str| node.attr(name).and_then(|v| nonempty(&v));
            match node.node_name().as_deref() {
                Some("meta") => {
                    let value = attr("content");
                    for kind in ["property", "name", "itemprop"] {
                        if let Some(k) = attr(kind) {
                            keep(format!("{kind}:{k}"), value.clone());
                        }
                    }
                }
                Some("link") if attr("rel").as_deref() == Some("canonical") => {
                    keep("canonical".into(), attr("href"));
                }
                Some("time") => keep("time".into(), attr("datetime")),
                Some("title") => keep("title".into(), nonempty(&node.text())),
                _ => {}
            }
        }
        let get = |k: &str| found.get(k).cloned();
        let canonical = get("canonical")
            .or_else(|| get("property:og:url"))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let date = DATE_SOURCES
            .iter()
            .find_map(|k| found.get(*k).and_then(|v| parse_date(v)));
        let site = get("property:og:site_name");
        Meta {
            title: get("property:og:title")
                .or_else(|| get("title").map(|t| without_site_name(&t, site.as_deref()))),
            site,
            canonical,
            date,
        }
    }
}

/// A `<title>` without the site's name a page adds to it ("Talks useful | The Daily Planet"):
/// the part after the last separator goes when it is the site's name or short enough to be
/// one (at most four words), and at least two words of headline are left.
fn without_site_name(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " — ", " – ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let (head, tail) = (head.trim(), tail.trim());
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail))
                || tail.split_whitespace().count() <= 4;
            if is_site && head.split_whitespace().count() >= 2 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

/// The page's visible text, block by block, for pages Readability finds no article in.
fn visible_text(doc: &Document) -> String {
    doc.select(
        "script, style, noscript, template, svg, head, nav, aside, footer, form, iframe, \
         [role=navigation], [role=complementary], [class*=comment], [id*=comment], \
         [class*=related], [id*=related], [class*=share], [class*=newsletter]",
    )
    .remove();
    let body = doc.try_select("body");
    let text = match body {
        Some(b) => b.formatted_text(),
        None => doc.formatted_text(),
    };
    paragraphs(&text)
}

/// One paragraph per block, separated by a blank line; runs of spaces collapsed.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        for (k, word) in line.split_whitespace().enumerate() {
            out.push_str(match (k, out.is_empty()) {
                (0, true) => "",
                (0, false) => "\n\n",
                _ => " ",
            });
            out.push_str(word);
        }
    }
    out
}

fn nonempty(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "<p>The foreign minister said on Tuesday that the talks in Geneva had been \
        useful and would continue next month, after two days of meetings with his counterpart.</p>\
        <p>\"We have agreed to meet again in March,\" Sergey Lavrov told reporters after the \
        meeting, adding that both sides wanted the ceasefire to hold.</p>\
        <p>The talks are the first since the summer, when the two ministers last met in Vienna \
        to discuss the future of the agreement and the sanctions.</p>\
        <p>Diplomats in both capitals have described the relationship as the worst in decades, \
        and neither side expected a breakthrough before the elections in the autumn.</p>\
        <p>The ministers are due to speak again by telephone next week to prepare the agenda \
        of the March meeting, officials in Moscow and Washington said on Wednesday.</p>";

    fn page_with(extra_head: &str, body: &str) -> String {
        format!(
            "<!doctype html><html><head><title>Lavrov: talks useful | The Daily Planet</title>\
             {extra_head}</head><body>{body}</body></html>"
        )
    }

    #[test]
    fn the_site_name_leaves_the_title() {
        let t = |title: &str, site: Option<&str>| without_site_name(title, site);
        assert_eq!(
            t("Lavrov: talks useful | The Daily Planet", None),
            "Lavrov: talks useful"
        );
        assert_eq!(
            t("Russia - US talks resume - Reuters", None),
            "Russia - US talks resume"
        );
        assert_eq!(
            t(
                "Talks resume — Foreign Affairs Daily Of The World",
                Some("Foreign Affairs Daily Of The World")
            ),
            "Talks resume"
        );
        // No separator, or a tail that is the story's own words: kept whole.
        assert_eq!(t("Talks resume in Geneva", None), "Talks resume in Geneva");
        assert_eq!(
            t(
                "Q&A - what the minister said about the talks in Geneva",
                None
            ),
            "Q&A - what the minister said about the talks in Geneva"
        );
    }

    #[test]
    fn comments_related_stories_and_menus_never_reach_the_text() {
        let html = page_with(
            "",
            &format!(
                "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>\
                 <article><h1>Lavrov: talks useful</h1>{STORY}</article>\
                 <aside class='related'><h3>Related stories</h3><ul>\
                 <li><a href='/x'>\"We will never agree,\" the president says</a></li></ul></aside>\
                 <section id='comments' class='comments'><h3>Comments</h3>\
                 <div class='comment'><p>Posted by dave_k: she never said that, read the transcript, \
                 everyone knows the minister said nothing of the kind at the press conference.</p></div>\
                 </section><footer><p>© 2024 The Daily Planet. All rights reserved.</p></footer>"
            ),
        );
        let p = read_page(&html);
        assert!(
            p.text.contains("We have agreed to meet again in March"),
            "{}",
            p.text
        );
        assert!(p.text.contains("\n\n"), "paragraphs kept apart: {}", p.text);
        for junk in ["never agree", "dave_k", "All rights reserved", "World"] {
            assert!(!p.text.contains(junk), "{junk} in {}", p.text);
        }
    }

    #[test]
    fn metadata_from_meta_tags() {
        let html = page_with(
            "<meta property='og:title' content='Lavrov: talks useful'>\
             <meta property='og:site_name' content='The Daily Planet'>\
             <meta property='article:published_time' content='2017-03-02T10:15:00Z'>\
             <link rel='canonical' href='https://planet.example/world/lavrov-talks'>\
             <meta name='author' content='Jane Reporter'>",
            &format!("<article>{STORY}</article>"),
        );
        let p = read_page(&html);
        assert_eq!(p.title.as_deref(), Some("Lavrov: talks useful"));
        assert_eq!(p.outlet.as_deref(), Some("The Daily Planet"));
        assert_eq!(p.date.as_deref(), Some("2017-03-02"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://planet.example/world/lavrov-talks")
        );
        assert_eq!(p.author.as_deref(), Some("Jane Reporter"));
        assert!(p.text.starts_with("Lavrov: talks useful\n\n"), "{}", p.text);
    }

    #[test]
    fn json_ld_and_time_elements_date_a_page() {
        let ld = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\
                  \"@type\":\"NewsArticle\",\"headline\":\"Lavrov: talks useful\",\
                  \"datePublished\":\"2018-07-16T09:00:00+03:00\",\
                  \"publisher\":{\"@type\":\"Organization\",\"name\":\"Planet News\"}}</script>";
        let p = read_page(&page_with(ld, &format!("<article>{STORY}</article>")));
        assert_eq!(p.date.as_deref(), Some("2018-07-16"));
        let p = read_page(&page_with(
            "",
            &format!("<article><time datetime='2019-11-05'>5 November</time>{STORY}</article>"),
        ));
        assert_eq!(p.date.as_deref(), Some("2019-11-05"));
    }

    #[test]
    fn a_page_with_only_a_title_and_a_line_is_read_whole_and_never_dated() {
        let p = read_page(
            "<html><head><title>Short note</title></head><body>\
             <p>The mayor said the bridge would reopen in May.</p></body></html>",
        );
        assert!(
            p.text
                .contains("The mayor said the bridge would reopen in May."),
            "{}",
            p.text
        );
        assert_eq!(p.title.as_deref(), Some("Short note"));
        assert_eq!(p.date, None);
        assert_eq!(p.url, None);
    }

    #[test]
    fn a_truncated_page_still_gives_its_text() {
        let html = page_with("", &format!("<article>{STORY}"));
        let cut = &html[..html.len() - 60];
        let p = read_page(cut);
        assert!(
            p.text.contains("We have agreed to meet again"),
            "{}",
            p.text
        );
    }

    #[test]
    fn an_indented_page_reads_as_one_written_on_one_line() {
        let story = format!("<html><body>\n  <article>\n  {STORY}\n  </article>\n</body></html>");
        let indented = read_page(&story).text;
        assert!(
            indented.contains("We have agreed to meet again"),
            "{indented}"
        );
        assert!(!indented.contains("  "), "{indented}");
        assert_eq!(
            indented,
            read_page(&format!(
                "<html><body><article>{STORY}</article></body></html>"
            ))
            .text
        );
    }

    #[test]
    fn a_date_beside_the_article_still_dates_the_page() {
        let p = read_page(&page_with(
            "",
            &format!(
                "<article>{STORY}</article><aside><time datetime='2013-09-29'>x</time></aside>"
            ),
        ));
        assert_eq!(p.date.as_deref(), Some("2013-09-29"));
    }

    #[test]
    fn entities_and_line_breaks_become_text() {
        let p = read_page(
            "<html><body><p>Lavrov said &quot;yes&quot; &amp; &#8220;no&#8221;&nbsp;today.<br>\
             Next line.</p><script>var x = 1;</script></body></html>",
        );
        assert!(
            p.text.contains("Lavrov said \"yes\" & “no” today."),
            "{}",
            p.text
        );
        assert!(p.text.contains("Next line."));
        assert!(!p.text.contains("var x"));
    }
}
