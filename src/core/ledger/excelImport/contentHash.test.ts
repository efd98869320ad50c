import { describe, expect, it } from 'vitest';
import { canonicalJson } from './analyse';

/** The first version of the content key; stored import hashes were made with it. */
function firstVersion(content: unknown): string {
  const keys: Record<string, true> = {};
  const walk = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) (keys[k] = true), walk(v);
  };
  walk(content);
  return JSON.stringify(content, Object.keys(keys).sort());
}

describe('content key of an imported row', () => {
  it('is byte for byte the first version’s, so earlier imports are still recognised as duplicates', () => {
    const samples: unknown[] = [
      {
        caseNo: '（2025）鄂0505执12号', year: 2025, seq: 12, cause: null, amountDueFen: 12_500_000, note: undefined,
        parties: [{ side: '申请执行人', name: '宜昌某建材有限公司', idNumber: null, isSmb: true }, { side: '被执行人', name: '张三', b: 1, a: 2 }],
        transfer: { mode: '指令', reasons: ['消极执行', '其他'], reasonOther: '“引号”\\n换行', decisionOn: '2025-01-10', z: { y: [1, null, 'x'] } },
        progress: { onDate: null, amountFen: 0, text: '（台账导入）', substantive: true },
        '10': 'numeric-looking key', 'Ä': 'non-ASCII key', 中文: '中文键',
      },
      { empty: {}, list: [], nested: [[{ b: 2, a: 1 }]], n: -0.5, big: 1e21 },
    ];
    for (const s of samples) expect(canonicalJson(s)).toBe(firstVersion(s));
  });
});
