//! The bytes of a page that never reach the HTML parser: what no reader sees (scripts, styles,
//! comments, hidden blocks, menus and sidebars), the whitespace between blocks and the
//! attributes nothing reads. A byte scan that costs a fraction of the parse it spares.

use std::collections::HashMap;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// The page without what no reader sees and Readability throws away first: scripts (but not
/// JSON-LD, which holds the page's metadata), style sheets, inline SVG, comments, furniture
/// and hidden blocks; with the whitespace between block tags and the attributes nothing reads
/// gone too. Three quarters of a news page's bytes (the 130 Readability test pages: 25.7 MB to
/// 6.2 MB), removed by a byte scan before the HTML parser tokenizes them and Readability walks
/// the nodes they would have made.
/// Tags are stepped over with their quoted attribute values, so a `<script` inside an
/// attribute or a `<title>`/`<textarea>` is text, as the parser would see it.
pub(super) fn without_inert(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0; // bytes of `html` before this are in `out` or dropped
    let mut at = 0;
    // The end of the last tag kept and whether it breaks the text there, for dropping the
    // whitespace between tags that no reader sees (see `SEPARATED`); none inside <pre>.
    let (mut last_tag_end, mut last_tag_separates) = (0, true);
    let mut pre_depth = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            out.push_str(&html[copied..lt]);
            (copied, at) = (end, end);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let rest = &rest[closing as usize..];
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        let name = &rest[..name_len];
        if name_len == 0 {
            at = lt + 1;
            continue;
        }
        let kind = TagKind::of(name);
        let separates = kind.separates;
        let gap = last_tag_end.max(copied);
        if pre_depth == 0
            && (separates || last_tag_separates)
            && gap < lt
            && b[gap..lt].iter().all(u8::is_ascii_whitespace)
        {
            out.push_str(&html[copied..gap]);
            copied = lt;
        }
        let open_end = tag_end(b, lt + 1 + closing as usize + name_len);
        if kind.pre {
            pre_depth = if closing {
                pre_depth.saturating_sub(1)
            } else {
                pre_depth + 1
            };
        }
        if closing {
            (last_tag_end, last_tag_separates) = (open_end, separates);
            at = open_end;
            continue;
        }
        if kind.furniture || (!kind.void && is_hidden(&b[lt..open_end])) {
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
        let Some(raw) = kind.raw else {
            (last_tag_end, last_tag_separates) = (open_end, separates);
            let tag = &html[lt..open_end.min(html.len())];
            if attribute_spans(tag.as_bytes()).any(|a| unread_attribute(&a)) {
                out.push_str(&html[copied..lt]);
                push_read_attributes(&mut out, tag);
                copied = open_end;
            }
            at = open_end;
            continue;
        };
        let close = find_ci(b, open_end, raw.as_bytes()).map_or(b.len(), |c| tag_end(b, c));
        let json_ld = raw == "script"
            && html[lt..open_end.min(b.len())]
                .to_ascii_lowercase()
                .contains("ld+json");
        if matches!(raw, "title" | "textarea") || json_ld {
            (last_tag_end, last_tag_separates) = (close, raw != "textarea");
            at = close;
            continue;
        }
        out.push_str(&html[copied..lt]);
        (copied, at) = (close, close);
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// What the scan needs to know of a tag's name, looked up once per tag.
#[derive(Clone, Copy, Default)]
struct TagKind {
    separates: bool,
    furniture: bool,
    void: bool,
    pre: bool,
    /// Elements whose content is not markup, with the name that closes them.
    raw: Option<&'static str>,
}

impl TagKind {
    fn of(name: &[u8]) -> TagKind {
        static KINDS: LazyLock<HashMap<&'static [u8], TagKind>> = LazyLock::new(|| {
            let mut kinds: HashMap<&'static [u8], TagKind> = HashMap::new();
            let mut mark = |names: &[&'static str], set: &dyn Fn(&mut TagKind, &'static str)| {
                for n in names {
                    set(kinds.entry(n.as_bytes()).or_default(), n);
                }
            };
            mark(SEPARATED, &|k, _| k.separates = true);
            mark(FURNITURE, &|k, _| k.furniture = true);
            mark(VOID, &|k, _| k.void = true);
            mark(&["pre"], &|k, _| k.pre = true);
            mark(RAW, &|k, n| k.raw = Some(n));
            kinds
        });
        let mut lower = [0u8; 12];
        if name.len() > lower.len() {
            return TagKind::default();
        }
        for (l, c) in lower.iter_mut().zip(name) {
            *l = c.to_ascii_lowercase();
        }
        KINDS.get(&lower[..name.len()]).copied().unwrap_or_default()
    }
}

/// Elements whose content is text to the parser, not tags: scripts, style sheets and inline
/// SVG (dropped, JSON-LD scripts aside), titles and text areas (kept as they are).
const RAW: &[&str] = &["script", "style", "svg", "title", "textarea"];

/// Elements whose whole content Readability removes from the article it keeps (`aside`,
/// `footer`, `iframe`, form controls), or that are never article text (`nav`, `noscript`,
/// `template`). Removed before parsing, they cost neither the parser nor the scoring, and a
/// menu or a sidebar can no longer tip which block is taken for the article.
const FURNITURE: &[&str] = &[
    "nav", "aside", "footer", "noscript", "iframe", "template", "select", "button",
];

/// Elements the text is broken at, before or after them, by the text formatter Readability's
/// text comes from (`dom_query`'s formatted text): whitespace alone between two tags one of
/// which is one of these is never a word space. A third of a news page's bytes after
/// `without_inert` are such indentation, each run a text node for the parser to build and
/// for Readability to walk.
const SEPARATED: &[&str] = &[
    "article",
    "blockquote",
    "section",
    "div",
    "p",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "li",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "html",
    "head",
    "body",
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
    if !hides_something(tag) {
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

/// Whether bytes hold "hidden" or "none", the words every way of hiding an element uses: most
/// tags hold neither and are passed over by two searches (their searchers built once).
fn hides_something(b: &[u8]) -> bool {
    static HIDDEN: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"hidden"));
    static NONE: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"none"));
    HIDDEN.find(b).is_some() || NONE.find(b).is_some()
}

/// The attributes of an opening tag (`<name …>`), each with its value if it has one.
fn attributes(tag: &[u8]) -> impl Iterator<Item = (&[u8], Option<&[u8]>)> {
    attribute_spans(tag).map(|a| (a.name, a.value))
}

/// One attribute of a tag: its name, its value (unquoted) and where the whole of it lies.
struct Attribute<'a> {
    name: &'a [u8],
    value: Option<&'a [u8]>,
    span: std::ops::Range<usize>,
}

fn attribute_spans(tag: &[u8]) -> impl Iterator<Item = Attribute<'_>> {
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
        let mut past = i;
        while past < tag.len() && tag[past].is_ascii_whitespace() {
            past += 1;
        }
        if tag.get(past) != Some(&b'=') {
            return Some(Attribute {
                name,
                value: None,
                span: start..i,
            });
        }
        i = past + 1;
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match tag.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr::memchr(q, &tag[i + 1..]).map_or(tag.len(), |e| i + 1 + e);
                let v = &tag[(i + 1).min(end)..end];
                i = (end + 1).min(tag.len());
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
        Some(Attribute {
            name,
            value: Some(value),
            span: start..i,
        })
    })
}

/// Attributes nothing downstream reads: neither Readability's scoring (class, id, role,
/// href, rel, itemprop, hidden, aria-hidden …) nor the page's metadata (content, property,
/// name, datetime) — scripts' data, event handlers, responsive-image lists, tooltips,
/// inline styles that hide nothing. A sixth of an article page's bytes, each one an
/// attribute the parser would allocate.
fn unread_attribute(a: &Attribute) -> bool {
    let name = a.name;
    let starts = |p: &[u8]| name.len() > p.len() && name[..p.len()].eq_ignore_ascii_case(p);
    let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
    (starts(b"data-") && !is(b"data-src") && !is(b"data-srcset"))
        || (starts(b"on") && name.len() > 4)
        || (starts(b"aria-") && !is(b"aria-hidden") && !is(b"aria-modal"))
        || [
            "srcset", "sizes", "title", "alt", "tabindex", "target", "loading", "decoding",
            "width", "height",
        ]
        .iter()
        .any(|n| is(n.as_bytes()))
        || (is(b"style") && !a.value.is_some_and(hides_something))
}

/// Appends an opening tag without its unread attributes. Spans end at ASCII bytes, so the
/// pieces kept are whole characters.
fn push_read_attributes(out: &mut String, tag: &str) {
    let mut copied = 0;
    for a in attribute_spans(tag.as_bytes()) {
        if unread_attribute(&a) {
            out.push_str(&tag[copied..a.span.start]);
            copied = a.span.end;
        }
    }
    out.push_str(&tag[copied..]);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_svg_and_comments_leave_before_parsing_and_json_ld_stays() {
        let page = "<head><title>On <script> tags</title>\
            <SCRIPT type=text/javascript>if (a < b) { x = '</p>'; }</SCRIPT>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2020-01-02\"}</script>\
            <style>p > a { color: red }</style></head>\
            <body><!-- <p>hidden</p> --><p class='a <script> b'>Kept <svg><text>x</text></svg>text.</p>\
            <textarea><style>not a style</style></textarea><p>Last</p><script>never closed";
        let out = without_inert(page);
        assert_eq!(
            out,
            "<head><title>On <script> tags</title>\
             <script type=\"application/ld+json\">{\"datePublished\":\"2020-01-02\"}</script>\
             </head><body><p class='a <script> b'>Kept text.</p>\
             <textarea><style>not a style</style></textarea><p>Last</p>"
        );
        // Nothing to remove: the page comes back byte for byte.
        let plain = "<p>a &amp; b</p><p>c</p>";
        assert_eq!(without_inert(plain), plain);
    }

    #[test]
    fn whitespace_between_block_tags_leaves_and_word_spaces_stay() {
        let page = "<body>\n  <div class=story>\n    <p>One <b>two</b> <i>three</i></p>\n    \
            <p>Four</p>\n  <ul>\n <li><a>Five</a> <a>six</a></li>\n <li>Seven</li>\n </ul>\n\
            <span>eight</span>\n<span>nine</span>\n<pre>\n  <b>x</b>\n  <b>y</b>\n</pre>\n</div>";
        assert_eq!(
            without_inert(page),
            "<body><div class=story><p>One <b>two</b> <i>three</i></p><p>Four</p><ul>\
             <li><a>Five</a> <a>six</a></li><li>Seven</li></ul><span>eight</span>\n\
             <span>nine</span><pre>\n  <b>x</b>\n  <b>y</b>\n</pre></div>"
        );
    }

    #[test]
    fn attributes_no_one_reads_leave_and_the_rest_stay_as_written() {
        let page = "<div class=\"story\" data-track='{\"a\":1}' style=\"color: red\" \
            onclick=\"go()\" id=main><img srcset=\"a.jpg 1x\" src=a.jpg alt=\"A > B\">\
            <a href=/x aria-label=More title='see more' rel=next>x</a>\
            </div><section style='display: none'>never closed, left for Readability to judge";
        assert_eq!(
            without_inert(page),
            "<div class=\"story\"    id=main><img  src=a.jpg >\
             <a href=/x   rel=next>x</a></div>\
             <section style='display: none'>never closed, left for Readability to judge"
        );
    }

    #[test]
    fn menus_sidebars_footers_and_hidden_blocks_leave_before_parsing() {
        let page = "<nav><ul><li>Home</li></ul></nav><p>One</p>\
            <aside class=a><aside>inner</aside>still aside</aside><p>Two</p>\
            <div hidden><div>menu</div><div>more</div></div><p>Three</p>\
            <div style='color: red; DISPLAY : none'>x</div><div aria-hidden=\"true\">y</div>\
            <FOOTER>© 2024</FOOTER><noscript>Enable JavaScript</noscript>\
            <input type=hidden name=csrf><div aria-hidden=false class=hidden>Four</div>";
        assert_eq!(
            without_inert(page),
            "<p>One</p><p>Two</p><p>Three</p>\
             <input type=hidden name=csrf><div aria-hidden=false class=hidden>Four</div>"
        );
        // Never closed, or holding the page's date or byline: left to the parser.
        let open = "<p>One</p><aside><p>Two</p>";
        assert_eq!(without_inert(open), open);
        let dated = "<aside><span class=author>Ann Lee</span><time datetime=2013-09-29>x</time>\
                     </aside><p>One</p>";
        assert_eq!(without_inert(dated), dated);
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
}
