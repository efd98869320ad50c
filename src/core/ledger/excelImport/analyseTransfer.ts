import type { Direction, TransferState } from '../../../contract/vocabulary';
import type { ImportTransfer } from './candidate';
import type { CellReader } from './cellReader';
import type { AnalyseContext } from './analyse';
import type { ImportField } from './headers';
import { parseCaseNo, type ParsedCaseNo } from './rules';
import { toDirection, toInitiatedBy, toMode, toReasons, toState } from './valueMaps';

const TRANSFER_FIELDS: ImportField[] = [
  'mode', 'direction', 'reasons', 'initiatedBy', 'decidingCourt', 'decisionDocNo', 'decisionOn', 'deadlineOn', 'originalCourt',
  'receivingCourt', 'newCaseNo', 'requestedOn', 'handedOverOn', 'receivedOn', 'newFiledOn', 'state',
];

/**
 * The cross-execution part of a row. A row with none of these columns filled is a plain case;
 * otherwise 交叉方式 is required and the direction is read or worked out from the courts.
 */
export function readTransfer(r: CellReader, ctx: AnalyseContext, own: ParsedCaseNo | null, caseDates: { filedOn: string | null; closedOn: string | null }): ImportTransfer | null {
  if (!TRANSFER_FIELDS.some((f) => r.has(f))) return null;
  const modeRaw = r.text('mode');
  const mode = modeRaw ? toMode(modeRaw, ctx.synonyms.mode) : null;
  if (!modeRaw) r.error('mode', '未填写：有交叉执行信息的行须注明交叉方式（督促、指令、提级、集中、协同、委托、院内交叉）');
  else if (!mode) r.error('mode', `应为 督促、指令、提级、集中、协同、委托、院内交叉 之一，实际为「${modeRaw}」`, { kind: 'mode', value: modeRaw });

  const court = (f: 'decidingCourt' | 'originalCourt' | 'receivingCourt') => {
    const t = r.text(f);
    if (!t) return null;
    const hit = ctx.courts.resolve(t);
    if ('error' in hit) {
      r.error(f, hit.error);
      return null;
    }
    return hit.code;
  };
  const caseNo = (f: 'originalCaseNo' | 'newCaseNo') => {
    const t = r.text(f);
    if (!t) return null;
    const p = parseCaseNo(t, ctx);
    if (!p.ok) {
      r.error(f, p.reason);
      return null;
    }
    return p.value;
  };
  const decidingCourtCode = court('decidingCourt');
  let originalCourtCode = court('originalCourt');
  let receivingCourtCode = court('receivingCourt');
  const originalNo = caseNo('originalCaseNo');
  const newNo = caseNo('newCaseNo');
  originalCourtCode ??= originalNo?.courtCode ?? null;
  receivingCourtCode ??= newNo?.courtCode ?? null;

  let direction: Direction | null = null;
  const dirRaw = r.text('direction');
  if (dirRaw) {
    direction = toDirection(dirRaw, ctx.synonyms.direction);
    if (!direction) r.error('direction', `应为 移出、移入、院内 之一，实际为「${dirRaw}」`, { kind: 'direction', value: dirRaw });
  } else if (mode === '院内交叉') direction = '院内';
  else if (originalCourtCode === ctx.ourCourt && receivingCourtCode !== ctx.ourCourt) direction = '移出';
  else if (receivingCourtCode === ctx.ourCourt && originalCourtCode !== ctx.ourCourt) direction = '移入';
  else if (!originalCourtCode && own?.courtCode === ctx.ourCourt && receivingCourtCode) direction = '移出';
  else if (!receivingCourtCode && own && own.courtCode !== ctx.ourCourt) direction = '移入';
  if (!direction && !dirRaw) r.error('direction', '无法判断移送方向：请增加「方向」列（移出 / 移入 / 院内），或填写原执行法院和承办法院');

  // Fill the side that is us, so the ledger shows both courts.
  if (direction === '移出') originalCourtCode ??= ctx.ourCourt;
  if (direction === '移入') receivingCourtCode ??= ctx.ourCourt;
  if (direction === '院内') {
    originalCourtCode ??= ctx.ourCourt;
    receivingCourtCode ??= ctx.ourCourt;
  }

  const receivedOn = r.date('receivedOn');
  const dates = {
    requestedOn: r.date('requestedOn'),
    decisionOn: r.date('decisionOn'),
    handedOverOn: r.date('handedOverOn'),
    receivedOn,
    filedOn: r.date('newFiledOn') ?? (direction === '移入' ? incomingFiling(r, caseDates.filedOn, receivedOn) : null),
  };
  const deadlineOn = r.date('deadlineOn');
  const order: [keyof typeof dates, ImportField, string][] = [
    ['requestedOn', 'requestedOn', '报请日期'],
    ['decisionOn', 'decisionOn', '决定日期'],
    ['handedOverOn', 'handedOverOn', '卷宗移交日期'],
    ['receivedOn', 'receivedOn', '收到卷宗日期'],
    ['filedOn', 'newFiledOn', '新立案日期'],
  ];
  let last: { d: string; label: string } | null = null;
  for (const [k, f, label] of order) {
    const d = dates[k];
    if (!d) continue;
    if (d > ctx.today) r.error(f, `${d} 晚于今天，请核对`);
    if (last && d < last.d) r.error(f, `${label} ${d} 早于${last.label} ${last.d}`);
    last = { d, label };
  }
  if (deadlineOn && dates.decisionOn && deadlineOn < dates.decisionOn) r.error('deadlineOn', `限期 ${deadlineOn} 早于决定日期 ${dates.decisionOn}`);
  if (mode === '督促' && !deadlineOn) r.warn('deadlineOn', '督促执行未填写限期，无法提醒到期');

  const stateRaw = r.text('state');
  let state: TransferState | null = stateRaw ? toState(stateRaw, ctx.synonyms.state) : null;
  if (stateRaw && !state) r.error('state', `无法识别的状态「${stateRaw}」，应为 已决定、已移送、已立案、办理中、已化解、已结案、已退出 等`, { kind: 'state', value: stateRaw });
  if (!stateRaw) {
    // No state column: the furthest date reached tells where the transfer stands.
    state = caseDates.closedOn ? '已结案' : dates.filedOn ? '办理中' : dates.receivedOn || dates.handedOverOn ? '已移送' : '已决定';
    if (!caseDates.closedOn && !dates.filedOn && !dates.receivedOn && !dates.handedOverOn && !dates.decisionOn) {
      r.warn('state', '未填写状态和移送各环节日期，按“已决定”导入');
    }
  }
  const reasonsRaw = r.text('reasons');
  const reasons = reasonsRaw ? toReasons(reasonsRaw) : { reasons: [], other: null };
  const initiatedRaw = r.text('initiatedBy');
  const initiatedBy = initiatedRaw ? toInitiatedBy(initiatedRaw) : null;
  if (initiatedRaw && !initiatedBy) r.warn('initiatedBy', `应为 依申请、依职权、上级交办 之一，「${initiatedRaw}」未导入`);

  if (!mode || !direction || !state) return null;
  return {
    mode,
    direction,
    reasons: reasons.reasons,
    reasonOther: reasons.other,
    initiatedBy,
    decidingCourtCode,
    decisionDocNo: r.text('decisionDocNo', 100),
    decisionOn: dates.decisionOn,
    deadlineOn,
    originalCourtCode,
    receivingCourtCode,
    originalCaseNo: originalNo?.caseNo ?? (direction === '移出' ? (own?.caseNo ?? null) : null),
    newCaseNo: newNo?.caseNo ?? (direction === '移入' ? (own?.caseNo ?? null) : null),
    requestedOn: dates.requestedOn,
    handedOverOn: dates.handedOverOn,
    receivedOn: dates.receivedOn,
    filedOn: dates.filedOn,
    closedOn: state === '已结案' || state === '已化解' ? caseDates.closedOn : null,
    state,
    exitReason: state === '已退出' ? (r.text('note', 200) ?? '台账导入：原台账未注明退出原因') : null,
  };
}

/**
 * A received (移入) case's ledger without a 新立案日期 column: its 立案日期 is our filing of the case
 * after the file arrived (执行程序解释 / local 移入立案 rule: the receiving court files it anew), so
 * a 立案日期 on or after 收到卷宗日期 is the transfer's new filing. One before it cannot be ours —
 * it is refused for that row and named, rather than silently read as the original court's filing.
 * A column headed 原立案日期 is the original court's date and is not read this way.
 */
function incomingFiling(r: CellReader, filedOn: string | null, receivedOn: string | null): string | null {
  const col = r.cell('filedOn');
  if (!filedOn || !receivedOn || !col || /原/.test(col.column.header)) return null;
  if (filedOn >= receivedOn) return filedOn;
  r.error(
    'filedOn',
    `立案日期 ${filedOn} 早于收到卷宗日期 ${receivedOn}：移入案件的立案日期应为本院收到卷宗后的新立案日期，请核对（如填的是原法院的立案日期，请把列名改为「原立案日期」）`,
  );
  return null;
}
