//! One draft fact per number token: measure and sign, subject, status, period, bound words.

use super::*;

impl<'a> Ctx<'a> {
    pub(super) fn draft(&self, tok: &'a NumberToken, prev_end: Option<usize>) -> Draft<'a> {
        let t = self.norm;
        let group_start = self.group_start(tok.start);
        let clause_start = self.clause_start(tok.start);
        let from = match prev_end {
            Some(e) if e > clause_start && e <= tok.start => e,
            _ => clause_start,
        };
        let (pa, pb) = trim(t, from, tok.start);
        let joined_to_prev = match prev_end {
            Some(e) if e >= group_start && e <= tok.start => {
                let (ja, jb) = trim(t, e, tok.start);
                jb == ja
                    || (jb == ja + 1 && matches!(self.at(ja), '和' | '与' | '及' | '或' | '、'))
            }
            _ => false,
        };
        let fenbie = contains(t, pa, pb, "分别");

        // --- measure and sign
        let (mut change, mut negative) = change_verb(t, pa, pb);
        let unit = tok.unit.unwrap_or(Unit::Count);
        // 降低900多万个体工商户税负: a number glued to the noun it counts is the size of that
        // noun, not the amount of the change (the verb governs the noun's object)
        let next = self.at(tok.end);
        if change
            && unit == Unit::Count
            && {
                let (x, y) = self.post_subject(tok.end, false);
                y >= x + 3
            }
            && tok
                .unit_raw
                .chars()
                .all(|c| matches!(c, '万' | '亿' | '萬' | '億' | '千' | '百'))
            && ('\u{4e00}'..='\u{9fff}').contains(&next)
        {
            change = false;
            negative = false;
        }
        let mut measure = Measure::Level;
        let mut measure_from_verb = false;
        let has_zhan = share_word_at(t, pa, pb).is_some();
        // a multiple is always relative to a base (增长1.2倍, 为1997年的2.9倍), and percentage
        // points are a difference of two rates (高于城镇居民1.8个百分点): a change
        if change
            || tok.form == NumberForm::Doubling
            || unit == Unit::Multiple
            || (unit == Unit::PercentagePoint && !has_zhan)
        {
            measure = Measure::Change;
            measure_from_verb = true;
        } else if (matches!(
            tok.form,
            NumberForm::Tenths | NumberForm::Half | NumberForm::Fraction
        ) && !spelled_percent(tok))
            || (has_zhan && unit == Unit::Percent)
        {
            measure = Measure::Share;
        } else if unit == Unit::Percent {
            measure = Measure::Rate;
        }

        // --- subject
        let (mut subject, share_cut) = if joined_to_prev {
            ((pa, pa), false)
        } else {
            self.subject_span(pa, pb)
        };
        if self.not_a_subject(subject) {
            subject = (subject.0, subject.0);
        }
        // 河道整治3条、长度4.6公里: an attribute after 、 belongs to the item before
        if pa > 0
            && self.at(pa - 1) == '、'
            && role(Role::Attribute)
                .iter()
                .any(|w| eq(t, subject.0, subject.1, w))
        {
            subject = (subject.0, subject.0);
        }
        if measure == Measure::Rate
            && (share_cut
                || ["比重", "比例", "份额", "占比"]
                    .iter()
                    .any(|w| contains(t, pa, pb, w)))
        {
            measure = Measure::Share;
        }
        if measure == Measure::Rate && ew(t, subject.0, subject.1, "贡献率", 3) {
            measure = Measure::Share;
        }
        let mut subject_empty = subject.1 <= subject.0;
        // counts: the noun after the measure word is what is counted (为近600户老年人…,
        // 13家企业跻身50强); an empty or dangling (…的, …等) phrase also looks after the unit
        let counted = matches!(unit, Unit::Count | Unit::PersonTime);
        let dangling = if subject_empty {
            pb > pa && matches!(self.at(pb - 1), '的' | '等')
        } else {
            matches!(self.at(subject.1 - 1), '的' | '等')
        };
        let post_ok = (measure == Measure::Level && (subject_empty || counted || dangling))
            || (measure == Measure::Share && subject_empty);
        if post_ok && !change && !joined_to_prev {
            let frequency = tok.unit_raw.ends_with('次') && unit == Unit::Count;
            // 上千万家庭: the 家 read as a measure word begins the noun
            let from = if tok.unit_raw.ends_with('家')
                && matches!(self.at(tok.end), '庭' | '属' | '长' | '电' | '门')
            {
                tok.end - 1
            } else {
                tok.end
            };
            let post = self.post_subject(from, frequency);
            if post.1 > post.0 {
                subject = post;
                subject_empty = false;
            }
        }
        // the glossary knows what kind of number its indicators are (经济增长…5%左右 is a change)
        // (百分之六 is 6% spelled out, not a share by its form); a subject naming an
        // indicator's growth (经济增长速度, 国内生产总值增速) makes a percentage a change
        let by_word = has_zhan
            || share_cut
            || !(matches!(tok.form, NumberForm::Arabic | NumberForm::Chinese)
                || spelled_percent(tok));
        // a growth word between the subject and its number (地区生产总值增长目标为6%,
        // 经济增长预期为7%左右): the percentage is the growth
        if !subject_empty
            && measure == Measure::Rate
            && !by_word
            && subject.1 <= tok.start
            && self
                .glossary
                .has_growth_word(&string(t, (subject.1, tok.start)))
        {
            measure = Measure::Change;
        }
        if !subject_empty && matches!(measure, Measure::Rate | Measure::Share) && !by_word {
            if let Some(c) = self
                .glossary
                .indicator(&string(t, subject), false, self.report_year)
            {
                match c.entry.measure.as_str() {
                    _ if c.growth && measure == Measure::Rate => measure = Measure::Change,
                    "change" if measure == Measure::Rate => measure = Measure::Change,
                    "share" => measure = Measure::Share,
                    "rate" => measure = Measure::Rate,
                    _ => {}
                }
            }
        }

        // --- status and period
        let status = self.status(tok, group_start, clause_start);
        let period = self.period(tok, group_start, status);

        // 超过全球一半: a bound word a few characters before a share
        let mut loose_bound = None;
        if tok.qualifier == Qualifier::Exact
            && matches!(
                tok.form,
                NumberForm::Half | NumberForm::Tenths | NumberForm::Fraction
            )
        {
            let wa = tok.start.saturating_sub(6).max(clause_start);
            if contains(t, wa, tok.start, "超") || contains(t, wa, tok.start, "逾") {
                loose_bound = Some(Qualifier::LowerBound);
            }
        }

        Draft {
            tok,
            measure,
            negative,
            measure_from_verb,
            subject,
            subject_empty,
            joined_to_prev,
            fenbie,
            status,
            period,
            group_start,
            clause_start,
            loose_bound,
        }
    }
}

/// Whether the phrase before a number ends with a verb of change; and whether it is a decline.
pub(super) fn change_verb(t: &[char], a: usize, b: usize) -> (bool, bool) {
    let (a, mut b) = trim(t, a, b);
    for suf in ['了', '约', '近', '为', '的'] {
        if b > a && t[b - 1] == suf {
            b -= 1;
        }
        (_, b) = trim(t, a, b);
    }
    // 提高到 / 降至 give a new level
    for (list, neg) in [(role(Role::Decrease), true), (role(Role::Increase), false)] {
        for v in list {
            if let Some(l) = ew_len(t, a, b, v) {
                // single-character verbs only after 同比/比上年/年均/分别 (比上年增, 同比降)
                if l == 1 && !(b >= a + 2 && matches!(t[b - 2], '比' | '年' | '均' | '别')) {
                    continue;
                }
                return (true, neg);
            }
        }
    }
    (false, false)
}

/// Whether a token is a percentage spelled out (百分之六, 百分之八至九): read as 6% is read,
/// not as a share by its form.
pub(super) fn spelled_percent(tok: &NumberToken) -> bool {
    tok.form == NumberForm::Fraction && tok.unit_raw == "百分之"
}

/// Position of a 占 that introduces a share (占全国, 占比), not 占有/占用/占地.
pub(super) fn share_word_at(t: &[char], a: usize, b: usize) -> Option<usize> {
    (a..b).find(|&i| {
        t[i] == '占'
            && !t
                .get(i + 1)
                .is_some_and(|c| matches!(c, '有' | '用' | '领' | '据' | '地' | '压'))
    })
}

/// A change or share with no verb of its own takes the measure of the fact before it when
/// joined by 和/、 (分别增长5%和6%、7%).
pub(super) fn inherit_measures(drafts: &mut [Draft]) {
    for k in 1..drafts.len() {
        if drafts[k].joined_to_prev
            && !drafts[k].measure_from_verb
            && drafts[k - 1].group_start == drafts[k].group_start
            && drafts[k].tok.unit == drafts[k - 1].tok.unit
        {
            drafts[k].measure = drafts[k - 1].measure;
            drafts[k].negative = drafts[k - 1].negative;
            drafts[k].measure_from_verb = drafts[k - 1].measure_from_verb;
        }
    }
}
