//! A small blind check of subjects and statuses on local-report sentences (city, county, town,
//! subdistrict styles), written by hand from `docs/FACTS-GUIDE.md`, the fixture READMEs and the
//! project lead's decisions (scope words such as 全市/全区 are stripped; creation verbs are
//! stripped unless the phrase with the verb is a glossary indicator name or the verb is part
//! of the name of the activity counted, as in 加装电梯) BEFORE the extractor was run on them
//! and before the rules were changed in the round that added this file.
//!
//! Score history (cases whose fact is found with the right subject AND status, of 30):
//! before: 20/30 (first run, rules unchanged); after: 28/30 (the two misses are
//! dev conventions the rules keep: the seed keeps 各类 (各类文化活动) and 参与 (参与打钩)).
//!
//! Each case is `(text, quote, value, status, subject)`: the fact whose quote and value match
//! is scored. A text starting with a plan heading is in the plan part (report year 2025).

use gwr_extract::{facts::extract_facts, structure::segment};
use gwr_model::{Fact, ReportMeta};

fn run(text: &str) -> Vec<Fact> {
    let meta = ReportMeta {
        report_id: "blind".into(),
        place_zh: "测试".into(),
        report_year: Some(2025),
        ..Default::default()
    };
    extract_facts(text, &segment(text, "blind"), &meta)
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

const PLAN: &str = "二、2025年工作安排\n";

const CASES: &[(&str, &str, f64, &str, &str)] = &[
    // city
    (
        "全市地区生产总值达到3260亿元，同比增长6.1%。",
        "6.1%",
        6.1,
        "actual",
        "地区生产总值",
    ),
    (
        "全年接待游客1280万人次，实现旅游收入96亿元。",
        "96亿元",
        9.6e9,
        "actual",
        "旅游收入",
    ),
    (
        "12345热线受理群众诉求8.6万件，按时办结率99.2%。",
        "8.6万件",
        86000.0,
        "actual",
        "群众诉求",
    ),
    (
        "实际使用外资2.3亿美元，下降4.1%。",
        "4.1%",
        -4.1,
        "actual",
        "实际使用外资",
    ),
    (
        "全区一般公共预算收入38.6亿元，剔除留抵退税因素后增长6.8%。",
        "6.8%",
        6.8,
        "actual",
        "一般公共预算收入",
    ),
    (
        "预计全年规模以上工业增加值增长7%。",
        "7%",
        7.0,
        "forecast",
        "规模以上工业增加值",
    ),
    (
        "预计全年实现社会消费品零售总额560亿元，增长4.8%。",
        "4.8%",
        4.8,
        "forecast",
        "社会消费品零售总额",
    ),
    (
        "新增就业岗位1600个。",
        "1600个",
        1600.0,
        "actual",
        "新增就业岗位",
    ),
    (
        "城乡居民基本医疗保险参保率稳定在98%以上。",
        "98%以上",
        98.0,
        "actual",
        "城乡居民基本医疗保险参保率",
    ),
    // county
    (
        "全县粮食播种面积稳定在86.5万亩，总产量达到4.2亿公斤。",
        "4.2亿公斤",
        420000.0,
        "actual",
        "总产量",
    ),
    (
        "新建高标准农田3.2万亩。",
        "3.2万亩",
        21333334.4,
        "actual",
        "高标准农田",
    ),
    (
        "农村居民人均可支配收入达到2.35万元，增长7.2%。",
        "7.2%",
        7.2,
        "actual",
        "农村居民人均可支配收入",
    ),
    (
        "改造提升农村公路120公里。",
        "120公里",
        120000.0,
        "actual",
        "农村公路",
    ),
    (
        "全縣糧食總產量達到52萬噸。",
        "52萬噸",
        520000.0,
        "actual",
        "糧食總產量",
    ),
    (
        "农业和副业总产值达到七百二十亿元，比上年增长百分之八。",
        "百分之八",
        8.0,
        "actual",
        "农业和副业总产值",
    ),
    // town
    (
        "镇级财政收入完成4.8亿元，其中税收收入3.9亿元。",
        "3.9亿元",
        3.9e8,
        "actual",
        "税收收入",
    ),
    (
        "为辖区内86户困难家庭发放救助金42万元。",
        "42万元",
        420000.0,
        "actual",
        "救助金",
    ),
    (
        "为辖区内86户困难家庭发放救助金42万元。",
        "86户",
        86.0,
        "actual",
        "困难家庭",
    ),
    (
        "完成拆除违法建筑4.6万平方米。",
        "4.6万平方米",
        46000.0,
        "actual",
        "拆除违法建筑",
    ),
    (
        "调解各类矛盾纠纷536起，调解成功率98%。",
        "536起",
        536.0,
        "actual",
        "矛盾纠纷",
    ),
    // subdistrict
    (
        "全年开展各类志愿服务活动320场，参与志愿者4500人次。",
        "4500人次",
        4500.0,
        "actual",
        "志愿者",
    ),
    (
        "完成既有多层住宅加装电梯28台。",
        "28台",
        28.0,
        "actual",
        "加装电梯",
    ),
    (
        "社区食堂累计提供助餐服务12万人次。",
        "12万人次",
        120000.0,
        "actual",
        "助餐服务",
    ),
    (
        "走访辖区企业260家，协调解决问题85个。",
        "85个",
        85.0,
        "actual",
        "问题",
    ),
    (
        "全年接待来访群众1800余人次。",
        "1800余人次",
        1800.0,
        "actual",
        "来访群众",
    ),
    (
        "完成老旧小区改造12个，惠及居民3400户。",
        "3400户",
        3400.0,
        "actual",
        "居民",
    ),
    // plan part
    (
        "地区生产总值增长5.5%左右。",
        "5.5%左右",
        5.5,
        "target",
        "地区生产总值",
    ),
    (
        "力争新增市场主体5000户以上。",
        "5000户以上",
        5000.0,
        "target",
        "新增市场主体",
    ),
    (
        "确保城镇调查失业率控制在5.5%以内。",
        "5.5%以内",
        5.5,
        "target",
        "城镇调查失业率",
    ),
    (
        "计划完成老旧小区改造15个，惠及居民2600户。",
        "15个",
        15.0,
        "target",
        "老旧小区改造",
    ),
];

/// How many cases are right; prints each wrong one.
fn score() -> usize {
    let mut ok = 0;
    for (i, (sentence, quote, value, status, subject)) in CASES.iter().enumerate() {
        // The last four cases are in the plan part.
        let text = if i + 4 >= CASES.len() {
            format!("{PLAN}{sentence}")
        } else {
            sentence.to_string()
        };
        let facts = run(&text);
        let hit = facts
            .iter()
            .find(|f| f.quote == *quote && (f.value - value).abs() <= 1e-4 * value.abs().max(1.0));
        match hit {
            Some(f) if f.subject == *subject && enum_str(&f.status) == *status => ok += 1,
            Some(f) => println!(
                "  ~ {quote} in {sentence}: subject {:?} (want {subject:?}), status {} (want {status})",
                f.subject,
                enum_str(&f.status)
            ),
            None => println!(
                "  - {quote} in {sentence}: not found; got {:?}",
                facts
                    .iter()
                    .map(|f| (f.quote.as_str(), f.value))
                    .collect::<Vec<_>>()
            ),
        }
    }
    println!("blind subjects+status: {ok}/{}", CASES.len());
    ok
}

#[test]
fn blind_subjects_and_statuses() {
    assert_eq!(CASES.len(), 30);
    let ok = score();
    assert!(ok >= FLOOR, "blind score {ok}/30 below {FLOOR}");
}

const FLOOR: usize = 27;
