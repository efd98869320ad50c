import type { Caller, TestCore } from '../../../test/support/core';

/**
 * Fixture for approval tests: a bureau with a handler, a second handler, a chief and a leader,
 * and open cases of this court (鄂0505) handled by the handler.
 */
export async function approvalBureau(t: TestCore) {
  const handler = t.as('staff', '张承办');
  const other = t.as('staff', '王承办');
  const chief = t.as('chief', '李局长');
  const leader = t.as('leader', '赵院长');
  const clerk = t.as('clerk', '陈书记员');
  const admin = t.as('admin', '系统管理员');
  let n = 100;
  const newCase = async (by: Caller = chief, extra: Record<string, unknown> = {}) => {
    n++;
    const r = await by.run('ledger.edit.saveCase', {
      caseNo: `（2025）鄂0505执${n}号`,
      cause: '民间借贷',
      filedOn: '2025-01-10',
      amountDueFen: 12_345_600,
      handlerId: handler.user.id,
      ...extra,
    });
    await by.run('ledger.edit.saveParty', { caseId: r.id, side: '申请执行人', name: `王某${n}`, kind: '自然人' });
    await by.run('ledger.edit.saveParty', { caseId: r.id, side: '被执行人', name: `某某公司${n}`, kind: '法人或其他组织' });
    return r.id;
  };
  return { handler, other, chief, leader, clerk, admin, newCase };
}

/** A complete request for 指令 to 宜都市人民法院 (another basic court of 宜昌). */
export const fullDraft = (caseIds: number[]) => ({
  mode: '指令' as const,
  caseIds,
  reasons: ['超六个月未执行'] as ('超六个月未执行')[],
  receivingCourtCode: '鄂0581',
  proposal: '建议报请中院指令宜都市人民法院执行。',
  summaryProcess: '立案后网络查控，发现被执行人在宜都市有房产一处，本院处置困难。',
  summaryProperty: '宜都市房产一处，已查封。',
  summaryGrounds: '案件长期未结，异地财产处置困难。',
});
