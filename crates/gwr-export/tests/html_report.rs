//! The annotated report page: one fact span per fact whose text is the fact's quote, issues
//! marked, the whole text kept, headings anchored, nothing loaded from elsewhere.

#[path = "xlsx_common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use gwr_export::html::report_html;

/// An element of the annotated text: its attributes and the text it holds.
#[derive(Debug, Default, Clone)]
struct El {
    attrs: BTreeMap<String, String>,
    text: String,
}

impl El {
    fn class(&self) -> &str {
        self.attrs.get("class").map(String::as_str).unwrap_or("")
    }
    fn has_class(&self, c: &str) -> bool {
        self.class().split(' ').any(|x| x == c)
    }
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.get(k).map(String::as_str)
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn attrs_of(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(' ').next().unwrap_or("").to_string();
        let after = &rest[eq + 2..];
        let close = after.find('"').expect("closing quote");
        out.insert(name, unescape(&after[..close]));
        rest = &after[close + 1..];
    }
    out
}

/// The annotated text (inside `<div id="text">`) as its full text and its span elements in
/// document order.
fn parse_text(html: &str) -> (String, Vec<El>) {
    let start = html.find("<div id=\"text\">").expect("text div") + "<div id=\"text\">".len();
    let end = start + html[start..].find("</div>").expect("end of text div");
    let body = &html[start..end];
    let mut els: Vec<El> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut full = String::new();
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("</span>") {
            open.pop().expect("balanced spans");
            rest = r;
        } else if rest.starts_with("<span") {
            let close = rest.find('>').expect("tag end");
            els.push(El {
                attrs: attrs_of(&rest[..close]),
                text: String::new(),
            });
            open.push(els.len() - 1);
            rest = &rest[close + 1..];
        } else {
            assert!(!rest.starts_with('<'), "unexpected markup: {}", &rest[..20]);
            let next = rest.find('<').unwrap_or(rest.len());
            let t = unescape(&rest[..next]);
            full.push_str(&t);
            for &i in &open {
                els[i].text.push_str(&t);
            }
            rest = &rest[next..];
        }
    }
    assert!(open.is_empty(), "unclosed spans");
    (full, els)
}

/// The text each fact (or issue) marks: its first piece and its continuations, in order.
fn marked(
    els: &[El],
    first: &str,
    id_attr: &str,
    cont: &str,
    of_attr: &str,
) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for e in els {
        if e.has_class(first) {
            let id = e.attr(id_attr).expect("id").to_string();
            assert!(
                out.insert(id, e.text.clone()).is_none(),
                "one first piece per row"
            );
        }
    }
    for e in els {
        if e.has_class(cont) {
            let id = e.attr(of_attr).expect("of");
            out.get_mut(id)
                .expect("continuation after its first piece")
                .push_str(&e.text);
        }
    }
    out
}

#[test]
fn every_fact_is_one_span_whose_text_is_its_quote() {
    let report = common::report();
    let html = report_html(&report, common::TEXT, &common::meta());
    let (full, els) = parse_text(&html);
    // The text is all there (the HTML parser would turn CRLF into LF; the file keeps it).
    assert_eq!(full, common::TEXT);
    let facts = marked(&els, "fact", "data-fact-id", "fact-cont", "data-fact-of");
    assert_eq!(facts.len(), report.facts.len());
    for f in &report.facts {
        assert_eq!(facts.get(&f.fact_id), Some(&f.quote), "{}", f.fact_id);
        let el = els
            .iter()
            .find(|e| e.attr("id") == Some(f.fact_id.as_str()))
            .expect("fact anchor");
        assert!(el.has_class("fact"));
        assert!(el.has_class(&format!(
            "st-{}",
            serde_json::to_value(f.status).unwrap().as_str().unwrap()
        )));
        assert_eq!(el.attr("data-subject"), Some(f.subject.as_str()));
        assert!(el.attr("data-status").is_some());
        let title = el.attr("title").expect("tooltip");
        assert!(
            title.contains(&f.subject) && title.contains("status"),
            "{title}"
        );
    }
    // Only the crossing fact (f0004) needed a second piece.
    let conts: Vec<&str> = els
        .iter()
        .filter(|e| e.has_class("fact-cont"))
        .filter_map(|e| e.attr("data-fact-of"))
        .collect();
    assert_eq!(conts, vec![format!("{}/f0004", common::ID).as_str()]);
    // Facts nest: f0005 inside f0006.
    assert_eq!(html.matches("class=\"fact ").count(), report.facts.len());
}

#[test]
fn issues_are_marked_with_their_reason() {
    let report = common::report();
    let html = report_html(&report, common::TEXT, &common::meta());
    let (_, els) = parse_text(&html);
    let issues = marked(
        &els,
        "issue",
        "data-issue-id",
        "issue-cont",
        "data-issue-of",
    );
    assert_eq!(issues.len(), report.quality_issues.len());
    for q in &report.quality_issues {
        assert_eq!(issues.get(&q.issue_id), Some(&q.quote), "{}", q.issue_id);
        let el = els
            .iter()
            .find(|e| e.attr("data-issue-id") == Some(q.issue_id.as_str()))
            .unwrap();
        assert_eq!(el.attr("data-message-zh"), Some(q.message_zh.as_str()));
        assert_eq!(el.attr("data-message-en"), Some(q.message_en.as_str()));
        assert!(el.attr("title").unwrap().contains(&q.message_en));
    }
    // The fact an issue is about lists it.
    let f1 = els
        .iter()
        .find(|e| e.attr("data-fact-id") == Some(report.facts[0].fact_id.as_str()))
        .unwrap();
    assert_eq!(
        f1.attr("data-issues"),
        Some(report.quality_issues[0].issue_id.as_str())
    );
    assert!(f1.has_class("has-issue"));
}

#[test]
fn headings_are_anchored_and_listed_in_the_contents() {
    let report = common::report();
    let html = report_html(&report, common::TEXT, &common::meta());
    let (_, els) = parse_text(&html);
    for s in &report.sections {
        let el = els
            .iter()
            .find(|e| e.attr("id") == Some(s.section_id.as_str()))
            .expect("heading anchor");
        assert!(el.has_class("heading"));
        assert_eq!(el.text, s.quote);
        assert!(html.contains(&format!("<a href=\"#{}\">", s.section_id)));
    }
    // The facts table links into the text and back.
    for f in &report.facts {
        assert!(html.contains(&format!("<tr id=\"row-{}\"", f.fact_id)));
        assert!(html.contains(&format!("<a href=\"#{}\">", f.fact_id)));
    }
}

#[test]
fn page_is_self_contained_and_escaped() {
    let html = report_html(&common::report(), common::TEXT, &common::meta());
    for bad in ["src=", "<link", "url(", "@import", "<b>不是标签"] {
        assert!(!html.contains(bad), "page contains {bad}");
    }
    // http(s) appears only as the link to the source page, never as an asset.
    for (i, _) in html.match_indices("http") {
        assert!(
            html[..i].ends_with("href=\"") || html[..i].ends_with("\">"),
            "{}",
            &html[i.saturating_sub(30)..i + 10]
        );
    }
    assert!(
        html.contains("不是标签&lt;/b&gt; &amp; &quot;引号&quot;") && html.contains("。&lt;b&gt;")
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<script>") && html.contains("<style>"));
}

#[test]
fn rows_that_do_not_fit_the_text_are_reported_not_placed() {
    let mut report = common::report();
    report.facts[0].start = 10_000;
    report.facts[0].end = 10_005;
    report.quality_issues[2].start = 9;
    report.quality_issues[2].end = 3;
    let html = report_html(&report, common::TEXT, &common::meta());
    let (full, els) = parse_text(&html);
    assert_eq!(full, common::TEXT);
    assert_eq!(
        els.iter().filter(|e| e.has_class("fact")).count(),
        report.facts.len() - 1
    );
    assert!(html.contains(&report.facts[0].fact_id) && html.contains("class=\"warn\""));
}

#[test]
fn deterministic() {
    let a = report_html(&common::report(), common::TEXT, &common::meta());
    let b = report_html(&common::report(), common::TEXT, &common::meta());
    assert_eq!(a, b);
}
