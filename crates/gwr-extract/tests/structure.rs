//! Tests of `gwr_extract::structure::segment`: the seed report (data/sources/…), three national
//! reports (tests/fixtures/structure/) with hand-checked parts and sections, and odd inputs.

use gwr_extract::structure::{is_space, segment, Structure};
use gwr_model::{ParagraphKind, SectionKind};
use proptest::prelude::*;

const SEED_ID: &str = "cn-sh-baoshan-songnan-2024";

fn seed_text() -> String {
    let path = format!(
        "{}/../../data/sources/{SEED_ID}/report.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/structure/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take(end.saturating_sub(start) as usize)
        .collect()
}

/// Everything `segment` promises, whatever the input.
fn check_invariants(text: &str, s: &Structure) {
    let n = text.chars().count();
    assert!(
        s.body_start <= s.body_end && s.body_end <= n,
        "body {}..{} of {n}",
        s.body_start,
        s.body_end
    );

    let mut covered = vec![false; n];
    let mut previous_end = s.body_start as u64;
    for (i, p) in s.paragraphs.iter().enumerate() {
        assert_eq!(p.ordinal as usize, i + 1);
        assert!(
            p.paragraph_id.ends_with(&format!("/p{:04}", i + 1)),
            "{}",
            p.paragraph_id
        );
        assert!(p.start < p.end, "empty paragraph {}", p.paragraph_id);
        assert!(
            p.start >= previous_end,
            "{} overlaps its predecessor",
            p.paragraph_id
        );
        assert!(
            p.end as usize <= s.body_end,
            "{} runs past the body",
            p.paragraph_id
        );
        assert_eq!(p.quote, chars(text, p.start, p.end), "{}", p.paragraph_id);
        let first = p.quote.chars().next().unwrap_or(' ');
        let last = p.quote.chars().last().unwrap_or(' ');
        assert!(
            !is_space(first) && !is_space(last),
            "{} is not trimmed",
            p.paragraph_id
        );
        if let Some(id) = &p.section_id {
            assert!(
                s.sections.iter().any(|x| &x.section_id == id),
                "unknown section {id}"
            );
        }
        for c in covered
            .iter_mut()
            .take(p.end as usize)
            .skip(p.start as usize)
        {
            *c = true;
        }
        previous_end = p.end;
    }
    for (i, c) in text.chars().enumerate().take(s.body_end).skip(s.body_start) {
        assert!(
            is_space(c) || covered[i],
            "character {i} ({c:?}) of the body is in no paragraph"
        );
    }

    for x in &s.sections {
        assert_eq!(x.quote, chars(text, x.start, x.end), "{}", x.section_id);
        assert!(
            x.start < x.end && x.end <= x.content_end,
            "{}",
            x.section_id
        );
        assert!(x.content_end as usize <= s.body_end, "{}", x.section_id);
        assert_eq!(
            x.kind == SectionKind::Part,
            x.parent_id.is_none(),
            "{}",
            x.section_id
        );
        assert!(x.ordinal >= 1);
    }
    let mut ids: Vec<&str> = s.sections.iter().map(|x| x.section_id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), s.sections.len(), "section ids are not unique");
}

fn titles(s: &Structure, kind: SectionKind) -> Vec<&str> {
    s.sections
        .iter()
        .filter(|x| x.kind == kind)
        .map(|x| x.title.as_str())
        .collect()
}

fn paragraph_starting<'a>(s: &'a Structure, prefix: &str) -> &'a gwr_model::Paragraph {
    s.paragraphs
        .iter()
        .find(|p| p.quote.starts_with(prefix))
        .unwrap_or_else(|| panic!("no paragraph starts with {prefix}"))
}

// ---------------------------------------------------------------------------------------
// The seed: 淞南镇 2024

#[test]
fn seed_body_bounds() {
    let text = seed_text();
    let s = segment(&text, SEED_ID);
    check_invariants(&text, &s);
    assert!(chars(&text, s.body_start as u64, s.body_end as u64).starts_with("各位代表:"));
    assert!(chars(&text, 0, s.body_end as u64).ends_with("作出更大贡献。"));
    let first = &s.paragraphs[0];
    assert_eq!(
        (first.quote.as_str(), first.kind),
        ("各位代表:", ParagraphKind::Opening)
    );
    assert!(s.paragraphs.iter().all(|p| !p.quote.contains("文件预览")));
}

#[test]
fn seed_parts_and_sections() {
    let text = seed_text();
    let s = segment(&text, SEED_ID);
    assert_eq!(
        titles(&s, SectionKind::Part),
        ["2023年工作总结", "2024年工作安排"]
    );
    assert_eq!(
        titles(&s, SectionKind::Section),
        [
            "深耕细作、多点发力,经济发展向上向好",
            "产城融合优化布局城市能级全面提升",
            "全力以赴、不遗余力,社会事业向美而行",
            "以人为本、共治共享社会治理创新实践",
            "务实干事、担当成事,政府自身建设走深走实",
            "聚焦科创、大抓转型推动经济发展提量增速",
            "聚焦更新、厚植优势推动城市功能品质提升",
            "聚焦服务兜牢底线推动民生事业办好办实",
            "聚焦民主、强基固本,推动治理水平继续提升",
            "聚焦效能、干事为先,推动自身建设见行见效",
        ]
    );
    let by_id = |id: &str| {
        s.sections
            .iter()
            .find(|x| x.section_id == format!("{SEED_ID}/{id}"))
            .unwrap_or_else(|| panic!("no section {id}"))
    };
    assert_eq!(by_id("s1").marker.as_deref(), Some("一、"));
    assert_eq!(by_id("s1").quote, "一、2023年工作总结");
    assert_eq!(by_id("s1.1").marker, None);
    assert_eq!(by_id("s1.5").marker.as_deref(), Some("(五)"));
    assert_eq!(by_id("s1.5").ordinal, 5);
    assert_eq!(
        by_id("s1.5").parent_id.as_deref(),
        Some(&*format!("{SEED_ID}/s1"))
    );
    assert_eq!(by_id("s2.3").marker.as_deref(), Some("(三)"));
    // A section's content ends where the next sibling starts; the last part's at the body end.
    assert_eq!(by_id("s1.1").content_end, by_id("s1.2").start);
    assert_eq!(by_id("s2").content_end as usize, s.body_end);

    let lost: Vec<_> = s
        .diagnostics
        .iter()
        .filter(|d| d.code == "unnumbered_heading")
        .collect();
    assert_eq!(lost.len(), 4);
    assert_eq!(lost[0].start, by_id("s1.1").start);
}

#[test]
fn seed_paragraph_sections_and_kinds() {
    let text = seed_text();
    let s = segment(&text, SEED_ID);
    let section_of = |prefix: &str| {
        paragraph_starting(&s, prefix)
            .section_id
            .as_deref()
            .map(|id| id.trim_start_matches(SEED_ID).to_string())
    };
    assert_eq!(section_of("现在,我代表"), None);
    assert_eq!(section_of("一、2023年"), Some("/s1".into()));
    assert_eq!(section_of("过去的一年"), Some("/s1".into()));
    assert_eq!(section_of("深耕细作"), Some("/s1.1".into()));
    assert_eq!(section_of("发展态势稳中有进"), Some("/s1.1".into()));
    assert_eq!(section_of("强化空间规划引领"), Some("/s1.2".into()));
    assert_eq!(section_of("树牢底线意识"), Some("/s1.5".into()));
    // The closing address sums up the whole part, and what follows it stays in the part.
    assert_eq!(section_of("各位代表!淞南一年来"), Some("/s1".into()));
    assert_eq!(section_of("成绩属于过去"), Some("/s1".into()));
    assert_eq!(
        section_of("2024经济社会发展的主要预期目标"),
        Some("/s2".into())
    );
    assert_eq!(section_of("加大招商引资力度"), Some("/s2.1".into()));
    assert_eq!(section_of("坚持廉洁从政"), Some("/s2.5".into()));

    let kind_of = |prefix: &str| paragraph_starting(&s, prefix).kind;
    assert_eq!(kind_of("现在,我代表"), ParagraphKind::Opening);
    assert_eq!(kind_of("一、2023年"), ParagraphKind::Heading);
    assert_eq!(kind_of("深耕细作"), ParagraphKind::Heading);
    assert_eq!(kind_of("(五)务实干事"), ParagraphKind::Heading);
    assert_eq!(kind_of("各位代表!淞南一年来"), ParagraphKind::Closing);
    assert_eq!(kind_of("各位代表,雄关漫道"), ParagraphKind::Closing);
    assert_eq!(kind_of("发展态势稳中有进"), ParagraphKind::Body);
    let headings = s
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .count();
    assert_eq!(headings, s.sections.len());
}

#[test]
fn seed_leads() {
    let text = seed_text();
    let s = segment(&text, SEED_ID);
    let lead_of = |prefix: &str| paragraph_starting(&s, prefix).lead.clone();
    assert_eq!(
        lead_of("发展态势稳中有进").as_deref(),
        Some("发展态势稳中有进")
    );
    assert_eq!(lead_of("强化依法行政").as_deref(), Some("强化依法行政"));
    assert_eq!(lead_of("招商引资成显著").as_deref(), Some("招商引资成显著"));
    assert_eq!(lead_of("锤炼实干作风").as_deref(), Some("锤炼实干作风"));
    // The scrape lost these leads' 。: no guessing where the phrase ends.
    assert_eq!(lead_of("产业项目提速提质"), None);
    assert_eq!(lead_of("坚定敢作善为"), None);
    assert_eq!(lead_of("持续维护平安和谐"), None);
    // Headings, opening and closing paragraphs have no lead.
    assert_eq!(lead_of("成绩属于过去"), None);
    assert!(s
        .paragraphs
        .iter()
        .filter(|p| p.kind != ParagraphKind::Body)
        .all(|p| p.lead.is_none()));
}

#[test]
fn seed_with_other_line_endings_keeps_exact_offsets() {
    let text = seed_text();
    let expected = titles(&segment(&text, SEED_ID), SectionKind::Section)
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    for ending in ["\r\n", "\r"] {
        let converted = text.replace('\n', ending);
        let s = segment(&converted, SEED_ID);
        check_invariants(&converted, &s);
        assert_eq!(
            titles(&s, SectionKind::Section),
            expected,
            "line ending {ending:?}"
        );
        assert!(chars(&converted, 0, s.body_end as u64).ends_with("作出更大贡献。"));
        assert!(s.paragraphs.iter().all(|p| !p.quote.ends_with('\r')));
    }
}

// ---------------------------------------------------------------------------------------
// National reports

#[test]
fn national_2024() {
    let text = fixture("national-2024.txt");
    let s = segment(&text, "cn-2024");
    check_invariants(&text, &s);
    assert!(chars(&text, s.body_start as u64, s.body_end as u64).starts_with("各位代表："));
    assert!(
        chars(&text, 0, s.body_end as u64).ends_with("全面推进强国建设、民族复兴伟业不懈奋斗！")
    );
    assert!(s
        .paragraphs
        .iter()
        .all(|p| !p.quote.contains("Public domain") && !p.quote.contains("本作品")));
    assert_eq!(
        titles(&s, SectionKind::Part),
        [
            "2023年工作回顾",
            "2024年经济社会发展总体要求和政策取向",
            "2024年政府工作任务"
        ]
    );
    assert_eq!(
        titles(&s, SectionKind::Section),
        [
            "大力推进现代化产业体系建设，加快发展新质生产力",
            "深入实施科教兴国战略，强化高质量发展的基础支撑",
            "着力扩大国内需求，推动经济实现良性循环",
            "坚定不移深化改革，增强发展内生动力",
            "扩大高水平对外开放，促进互利共赢",
            "更好统筹发展和安全，有效防范化解重点领域风险",
            "坚持不懈抓好“三农”工作，扎实推进乡村全面振兴",
            "推动城乡融合和区域协调发展，大力优化经济布局",
            "加强生态文明建设，推进绿色低碳发展",
            "切实保障和改善民生，加强和创新社会治理",
        ]
    );
    assert!(s
        .sections
        .iter()
        .all(|x| x.kind == SectionKind::Part || x.parent_id.as_deref() == Some("cn-2024/s3")));
    // The heading runs on into its paragraph: the heading span is marker and title only.
    let first = s
        .sections
        .iter()
        .find(|x| x.section_id == "cn-2024/s3.1")
        .expect("s3.1");
    assert_eq!(
        first.quote,
        "（一）大力推进现代化产业体系建设，加快发展新质生产力"
    );
    let p = paragraph_starting(&s, "（一）大力推进");
    assert_eq!(
        (p.kind, p.section_id.as_deref()),
        (ParagraphKind::Body, Some("cn-2024/s3.1"))
    );
    assert!(p.quote.contains("充分发挥创新主导作用"));
    // "——经济总体回升向好。…": the dash is a bullet, not part of the lead.
    assert_eq!(
        paragraph_starting(&s, "——经济总体回升向好").lead.as_deref(),
        Some("经济总体回升向好")
    );
    assert_eq!(
        paragraph_starting(&s, "推动产业链供应链优化升级")
            .lead
            .as_deref(),
        Some("推动产业链供应链优化升级")
    );
    assert!(s.diagnostics.iter().all(|d| d.code != "unnumbered_heading"));
}

#[test]
fn national_1986_lists_numbered_like_parts() {
    let text = fixture("national-1986.txt");
    let s = segment(&text, "cn-1986");
    check_invariants(&text, &s);
    assert!(chars(&text, 0, s.body_end as u64).ends_with("七个五年计划而共同奋斗！"));
    // Part 二 holds lists 一、…二、… and bare markers 一、 on their own line; part 三 begins
    // after the list of part 二 reached 五.
    assert_eq!(
        titles(&s, SectionKind::Part),
        [
            "“六五”计划执行情况的回顾",
            "“七五”时期的基本任务和主要建设方针",
            "“七五”时期的经济体制改革",
            "坚持独立自主的和平外交政策",
        ]
    );
    assert_eq!(
        titles(&s, SectionKind::Section),
        [
            "进一步增强企业特别是全民所有制大中型企业的活力，使它们真正成为相对独立的经济实体，成为自主经营、自负盈亏的社会主义商品生产者和经营者",
            "进一步发展社会主义的商品市场，逐步完善市场体系",
            "国家对企业的管理逐步由直接控制为主转向间接控制为主，建立新的社会主义宏观经济管理制度",
        ]
    );
    assert!(s
        .sections
        .iter()
        .all(|x| x.kind == SectionKind::Part || x.parent_id.as_deref() == Some("cn-1986/s3")));
    // 结束语 is a caption without a numbered sibling after it: it stays a paragraph.
    assert_eq!(paragraph_starting(&s, "结束语").kind, ParagraphKind::Body);
}

#[test]
fn national_1954_has_no_parts() {
    let text = fixture("national-1954.txt");
    let s = segment(&text, "cn-1954");
    check_invariants(&text, &s);
    assert!(s.sections.is_empty());
    assert!(s.diagnostics.iter().any(|d| d.code == "no_parts"));
    assert!(s.diagnostics.iter().all(|d| d.code != "no_body_start"));
    assert!(
        chars(&text, 0, s.body_end as u64).ends_with("把我們國家的各項事業推向新的更大的勝利。")
    );
    assert_eq!(s.paragraphs[0].quote, "各位代表：");
    assert_eq!(s.paragraphs[0].kind, ParagraphKind::Opening);
    // Lines broken at hyperlinks stay inside their paragraph.
    let p = &s.paragraphs[1];
    assert!(p.quote.starts_with(
        "我們第一届全國人民代表大會第一次會議，在聽了劉少奇同志\n關於憲法草案的報告\n並進行了"
    ));
    assert_eq!(p.kind, ParagraphKind::Body);
    assert!(
        paragraph_starting(&s, "各位代表！我們的社會主義建設事業").kind == ParagraphKind::Closing
    );
}

// ---------------------------------------------------------------------------------------
// Odd input

#[test]
fn odd_inputs_keep_the_invariants() {
    let inputs = [
        "",
        "\r\n",
        "\r",
        "\n\n\n",
        "　　\u{a0}\u{200b}",
        "各位代表",
        "各位代表：",
        "一、",
        "（一）",
        "一、2023年工作总结",
        "一、2023年工作总结\n\n二、2024年工作安排",
        "一、2023年工作总结\r\n（一）经济\r\n（二）社会",
        "一、总结\n深耕细作\n全年完成。\n(二)聚焦\n\n• 文件预览",
        "没有标题也没有空行的一段文字。第二句。",
        "• 文件预览\n• 附件下载\n当前页二维码",
        "三、关于《\n\n",
        "（一）“十一五”规划《\n纲要",
        "十九、\n九十九、九十九\n百、",
    ];
    for text in inputs {
        let s = segment(text, "x");
        check_invariants(text, &s);
    }
}

#[test]
fn only_headings() {
    let text = "一、2023年工作总结\n\n（一）经济发展\n\n（二）社会事业\n\n二、2024年工作安排";
    let s = segment(text, "x");
    check_invariants(text, &s);
    assert_eq!(
        titles(&s, SectionKind::Part),
        ["2023年工作总结", "2024年工作安排"]
    );
    assert_eq!(s.body_start, 0);
    assert_eq!(s.body_end, text.chars().count());
    assert!(s.diagnostics.iter().any(|d| d.code == "no_body_start"));
}

#[test]
fn no_blank_lines() {
    // PDF-like text: one line per paragraph and no blank lines in between.
    let text = "各位代表：\n现在，我代表镇人民政府作报告。\n一、工作回顾\n发展态势稳中有进。全年完成财政收入5亿元。\n二、工作安排\n（一）聚焦科创\n加快发展。推进。\n（二）聚焦民生\n办好实事。";
    let s = segment(text, "x");
    check_invariants(text, &s);
    assert_eq!(titles(&s, SectionKind::Part), ["工作回顾", "工作安排"]);
    assert_eq!(titles(&s, SectionKind::Section), ["聚焦科创", "聚焦民生"]);
    let heading = paragraph_starting(&s, "一、工作回顾");
    assert_eq!(heading.quote, "一、工作回顾");
    assert_eq!(heading.kind, ParagraphKind::Heading);
    assert_eq!(
        paragraph_starting(&s, "发展态势").section_id.as_deref(),
        Some("x/s1")
    );
    assert_eq!(
        paragraph_starting(&s, "加快发展").section_id.as_deref(),
        Some("x/s2.1")
    );
}

#[test]
fn a_list_is_not_a_section() {
    // One-sentence items, each followed by the next: a list, not headings.
    let text = "各位代表：\n\n一、工作安排\n\n今年要做好以下工作。\n\n（一）要使粮食生产同人口的增长相适应。\n\n（二）要使轻纺工业的增长速度略高于重工业。\n\n（三）要缩短基本建设战线。\n\n我们讲调整，就是要针对经济比例严重失调的状况，自觉调整比例关系，使国民经济持续健康发展。";
    let s = segment(text, "x");
    check_invariants(text, &s);
    assert_eq!(titles(&s, SectionKind::Part), ["工作安排"]);
    assert!(titles(&s, SectionKind::Section).is_empty());
}

#[test]
fn short_sentences_are_not_lost_marker_headings() {
    // A short one-line paragraph ending in 。 is prose, even next to a numbered section.
    let long = "全年完成区级财政收入五亿元，同比增长百分之十，连续三年保持两位数增长，发展基础更加坚实稳固。";
    let text =
        format!("各位代表：\n\n一、工作回顾\n\n经济平稳。\n\n{long}\n\n（二）社会事业\n\n{long}");
    let s = segment(&text, "x");
    check_invariants(&text, &s);
    assert!(titles(&s, SectionKind::Section).is_empty());
}

proptest! {
    #[test]
    fn never_panics(text in "[一二三十、（）()。各位代表：\n\r 　a-z0-9•—《》]{0,80}") {
        let s = segment(&text, "p");
        check_invariants(&text, &s);
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let s = segment(&text, "p");
        check_invariants(&text, &s);
    }
}

#[test]
fn bracketed_headings_are_parts_when_there_are_no_others() {
    let prose = "全年国民经济继续保持稳定增长，工农业总产值比上年增长百分之七，财政收支基本平衡。";
    let text =
        format!("各位代表：\n\n（一）关于经济建设\n\n{prose}\n\n（二）关于外交工作\n\n{prose}");
    let s = segment(&text, "x");
    check_invariants(&text, &s);
    assert_eq!(
        titles(&s, SectionKind::Part),
        ["关于经济建设", "关于外交工作"]
    );
    assert!(s
        .diagnostics
        .iter()
        .any(|d| d.code == "parts_from_section_markers"));
}

#[test]
fn a_zero_width_space_line_does_not_split_a_paragraph() {
    // 2017: "…用户3.4亿、光缆线路550\n\u{200b}\n多万公里。" is one sentence broken at a link.
    let text =
        "各位代表：\n\n新增用户3.4亿、光缆线路550\n\u{200b}\n多万公里。\n\n\u{200b}\n\n下一段。";
    let s = segment(text, "x");
    check_invariants(text, &s);
    let quotes: Vec<&str> = s.paragraphs.iter().map(|p| p.quote.as_str()).collect();
    assert_eq!(
        quotes,
        [
            "各位代表：",
            "新增用户3.4亿、光缆线路550\n\u{200b}\n多万公里。",
            "下一段。"
        ]
    );
}
