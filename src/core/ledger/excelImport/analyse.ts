import { createHash } from 'node:crypto';
import type { AnalysedRow, ImportCase, ImportParty } from './candidate';
import { CellReader } from './cellReader';
import type { CourtIndex } from './courtIndex';
import type { SheetRecord } from './records';
import { caseNoYearWarning } from '../../../contract/caseNumber';
import { checkPartyId, parseCaseNo } from './rules';
import { halfWidth, parseYesNo, splitNames } from './text';
import { toClosure } from './valueMaps';
import { readTransfer } from './analyseTransfer';
import type { SynonymMaps } from './synonyms';

/** What checking a row needs to know about the ledger it goes into. */
export type AnalyseContext = {
  courts: CourtIndex;
  /** This court's code (settings), to tell 移出 from 移入. */
  ourCourt: string;
  /** Today in China time, 'YYYY-MM-DD': no legal date may be later. */
  today: string;
  /** Users by display name, to link 承办人. */
  users: Map<string, number>;
  date1904: boolean;
  /** Words an administrator added for the vocabularies (synonyms.ts). */
  synonyms: SynonymMaps;
};

/** Checks one record and builds what would be written; never throws on bad data. */
export function analyseRecord(rec: SheetRecord, ctx: AnalyseContext): AnalysedRow {
  const r = new CellReader(rec, ctx.date1904);
  for (const n of rec.notes) r.warn(null, n);
  const candidate = buildCase(r, ctx);
  const errors = r.problems.some((p) => p.level === 'error');
  const applicants = candidate?.parties.filter((p) => p.side === '申请执行人').map((p) => p.name) ?? splitNames(r.text('applicants') ?? '');
  const debtors = candidate?.parties.filter((p) => p.side === '被执行人').map((p) => p.name) ?? splitNames(r.text('debtors') ?? '');
  return {
    rows: rec.rows,
    caseNo: candidate?.caseNo ?? r.text('caseNo') ?? r.text('originalCaseNo') ?? r.text('newCaseNo'),
    status: errors ? 'error' : r.problems.length ? 'warning' : 'ok',
    problems: r.problems,
    summary: {
      applicants: applicants.join('、'),
      debtors: debtors.join('、'),
      amountDueFen: candidate?.amountDueFen ?? r.seen.amountDueFen ?? null,
      mode: candidate?.transfer?.mode ?? r.text('mode'),
      filedOn: candidate?.filedOn ?? r.seen.filedOn ?? null,
    },
    candidate: errors ? null : candidate,
    contentHash: errors || !candidate ? null : contentHash(candidate),
  };
}

function buildCase(r: CellReader, ctx: AnalyseContext): ImportCase | null {
  const own = ownCaseNo(r);
  if (!own) {
    r.error(null, '缺少案号：请填写「案号」（或「原案号」「新案号」）');
  }
  let parsed: ReturnType<typeof parseCaseNo> | null = null;
  if (own) {
    parsed = parseCaseNo(own.text, ctx);
    if (!parsed.ok) r.error(own.cell, parsed.reason);
    else {
      const court = ctx.courts.resolve(parsed.value.courtCode);
      if ('error' in court) r.error(own.cell, `案号中的${court.error}`);
      for (const w of parsed.value.warnings) r.warn(own.cell, w);
    }
  }
  const applicationReceivedOn = r.date('applicationReceivedOn');
  const filedOn = r.date('filedOn');
  const closedOn = r.date('closedOn');
  const closureRaw = r.text('closureType');
  const closureType = closureRaw ? toClosure(closureRaw, ctx.synonyms.closure) : null;
  if (closureRaw && !closureType) {
    r.error('closureType', `应为 执行完毕、终结本次执行程序（终本）、终结执行、销案、不予执行、驳回申请 之一，实际为「${closureRaw}」`, { kind: 'closure', value: closureRaw });
  }
  if (closureType && !closedOn) r.error('closureType', '已填写结案方式，但没有结案日期');
  if (closedOn && !closureRaw) r.warn('closedOn', '有结案日期但未填写结案方式');
  for (const [f, d] of [['applicationReceivedOn', applicationReceivedOn], ['filedOn', filedOn], ['closedOn', closedOn]] as const) {
    if (d && d > ctx.today) r.error(f, `${d} 晚于今天，请核对`);
  }
  if (applicationReceivedOn && filedOn && applicationReceivedOn > filedOn) r.error('filedOn', `立案日期 ${filedOn} 早于收到申请日期 ${applicationReceivedOn}`);
  if (filedOn && closedOn && filedOn > closedOn) r.error('closedOn', `结案日期 ${closedOn} 早于立案日期 ${filedOn}`);
  const yearWarning = parsed?.ok ? caseNoYearWarning(parsed.value.year, filedOn) : null;
  if (yearWarning) r.warn('filedOn', yearWarning);

  const amountDueFen = r.amount('amountDue');
  const recovered = r.amount('recovered');
  if (amountDueFen !== null && recovered !== null && recovered > amountDueFen) r.warn('recovered', '到位金额大于执行标的（含利息、迟延履行金时属正常），请核对');

  const handlerName = r.text('handler', 32);
  let handlerId: number | null = null;
  if (handlerName) {
    handlerId = ctx.users.get(handlerName) ?? null;
    if (handlerId === null) r.warn('handler', `「${handlerName}」不是本系统用户，未关联承办人（已记入备注）`);
  }

  const parties = readParties(r);
  if (!parties.some((p) => p.side === '申请执行人')) r.warn('applicants', '未填写申请执行人');
  if (!parties.some((p) => p.side === '被执行人')) r.warn('debtors', '未填写被执行人');

  const transfer = readTransfer(r, ctx, parsed?.ok ? parsed.value : null, { filedOn, closedOn });
  const progressText = r.text('progress', 2000);
  const substantive = flag(r, 'substantive');
  const resolved = flag(r, 'resolved');
  const noteParts = [r.text('note', 1000), handlerName && handlerId === null ? `承办人：${handlerName}` : null].filter(Boolean);

  if (!own || !parsed?.ok) return null;
  return {
    caseNo: parsed.value.caseNo,
    caseNoKey: parsed.value.key,
    year: parsed.value.year,
    courtCode: parsed.value.courtCode,
    typeCode: parsed.value.typeCode,
    seq: parsed.value.seq,
    cause: r.text('cause', 100),
    basisDocNo: r.text('basisDocNo', 200),
    applicationReceivedOn,
    filedOn,
    closedOn,
    closureType,
    amountDueFen,
    handlerId,
    handlerName,
    note: noteParts.length ? noteParts.join('；') : null,
    parties,
    transfer,
    progress:
      progressText || (recovered ?? 0) > 0 || substantive || resolved
        ? {
            onDate: closedOn,
            amountFen: recovered ?? 0,
            text: progressText ?? ((recovered ?? 0) > 0 ? '（台账导入：累计到位金额）' : '（台账导入）'),
            ...(substantive ? { substantive: true as const } : {}),
            ...(resolved ? { resolved: true as const } : {}),
          }
        : null,
  };
}

/**
 * The case this row is about. With only 原案号/新案号 columns, our case is the new one for a case
 * we received (移入) and the original one otherwise.
 */
function ownCaseNo(r: CellReader): { text: string; cell: ReturnType<CellReader['cell']> } | null {
  const pick = (f: 'caseNo' | 'originalCaseNo' | 'newCaseNo') => {
    const t = r.text(f);
    return t ? { text: t, cell: r.cell(f) } : null;
  };
  const incoming = /移入|接收/.test(r.text('direction') ?? '');
  return pick('caseNo') ?? (incoming ? (pick('newCaseNo') ?? pick('originalCaseNo')) : (pick('originalCaseNo') ?? pick('newCaseNo')));
}

/** Organisation names end in words like these; everything else with 2–4 Chinese characters is a person. */
const ORG = /(公司|厂|店|行|社|中心|集团|银行|医院|学校|学院|委员会|局|所|协会|合作社|村|组|部|院|会|馆|站|场|园|企业|商号|经营部|分公司|支行)$|有限|股份/;

function readParties(r: CellReader): ImportParty[] {
  const isSmb = flag(r, 'isSmb');
  const isLivelihood = flag(r, 'isLivelihood');
  const out: ImportParty[] = [];
  for (const [side, nameField, idField] of [
    ['申请执行人', 'applicants', 'applicantIds'],
    ['被执行人', 'debtors', 'debtorIds'],
  ] as const) {
    const names = r.all(nameField).flatMap((c) => splitNames(String(c.value ?? '')).map((n) => ({ n, c })));
    const ids = r.all(idField).flatMap((c) => splitNames(halfWidth(String(c.value ?? ''))).map((n) => ({ n, c })));
    if (ids.length && ids.length !== names.length) r.warn(ids[0]!.c, `证件号码 ${ids.length} 个，${side} ${names.length} 个，已按顺序对应`);
    const seen = new Set<string>();
    names.forEach(({ n, c }, i) => {
      if (n.length > 100) return r.error(c, `「${n.slice(0, 20)}…」超过 100 字，不像是姓名或名称`);
      if (seen.has(n)) return;
      seen.add(n);
      const idCell = ids[i];
      let idNumber: string | null = null;
      let kind: ImportParty['kind'] = ORG.test(n) || n.length > 6 ? '法人或其他组织' : '自然人';
      if (idCell && !/^(无|\/|-|—)$/.test(idCell.n)) {
        const id = checkPartyId(idCell.n);
        if (!id.ok) r.error(idCell.c, `${n}：${id.reason}`);
        else {
          idNumber = id.value;
          kind = id.kind;
        }
      }
      out.push({
        side,
        kind,
        name: n,
        idNumber,
        // Local reading of the flag columns: 涉中小微企业 marks the organisations named, 涉民生 the applicants (e.g. workers owed wages).
        isSmb: isSmb && kind === '法人或其他组织',
        isLivelihood: isLivelihood && side === '申请执行人',
      });
    });
  }
  return out;
}

function flag(r: CellReader, f: 'isSmb' | 'isLivelihood' | 'substantive' | 'resolved'): boolean {
  const c = r.cell(f);
  if (!c) return false;
  const v = parseYesNo(String(c.value ?? ''));
  if (v === null) r.warn(c, `应填“是”或“否”，实际为「${String(c.value)}」，按“否”处理`);
  return v ?? false;
}

/** The content key of a row: the same case with the same content imports once, however it was typed. */
export function contentHash(c: ImportCase): string {
  // handlerId depends on who has an account today; the name as written is what the file says.
  const { handlerId: _ignored, ...content } = c;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * JSON with every object's keys in sorted order. Byte for byte what the first version produced
 * (JSON.stringify with the sorted list of all keys as replacer — stored hashes depend on it, and a
 * test holds the two equal) at a third of the cost on a 10k-row import.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined || typeof x === 'function' ? 'null' : canonicalJson(x))).join(',')}]`;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(v);
  const parts: string[] = [];
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(x)}`);
  }
  return `{${parts.join(',')}}`;
}
