//! A small hand-made report for the workbook, Excel-CSV and report-page tests: headings, facts
//! of every status (one nested in another, two that cross), quality issues that cover, cross
//! and sit between facts, one empty issue, and text that needs escaping.
#![allow(dead_code)]

use gwr_export::{Contributor, License, PackageMeta};
use gwr_model::{
    AdminLevel, Consistency, Fact, Indicator, Measure, Paragraph, ParagraphKind, Qualifier,
    QualityIssue, Report, ReportRow, Section, SectionKind, Severity, Status, Target, Unit,
};

pub const ID: &str = "xx-test-town-2024";

pub const TEXT: &str = "2024年测试镇人民政府工作报告\r\n\r\n各位代表:\n一、2023年工作总结\n全年实现区级财政收入5.87亿元,同比增长14.5%。<b>不是标签</b> & \"引号\" 'x'\n\n二、2024年工作安排\n预期目标:财政收入增长7%左右,约6.3亿元;新增就业岗位1200个。\n";

/// Code-point offsets of the `nth` (0-based) occurrence of `needle` in [`TEXT`].
pub fn span(needle: &str, nth: usize) -> (u64, u64) {
    let (byte, _) = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in the fixture text"));
    let start = TEXT[..byte].chars().count() as u64;
    (start, start + needle.chars().count() as u64)
}

/// `TEXT[start..end]` in code points.
pub fn quote(start: u64, end: u64) -> String {
    TEXT.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

pub fn meta() -> PackageMeta {
    PackageMeta {
        name: "gwr-test".into(),
        version: "1.2.3".into(),
        title_en: "Test package".into(),
        title_zh: "测试数据包".into(),
        description_en: "A test.".into(),
        description_zh: "测试。".into(),
        homepage: "https://example.invalid/gwr".into(),
        created: "2026-11-27T00:00:00Z".into(),
        keywords: vec!["test".into()],
        licenses: vec![License {
            name: "CC-BY-4.0".into(),
            path: "https://creativecommons.org/licenses/by/4.0/".into(),
            title: "CC BY 4.0".into(),
        }],
        contributors: vec![Contributor {
            title: "gwr contributors".into(),
            roles: vec!["creator".into()],
            path: None,
        }],
    }
}

fn fact(
    n: usize,
    needle: &str,
    nth: usize,
    value: f64,
    unit: Unit,
    status: Status,
    period: Option<i32>,
) -> Fact {
    let (start, end) = span(needle, nth);
    Fact {
        fact_id: format!("{ID}/f{n:04}"),
        report_id: ID.into(),
        section_id: Some(format!("{ID}/s1")),
        paragraph_id: format!("{ID}/p0003"),
        subject: "区级财政收入".into(),
        indicator: Some("fiscal_revenue".into()),
        value,
        unit,
        value_max: None,
        value_raw: needle.into(),
        unit_raw: Some("亿元".into()),
        measure: Measure::Level,
        status,
        period,
        qualifier: Qualifier::Exact,
        relates_to: None,
        start,
        end,
        quote: quote(start, end),
    }
}

fn issue(n: usize, start: u64, end: u64, fact_id: Option<String>) -> QualityIssue {
    QualityIssue {
        issue_id: format!("{ID}/q{n:03}"),
        report_id: ID.into(),
        fact_id,
        paragraph_id: None,
        severity: Severity::Warning,
        code: gwr_model::QualityCode::GarbledDate,
        message_zh: "测试<问题>".into(),
        message_en: "test \"issue\" & more".into(),
        start,
        end,
        quote: quote(start, end),
    }
}

fn section(n: usize, needle: &str, level: u32, marker: &str, title: &str) -> Section {
    let (start, end) = span(needle, 0);
    Section {
        section_id: format!("{ID}/s{n}"),
        report_id: ID.into(),
        parent_id: None,
        kind: SectionKind::Part,
        level,
        ordinal: n as u32,
        marker: Some(marker.into()),
        title: title.into(),
        start,
        end,
        content_end: TEXT.chars().count() as u64,
        quote: quote(start, end),
    }
}

pub fn report() -> Report {
    let facts = vec![
        fact(
            1,
            "5.87亿元",
            0,
            5.87e8,
            Unit::Cny,
            Status::Actual,
            Some(2023),
        ),
        fact(
            2,
            "14.5%",
            0,
            14.5,
            Unit::Percent,
            Status::Actual,
            Some(2023),
        ),
        fact(
            3,
            "增长7%左右",
            0,
            7.0,
            Unit::Percent,
            Status::Target,
            Some(2024),
        ),
        // Crosses fact 3 ("左右" is in both).
        fact(
            4,
            "左右,约6.3",
            0,
            6.3e8,
            Unit::Cny,
            Status::Forecast,
            Some(2024),
        ),
        // Nested inside fact 6.
        fact(5, "1200", 0, 1200.0, Unit::Count, Status::Target, None),
        fact(
            6,
            "1200个",
            0,
            1200.0,
            Unit::Count,
            Status::Target,
            Some(2024),
        ),
    ];
    let (a, b) = span("收入5.87", 0);
    let (c, d) = span("14.5%", 0);
    let (e, _) = span("不是标签", 0);
    let issues = vec![
        // Crosses fact 1.
        issue(1, a, b, Some(facts[0].fact_id.clone())),
        // Exactly fact 2.
        issue(2, c, d, Some(facts[1].fact_id.clone())),
        // Empty, a point.
        issue(3, e, e, None),
        // Covers facts 3 and 4 and more.
        issue(4, span("财政收入增长", 0).0, span("亿元;", 0).1, None),
    ];
    let n = TEXT.chars().count() as u64;
    let row = ReportRow {
        report_id: ID.into(),
        title: "2024年测试镇人民政府工作报告".into(),
        place_zh: "测试镇".into(),
        place_en: "Test Town".into(),
        place_code: None,
        admin_level: AdminLevel::Town,
        parent_areas: "测试市".into(),
        report_year: Some(2024),
        report_year_basis: gwr_model::YearBasis::Metadata,
        delivered_date: Some("2024-01-10".into()),
        delivered_date_note: None,
        published_date: Some("2024-01-18".into()),
        meeting: None,
        speaker: Some("某某".into()),
        speaker_title: Some("镇长".into()),
        source_url: Some("https://example.invalid/report".into()),
        publisher: None,
        language: "zh-Hans".into(),
        encoding: "utf-8".into(),
        sha256: "0".repeat(64),
        char_count: n,
        body_start: span("各位代表", 0).0,
        body_end: n,
        document_kind: gwr_model::DocumentKind::WorkReport,
    };
    let (ps, pe) = span(
        "全年实现区级财政收入5.87亿元,同比增长14.5%。<b>不是标签</b> & \"引号\" 'x'",
        0,
    );
    let paragraphs = vec![Paragraph {
        paragraph_id: format!("{ID}/p0003"),
        report_id: ID.into(),
        section_id: Some(format!("{ID}/s1")),
        ordinal: 3,
        kind: ParagraphKind::Body,
        lead: None,
        start: ps,
        end: pe,
        quote: quote(ps, pe),
    }];
    let targets = vec![Target {
        target_id: format!("{ID}/t01"),
        report_id: ID.into(),
        fact_id: facts[2].fact_id.clone(),
        subject: "财政收入".into(),
        indicator: Some("fiscal_revenue".into()),
        period: Some(2024),
        measure: Measure::Change,
        value: 7.0,
        value_max: None,
        unit: Unit::Percent,
        qualifier: Qualifier::Approx,
        level_fact_id: None,
        growth_fact_id: None,
        baseline_fact_id: Some(facts[0].fact_id.clone()),
        baseline_value: Some(5.87e8),
        baseline_period: Some(2023),
        implied_value: Some(628_090_000.0),
        tolerance: None,
        consistency: Consistency::NotCheckable,
        note: Some("测试, \"note\"\nline two".into()),
    }];
    Report {
        report: Some(row),
        sections: vec![
            section(1, "一、2023年工作总结", 1, "一、", "2023年工作总结"),
            section(2, "二、2024年工作安排", 1, "二、", "2024年工作安排"),
        ],
        paragraphs,
        facts,
        targets,
        quality_issues: issues,
        diagnostics: vec![],
        places: vec![],
    }
}

pub fn glossary() -> Vec<Indicator> {
    vec![Indicator {
        code: "fiscal_revenue".into(),
        name_zh: "财政收入".into(),
        variants: Some("区级财政收入|镇级财政收入".into()),
        name_en: "Fiscal revenue".into(),
        unit: Unit::Cny,
        measure: Measure::Level,
        description_en: "Revenue, \"general budget\".".into(),
        description_zh: "一般公共预算收入。".into(),
    }]
}
