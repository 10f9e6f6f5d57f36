//! Status (actual, target, forecast), period, and where the plan part starts.

use super::*;

impl Ctx<'_> {
    pub(super) fn status(
        &self,
        tok: &NumberToken,
        group_start: usize,
        clause_start: usize,
    ) -> Status {
        if self.statistical {
            return Status::Actual;
        }
        let t = self.norm;
        let (g, p) = (group_start, tok.start);
        // 预计 governs its list (across ；, to the end of the sentence) until a clause starts
        // with a verb of achievement
        let mut ss = g;
        while ss > 0 && p - ss < 600 && !matches!(self.at(ss - 1), '。' | '!' | '?') {
            if self.at(ss - 1) == '\n' {
                break;
            }
            ss -= 1;
        }
        if let Some(i) = rfind(t, ss, p, "预计") {
            let restarted = (i..p).any(|k| {
                matches!(t[k], ',' | ';' | '、')
                    && ["完成", "实现", "发放", "投入", "新增", "全年"]
                        .iter()
                        .any(|v| sw(t, k + 1, p, v))
            });
            if !restarted {
                return Status::Forecast;
            }
        }
        if tok.start >= self.plan_start {
            let (ca, cb) = trim(t, clause_start, p);
            if ew(t, ca, cb, "去年的", 3)
                || ew(t, ca, cb, "上年的", 3)
                || sw(t, ca, cb, "去年")
                || sw(t, ca, cb, "过去")
            {
                return Status::Actual;
            }
            return Status::Target;
        }
        // words of intent in the review (力争, 确保, 预期, 目标是, 拟, 今年计划), unless 完成
        // reports the result
        let mut intent = false;
        for i in g..p {
            match t[i] {
                '力' => intent |= sw(t, i, p, "力争"),
                '确' => intent |= sw(t, i, p, "确保"),
                '预' => intent |= sw(t, i, p, "预期"),
                '目' => {
                    intent |= sw(t, i, p, "目标是")
                        || sw(t, i, p, "目标为")
                        || (sw(t, i, p, "目标") && contains(t, i, p, "定为"))
                }
                // 今年计划…增长: this year's plan stated in the review (not 计划生育, not
                // 完成计划)
                '计' => {
                    intent |=
                        sw(t, i, p, "计划") && !sw(t, i, p, "计划生育") && contains(t, g, i, "今年")
                }
                // 去年…曾提出，要把…控制在: last year's target quoted in the review
                '曾' => intent |= sw(t, i, p, "曾提出") || sw(t, i, p, "曾经提出"),
                '拟' => intent = true,
                '完' if sw(t, i, p, "完成") => return Status::Actual,
                _ => {}
            }
        }
        if intent {
            return Status::Target;
        }
        // a sentence that is a list of planned bounds (国内生产总值增长7.5％；城镇新增就业900万人
        // 以上，城镇登记失业率控制在4.6％以内；居民消费价格涨幅控制在4％左右): targets, even
        // without a plan heading before it
        let mut se = p;
        while se < t.len() && se - p < 600 && !matches!(t[se], '。' | '!' | '?' | '\n') {
            se += 1;
        }
        let bounds = (ss..se)
            .filter(|&k| sw(t, k, se, "左右") || sw(t, k, se, "以内") || sw(t, k, se, "控制在"))
            .count();
        let semis = (ss..se).filter(|&k| t[k] == ';').count();
        let achieved = ["完成", "实现", "达到", "比上年", "同比", "增加到", "提高到"]
            .iter()
            .any(|w| contains(t, ss, se, w));
        if bounds >= 3 && semis >= 2 && !achieved {
            return Status::Target;
        }
        Status::Actual
    }

    /// The year a number is about; `None` when it counts from an unknown report year.
    pub(super) fn period(
        &self,
        tok: &NumberToken,
        group_start: usize,
        status: Status,
    ) -> Option<i32> {
        let t = self.norm;
        // nearest year written before the number in the sentence
        let idx = self.years.partition_point(|y| y.1 <= tok.start);
        let mut k = idx;
        while k > 0 {
            let (ys, ye, y) = self.years[k - 1];
            if ys < group_start {
                break;
            }
            let before = if ys > 0 { self.at(ys - 1) } else { '\0' };
            // a base of comparison is not the period: 比上年, 等于1949年的4.2倍, 为1997年的2.9倍
            let base = matches!(before, '比' | '较' | '同' | '与' | '从')
                || ["等于", "相当于", "相当"]
                    .iter()
                    .any(|w| ew(t, group_start, ys, w, clen(w)))
                || (tok.unit == Some(Unit::Multiple) && self.at(ye) == '的' && tok.start <= ye + 2);
            if !base && (1900..=2100).contains(&y) {
                return Some(y);
            }
            k -= 1;
        }
        let (ca, cb) = trim(t, group_start, tok.start);
        if ew(t, ca, cb, "去年的", 3) || ew(t, ca, cb, "上年的", 3) || sw(t, ca, cb, "去年")
        {
            return self.report_year.map(|y| y - 1);
        }
        if tok.start >= self.plan_start || contains(t, ca, cb, "今年") || self.statistical {
            return self.report_year;
        }
        // a forecast in the review is about the year reviewed (预计全年…)
        if status == Status::Target {
            return self.report_year;
        }
        self.report_year.map(|y| y - 1)
    }
}

/// Where the plan part starts: the first plan heading (a part of the structure, or a heading
/// line: 二、2025年主要目标任务, 2025年工作安排, 今年工作的总体要求和主要目标, 关于2025年工作), or
/// the first sentence naming this year's 预期目标 / 主要目标, whichever is earlier; the body end
/// when there is none. `t` is the normalised text.
pub(super) fn find_plan_start(
    t: &[char],
    structure: &Structure,
    report_year: Option<i32>,
    body_start: usize,
    body_end: usize,
) -> usize {
    let mut best = body_end;
    // an unknown year is named nowhere: "\0年" never matches
    let year = report_year.map_or_else(|| "\0".to_string(), |y| y.to_string());
    let n = t.len();
    let review = [
        "回顾",
        "总结",
        "过去",
        "成绩",
        "一年来",
        "五年来",
        "工作报告",
        "取得",
    ];
    let plan = [
        "安排",
        "任务",
        "要求",
        "建议",
        "目标",
        "部署",
        "打算",
        "今年",
        "今后",
        "展望",
        "政策取向",
        "主要工作",
        "计划",
        "思路",
    ];
    let is_plan = |a: usize, b: usize| {
        !review.iter().any(|w| contains(t, a, b, w))
            && (plan.iter().any(|w| contains(t, a, b, w))
                || contains(t, a, b, &format!("{year}年")))
    };
    for p in structure.sections.iter().filter(|s| s.level == 1) {
        let (a, b) = (p.start as usize, (p.end as usize).min(n));
        if is_plan(a, b) {
            best = best.min(a);
            break;
        }
    }
    // heading lines: a marker (二、) or, unmarked, this year or 今年 with a plan word; short,
    // without sentence punctuation
    let mut ls = body_start.min(n);
    let end = body_end.min(n);
    let mut k = ls;
    while k <= end && k < best {
        if k == end || t[k] == '\n' {
            let (a, b) = trim(t, ls, k);
            let len = b - a;
            if len > 2 && len <= 40 && !(a..b).any(|i| matches!(t[i], '。' | ',' | ';')) {
                let marker = starts_with_marker(t, a);
                let unmarked = (sw(t, a, b, &format!("{year}年"))
                    || sw(t, a, b, "今年")
                    || sw(t, a, b, "关于"))
                    && !["报告", "代表", "会议", "讲话", "第"]
                        .iter()
                        .any(|w| contains(t, a, b, w));
                if (marker || unmarked) && is_plan(a, b) {
                    best = best.min(ls);
                    break;
                }
            }
            ls = k + 1;
        }
        k += 1;
    }
    // a sentence naming this year's targets
    for key in ["预期目标", "主要目标"] {
        let mut from = body_start.min(n);
        while let Some(p) = find(t, from, end, key) {
            if p >= best {
                break;
            }
            let sent_start = (body_start..p)
                .rev()
                .find(|&i| matches!(t[i], '。' | '\n' | ';'))
                .map_or(body_start, |i| i + 1);
            if (contains(t, sent_start, p, "今年") || contains(t, sent_start, p, &year))
                && !contains(t, sent_start, p, "完成")
                && !contains(t, sent_start, p, "实现")
            {
                best = best.min(sent_start);
                break;
            }
            from = p + 1;
        }
    }
    best
}
