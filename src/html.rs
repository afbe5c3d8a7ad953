//! Web pages as researchers save them: the article's own text (Readability's main-content
//! extraction, by `dom_smoothie`) and the page's metadata (title, publication date, canonical
//! address, site name, author). Navigation, comments, related stories, share widgets and
//! footers never reach extraction; when no main content can be found the page's whole visible
//! text is used, so nothing of a short page is lost.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::extract::meta::parse_date;

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

/// The page without what no reader sees and Readability throws away first: scripts (but not
/// JSON-LD, which holds the page's metadata), style sheets, inline SVG and comments. Half the
/// bytes of a typical news page, removed by a byte scan before the HTML parser tokenizes them.
/// Tags are stepped over with their quoted attribute values, so a `<script` inside an
/// attribute or a `<title>`/`<textarea>` is text, as the parser would see it.
fn without_inert(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0; // bytes of `html` before this are in `out` or dropped
    let mut at = 0;
    while let Some(off) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            out.push_str(&html[copied..lt]);
            (copied, at) = (end, end);
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        let name = &rest[..name_len];
        if name_len == 0 {
            at = lt + 1;
            continue;
        }
        let open_end = tag_end(b, lt + 1 + name_len);
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        let furniture = FURNITURE.iter().any(|n| is(n));
        if furniture || (is_hidden(&b[lt..open_end]) && !VOID.iter().any(|n| is(n))) {
            match element_end(b, open_end, name) {
                Some(end) if !holds_metadata(&b[open_end..end]) => {
                    out.push_str(&html[copied..lt]);
                    (copied, at) = (end, end);
                }
                // Never closed (the parser decides where it ends) or holding the page's date
                // or byline: it stays.
                _ => at = open_end,
            }
            continue;
        }
        let raw = ["script", "style", "svg", "title", "textarea"]
            .into_iter()
            .find(|n| is(n));
        let Some(raw) = raw else {
            at = open_end;
            continue;
        };
        let close = find_ci(b, open_end, raw.as_bytes()).map_or(b.len(), |c| tag_end(b, c));
        let json_ld = raw == "script"
            && html[lt..open_end.min(b.len())]
                .to_ascii_lowercase()
                .contains("ld+json");
        if matches!(raw, "title" | "textarea") || json_ld {
            at = close;
            continue;
        }
        out.push_str(&html[copied..lt]);
        (copied, at) = (close, close);
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// Elements whose whole content Readability removes from the article it keeps (`aside`,
/// `footer`, `iframe`, form controls), or that are never article text (`nav`, `noscript`,
/// `template`). Removed before parsing, they cost neither the parser nor the scoring, and a
/// menu or a sidebar can no longer tip which block is taken for the article.
const FURNITURE: &[&str] = &[
    "nav", "aside", "footer", "noscript", "iframe", "template", "select", "button",
];

/// Elements without content or closing tag: a hidden one leaves nothing to remove.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Whether an opening tag hides its element as Readability judges it (`hidden`,
/// `aria-hidden="true"`, `display:none` or `visibility:hidden` in its style), so that none of
/// it is scored or read. Most tags hold none of these words and are passed over by one search.
fn is_hidden(tag: &[u8]) -> bool {
    if memchr::memmem::find(tag, b"hidden").is_none()
        && memchr::memmem::find(tag, b"none").is_none()
    {
        return false;
    }
    attributes(tag).any(|(name, value)| {
        let value = value.unwrap_or_default();
        match name.to_ascii_lowercase().as_slice() {
            b"hidden" => true,
            b"aria-hidden" => value.eq_ignore_ascii_case(b"true"),
            b"style" => {
                let style: Vec<u8> = value
                    .iter()
                    .filter(|c| !c.is_ascii_whitespace())
                    .map(u8::to_ascii_lowercase)
                    .collect();
                memchr::memmem::find(&style, b"display:none").is_some()
                    || memchr::memmem::find(&style, b"visibility:hidden").is_some()
            }
            _ => false,
        }
    })
}

/// The attributes of an opening tag (`<name …>`), each with its value if it has one.
fn attributes(tag: &[u8]) -> impl Iterator<Item = (&[u8], Option<&[u8]>)> {
    let is_name_char = |c: u8| !(c.is_ascii_whitespace() || matches!(c, b'=' | b'>' | b'/'));
    let mut i = 1 + tag[1..].iter().take_while(|c| is_name_char(**c)).count();
    std::iter::from_fn(move || {
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < tag.len() && is_name_char(tag[i]) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let name = &tag[start..i];
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            return Some((name, None));
        }
        i += 1;
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match tag.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr::memchr(q, &tag[i + 1..]).map_or(tag.len(), |e| i + 1 + e);
                let v = &tag[(i + 1).min(end)..end];
                i = end + 1;
                v
            }
            _ => {
                let s = i;
                while i < tag.len() && !tag[i].is_ascii_whitespace() && tag[i] != b'>' {
                    i += 1;
                }
                &tag[s..i]
            }
        };
        Some((name, Some(value)))
    })
}

/// Whether a stretch of page holds what dates or signs the page ("<aside>Jane Doe — <time
/// datetime=…>"), which is read from the whole page and must not leave with the furniture.
fn holds_metadata(b: &[u8]) -> bool {
    [&b"<time"[..], b"datePublished", b"author"]
        .iter()
        .any(|n| memchr::memmem::find(b, n).is_some())
}

/// Past the `</name>` that closes an element whose opening tag ends at `from`, counting the
/// same elements nested inside it; `None` when it is never closed.
fn element_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let is_name_end = |i: usize| {
        b.get(i)
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
    };
    let mut depth = 1;
    let mut at = from;
    while let Some(off) = memchr::memchr(b'<', &b[at.min(b.len())..]) {
        let lt = at + off;
        let (closing, start) = match b.get(lt + 1) {
            Some(b'/') => (true, lt + 2),
            _ => (false, lt + 1),
        };
        let end = start + name.len();
        at = lt + 1;
        if end > b.len() || !b[start..end].eq_ignore_ascii_case(name) || !is_name_end(end) {
            continue;
        }
        if closing {
            depth -= 1;
            if depth == 0 {
                return Some(tag_end(b, end));
            }
        } else {
            depth += 1;
        }
    }
    None
}

/// Where the tag whose name ends at `from` ends: past its `>`, stepping over quoted values.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_eq = false;
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e);
                after_eq = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    b.len()
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&b[from.min(b.len())..], needle).map(|i| from + i)
}

/// The start of the next `</name` (any case) at or after `from`.
fn find_ci(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = find(b, at, b"</") {
        let rest = &b[i + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return Some(i);
        }
        at = i + 2;
    }
    None
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
    fn scripts_styles_svg_and_comments_leave_before_parsing_and_json_ld_stays() {
        let page = "<head><title>On <script> tags</title>\
            <SCRIPT type=text/javascript>if (a < b) { x = '</p>'; }</SCRIPT>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2020-01-02\"}</script>\
            <style>p > a { color: red }</style></head>\
            <body><!-- <p>hidden</p> --><p title='a <script> b'>Kept <svg><text>x</text></svg>text.</p>\
            <textarea><style>not a style</style></textarea><p>Last</p><script>never closed";
        let out = without_inert(page);
        assert_eq!(
            out,
            "<head><title>On <script> tags</title>\
             <script type=\"application/ld+json\">{\"datePublished\":\"2020-01-02\"}</script>\
             </head><body><p title='a <script> b'>Kept text.</p>\
             <textarea><style>not a style</style></textarea><p>Last</p>"
        );
        // Nothing to remove: the page comes back byte for byte.
        let plain = "<p>a &amp; b</p><p>c</p>";
        assert_eq!(without_inert(plain), plain);
    }

    #[test]
    fn menus_sidebars_footers_and_hidden_blocks_leave_before_parsing() {
        let page = "<nav><ul><li>Home</li></ul></nav><p>One</p>\
            <aside class=a><aside>inner</aside>still aside</aside><p>Two</p>\
            <div hidden><div>menu</div><div>more</div></div><p>Three</p>\
            <div style='color: red; DISPLAY : none'>x</div><div aria-hidden=\"true\">y</div>\
            <FOOTER>© 2024</FOOTER><noscript>Enable JavaScript</noscript>\
            <input type=hidden name=csrf><div aria-hidden=false data-state=hidden>Four</div>";
        assert_eq!(
            without_inert(page),
            "<p>One</p><p>Two</p><p>Three</p>\
             <input type=hidden name=csrf><div aria-hidden=false data-state=hidden>Four</div>"
        );
        // Never closed, or holding the page's date or byline: left to the parser.
        let open = "<p>One</p><aside><p>Two</p>";
        assert_eq!(without_inert(open), open);
        let dated = "<aside><span class=author>Ann Lee</span><time datetime=2013-09-29>x</time>\
                     </aside><p>One</p>";
        assert_eq!(without_inert(dated), dated);
        let p = read_page(&page_with(
            "",
            &format!(
                "<article>{STORY}</article><aside><time datetime='2013-09-29'>x</time></aside>"
            ),
        ));
        assert_eq!(p.date.as_deref(), Some("2013-09-29"));
    }

    #[test]
    fn attributes_are_read_with_and_without_quotes() {
        let attrs: Vec<(String, Option<String>)> =
            attributes(b"<div id=a hidden class='x y' data-v = \"1 > 2\" />")
                .map(|(n, v)| {
                    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                    (s(n), v.map(s))
                })
                .collect();
        let want = [
            ("id", Some("a")),
            ("hidden", None),
            ("class", Some("x y")),
            ("data-v", Some("1 > 2")),
        ];
        assert_eq!(attrs.len(), want.len(), "{attrs:?}");
        for ((n, v), (wn, wv)) in attrs.iter().zip(want) {
            assert_eq!((n.as_str(), v.as_deref()), (wn, wv));
        }
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
