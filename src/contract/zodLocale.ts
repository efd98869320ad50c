import type { z } from 'zod';

/**
 * zod's default messages in plain Chinese (issue 12 §14): zod's own zh-CN locale reads like
 * "无效输入：期望 数字，实际接收 string" — half translated, with type names and operators. The field's
 * Chinese label is put in front by formatZodError (FIELD_LABELS), so these say only what is expected.
 * Messages written in the schemas themselves ('至少 8 位') take precedence over these.
 */
const TYPE: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组字段',
  date: '日期',
  null: '空值',
  undefined: '空',
  nan: '非数字',
  symbol: '符号',
  function: '函数',
  map: '映射',
  set: '集合',
  file: '文件',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

const list = (values: readonly unknown[]) => {
  const shown = values.slice(0, 12).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.join('、') + (values.length > 12 ? ` 等 ${values.length} 项` : '');
};

type Issue = z.core.$ZodRawIssue;

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必须填写';
      const want = TYPE[issue.expected] ?? '正确的类型';
      const got = TYPE[typeOf(issue.input)] ?? '其他类型';
      return issue.expected === 'int' && typeof issue.input === 'number' ? '应为整数' : `应为${want}，实际是${got}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${list(issue.values)}` : `应为以下之一：${list(issue.values)}`;
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`;
      if (issue.origin === 'file') return `文件不能超过 ${n} 字节`;
      return issue.inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? '不能为空' : `至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${n} 项`;
      return issue.inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${Number(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `包含不认识的字段：${list(issue.keys)}`;
    case 'invalid_union':
      return '内容不符合要求';
    case 'invalid_key':
    case 'invalid_element':
      return '包含不符合要求的项';
    default:
      return '内容不符合要求';
  }
}

/** For z.config: every message zod writes itself is Chinese. */
export const chineseLocale = () => ({ localeError: (issue: Issue) => chineseMessage(issue) });
