import type { ClockStatus, LegalGround } from '../../../contract/calls/ledgerDeadlines';

/**
 * Which legal ground actually holds for reporting a case for cross-execution, with its source — so
 * a request (and its 报请函) cites the ground that holds, not 民诉法237 whatever the ground.
 * - 超六个月未执行 holds only when the ledger's six-month clock is ours and past (民诉法237;
 *   执行程序解释 第十条); otherwise it is listed as not holding, with the ledger's reason.
 * - The other situations rest on the 2024 opinion's necessity principle and 法〔2021〕322号 item 28
 *   (brief §1.2, §1.6 — 🟢, article numbers of the opinion not verified, so cited by part only).
 * - 委托 rests on 民诉法240 and the 委托执行规定; 院内交叉 is internal practice (🟡).
 */
const OPINION = '《最高人民法院关于交叉执行工作的指导意见》（法发〔2024〕9号）必要性原则（条号待核）';
const SUPERVISION = '《关于进一步完善执行权制约机制加强执行监督的意见》（法〔2021〕322号）第28条';
const MODE_BASIS: Record<string, string> = {
  督促: '执行程序解释（2020）第十一条（督促执行令）',
  指令: '执行程序解释（2020）第十一条（裁定指令执行）',
  提级: '执行程序解释（2020）第十一条（裁定提级执行）',
  集中: '法发〔2024〕9号 第三部分（集中执行）',
  协同: '法发〔2024〕9号 第四部分（协同执行）',
  委托: '民事诉讼法 第二百四十条；《最高人民法院关于委托执行若干问题的规定》',
  院内交叉: '本院内部管理（院内交叉，本地做法）',
};

export function legalGrounds(mode: string, reasons: readonly string[], clock: ClockStatus | null): LegalGround[] {
  const out: LegalGround[] = [];
  const modeBasis = MODE_BASIS[mode] ?? '';
  if (reasons.includes('超六个月未执行')) {
    const holds = !!clock?.runs && clock.past;
    out.push({
      reason: '超六个月未执行',
      holds,
      basis: '申请执行人可向上一级法院申请执行（超过六个月未执行）',
      source: `民事诉讼法 第二百三十七条；执行程序解释 第十条${clock?.deductedDays ? '、第十三条' : ''}`,
      note: !clock
        ? '台账中无该案'
        : !clock.runs
          ? `不成立：${clock.why}`
          : holds
            ? `自${clock.startKind}（${clock.startOn}）起，六个月于 ${clock.endOn} 届满${clock.deductedDays ? `（已扣除 ${clock.deductedDays} 日）` : ''}，已超过`
            : `不成立：六个月至 ${clock.endOn} 届满，尚未超过（“超过”不含本数，民法典 第一千二百五十九条）`,
    });
  }
  for (const r of reasons) {
    if (r === '超六个月未执行' || r === '其他') continue;
    const source = mode === '集中' && r === '关联案件' ? `${MODE_BASIS['集中']}；${OPINION}` : r === '消极执行' || r === '疑难复杂' ? `${OPINION}；${SUPERVISION}` : OPINION;
    out.push({ reason: r, holds: true, basis: `交叉执行情形：${r}`, source, note: '由报请人说明事实，局长审核' });
  }
  if (reasons.includes('其他')) out.push({ reason: '其他', holds: true, basis: '其他情形（见报请理由）', source: OPINION, note: '由报请人说明事实，局长审核' });
  // The mode itself has a basis the letter cites alongside the ground (who decides, by which instrument).
  if (modeBasis) out.push({ reason: `${mode}执行方式`, holds: true, basis: `${mode}执行的决定方式`, source: modeBasis, note: '' });
  return out;
}
