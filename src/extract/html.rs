//! HTML input: the release text of a web page, without its navigation.
//!
//! A small hand-written reader rather than a full HTML5 parser (no HTML crate is in the
//! dependency tree, and `scraper`/`html5ever` would add some twenty crates to build): the
//! extractor only needs the readable text in reading order, block elements as line breaks,
//! character references decoded, and the page furniture left out. The rules:
//!
//! - `<main>`, else `<article>`, else `<body>` (else the whole page) holds the release;
//! - `script`, `style`, `nav`, `header`, `footer`, `aside`, `form`, `noscript`, `svg`, `figure`,
//!   `iframe`, `template`, `button`, `select` and any element whose `id` or `class` names
//!   navigation (`nav`, `menu`, `breadcrumb`, `footer`, `sidebar`, `cookie`, `share`, `skip`)
//!   are skipped with everything inside them;
//! - block elements (`p`, `div`, `h1`-`h6`, `li`, `br`, `tr`, ...) end a line; a blank line
//!   separates paragraphs;
//! - the page's `<link rel="canonical">` or `og:url`, its publication date (`<time datetime>`,
//!   `article:published_time`, `date` meta tags) and `og:site_name` become the text's metadata
//!   header (`source:`, `date:`, `publisher:`), the form [`crate::text`] reads.

/// Elements skipped with their content.
const SKIPPED: [&str; 15] = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "figure",
    "iframe", "template", "button", "select", "head",
];
/// Words in an `id` or `class` that mark page furniture.
const FURNITURE: [&str; 9] = [
    "nav",
    "menu",
    "breadcrumb",
    "footer",
    "sidebar",
    "cookie",
    "share",
    "skip",
    "banner",
];
/// Elements that end a line.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "blockquote",
    "dd",
    "dt",
    "hr",
    "pre",
    "address",
    "body",
    "title",
    "dl",
    "caption",
    "center",
];
/// Elements with no end tag.
const VOID: [&str; 8] = ["br", "hr", "img", "meta", "link", "input", "wbr", "source"];

/// Whether bytes look like an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<head")))
}

/// One tag as read.
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attributes: &'a str,
}

/// The readable text of an HTML page, with a metadata header when the page states any.
pub fn html_to_text(html: &str) -> String {
    let header = metadata(html);
    let lower = html.to_ascii_lowercase();
    let region = ["<main", "<article", "<body"]
        .iter()
        .find_map(|open| region_of(html, &lower, open))
        .unwrap_or(html);
    let mut body = String::with_capacity(region.len() / 2);
    read_text(region, &mut body);
    let body = tidy(&body);
    if header.is_empty() {
        body
    } else {
        format!("{header}\n{body}")
    }
}

/// The element that starts with `open` (`<main`), from its start tag to its end tag.
fn region_of<'a>(html: &'a str, lower: &str, open: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = lower[from..].find(open) {
        let start = from + at;
        let next = lower.as_bytes().get(start + open.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            let close = format!("</{}", &open[1..]);
            let end = lower[start..]
                .rfind(&close)
                .map_or(html.len(), |e| start + e);
            let inner_start = lower[start..].find('>').map_or(start, |e| start + e + 1);
            return Some(&html[inner_start.min(end)..end]);
        }
        from = start + open.len();
    }
    None
}

fn parse_tag(inner: &str) -> Tag<'_> {
    let closing = inner.starts_with('/');
    let rest = inner.trim_start_matches('/');
    let name_end = rest
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    Tag {
        name: rest[..name_end].to_ascii_lowercase(),
        closing,
        self_closing: inner.ends_with('/'),
        attributes: &rest[name_end..],
    }
}

/// The value of an attribute in a tag's attribute text.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let lower = attributes.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = lower[start + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let offset = attributes.len() - rest.len() + 1;
            let value = attributes[offset..].trim_start();
            let (quote, body) = match value.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
                _ => (None, value),
            };
            let end = match quote {
                Some(q) => body.find(q).unwrap_or(body.len()),
                None => body
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(body.len()),
            };
            return Some(decode_entities(&body[..end]));
        }
        from = start + name.len();
    }
    None
}

fn is_furniture(tag: &Tag<'_>) -> bool {
    if SKIPPED.contains(&tag.name.as_str()) {
        return true;
    }
    ["id", "class", "role"].iter().any(|a| {
        attribute(tag.attributes, a).is_some_and(|v| {
            v.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| FURNITURE.contains(&w) || w == "navigation")
        })
    })
}

/// Appends the text of an HTML fragment, skipping furniture.
fn read_text(html: &str, out: &mut String) {
    let mut rest = html;
    // Names of the open elements being skipped (innermost last).
    let mut skipping: Vec<String> = Vec::new();
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skipping.is_empty() {
                push_text(rest, out);
            }
            break;
        };
        if skipping.is_empty() {
            push_text(&rest[..lt], out);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = parse_tag(&rest[1..gt]);
        rest = &rest[gt + 1..];
        if tag.name.is_empty()
            || !tag
                .name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
        {
            if skipping.is_empty() {
                push_text("<", out);
            }
            continue;
        }
        if matches!(tag.name.as_str(), "script" | "style") && !tag.closing {
            // Raw text: skip to the end tag.
            let close = format!("</{}", tag.name);
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).map_or("", |e| {
                let after = &rest[e..];
                after.find('>').map_or("", |g| &after[g + 1..])
            });
            continue;
        }
        let void = VOID.contains(&tag.name.as_str()) || tag.self_closing;
        if let Some(open) = skipping.last() {
            if tag.closing && *open == tag.name {
                skipping.pop();
            } else if !tag.closing && !void && tag.name == *open {
                skipping.push(tag.name.clone());
            }
            continue;
        }
        if !tag.closing && !void && is_furniture(&tag) {
            skipping.push(tag.name.clone());
            continue;
        }
        if BLOCKS.contains(&tag.name.as_str()) {
            let paragraph = matches!(
                tag.name.as_str(),
                "p" | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "table"
                    | "ul"
                    | "ol"
                    | "blockquote"
            );
            out.push_str(if paragraph { "\n\n" } else { "\n" });
            if tag.name == "li" && !tag.closing {
                out.push_str("- ");
            }
        } else if matches!(tag.name.as_str(), "td" | "th") {
            out.push(' ');
        }
    }
}

fn push_text(raw: &str, out: &mut String) {
    if raw.is_empty() {
        return;
    }
    let decoded = decode_entities(raw);
    let mut space = out.ends_with(|c: char| c.is_whitespace()) || out.is_empty();
    for c in decoded.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// Lines trimmed, runs of blank lines collapsed to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !blank {
                out.push('\n');
                blank = true;
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
        blank = false;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The page's own metadata as a `key: value` header (empty when it states none).
fn metadata(html: &str) -> String {
    let mut url = None;
    let mut date = None;
    let mut publisher = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let Some(gt) = rest.find('>') else { break };
        let tag = parse_tag(&rest[..gt]);
        rest = &rest[gt..];
        match tag.name.as_str() {
            "link" if attribute(tag.attributes, "rel").as_deref() == Some("canonical") => {
                url = url.or_else(|| attribute(tag.attributes, "href"));
            }
            "meta" => {
                let key = attribute(tag.attributes, "property")
                    .or_else(|| attribute(tag.attributes, "name"))
                    .map(|k| k.to_ascii_lowercase());
                let value = attribute(tag.attributes, "content");
                match (key.as_deref(), value) {
                    (Some("og:url"), Some(v)) => url = url.or(Some(v)),
                    (
                        Some(
                            "article:published_time"
                            | "date"
                            | "dcterms.date"
                            | "dc.date"
                            | "pubdate"
                            | "publication_date",
                        ),
                        Some(v),
                    ) => date = date.or(Some(v)),
                    (Some("og:site_name"), Some(v)) => publisher = publisher.or(Some(v)),
                    _ => {}
                }
            }
            "time" => {
                date = date.or_else(|| attribute(tag.attributes, "datetime"));
            }
            _ => {}
        }
    }
    let clean = |v: String| v.replace(['\n', '\r'], " ").trim().to_owned();
    let mut header = String::new();
    for (key, value) in [("source", url), ("publisher", publisher), ("date", date)] {
        if let Some(v) = value.map(clean).filter(|v| !v.is_empty()) {
            header.push_str(&format!("{key}: {v}\n"));
        }
    }
    header
}

/// Decodes character references: numeric ones and the named ones press pages use.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|e| e + 1);
        let Some(end) = end.filter(|&e| rest.as_bytes()[e] == b';' && e > 1) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.and_then(char::from_u32).map(String::from)
        } else {
            named_entity(name).map(String::from)
        };
        match decoded {
            Some(d) => {
                out.push_str(&d);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "rsquo" => "’",
        "lsquo" => "‘",
        "ldquo" => "“",
        "rdquo" => "”",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "copy" => "©",
        "reg" => "®",
        "eacute" => "é",
        "egrave" => "è",
        "auml" => "ä",
        "ouml" => "ö",
        "uuml" => "ü",
        "szlig" => "ß",
        "amacr" => "ā",
        "middot" => "·",
        "bull" => "•",
        "laquo" => "«",
        "raquo" => "»",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_is_dropped_and_blocks_become_lines() {
        let page = r#"<!DOCTYPE html><html><head><title>x</title><link rel="canonical" href="https://example.org/r/1"><meta property="article:published_time" content="2024-03-01"></head>
<body><nav><ul><li>Home</li><li>News</li></ul></nav><div class="breadcrumb">Home &gt; News</div>
<main><h1>Japan and Canada sign an agreement</h1><p>On 1 March, the ministers signed it&nbsp;in Ottawa.</p><p>It&rsquo;s <b>new</b> &amp; good.</p>
<div id="share-links">Share on X</div></main><footer>Contact us</footer></body></html>"#;
        let text = html_to_text(page);
        assert_eq!(
            text,
            "source: https://example.org/r/1\ndate: 2024-03-01\n\nJapan and Canada sign an agreement\n\nOn 1 March, the ministers signed it in Ottawa.\n\nIt’s new & good.\n"
        );
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("a &amp; b &#8211; &#x2019; &bogus; &"),
            "a & b – ’ &bogus; &"
        );
    }
}
