use super::*;

fn chars(s: &str) -> Vec<char> {
    s.chars().map(norm_char).collect()
}

#[test]
fn seed_like_header() {
    let text = "2024年淞南镇人民政府工作报告_规划计划_上海市宝山区人民政府门户网站\n\n2024年淞南镇人民政府工作报告\n\n各位代表:\n";
    let m = infer_meta(text, "000_6f05bcefc5d3777c");
    assert_eq!(m.title, "2024年淞南镇人民政府工作报告");
    assert_eq!(m.place_zh, "淞南镇");
    assert_eq!(m.report_year, Some(2024));
    assert_eq!(m.admin_level, AdminLevel::Town);
    assert_eq!(m.report_id, "000-6f05bcefc5d3777c");
}

#[test]
fn national_header() {
    let text = "政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2023年工作回顾\n\n二、2024年经济社会发展总体要求和政策取向\n";
    let m = infer_meta(text, "national 2024");
    assert_eq!(m.report_year, Some(2024));
    assert_eq!(m.delivered_date.as_deref(), Some("2024-03-05"));
    assert_eq!(
        m.meeting.as_deref(),
        Some("第十四届全国人民代表大会第二次会议")
    );
    assert_eq!(m.report_id, "national-2024");
    assert_eq!(m.title, "政府工作报告");
    assert_eq!(m.place_zh, NATIONAL);
    assert_eq!(m.admin_level, AdminLevel::National);
}

#[test]
fn nothing_to_read() {
    let m = infer_meta("", "x");
    assert_eq!(m.report_year, None);
    assert_eq!(m.place_zh, "未知");
    assert_eq!(m.title, "");
}

#[test]
fn years_in_every_numeral() {
    for (s, y) in [
        ("2024年", 2024),
        ("２０２４年", 2024),
        ("一九五八年", 1958),
        ("二〇二四年", 2024),
        ("1 9 9 3 年", 1993),
    ] {
        assert_eq!(year_at(&chars(s), 0).map(|x| x.0), Some(y), "{s}");
    }
    for s in [
        "12024年",
        "202年",
        "十九五八年",
        "2024",
        "1.2024年",
        "2024号",
    ] {
        assert!(years_in(&chars(s)).is_empty(), "{s}");
    }
    assert_eq!(
        years_in(&chars("1980、1981年和1981—1985年")),
        [(0, 4, 1980), (5, 10, 1981), (11, 15, 1981), (16, 21, 1985)]
    );
    assert_eq!(year_at(&chars("12024年"), 1), None);
    assert_eq!(
        date_at(&chars("一九五四年九月二十三日"), 0).map(|d| (d.0, d.1, d.2)),
        Some((1954, 9, 23))
    );
    assert_eq!(date_at(&chars("2024年13月5日"), 0), None);
}

#[test]
fn npc_calendar() {
    assert_eq!(npc_year(1, Some(1)), Some(1954));
    assert_eq!(npc_year(1, Some(5)), Some(1958));
    assert_eq!(npc_year(2, Some(3)), Some(1962));
    assert_eq!(npc_year(4, None), Some(1975));
    assert_eq!(npc_year(5, Some(4)), Some(1981));
    assert_eq!(npc_year(10, Some(1)), Some(2003));
    assert_eq!(npc_year(14, Some(2)), Some(2024));
    assert_eq!(npc_year(14, Some(6)), None);
    assert_eq!(npc_year(0, None), None);
}

#[test]
fn local_sessions_are_not_national() {
    // a town's congress is not on the national calendar, and its report is not national
    let text = "各位代表：\n现在，我代表淞南镇人民政府，向大会报告工作。\n去年镇八届人大四次会议以来，全镇上下……\n一、2023年工作总结\n";
    let m = infer_meta(text, "t");
    assert_eq!(m.report_year, Some(2024));
    assert_eq!(m.place_zh, "淞南镇");
    assert_eq!(m.admin_level, AdminLevel::Town);
}
