//! Runs every line of `lexicon/document_kinds.tsv`: its example title must give its kind, by
//! itself and as the title line of a text read by `extract` (no metadata kind).

use gwr_extract::kind::{self, DOCUMENT_KINDS_TSV};
use gwr_extract::{extract, SourceInfo};
use gwr_model::{DocumentKind, ReportMeta, Status};

fn meta() -> ReportMeta {
    ReportMeta {
        report_id: "example".into(),
        place_zh: "中华人民共和国".into(),
        place_code: Some("100000".into()),
        report_year: Some(2023),
        ..Default::default()
    }
}

#[test]
fn every_example_gives_its_kind() {
    let lines = kind::parse(DOCUMENT_KINDS_TSV).expect("document_kinds.tsv parses");
    assert!(!lines.is_empty());
    for l in &lines {
        assert_eq!(kind::of_title(&l.example), Some(l.gives), "{}", l.example);
        assert_eq!(l.kind, l.gives, "{}: the word's own example", l.word);
        let text = format!(
            "{}\n\n2023年，全年国内生产总值比上年增长5.2%。\n",
            l.example
        );
        let r = extract(&text, &meta(), &SourceInfo::utf8(&text));
        let row = r.report.expect("a report row");
        assert_eq!(row.document_kind, l.gives, "{}", l.example);
    }
    // a bad line is named
    let err = kind::parse("word\tkind\texample\tgives\n统计公报\tnewsletter\tx\ty\n").unwrap_err();
    assert!(err.contains("line 2"), "{err}");
}

/// A statistical text: every fact achieved, about the year it reports on, none a target, even
/// where a work report's rules would read a plan (力争, 今年, a 预期目标 sentence).
#[test]
fn a_communique_states_achieved_figures_of_its_year() {
    let text = "**中华人民共和国2023年国民经济和社会发展统计公报**\n\n国家统计局\n\n2024年2月29日\n\n初步核算，全年国内生产总值1260582亿元，比上年增长5.2%。\n\n## 一、综合\n\n全年城镇新增就业1244万人，比上年多增38万人。全年全国城镇调查失业率平均值为5.2%。年末全国就业人员74041万人。全年居民消费价格比上年上涨0.2%。\n";
    let r = extract(text, &meta(), &SourceInfo::utf8(text));
    let row = r.report.as_ref().expect("row");
    assert_eq!(row.document_kind, DocumentKind::StatisticalCommunique);
    assert!(r.targets.is_empty(), "{:#?}", r.targets);
    assert!(!r.facts.is_empty());
    for f in &r.facts {
        assert_eq!(f.status, Status::Actual, "{}", f.quote);
        assert_eq!(f.period, Some(2023), "{}", f.quote);
    }
    // the opening sentence, before the first part, is body text with its facts
    let gdp = r
        .facts
        .iter()
        .find(|f| f.quote.starts_with("5.2%") && f.subject.contains("国内生产总值"))
        .unwrap_or_else(|| panic!("{:#?}", r.facts));
    assert_eq!(gdp.value, 5.2);
    // a work report with the same sentences is read as a work report
    let report = text.replace("国民经济和社会发展统计公报", "政府工作报告");
    let w = extract(&report, &meta(), &SourceInfo::utf8(&report));
    assert_eq!(
        w.report.expect("row").document_kind,
        DocumentKind::WorkReport
    );
    // and the kind given in the metadata wins over the title
    let m = ReportMeta {
        document_kind: Some(DocumentKind::StatisticalCommunique),
        ..meta()
    };
    let given = extract(&report, &m, &SourceInfo::utf8(&report));
    assert_eq!(
        given.report.expect("row").document_kind,
        DocumentKind::StatisticalCommunique
    );
}
