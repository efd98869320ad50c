import type { TransferMode } from '../../../contract/vocabulary';
import type { CoreApp } from '../../app';
import { getSettings } from '../../settings/settings';
import { attachmentsOf } from '../attachments';
import { getCase, partiesOf } from '../ledgerBridge';
import { courtName, decisionsOf, getRequest, linksOf, versionsOf, type RequestRecord } from '../store';
import { chinaDate, cnDate } from '../time';

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
    { label: '执行经过', value: r.summaryProcess || '—' },
    { label: '财产情况', value: r.summaryProperty || '—' },
    { label: '申请理由', value: r.summaryGrounds || '—' },
    { label: '承办人意见', value: r.proposal || `建议报请${MODE_PHRASE[r.mode]}。`, signer: r.requesterName, date: r.submittedAt ? cnDate(chinaDate(new Date(r.submittedAt))) : '' },
  ];
  const attachments = attachmentsOf(app, r.id).map((a) => a.name);
  if (attachments.length) rows.push({ label: '附件', value: attachments.map((n, i) => `${i + 1}. ${n}`).join('\n') });
  // Earlier versions' decisions stay on the form: the history of a returned request is part of the record.
  for (const v of versionsOf(app, r.rootId).filter((v) => v.version < r.version)) {
    for (const d of decisionsOf(app, v.id)) {
      rows.push({ label: `第${v.version}版 ${d.deciderTitle}意见`, value: `${d.outcome}。${d.opinion}`, signer: d.deciderName, date: cnDate(d.decidedOn) });
    }
  }
  for (const d of decisionsOf(app, r.id)) {
    rows.push({ label: `${d.deciderTitle}审批意见`, value: `${d.outcome}。${d.opinion}`, signer: d.deciderName, date: cnDate(d.decidedOn) });
  }
  if (!decisionsOf(app, r.id).length) rows.push({ label: '执行局长审批意见', value: '（待审批）' });
  return {
    court: s.courtName,
    title: '交叉执行报请审批表',
    serial: `审批编号：${r.rootId}-${r.version}`,
    rows,
    footer: `本表由交叉执行工作台根据审批记录生成（${cnDate(chinaDate(app.now()))}），归入副卷。`,
  };
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
  const caseNos = cases.map(({ c }) => c.caseNo).join('、');
  const first = cases[0]!;
  const parties = `申请执行人${[...new Set(cases.flatMap(({ p }) => p.applicants))].join('、') || '—'}与被执行人${[...new Set(cases.flatMap(({ p }) => p.debtors))].join('、') || '—'}`;
  const cause = first.c.cause ? `${first.c.cause}纠纷` : '';
  const approved = decisionsOf(app, r.id).filter((d) => d.outcome === '同意');
  const approvedOn = approved.length ? cnDate(approved[approved.length - 1]!.decidedOn) : cnDate(chinaDate(app.now()));
  const paragraphs: string[] = [];
  if (kind === '报请函') {
    paragraphs.push(
      `本院受理的${parties}${cause}执行${cases.length > 1 ? `系列案件共${cases.length}件（${caseNos}）` : `一案（${caseNos}）`}，因${reasonsText(r)}，` +
        `经本院执行局长于${approvedOn}审批同意，根据《中华人民共和国民事诉讼法》第二百三十七条、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》第十条至第十二条及《最高人民法院关于交叉执行工作的指导意见》的规定，特报请贵院对${cases.length > 1 ? '上述案件' : '该案'}${MODE_PHRASE[r.mode]}` +
        (r.mode === '指令' || r.mode === '集中' ? (receiving ? `，建议由${receiving}执行` : '') : '') +
        '。',
    );
  } else {
    paragraphs.push(
      `本院受理的${parties}${cause}执行${cases.length > 1 ? `案件共${cases.length}件（${caseNos}）` : `一案（${caseNos}）`}，因${reasonsText(r)}，经本院执行局长于${approvedOn}审批同意，` +
        `根据《最高人民法院关于委托执行若干问题的规定》，现将${cases.length > 1 ? '上述案件' : '该案'}移送贵院${MODE_PHRASE[r.mode]}。请贵院在收到本函及所附材料之日起七日内立案，并将立案情况及承办人、联系电话告知本院。`,
    );
  }
  if (r.summaryProcess) paragraphs.push(`一、执行经过：${r.summaryProcess}`);
  if (r.summaryProperty) paragraphs.push(`二、财产情况：${r.summaryProperty}`);
  if (r.summaryGrounds) paragraphs.push(`三、${kind === '报请函' ? '报请理由' : '移送理由'}：${r.summaryGrounds}`);
  paragraphs.push(kind === '报请函' ? '妥否，请批示。' : '特此函告。');
  return {
    kind,
    court: s.courtName,
    docNo,
    title: `关于${kind === '报请函' ? `报请对${caseNos}${cases.length > 1 ? '等案件' : '案件'}${MODE_PHRASE[r.mode]}` : `移送${caseNos}${cases.length > 1 ? '等案件' : '案件'}${MODE_PHRASE[r.mode]}`}的函`,
    addressee,
    paragraphs,
    // The approval form is internal (副卷) and never travels with the letter; the case materials do.
    attachments: attachmentsOf(app, r.id).map((a) => a.name),
    contact: `联系人：${first.c.handlerName ?? r.requesterName}`,
    signDate: cnDate(chinaDate(app.now())),
  };
}
