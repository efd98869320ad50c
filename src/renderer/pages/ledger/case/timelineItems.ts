import type { CaseView } from '../../../../contract/calls/ledgerView';
import { formatYuan } from '../../../format';
import type { TimelineItem } from './CaseTimeline';

/** The case's history as one list: transfer events, progress entries, deductions and supervision. */
export function timelineItems(v: CaseView): TimelineItem[] {
  const items: TimelineItem[] = [];
  if (v.case.filedOn) items.push({ key: 'filed', on: v.case.filedOn, kind: 'case', title: '立案' });
  if (v.case.closedOn) items.push({ key: 'closed', on: v.case.closedOn, kind: 'case', title: `结案${v.case.closureType ? `（${v.case.closureType}）` : ''}` });
  for (const t of v.transfers) {
    for (const e of t.events) {
      if (e.kind === 'edit' || e.kind === 'note') continue;
      items.push({
        key: `e${e.id}`,
        on: e.effectiveOn,
        at: e.at,
        kind: 'transfer',
        title: e.kind === 'created' ? `${t.mode}执行：创建${e.toState ? `（${e.toState}）` : ''}` : `${t.mode}执行：${e.fromState ?? ''} → ${e.toState ?? ''}`,
        by: e.userName,
        detail: noteOf(e.data),
      });
    }
  }
  for (const p of v.progress) {
    const tags = [
      ...(p.substantive ? [{ label: '实质进展', color: 'teal' }] : []),
      ...(p.resolved ? [{ label: '已化解', color: 'green' }] : []),
      ...(p.voidedAt ? [{ label: '已作废', color: 'gray' }] : []),
    ];
    const measures = p.measures.map((m) => (m === '其他' && p.measureOther ? p.measureOther : m)).join('、');
    items.push({
      key: `p${p.id}`,
      on: p.onDate,
      at: p.recordedAt,
      kind: 'progress',
      title: `进展${measures ? `：${measures}` : ''}${p.amountFen ? `，到位 ${formatYuan(p.amountFen)} 元` : ''}`,
      detail: [p.text, p.voidReason ? `作废原因：${p.voidReason}` : null].filter(Boolean).join('；') || undefined,
      by: p.recordedBy ?? undefined,
      tags,
      muted: !!p.voidedAt,
    });
  }
  for (const d of v.deductions) {
    items.push({ key: `d${d.id}`, on: d.startOn, kind: 'deduction', title: `扣除期间开始：${d.kind}`, detail: d.note ?? undefined });
    if (d.endOn) items.push({ key: `d${d.id}e`, on: d.endOn, kind: 'deduction', title: `扣除期间结束：${d.kind}` });
  }
  for (const s of v.supervisions) {
    items.push({ key: `s${s.id}`, on: s.raisedOn, kind: 'supervision', title: `${s.kind}：${s.status}`, detail: s.reason ?? undefined });
    if (s.resultOn) items.push({ key: `s${s.id}r`, on: s.resultOn, kind: 'supervision', title: `${s.kind}结果`, detail: s.result ?? undefined });
  }
  return items;
}

function noteOf(data: string): string | undefined {
  try {
    const d = JSON.parse(data) as Record<string, unknown>;
    if (d.source === 'import') return `台账导入（${String(d.file ?? '')} 第 ${String(d.row ?? '')} 行）`;
    const text = d.reason ?? d.note ?? d.opinion;
    return typeof text === 'string' && text ? text : undefined;
  } catch {
    return undefined;
  }
}
