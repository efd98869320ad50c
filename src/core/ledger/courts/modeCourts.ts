import type { Direction, TransferMode } from '../../../contract/vocabulary';
import type { CoreApp } from '../../app';
import { getSettings } from '../../settings/settings';

/**
 * Which court a transfer may name on the other side (对方法院), by its mode. ONE rule, used by the
 * transfer create/update path (src/core/ledger/edit/transfers.ts) and by the court picker in the
 * transfer form (courts.list with `forTransfer`). The hierarchy is the courts table's parent_code.
 *
 * Modes marked ✅ in the domain brief refuse a wrong court; modes marked ❓ only warn.
 */
export type ModeCourtCheck = { refusal?: string; warning?: string };

type Tree = { ours: string; parent: string | null; parentOf: (code: string) => string | null };

function tree(app: CoreApp): Tree {
  const ours = getSettings(app).courtCode;
  const rows = app.sqlite.prepare('SELECT code, parent_code AS p FROM courts').all() as { code: string; p: string | null }[];
  const map = new Map(rows.map((r) => [r.code, r.p]));
  return { ours, parent: map.get(ours) ?? null, parentOf: (c) => map.get(c) ?? null };
}

/** The field that names the other court: the receiving court when we send, the original court when we receive. */
export function counterpartField(direction: Direction): { field: 'receivingCourtCode' | 'originalCourtCode'; label: string } {
  return direction === '移入' ? { field: 'originalCourtCode', label: '原执行法院' } : { field: 'receivingCourtCode', label: '承办法院' };
}

function check(t: Tree, mode: TransferMode, direction: Direction, code: string, draft: boolean): ModeCourtCheck {
  const { label } = counterpartField(direction);
  const f = `「对方法院（${label}）」`;
  const sibling = t.parent !== null && t.parentOf(code) === t.parent && code !== t.ours;
  const child = t.parentOf(code) === t.ours;
  const superior = t.parent ? `本院的上一级法院（${t.parent}）` : '本院的上一级法院（法院名录中未登记）';
  switch (mode) {
    // 提级执行: the superior court takes the case itself (最高法 执行程序解释 第十一条; 民诉法 第二百三十七条). ✅
    case '提级':
      if (direction === '移入') return child ? {} : { refusal: `${f}提级执行只能由本院的下级法院移入本院，${code} 不是本院的下级法院` };
      return code === t.parent ? {} : { refusal: `${f}提级执行只能移送${superior}` };
    // 指令执行: the superior orders another court in its area, i.e. a court at our level under the same superior
    // (执行程序解释 第十一条; 民诉法 第二百三十七条). ✅ While we only 报请 (a draft), the superior may stand in until it names the court.
    case '指令':
      if (sibling) return {};
      if (direction === '移出' && draft && code === t.parent) return { warning: `${f}指令执行的承办法院应由上级法院指定；报请阶段暂填上级法院，决定后请改为被指定的法院` };
      return { refusal: `${f}指令执行只能在同一上级法院（${t.parent ?? '未登记'}）辖区内的其他法院之间进行，${code} 不符合` };
    // 督促执行: power stays with the executing court; the other side is the superior who urges (执行程序解释 第十一条). ✅
    case '督促':
      if (direction === '移出') return code === t.parent ? {} : { refusal: `${f}督促执行由本院继续执行，对方只能是督促本院的${superior}，可不选` };
      return child ? {} : { warning: `${f}督促执行的对象通常是本院的下级法院` };
    // 协同执行: power stays with the executing court, other courts assist; any court (concept 🟢, form ❓ — no restriction).
    case '协同':
      return {};
    // 委托执行: to a court elsewhere (委托执行规定 第一条: 异地). Whether a court in our own 中院 area counts is not
    // verified, so it is a warning only.
    case '委托':
      return sibling || code === t.parent ? { warning: `${f}委托执行通常委托异地法院，${code} 与本院同属一个上级法院辖区，请核对` } : {};
    // 集中执行: a court the superior chooses — a court under the same superior or the superior itself (🟢 concept; ❓ form) → warning.
    case '集中':
      return sibling || code === t.parent || child ? {} : { warning: `${f}集中执行通常由上级法院指定其辖区内的法院或其本身办理，${code} 不在该辖区内，请核对` };
    // 院内交叉: a change of handler or team inside our court (domain brief §1.4, 🟡 practice): only our court by definition.
    case '院内交叉':
      return code === t.ours ? {} : { refusal: `${f}院内交叉只能是本院（${t.ours}）` };
  }
}

/** The check for one transfer; our own court on the other side is refused elsewhere (transfers.ts). */
export function modeCourtCheck(app: CoreApp, v: { mode: TransferMode; direction: Direction; counterpart: string | null | undefined; draft: boolean }): ModeCourtCheck {
  if (!v.counterpart) return {};
  return check(tree(app), v.mode, v.direction, v.counterpart, v.draft);
}

/** The courts the picker offers: every court the rule does not refuse, with its warning if any. */
export function courtsForMode(app: CoreApp, codes: string[], mode: TransferMode, direction: Direction, draft: boolean): Map<string, string | null> {
  const t = tree(app);
  const out = new Map<string, string | null>();
  for (const code of codes) {
    if (direction !== '院内' && code === t.ours && mode !== '院内交叉') continue;
    const r = check(t, mode, direction, code, draft);
    if (!r.refusal) out.set(code, r.warning ?? null);
  }
  return out;
}
