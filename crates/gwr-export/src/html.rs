//! The annotated report page (`report.html` in a release): the report text with every fact
//! highlighted and every suspect spot marked, a table of contents by section, and tables of all
//! facts and quality issues that link into the text.
//!
//! The page is one self-contained file — inline CSS and JavaScript, no fonts, images or scripts
//! from elsewhere — so it works offline straight out of the release zip.
//!
//! The text is laid out from the code-point offsets of the `sections`, `facts` and
//! `quality_issues` rows. Spans nest: headings outermost, then facts, then issues. A fact is
//! never split unless it crosses another fact; an issue (or heading) that crosses a fact is cut
//! into pieces around it. The first piece of a fact is `<span class="fact" id="<fact_id>"
//! data-fact-id=…>` and holds the fact's data in `data-*` attributes and a `title` tooltip; any
//! further pieces are `<span class="fact-cont" data-fact-of=…>`. Issues are `<span
//! class="issue" data-issue-id=…>` and `<span class="issue-cont" data-issue-of=…>`. A row whose
//! offsets do not fit the text is not placed in the text, and the page says so.
//!
//! An inline script sets `data-fact-count` and `data-issue-count` on `<body>` (the number of
//! fact and issue spans in the rendered text) and `data-fact-mismatch` (how many facts' marked
//! text differs from the quote in the facts table), so a headless browser can check the page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use gwr_model::{Fact, QualityIssue, Report, Section, Status};
use serde::Serialize;

use crate::PackageMeta;

/// The page's file name: `report.html` when the release has one report, else
/// `report-<report_id>.html`.
pub fn report_page_name(report_id: &str, report_count: usize) -> String {
    if report_count <= 1 {
        "report.html".to_string()
    } else {
        format!("report-{report_id}.html")
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The serde name of an enum value (`actual`, `CNY`, …).
fn name_of<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Actual => "实际 actual",
        Status::Target => "目标 target",
        Status::Forecast => "预计 forecast",
    }
}

fn value_text(f: &Fact) -> String {
    match f.value_max {
        Some(max) => format!("{}–{}", f.value, max),
        None => f.value.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Heading,
    Fact,
    Issue,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    kind: Kind,
    /// Index into the report's rows of that kind.
    idx: usize,
    start: usize,
    end: usize,
}

impl Item {
    /// Nesting order: headings outside facts outside issues; among the same kind, the one that
    /// starts first (and, at the same start, the longer) is outside.
    fn key(&self) -> (Kind, usize, std::cmp::Reverse<usize>, usize) {
        (self.kind, self.start, std::cmp::Reverse(self.end), self.idx)
    }
}

/// Code-point range of a row as `usize`, when it fits a text of `len` code points.
fn range(start: u64, end: u64, len: usize) -> Option<(usize, usize)> {
    let s = usize::try_from(start).ok()?;
    let e = usize::try_from(end).ok()?;
    (s <= e && e <= len).then_some((s, e))
}

struct Page<'a> {
    report: &'a Report,
    /// Issues of each fact, by fact id.
    fact_issues: BTreeMap<&'a str, Vec<&'a QualityIssue>>,
}

impl<'a> Page<'a> {
    fn open_tag(&self, item: &Item, first: bool) -> String {
        match item.kind {
            Kind::Heading => {
                let s: Option<&Section> = self.report.sections.get(item.idx);
                let level = s.map(|s| s.level).unwrap_or(1);
                match (first, s) {
                    (true, Some(s)) => format!(
                        "<span class=\"heading lvl-{level}\" id=\"{}\">",
                        escape(&s.section_id)
                    ),
                    _ => format!("<span class=\"heading lvl-{level}\">"),
                }
            }
            Kind::Fact => {
                let Some(f) = self.report.facts.get(item.idx) else {
                    return "<span>".into();
                };
                let status = name_of(&f.status);
                if !first {
                    return format!(
                        "<span class=\"fact-cont st-{status}\" data-fact-of=\"{}\">",
                        escape(&f.fact_id)
                    );
                }
                let issues: Vec<&str> = self
                    .fact_issues
                    .get(f.fact_id.as_str())
                    .map(|v| v.iter().map(|i| i.issue_id.as_str()).collect())
                    .unwrap_or_default();
                let mut tag = format!(
                    "<span class=\"fact st-{status}{}\" id=\"{id}\" data-fact-id=\"{id}\" tabindex=\"0\"",
                    if issues.is_empty() { "" } else { " has-issue" },
                    id = escape(&f.fact_id)
                );
                let mut attr = |k: &str, v: &str| {
                    let _ = write!(tag, " data-{k}=\"{}\"", escape(v));
                };
                attr("subject", &f.subject);
                attr("value", &value_text(f));
                attr("unit", &name_of(&f.unit));
                attr("value-raw", &f.value_raw);
                attr("unit-raw", f.unit_raw.as_deref().unwrap_or(""));
                attr("status", &status);
                attr(
                    "period",
                    &f.period.map(|p| p.to_string()).unwrap_or_default(),
                );
                attr("indicator", f.indicator.as_deref().unwrap_or(""));
                attr("measure", &name_of(&f.measure));
                attr("qualifier", &name_of(&f.qualifier));
                attr("relates-to", f.relates_to.as_deref().unwrap_or(""));
                attr("issues", &issues.join(" "));
                let _ = write!(tag, " title=\"{}\">", escape(&fact_tooltip(f)));
                tag
            }
            Kind::Issue => {
                let Some(q) = self.report.quality_issues.get(item.idx) else {
                    return "<span>".into();
                };
                let sev = name_of(&q.severity);
                if !first {
                    return format!(
                        "<span class=\"issue-cont sev-{sev}\" data-issue-of=\"{}\" title=\"{}\">",
                        escape(&q.issue_id),
                        escape(&issue_tooltip(q))
                    );
                }
                format!(
                    "<span class=\"issue sev-{sev}\" id=\"{id}\" data-issue-id=\"{id}\" data-code=\"{}\" data-severity=\"{sev}\" data-message-zh=\"{}\" data-message-en=\"{}\" tabindex=\"0\" title=\"{}\">",
                    escape(q.code.as_str()),
                    escape(&q.message_zh),
                    escape(&q.message_en),
                    escape(&issue_tooltip(q)),
                    id = escape(&q.issue_id),
                )
            }
        }
    }
}

fn fact_tooltip(f: &Fact) -> String {
    let mut t = format!(
        "{}\n数值 value: {} {}",
        f.subject,
        value_text(f),
        name_of(&f.unit)
    );
    let _ = write!(
        t,
        " ({}{})",
        f.value_raw,
        f.unit_raw.as_deref().unwrap_or("")
    );
    let _ = write!(t, "\n状态 status: {}", status_label(f.status));
    if let Some(p) = f.period {
        let _ = write!(t, "\n年度 period: {p}");
    }
    if let Some(i) = &f.indicator {
        let _ = write!(t, "\n指标 indicator: {i}");
    }
    let _ = write!(
        t,
        "\n度量 measure: {} · 限定 qualifier: {}",
        name_of(&f.measure),
        name_of(&f.qualifier)
    );
    t
}

fn issue_tooltip(q: &QualityIssue) -> String {
    format!(
        "⚠ {} ({})\n{}\n{}",
        name_of(&q.severity),
        q.code,
        q.message_zh,
        q.message_en
    )
}

/// The report text as HTML with headings, facts and issues marked. Returns the HTML and the
/// rows that could not be placed (their offsets do not fit the text).
fn annotated_text(page: &Page<'_>, text: &str) -> (String, Vec<String>) {
    let report = page.report;
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let len = bytes_at.len() - 1;
    let mut items = Vec::new();
    let mut unplaced = Vec::new();
    for (idx, s) in report.sections.iter().enumerate() {
        match range(s.start, s.end, len) {
            Some((start, end)) => items.push(Item {
                kind: Kind::Heading,
                idx,
                start,
                end,
            }),
            None => unplaced.push(s.section_id.clone()),
        }
    }
    for (idx, f) in report.facts.iter().enumerate() {
        match range(f.start, f.end, len) {
            Some((start, end)) => items.push(Item {
                kind: Kind::Fact,
                idx,
                start,
                end,
            }),
            None => unplaced.push(f.fact_id.clone()),
        }
    }
    for (idx, q) in report.quality_issues.iter().enumerate() {
        match range(q.start, q.end, len) {
            Some((start, end)) => items.push(Item {
                kind: Kind::Issue,
                idx,
                start,
                end,
            }),
            None => unplaced.push(q.issue_id.clone()),
        }
    }
    items.sort_by_key(Item::key);

    let mut bounds: Vec<usize> = vec![0, len];
    for it in &items {
        bounds.push(it.start);
        bounds.push(it.end);
    }
    bounds.sort_unstable();
    bounds.dedup();

    let slice = |a: usize, b: usize| -> &str {
        match (bytes_at.get(a), bytes_at.get(b)) {
            (Some(&x), Some(&y)) => text.get(x..y).unwrap_or(""),
            _ => "",
        }
    };

    let mut out = String::with_capacity(text.len() * 2);
    let mut stack: Vec<usize> = Vec::new(); // indices into `items`
    let mut started = vec![false; items.len()];
    let emit_open = |out: &mut String, i: usize, started: &mut Vec<bool>| {
        if let (Some(it), Some(s)) = (items.get(i), started.get_mut(i)) {
            out.push_str(&page.open_tag(it, !*s));
            *s = true;
        }
    };
    for (bi, &p) in bounds.iter().enumerate() {
        let next = bounds.get(bi + 1).copied();
        // The items covering the segment [p, next), outermost first.
        let desired: Vec<usize> = match next {
            Some(q) => items
                .iter()
                .enumerate()
                .filter(|(_, it)| it.start < it.end && it.start <= p && it.end >= q)
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        let common = stack
            .iter()
            .zip(&desired)
            .take_while(|(a, b)| a == b)
            .count();
        while stack.len() > common {
            stack.pop();
            out.push_str("</span>");
        }
        // Empty items at p: a marker with no text.
        for (i, it) in items.iter().enumerate() {
            if it.start == p && it.end == p {
                emit_open(&mut out, i, &mut started);
                out.push_str("</span>");
            }
        }
        for &i in desired.iter().skip(common) {
            emit_open(&mut out, i, &mut started);
            stack.push(i);
        }
        if let Some(q) = next {
            out.push_str(&escape(slice(p, q)));
        }
    }
    for _ in stack {
        out.push_str("</span>");
    }
    (out, unplaced)
}

const CSS: &str = r#"
:root { --actual:#ffe58a; --target:#b9dcff; --forecast:#e0cffc; --issue:#d62728; --ink:#1d232a; --muted:#5f6b77; --line:#d8dee4; }
* { box-sizing:border-box; }
body { margin:0; color:var(--ink); background:#fbfbf8; font:16px/1.75 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",system-ui,sans-serif; }
header.top { padding:1.2rem 2rem 0.8rem; background:#fff; border-bottom:1px solid var(--line); }
header.top h1 { margin:0 0 .3rem; font-size:1.5rem; line-height:1.3; }
.meta { color:var(--muted); font-size:.9rem; margin:0; }
.legend { margin:.6rem 0 0; font-size:.85rem; display:flex; flex-wrap:wrap; gap:.4rem 1rem; align-items:center; }
.legend span.sw { padding:0 .4em; border-radius:3px; }
.layout { display:grid; grid-template-columns:minmax(12rem,18rem) minmax(0,1fr); gap:0 2rem; padding:0 2rem; }
nav.toc { position:sticky; top:0; align-self:start; max-height:100vh; overflow:auto; padding:1rem 0; font-size:.88rem; }
nav.toc h2, section h2 { font-size:1rem; margin:.2rem 0 .5rem; }
nav.toc ol { list-style:none; margin:0; padding:0; }
nav.toc li { margin:.15rem 0; }
nav.toc li.lvl-2 { padding-left:1em; } nav.toc li.lvl-3 { padding-left:2em; }
nav.toc a { color:#0b4f8a; text-decoration:none; } nav.toc a:hover { text-decoration:underline; }
main { min-width:0; padding:1rem 0 3rem; }
#text { white-space:pre-wrap; overflow-wrap:anywhere; background:#fff; border:1px solid var(--line); border-radius:6px; padding:1.2rem 1.5rem; max-width:52rem; }
.heading { font-weight:700; color:#12355b; scroll-margin-top:1rem; }
.heading.lvl-1 { font-size:1.2em; }
.fact, .fact-cont { border-radius:3px; padding:0 1px; cursor:pointer; scroll-margin-top:4rem; }
.st-actual { background:var(--actual); } .st-target { background:var(--target); } .st-forecast { background:var(--forecast); }
.fact .fact, .fact .fact-cont { outline:1px solid #6b7785; }
.fact:hover, .fact:focus { outline:2px solid #333; }
.fact:target, .fact.sel, .issue:target, .issue.sel { outline:3px solid #e8590c; }
.fact:empty::before { content:"◆"; color:#e8590c; }
.issue, .issue-cont { text-decoration:underline wavy var(--issue); text-decoration-skip-ink:none; text-underline-offset:3px; cursor:help; }
.issue.sev-info, .issue-cont.sev-info { text-decoration-color:#1f77b4; }
.issue.sev-warning, .issue-cont.sev-warning { text-decoration-color:#e8590c; }
.sw-issue { text-decoration:underline wavy var(--issue); text-underline-offset:3px; }
.issue:empty::before { content:"⚠"; color:var(--issue); }
#details { position:fixed; right:1rem; bottom:1rem; width:min(26rem,calc(100vw - 2rem)); max-height:70vh; overflow:auto; background:#fff; border:1px solid #9aa5b1; border-radius:8px; box-shadow:0 6px 24px rgba(0,0,0,.18); padding:.8rem 1rem; font-size:.9rem; z-index:10; }
#details[hidden] { display:none; }
#details h3 { margin:0 2rem .4rem 0; font-size:1rem; }
#details dl { display:grid; grid-template-columns:max-content 1fr; gap:.15rem .8rem; margin:0 0 .5rem; }
#details dt { color:var(--muted); } #details dd { margin:0; overflow-wrap:anywhere; }
#details .close { position:absolute; top:.4rem; right:.5rem; border:0; background:none; font-size:1.2rem; cursor:pointer; }
#details .issue-box { border-left:3px solid var(--issue); padding-left:.6rem; margin:.4rem 0; }
table.data { border-collapse:collapse; width:100%; font-size:.85rem; background:#fff; }
table.data th, table.data td { border:1px solid var(--line); padding:.25rem .45rem; vertical-align:top; text-align:left; }
table.data th { background:#eef3f8; position:sticky; top:0; }
table.data td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
table.data tr:target { outline:3px solid #e8590c; }
table.data td.st { white-space:nowrap; }
section.tables { margin-top:2rem; max-width:80rem; }
.warn { color:#a61e1e; }
footer { color:var(--muted); font-size:.8rem; padding:1rem 2rem 2rem; border-top:1px solid var(--line); }
@media (max-width:800px) { .layout { grid-template-columns:1fr; padding:0 .8rem; } nav.toc { position:static; max-height:none; } }
"#;

const JS: &str = r#"
(function () {
  var text = document.getElementById('text');
  var facts = text.querySelectorAll('.fact');
  var issues = text.querySelectorAll('.issue');
  var rest = {};
  text.querySelectorAll('.fact-cont').forEach(function (c) {
    var id = c.getAttribute('data-fact-of');
    rest[id] = (rest[id] || '') + c.textContent;
  });
  var mismatch = 0;
  facts.forEach(function (f) {
    var id = f.getAttribute('data-fact-id');
    var row = document.getElementById('row-' + id);
    var q = row ? row.querySelector('.quote') : null;
    if (!q || q.textContent !== f.textContent + (rest[id] || '')) { mismatch++; }
  });
  document.body.setAttribute('data-fact-count', String(facts.length));
  document.body.setAttribute('data-issue-count', String(issues.length));
  document.body.setAttribute('data-fact-mismatch', String(mismatch));

  var panel = document.getElementById('details');
  var selected = [];
  function el(tag, cls, txt) { var e = document.createElement(tag); if (cls) e.className = cls; if (txt != null) e.textContent = txt; return e; }
  function row(dl, k, v) { if (v == null || v === '') return; dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); }
  function link(href, label) { var a = el('a', null, label); a.href = href; return a; }
  var statusLabel = { actual: '实际 actual', target: '目标 target', forecast: '预计 forecast' };
  function issueBox(q) {
    var box = el('div', 'issue-box');
    box.appendChild(el('strong', null, '⚠ ' + q.getAttribute('data-severity') + ' · ' + q.getAttribute('data-code')));
    box.appendChild(el('div', null, q.getAttribute('data-message-zh')));
    box.appendChild(el('div', null, q.getAttribute('data-message-en')));
    box.appendChild(link('#issue-row-' + q.getAttribute('data-issue-id'), '→ 问题表 issues table'));
    return box;
  }
  function show(target) {
    selected.forEach(function (s) { s.classList.remove('sel'); });
    selected = [];
    var body = panel.querySelector('.body');
    body.textContent = '';
    var f = target.closest('.fact, .fact-cont');
    if (f && f.classList.contains('fact-cont')) { f = document.getElementById(f.getAttribute('data-fact-of')); }
    var seen = {};
    if (f) {
      f.classList.add('sel'); selected.push(f);
      var d = f.dataset;
      body.appendChild(el('h3', null, '事实 Fact: ' + d.subject));
      var dl = el('dl');
      row(dl, '原文 quote', f.textContent + (rest[d.factId] || ''));
      row(dl, '数值 value', d.value + ' ' + d.unit);
      row(dl, '原文数字 as written', d.valueRaw + d.unitRaw);
      row(dl, '状态 status', statusLabel[d.status] || d.status);
      row(dl, '年度 period', d.period);
      row(dl, '指标 indicator', d.indicator);
      row(dl, '度量 measure', d.measure);
      row(dl, '限定 qualifier', d.qualifier);
      row(dl, '关联 relates to', d.relatesTo);
      row(dl, '标识 id', d.factId);
      body.appendChild(dl);
      body.appendChild(link('#row-' + d.factId, '→ 事实表 facts table'));
      (d.issues ? d.issues.split(' ') : []).forEach(function (id) {
        var q = document.getElementById(id);
        if (q && !seen[id]) { seen[id] = 1; body.appendChild(issueBox(q)); }
      });
    }
    for (var n = target; n && n !== text; n = n.parentElement) {
      if (n.classList && (n.classList.contains('issue') || n.classList.contains('issue-cont'))) {
        var id = n.getAttribute('data-issue-id') || n.getAttribute('data-issue-of');
        var q = document.getElementById(id);
        if (q && !seen[id]) { seen[id] = 1; if (!f) { body.appendChild(el('h3', null, '可疑之处 Suspect spot')); } body.appendChild(issueBox(q)); q.classList.add('sel'); selected.push(q); }
      }
    }
    panel.hidden = body.childNodes.length === 0;
  }
  text.addEventListener('click', function (e) {
    if (e.target.closest('.fact, .fact-cont, .issue, .issue-cont')) { show(e.target); }
  });
  text.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.closest('.fact, .issue')) { e.preventDefault(); show(e.target); }
  });
  panel.querySelector('.close').addEventListener('click', function () {
    panel.hidden = true;
    selected.forEach(function (s) { s.classList.remove('sel'); });
  });
})();
"#;

/// The annotated page of one report. `text` is the source text the report's offsets count
/// into; `meta` names the package in the footer.
pub fn report_html(report: &Report, text: &str, meta: &PackageMeta) -> String {
    let mut fact_issues: BTreeMap<&str, Vec<&QualityIssue>> = BTreeMap::new();
    for q in &report.quality_issues {
        if let Some(f) = &q.fact_id {
            fact_issues.entry(f.as_str()).or_default().push(q);
        }
    }
    let page = Page {
        report,
        fact_issues,
    };
    let (body, unplaced) = annotated_text(&page, text);
    let row = report.report.as_ref();
    let title = row
        .map(|r| r.title.clone())
        .unwrap_or_else(|| "Report 报告".to_string());
    let lang = row
        .map(|r| r.language.clone())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "zh".into());

    let mut h = String::with_capacity(body.len() * 2 + 20_000);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"gwr-export {}\">\n<title>{} · 标注版 annotated</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(&lang),
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );

    // Header: title, metadata, counts, legend.
    let _ = write!(
        h,
        "<header class=\"top\">\n<h1>{}</h1>\n<p class=\"meta\">",
        escape(&title)
    );
    if let Some(r) = row {
        let mut parts = vec![format!(
            "{} {} · {}",
            escape(&r.place_zh),
            escape(&r.place_en),
            r.report_year
                .map_or_else(|| "?".to_string(), |y| y.to_string())
        )];
        if let Some(d) = &r.delivered_date {
            parts.push(format!("报告日期 delivered {}", escape(d)));
        }
        if let Some(s) = &r.speaker {
            parts.push(format!(
                "报告人 speaker {}{}",
                escape(s),
                r.speaker_title
                    .as_ref()
                    .map(|t| format!("({})", escape(t)))
                    .unwrap_or_default()
            ));
        }
        if let Some(u) = &r.source_url {
            parts.push(format!(
                "来源 source <a href=\"{u}\" rel=\"noopener\">{u}</a>",
                u = escape(u)
            ));
        }
        parts.push(format!("<code>{}</code>", escape(&r.report_id)));
        h.push_str(&parts.join(" · "));
    }
    let _ = write!(
        h,
        "</p>\n<p class=\"meta\">{} 个事实 facts · {} 处可疑 suspect spots · {} 个目标 targets. 点击高亮处查看详情 Click a highlight for details; hover for a summary.</p>\n",
        report.facts.len(),
        report.quality_issues.len(),
        report.targets.len()
    );
    h.push_str("<p class=\"legend\">图例 Legend: <span class=\"sw st-actual\">实际 actual</span><span class=\"sw st-target\">目标 target</span><span class=\"sw st-forecast\">预计 forecast</span><span class=\"sw-issue\">可疑 suspect (wavy underline)</span><span class=\"heading\">章节标题 heading</span></p>\n</header>\n");

    // Table of contents.
    h.push_str("<div class=\"layout\">\n<nav class=\"toc\" aria-label=\"目录 Contents\">\n<h2>目录 Contents</h2>\n<ol>\n");
    let mut sections: Vec<&Section> = report.sections.iter().collect();
    sections.sort_by_key(|s| s.start);
    for s in sections {
        let label = format!("{}{}", s.marker.as_deref().unwrap_or(""), s.title);
        let _ = writeln!(
            h,
            "<li class=\"lvl-{}\"><a href=\"#{}\">{}</a></li>",
            s.level,
            escape(&s.section_id),
            escape(&label)
        );
    }
    h.push_str("<li><a href=\"#facts\">事实表 Facts table</a></li>\n<li><a href=\"#issues\">问题表 Quality issues</a></li>\n</ol>\n</nav>\n<main>\n");

    if !unplaced.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"warn\">{} 行的偏移超出原文,未在正文中标出 rows whose offsets do not fit the text are not marked: {}</p>",
            unplaced.len(),
            escape(&unplaced.join(", "))
        );
    }
    h.push_str("<h2>原文 Text</h2>\n<div id=\"text\">");
    h.push_str(&body);
    h.push_str("</div>\n");

    // Facts table.
    h.push_str("<section class=\"tables\" id=\"facts\">\n<h2>事实表 Facts</h2>\n<table class=\"data\">\n<thead><tr><th>#</th><th>原文 quote</th><th>对象 subject</th><th>数值 value</th><th>单位 unit</th><th>状态 status</th><th>年度 period</th><th>指标 indicator</th><th>度量 measure</th><th>限定 qualifier</th><th>问题 issues</th></tr></thead>\n<tbody>\n");
    let short = |id: &str| id.rsplit('/').next().unwrap_or(id).to_string();
    for f in &report.facts {
        let issues = page
            .fact_issues
            .get(f.fact_id.as_str())
            .map(|v| {
                v.iter()
                    .map(|q| {
                        format!(
                            "<a href=\"#{}\">{}</a>",
                            escape(&q.issue_id),
                            escape(&short(&q.issue_id))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<tr id=\"row-{id}\" class=\"st-row-{st}\"><td><a href=\"#{id}\">{}</a></td><td class=\"quote\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}{}</td><td class=\"st\"><span class=\"sw st-{st}\">{}</span></td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&short(&f.fact_id)),
            escape(&f.quote),
            escape(&f.subject),
            escape(&value_text(f)),
            escape(&name_of(&f.unit)),
            f.unit_raw
                .as_ref()
                .map(|u| format!(" <small>({})</small>", escape(u)))
                .unwrap_or_default(),
            status_label(f.status),
            f.period.map(|p| p.to_string()).unwrap_or_default(),
            escape(f.indicator.as_deref().unwrap_or("")),
            escape(&name_of(&f.measure)),
            escape(&name_of(&f.qualifier)),
            issues,
            id = escape(&f.fact_id),
            st = name_of(&f.status),
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");

    // Issues table.
    h.push_str("<section class=\"tables\" id=\"issues\">\n<h2>问题表 Quality issues</h2>\n");
    if report.quality_issues.is_empty() {
        h.push_str("<p>无 None.</p>\n");
    } else {
        h.push_str("<table class=\"data\">\n<thead><tr><th>#</th><th>严重程度 severity</th><th>代码 code</th><th>原文 quote</th><th>说明 message</th><th>事实 fact</th></tr></thead>\n<tbody>\n");
        for q in &report.quality_issues {
            let fact = q
                .fact_id
                .as_ref()
                .map(|f| format!("<a href=\"#{}\">{}</a>", escape(f), escape(&short(f))))
                .unwrap_or_default();
            let _ = writeln!(
                h,
                "<tr id=\"issue-row-{id}\"><td><a href=\"#{id}\">{}</a></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}<br>{}</td><td>{}</td></tr>",
                escape(&short(&q.issue_id)),
                escape(&name_of(&q.severity)),
                escape(q.code.as_str()),
                escape(&q.quote),
                escape(&q.message_zh),
                escape(&q.message_en),
                fact,
                id = escape(&q.issue_id),
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n</main>\n</div>\n");

    let _ = write!(
        h,
        "<aside id=\"details\" hidden aria-live=\"polite\"><button class=\"close\" type=\"button\" aria-label=\"关闭 close\">×</button><div class=\"body\"></div></aside>\n<footer>{} {} · {} · {}. 偏移量以原文的 Unicode 码位计 Offsets count Unicode code points into the source text.</footer>\n<script>{JS}</script>\n</body>\n</html>\n",
        escape(&meta.name),
        escape(&meta.version),
        escape(&meta.title_zh),
        meta.licenses
            .iter()
            .map(|l| escape(&l.name))
            .collect::<Vec<_>>()
            .join(", "),
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn page_names() {
        assert_eq!(report_page_name("x-2024", 1), "report.html");
        assert_eq!(report_page_name("x-2024", 2), "report-x-2024.html");
    }
}
