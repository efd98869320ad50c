import type { TransferMode } from '../../../contract/vocabulary';
import type { CoreApp } from '../../app';
import { getSettings } from '../../settings/settings';
import { attachmentsOf } from '../attachments';
import { getCase, partiesOf } from '../ledgerBridge';
import { courtName, decisionsOf, getRequest, linksOf, versionsOf, type RequestRecord } from '../store';
import { chinaDate, cnDate } from '../time';
import { caseLegal } from '../legal';
import { legalBasisFor, restsOnSixMonths } from './legalBasis';
import { attachmentTitle, caseNosText, decisionText } from './wording';

/**
 * The content of the generated documents, taken from the record only (no free typing at
 * generation time), so that what is printed is what was decided.
 */
export type FormRow = { label: string; value: string; signer?: string; date?: string };
export type ApprovalForm = { court: string; title: string; serial: string; rows: FormRow[]; footer: string };
export type Letter = {
  kind: '报请函' | '移送函';
  court: string;
  docNo: string;
  title: string;
  /** The title in pieces that must stay whole (a case number, a phrase): lines break only between them. */
  titleParts: string[];
  addressee: string;
  paragraphs: string[];
  attachments: string[];
  contact: string;
  signDate: string;
};

const MODE_PHRASE: Record<TransferMode, string> = {
  督促: '督促执行',
  指令: '指令其他法院执行',
  提级: '提级执行',
  集中: '集中执行',
  协同: '协同执行',
  委托: '委托执行',
  院内交叉: '院内交叉执行',
};

/** Which letter a mode needs: decided by the superior court → 报请函 to it; 委托 → 移送函 to the entrusted court; internal → none. */
export function letterKindFor(mode: TransferMode): '报请函' | '移送函' | null {
  if (mode === '院内交叉') return null;
  return mode === '委托' ? '移送函' : '报请函';
}

const yuan = (fen: number | null) => (fen == null ? '—' : `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`);

function casesBlock(app: CoreApp, r: RequestRecord) {
  return linksOf(app, r.id).map((l) => {
    const c = getCase(app, l.caseId);
    return { c, p: partiesOf(app, c.id) };
  });
}

/** The grounds as a clause of the letter's sentence ("因……，"). */
const GROUND_PHRASE: Record<string, string> = {
  不当干预: '案件执行受到不当干预',
  消极执行: '案件存在消极执行情形',
  力量不足: '本院执行力量不足',
  关联案件: '案件与其他案件关联、宜一并执行',
  疑难复杂: '案情疑难复杂',
  超六个月未执行: '自收到申请执行书之日起超过六个月未执行完毕',
};
function groundsPhrase(grounds: string[], other: string | null): string {
  const list = grounds.filter((g) => g !== '其他').map((g) => GROUND_PHRASE[g] ?? g);
  if (grounds.includes('其他') && other) list.push(other);
  return list.join('，') || '案件符合交叉执行条件';
}

function reasonsText(r: RequestRecord): string {
  const list = r.reasons.filter((x) => x !== '其他');
  if (r.reasons.includes('其他') && r.reasonOther) list.push(`其他：${r.reasonOther}`);
  return list.join('、') || '—';
}

/** 交叉执行报请审批表: case facts, reasons, the handler's proposal, every decision with name, date and opinion. */
export function approvalFormModel(app: CoreApp, requestId: number): ApprovalForm {
  const r = getRequest(app, requestId);
  const s = getSettings(app);
  const cases = casesBlock(app, r);
  const receiving = r.mode === '院内交叉' ? r.receivingTeam ?? '—' : courtName(app, r.receivingCourtCode) ?? '—';
  const rows: FormRow[] = [
    { label: '案号', value: cases.map(({ c }) => c.caseNo).join('\n') },
    { label: '案由', value: [...new Set(cases.map(({ c }) => c.cause ?? '—'))].join('、') },
    { label: '申请执行人', value: [...new Set(cases.flatMap(({ p }) => p.applicants))].join('、') || '—' },
    { label: '被执行人', value: [...new Set(cases.flatMap(({ p }) => p.debtors))].join('、') || '—' },
    { label: '执行标的', value: cases.map(({ c }) => (cases.length > 1 ? `${c.caseNo}：${yuan(c.amountDueFen)}` : yuan(c.amountDueFen))).join('\n') },
    { label: '立案日期', value: cases.map(({ c }) => (c.filedOn ? cnDate(c.filedOn) : '—')).join('\n') },
    { label: '报请方式', value: MODE_PHRASE[r.mode] },
    { label: r.mode === '院内交叉' ? '拟接收团队' : '拟接收法院', value: receiving },
    { label: '报请理由', value: reasonsText(r) },
    ...(restsOnSixMonths(r.reasons) ? sixMonthRows(app, r, cases) : []),
    { label: '执行经过', value: r.summaryProcess || '—' },
    { label: '财产情况', value: r.summaryProperty || '—' },
    { label: '申请理由', value: r.summaryGrounds || '—' },
    { label: '承办人意见', value: r.proposal || `建议报请${MODE_PHRASE[r.mode]}。`, signer: r.requesterName, date: r.submittedAt ? cnDate(chinaDate(new Date(r.submittedAt))) : '' },
  ];
  const attachments = attachmentsOf(app, r.id).map((a) => attachmentTitle(a.name));
  if (attachments.length) rows.push({ label: '附件', value: attachments.map((n, i) => `${i + 1}. ${n}`).join('\n') });
  // Earlier versions' decisions stay on the form: the history of a returned request is part of the record.
  for (const v of versionsOf(app, r.rootId).filter((v) => v.version < r.version)) {
    for (const d of decisionsOf(app, v.id)) {
      rows.push({ label: `第${v.version}版 ${d.deciderTitle}意见`, value: decisionText(d.outcome, d.opinion), signer: d.deciderName, date: cnDate(d.decidedOn) });
    }
  }
  for (const d of decisionsOf(app, r.id)) {
    rows.push({ label: `${d.deciderTitle}审批意见`, value: decisionText(d.outcome, d.opinion), signer: d.deciderName, date: cnDate(d.decidedOn) });
  }
  if (!decisionsOf(app, r.id).length) rows.push({ label: '执行局长审批意见', value: '（待审批）' });
  return {
    court: s.courtName,
    title: '交叉执行报请审批表',
    serial: `审批编号：${r.rootId}-${r.version}`,
    rows,
    footer: `本表根据审批记录生成（${cnDate(chinaDate(app.now()))}），归入副卷。`,
  };
}

/**
 * 收到申请日期, 六个月届满日 and 已扣除期间 of each case (民诉法237, 执行程序解释10、13), for a request on
 * the six-month ground: the ledger's one clock as frozen when the request was submitted (legal.ts),
 * with the deductible intervals it counted (those after the start day).
 */
function sixMonthRows(app: CoreApp, r: RequestRecord, cases: ReturnType<typeof casesBlock>): FormRow[] {
  const facts = cases.map(({ c }) => {
    const clock = caseLegal(app, r, c.id).clock;
    const deductions = app.sqlite.prepare('SELECT kind, start_on AS startOn, end_on AS endOn FROM deductions WHERE case_id = ? ORDER BY start_on, id').all(c.id) as {
      kind: string;
      startOn: string;
      endOn: string | null;
    }[];
    return { caseNo: c.caseNo, received: c.applicationReceivedOn ?? null, clock, deductions: deductions.filter((d) => clock?.startOn && (d.endOn ?? '9999-12-31') > clock.startOn) };
  });
  const each = (fn: (f: (typeof facts)[number]) => string) => facts.map((f) => `${cases.length > 1 ? `${f.caseNo}：` : ''}${fn(f)}`).join('\n');
  return [
    { label: '收到申请日期', value: each((f) => (f.received ? cnDate(f.received) : '未登记')) },
    {
      label: '六个月届满日',
      value: each(({ clock: k }) =>
        !k || !k.runs || !k.endOn
          ? `不计算（${k?.why ?? '台账中无该案'}）`
          : `${cnDate(k.endOn)}${k.startKind && k.startKind !== '收到申请执行书' && k.startOn ? `（自${k.startKind}${cnDate(k.startOn)}起算）` : ''}` +
            `${k.past ? '，已超过六个月' : '，尚未超过六个月（届满次日起方可依民诉法第二百三十七条报请）'}${k.warning ? `（${k.warning}）` : ''}`,
      ),
    },
    {
      label: '已扣除期间',
      value: each(({ clock: k, deductions }) =>
        deductions.length && k?.deductedDays
          ? `${deductions.map((d) => `${d.kind} ${cnDate(d.startOn)}至${d.endOn ? cnDate(d.endOn) : '今'}`).join('；')}；共扣除${k.deductedDays}日`
          : '无',
      ),
    },
  ];
}

/** 报请函 to the intermediate court or 移送函 to the receiving court, after approval. */
export function letterModel(app: CoreApp, requestId: number, docNo: string): Letter | null {
  const r = getRequest(app, requestId);
  const kind = letterKindFor(r.mode);
  if (!kind) return null;
  const s = getSettings(app);
  const cases = casesBlock(app, r);
  const superior = app.sqlite
    .prepare('SELECT p.name FROM courts c JOIN courts p ON p.code = c.parent_code WHERE c.code = ?')
    .get(s.courtCode) as { name: string } | undefined;
  const receiving = courtName(app, r.receivingCourtCode);
  const addressee = kind === '报请函' ? superior?.name ?? '上级人民法院' : receiving ?? '—';
  const caseNos = caseNosText(cases.map(({ c }) => c.caseNo));
  const first = cases[0]!;
  const parties = `申请执行人${[...new Set(cases.flatMap(({ p }) => p.applicants))].join('、') || '—'}与被执行人${[...new Set(cases.flatMap(({ p }) => p.debtors))].join('、') || '—'}`;
  // The 案由 is printed as recorded: it already names the dispute (…纠纷), nothing is appended.
  const cause = first.c.cause ?? '';
  const approved = decisionsOf(app, r.id).filter((d) => d.outcome === '同意');
  const approvedOn = approved.length ? cnDate(approved[approved.length - 1]!.decidedOn) : cnDate(chinaDate(app.now()));
  const many = cases.length > 1;
  // "（2025）鄂0505执399号申请执行人甲与被执行人乙…纠纷一案": the case number leads, so no bracket is nested in another.
  const subject = `${caseNos}${parties}${cause}${many ? `系列案件共${cases.length}件` : '一案'}`;
  // The six-month ground is cited only when it held for every case when the request was submitted
  // (legal.ts / ledger/deadlines/grounds.ts: 民诉法237 "超过六个月"); otherwise the letter rests on the other grounds recorded.
  const sixHolds = restsOnSixMonths(r.reasons) && cases.every(({ c }) => caseLegal(app, r, c.id).grounds.some((g) => g.reason === '超六个月未执行' && g.holds));
  const grounds = r.reasons.filter((x) => x !== '超六个月未执行' || sixHolds);
  const basis = legalBasisFor(r.mode, grounds);
  const because = groundsPhrase(grounds, r.reasonOther);
  const paragraphs: string[] = [];
  if (kind === '报请函') {
    paragraphs.push(
      `本院执行的${subject}，因${because}，经本院执行局长于${approvedOn}审批同意，根据${basis}的规定，特报请贵院对${many ? '上述案件' : '该案'}${MODE_PHRASE[r.mode]}` +
        (r.mode === '指令' || r.mode === '集中' ? (receiving ? `，建议由${receiving}执行` : '') : '') +
        '。',
    );
  } else {
    paragraphs.push(
      `本院执行的${subject}，因${because}，经本院执行局长于${approvedOn}审批同意，根据${basis}的规定，现将${many ? '上述案件' : '该案'}移送贵院${MODE_PHRASE[r.mode]}。` +
        '请贵院在收到本函及所附材料之日起七日内立案，并将立案情况及承办人、联系电话告知本院。',
    );
  }
  if (r.summaryProcess) paragraphs.push(`一、执行经过：${r.summaryProcess}`);
  if (r.summaryProperty) paragraphs.push(`二、财产情况：${r.summaryProperty}`);
  if (r.summaryGrounds) paragraphs.push(`三、${kind === '报请函' ? '报请理由' : '移送理由'}：${r.summaryGrounds}`);
  // A 函 between courts closes with a request, not the 请示 formula 妥否，请批示 (GB/T 9704 / 党政机关公文处理工作条例 §8: 请示 is a separate kind).
  paragraphs.push(kind === '报请函' ? '特此函请，请予审查决定。' : '特此函告。');
  const what = `${many ? `${caseNos}等${cases.length}件案件` : `${caseNos}案件`}`;
  const titleParts = kind === '报请函' ? ['关于报请', `${MODE_PHRASE[r.mode]}`, what, '的函'] : ['关于移送', what, `${MODE_PHRASE[r.mode]}的函`];
  const phone = s.letterContactPhone.trim();
  return {
    kind,
    court: s.courtName,
    docNo,
    title: titleParts.join(''),
    titleParts,
    addressee,
    paragraphs,
    // The approval form is internal (副卷) and never travels with the letter; the case materials do.
    attachments: attachmentsOf(app, r.id).map((a) => attachmentTitle(a.name)),
    contact: `联系人：${first.c.handlerName ?? r.requesterName}，联系电话：${phone || '＿＿＿＿＿＿＿＿'}`,
    signDate: cnDate(chinaDate(app.now())),
  };
}
