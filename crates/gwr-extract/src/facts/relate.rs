//! Facts of one sentence together: 分别 lists, inherited subjects, relates_to.

use super::*;

/// 分别: n numbers joined by 和/、 after 分别 take the n items of the list before it in order
/// (A、B分别增长x%、y%), or, when the 分别 clause names nothing, the subjects of the n facts
/// before it in the sentence (其中出口21亿元，分别增长12%和9%). A list whose first item is a
/// bare modifier (中、高等职业教育在校生; 城镇、农村居民人均可支配收入) shares the whole phrase.
pub(super) fn distribute_fenbie(ctx: &Ctx, drafts: &mut [Draft]) {
    let t = ctx.norm;
    let mut k = 0;
    while k < drafts.len() {
        let mut n = 1;
        while k + n < drafts.len()
            && drafts[k + n].joined_to_prev
            && drafts[k + n].group_start == drafts[k].group_start
        {
            n += 1;
        }
        if n < 2 || drafts[k].measure != drafts[k + n - 1].measure {
            k += 1;
            continue;
        }
        let fenbie = drafts[k].fenbie;
        let (a, b) = drafts[k].subject;
        if b > a && !drafts[k].subject_empty {
            let items = split_items(t, (a, b));
            if items.len() == n && sensible_items(&items) {
                for (j, it) in items.iter().enumerate() {
                    drafts[k + j].subject = *it;
                    drafts[k + j].subject_empty = false;
                }
            } else if fenbie {
                for j in 1..n {
                    drafts[k + j].subject = (a, b);
                    drafts[k + j].subject_empty = false;
                }
            }
        } else {
            // the n level facts before, in the same sentence
            let prev: Vec<usize> = (0..k)
                .rev()
                .take_while(|&j| drafts[j].group_start == drafts[k].group_start)
                .filter(|&j| drafts[j].measure == Measure::Level && !drafts[j].subject_empty)
                .take(n)
                .collect();
            if prev.len() == n {
                for (j, &p) in prev.iter().rev().enumerate() {
                    drafts[k + j].subject = drafts[p].subject;
                    drafts[k + j].subject_empty = false;
                }
            } else if prev.is_empty() && drafts[k].clause_start > drafts[k].group_start {
                // the list is the previous clause (A和B，2000年分别达到x和y)
                let cs = drafts[k].clause_start;
                let pcs = ctx.clause_start(cs - 1);
                let (ra, rb) = trim(t, pcs, cs - 1);
                let (subj, _) = ctx.subject_span(ra, rb);
                let items = split_items(t, subj);
                if items.len() == n && sensible_items(&items) {
                    for (j, it) in items.iter().enumerate() {
                        drafts[k + j].subject = *it;
                        drafts[k + j].subject_empty = false;
                    }
                }
            }
        }
        k += n;
    }
}

/// The items of a list phrase (A、B和C), split at 、/和/与/及 outside quotes and brackets.
pub(super) fn split_items(t: &[char], (a, b): Span) -> Vec<Span> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut s = a;
    for i in a..b {
        match t[i] {
            '“' | '(' | '《' | '「' => depth += 1,
            '”' | ')' | '》' | '」' => depth -= 1,
            '、' | '和' | '与' | '及' if depth == 0 => {
                items.push(trim(t, s, i));
                s = i + 1;
            }
            _ => {}
        }
    }
    items.push(trim(t, s, b));
    items
}

/// Whether list items name things of their own: each has two characters or more, and not a
/// short first item with a longer last one that carries the shared head (化肥、农药使用量;
/// 中、高等职业教育在校生; 城镇、农村居民人均可支配收入), which share the whole phrase.
pub(super) fn sensible_items(items: &[Span]) -> bool {
    let lens: Vec<usize> = items.iter().map(|(x, y)| y.saturating_sub(*x)).collect();
    let first = lens.first().copied().unwrap_or(0);
    let last = lens.last().copied().unwrap_or(0);
    lens.len() >= 2 && lens.iter().all(|&l| l >= 2) && !(first <= 4 && last >= first + 2)
}

pub(super) fn same_text(t: &[char], x: Span, y: Span) -> bool {
    x.1 - x.0 == y.1 - y.0 && t.get(x.0..x.1) == t.get(y.0..y.1)
}

pub(super) fn inherit_subjects(ctx: &Ctx, drafts: &mut [Draft]) {
    for k in 0..drafts.len() {
        if !drafts[k].subject_empty {
            continue;
        }
        // previous fact of the same sentence
        let mut found = None;
        if k > 0 && drafts[k - 1].group_start == drafts[k].group_start {
            let p = drafts[k - 1].subject;
            if p.1 > p.0 {
                found = Some(p);
            }
        }
        // a change first in its sentence takes the next fact's subject
        if found.is_none() {
            if let Some(next) = drafts.get(k + 1) {
                if next.group_start == drafts[k].group_start
                    && !next.subject_empty
                    && drafts[k].measure == Measure::Change
                {
                    found = Some(next.subject);
                }
            }
        }
        if found.is_none() {
            // the previous clause of the sentence (着力推进电梯加装，新增45台), skipping
            // adverbial clauses (从中央到地方, 扣除价格因素)
            let mut cs = drafts[k].clause_start;
            for _ in 0..3 {
                if cs <= drafts[k].group_start {
                    break;
                }
                let prev_cs = ctx.clause_start(cs - 1);
                let (ra, rb) = trim(ctx.norm, prev_cs, cs - 1);
                let adverbial = ["从", "由", "扣除", "按", "据", "在", "经过", "通过"]
                    .iter()
                    .any(|w| sw(ctx.norm, ra, rb, w));
                if !adverbial {
                    let (subj, _) = ctx.subject_span(ra, rb);
                    if subj.1 > subj.0 && subj.1 - subj.0 <= 20 && !ctx.not_a_subject(subj) {
                        found = Some(subj);
                    }
                    break;
                }
                cs = prev_cs;
            }
        }
        if let Some(f) = found {
            drafts[k].subject = f;
        }
    }
}

/// relates_to: a change or share → the level fact of the same sentence with the same subject.
pub(super) fn relate(t: &[char], drafts: &[Draft]) -> Vec<Option<usize>> {
    let mut out = vec![None; drafts.len()];
    for (k, d) in drafts.iter().enumerate() {
        if !matches!(d.measure, Measure::Change | Measure::Share) || d.subject.1 <= d.subject.0 {
            continue;
        }
        let same = |j: usize| {
            let o = &drafts[j];
            o.group_start == d.group_start
                && (o.measure == Measure::Level
                    || (d.measure == Measure::Change
                        && o.measure != Measure::Change
                        && o.tok.unit != d.tok.unit))
                && same_text(t, o.subject, d.subject)
                && o.status == d.status
        };
        let prev = (0..k)
            .rev()
            .take_while(|&j| drafts[j].group_start == d.group_start)
            .find(|&j| same(j));
        let next = (k + 1..drafts.len())
            .take_while(|&j| drafts[j].group_start == d.group_start)
            .find(|&j| same(j));
        out[k] = prev.or(next);
    }
    out
}
