import {
  CLOSURE_TYPES,
  DIRECTIONS,
  INITIATED_BY,
  TRANSFER_MODES,
  TRANSFER_REASONS,
  TRANSFER_STATES,
  type ClosureType,
  type Direction,
  type TransferMode,
  type TransferState,
} from '../../../contract/vocabulary';
import { halfWidth, splitNames } from './text';
import { synonymKey } from './synonyms';

/**
 * The words ledgers use for the fixed vocabularies, mapped onto the app's terms
 * (domain brief §1.4 modes, §4.2 closure types, §6.1 fields). `extra` holds the synonyms an
 * administrator added (synonyms.ts, a local setting); they are looked up first, on the whole cell.
 */
const strip = (s: string) => halfWidth(s).replace(/\s/g, '');
/** 内部交叉（变更承办人） → 内部交叉: an explanation in brackets after the word does not change it. */
const unbracket = (s: string) => s.replace(/[(（][^)）]*[)）]/g, '');
type Extra = ReadonlyMap<string, string> | undefined;

/** Tries the whole cell, then the cell without its bracketed explanation. */
function lookUp<T extends string>(raw: string, extra: Extra, builtin: (s: string) => T | null): T | null {
  const key = synonymKey(raw);
  const own = extra?.get(key);
  if (own) return own as T;
  const bare = unbracket(key);
  return builtin(key) ?? (bare && bare !== key ? ((extra?.get(bare) as T | undefined) ?? builtin(bare)) : null);
}

const MODE_ALIAS: Record<string, TransferMode> = {
  // 指定执行 is the Civil Procedure Law's word (民诉法 §237 "指令其他人民法院执行"; 执行程序解释 §10–13) for 指令.
  指定: '指令', 指定执行: '指令', 指定管辖: '指令', 指令管辖: '指令',
  提级: '提级', 提执: '提级', 提级管辖: '提级',
  院内: '院内交叉', 本院交叉: '院内交叉', 院内交叉: '院内交叉', 内部交叉: '院内交叉', 内部: '院内交叉',
  变更承办人: '院内交叉', 更换承办人: '院内交叉', 更换承办团队: '院内交叉', 变更承办团队: '院内交叉',
  集中管辖: '集中', 协助: '协同', 督促令: '督促',
};

export function toMode(raw: string, extra?: Extra): TransferMode | null {
  return lookUp(raw, extra, (k) => {
    const s = k.replace(/交叉执行$|执行$/, '').replace(/^交叉/, '');
    if ((TRANSFER_MODES as readonly string[]).includes(s)) return s as TransferMode;
    return MODE_ALIAS[s] ?? MODE_ALIAS[k] ?? null;
  });
}

const DIRECTION_ALIAS: Record<string, Direction> = {
  移出案件: '移出', 交出: '移出', 移送: '移出', 送出: '移出', 移送外院: '移出',
  移入案件: '移入', 接收: '移入', 收案: '移入', 受指定: '移入', 受移送: '移入',
  院内交叉: '院内', 本院: '院内', 院内案件: '院内', 内部交叉: '院内', 本院交叉: '院内',
};

export function toDirection(raw: string, extra?: Extra): Direction | null {
  return lookUp(raw, extra, (s) => ((DIRECTIONS as readonly string[]).includes(s) ? (s as Direction) : (DIRECTION_ALIAS[s] ?? null)));
}

export function toState(raw: string, extra?: Extra): TransferState | null {
  return lookUp(raw, extra, builtinState);
}

function builtinState(s: string): TransferState | null {
  if ((TRANSFER_STATES as readonly string[]).includes(s)) return s as TransferState;
  const alias: Record<string, TransferState> = {
    结案: '已结案', 已办结: '已结案', 办结: '已结案', 执结: '已结案', 已执结: '已结案',
    化解: '已化解', 已实质化解: '已化解',
    在办: '办理中', 正在办理: '办理中', 执行中: '办理中', 未结: '办理中', 在执行: '办理中',
    已移交: '已移送', 移送: '已移送', 立案: '已立案', 已受理: '已立案',
    退出: '已退出', 已退回原法院: '已退出', 退回: '已退出', 决定: '已决定',
  };
  return alias[s] ?? null;
}

export function toClosure(raw: string, extra?: Extra): ClosureType | null {
  return lookUp(raw, extra, builtinClosure);
}

function builtinClosure(s: string): ClosureType | null {
  if ((CLOSURE_TYPES as readonly string[]).includes(s)) return s as ClosureType;
  const alias: Record<string, ClosureType> = {
    终本: '终结本次执行程序', 终结本次执行: '终结本次执行程序', 终结本次: '终结本次执行程序',
    执结: '执行完毕', 全部执行完毕: '执行完毕', 执行完结: '执行完毕', 和解履行完毕: '执行完毕',
    终结: '终结执行', 终执: '终结执行', 不执: '不予执行', 驳回: '驳回申请', 驳回执行申请: '驳回申请',
  };
  return alias[s] ?? null;
}

export function toInitiatedBy(raw: string): (typeof INITIATED_BY)[number] | null {
  const s = strip(raw);
  if ((INITIATED_BY as readonly string[]).includes(s)) return s as (typeof INITIATED_BY)[number];
  const alias: Record<string, (typeof INITIATED_BY)[number]> = { 申请: '依申请', 当事人申请: '依申请', 职权: '依职权', 法院依职权: '依职权', 交办: '上级交办', 上级法院交办: '上级交办' };
  return alias[s] ?? null;
}

/** "消极执行、超六个月" → known reasons; anything else goes to 其他 with its text. */
export function toReasons(raw: string): { reasons: string[]; other: string | null } {
  const reasons = new Set<string>();
  const other: string[] = [];
  const alias: Record<string, string> = { 超六个月: '超六个月未执行', 超过六个月未执行: '超六个月未执行', 超6个月未执行: '超六个月未执行', 长期未执行: '超六个月未执行', 执行力量不足: '力量不足', 多案关联: '关联案件', 案件关联: '关联案件', 重大疑难复杂: '疑难复杂', 干预: '不当干预' };
  for (const part of splitNames(raw)) {
    const p = strip(part);
    const hit = (TRANSFER_REASONS as readonly string[]).includes(p) ? p : alias[p];
    if (hit && hit !== '其他') reasons.add(hit);
    else {
      reasons.add('其他');
      if (p !== '其他') other.push(part);
    }
  }
  return { reasons: [...reasons], other: other.length ? other.join('、') : null };
}
