import { TRANSFER_REASONS, type TransferMode } from '../../../contract/vocabulary';

type TransferReason = (typeof TRANSFER_REASONS)[number];

/**
 * The legal basis a letter cites, from the ground the request records (适用情形), one row per ground.
 * Only the six-month ground rests on 民诉法237 and 执行程序解释 art. 10 (domain brief §2 ✅: both
 * apply only where enforcement has not happened for "more than six months"); the other grounds rest
 * on the SPC opinion on cross-execution (法发〔2024〕9号, 🟢 text not read in full) and, for passive
 * enforcement and difficult cases, on item 28 of 法〔2021〕322号 (🟢: superior courts use 督促, 提级,
 * 指令 for such cases). A 委托 transfer rests on the 委托执行规定 art. 1 (✅) and 民诉法240 (✅).
 */
export const LAW = {
  civilProcedure237: '《中华人民共和国民事诉讼法》第二百三十七条',
  civilProcedure240: '《中华人民共和国民事诉讼法》第二百四十条',
  enforcementInterpretation10: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》第十条',
  crossOpinion: '《最高人民法院关于交叉执行工作的指导意见》（法发〔2024〕9号）',
  supervision28: '《最高人民法院关于进一步完善执行权制约机制加强执行监督的意见》（法〔2021〕322号）第二十八条',
  entrustment1: '《最高人民法院关于委托执行若干问题的规定》第一条',
} as const;

export const GROUND_BASIS: Record<TransferReason, readonly string[]> = {
  超六个月未执行: [LAW.civilProcedure237, LAW.enforcementInterpretation10],
  消极执行: [LAW.crossOpinion, LAW.supervision28],
  疑难复杂: [LAW.crossOpinion, LAW.supervision28],
  不当干预: [LAW.crossOpinion],
  力量不足: [LAW.crossOpinion],
  关联案件: [LAW.crossOpinion],
  其他: [LAW.crossOpinion],
};

/** The provisions to cite, in a stable order without repeats: "A、B及C". */
export function legalBasisFor(mode: TransferMode, reasons: readonly string[]): string {
  const laws: string[] =
    mode === '委托'
      ? [LAW.civilProcedure240, LAW.entrustment1]
      : reasons.flatMap((r) => GROUND_BASIS[r as TransferReason] ?? []);
  const order = Object.values(LAW) as string[];
  const list = [...new Set(laws.length ? laws : [LAW.crossOpinion])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join('、')}及${list[list.length - 1]}`;
}

/** Whether the request rests on the six-month rule (the 审批表 then shows the clock). */
export const restsOnSixMonths = (reasons: readonly string[]) => reasons.includes('超六个月未执行');
