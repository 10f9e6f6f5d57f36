use super::*;

fn v(s: &str) -> Vec<char> {
    s.chars().map(norm_char).collect()
}

#[test]
fn change_verbs() {
    let cv = |s: &str| {
        let t = v(s);
        change_verb(&t, 0, t.len())
    };
    assert_eq!(cv("同比增加"), (true, false));
    assert_eq!(cv("能耗降低"), (true, true));
    assert_eq!(cv("提高到"), (false, false));
    assert_eq!(cv("比上年增"), (true, false));
    assert_eq!(cv("区级财政收入"), (false, false));
    assert_eq!(cv("地區生產總值增長"), (true, false));
}

#[test]
fn subjects() {
    let g = Glossary::builtin();
    let subj = |s: &str| {
        let t = v(s);
        let ctx = Ctx {
            token_ends: &[],
            norm: &t,
            report_year: Some(2024),
            plan_start: usize::MAX,
            statistical: false,
            years: &[],
            glossary: g,
            rules_off: 0,
        };
        let (sp, cut) = ctx.subject_span(0, t.len());
        (string(&t, sp), cut)
    };
    assert_eq!(subj("全年完成区级财政收入").0, "区级财政收入");
    assert_eq!(subj("全社会固定资产投资完成").0, "全社会固定资产投资");
    assert_eq!(subj("同比增加").0, "");
    assert_eq!(subj("开展环保约谈").0, "环保约谈");
    assert_eq!(subj("全年开展综合文艺演出等各类文化活动").0, "各类文化活动");
    assert_eq!(
        subj("新能源汽车产销量占全球比重"),
        ("新能源汽车产销量".to_string(), true)
    );
    assert_eq!(subj("比上年年初预算增加").0, "");
    assert_eq!(subj("城镇登记失业人员控制在").0, "城镇登记失业人员");
    assert_eq!(subj("全市地区生产总值增长").0, "地区生产总值");
    assert_eq!(subj("新增就业").0, "新增就业");
    assert_eq!(subj("新增高新技术企业").0, "高新技术企业");
    assert_eq!(subj("制定修订行政法规").0, "行政法规");
    assert_eq!(subj("中等职业学校资助面").0, "中等职业学校资助面");
    assert_eq!(subj("经济增长预期目标为").0, "经济增长");
    assert_eq!(subj("集团购买力要按上年实际数额核减").0, "集团购买力");
}
