import type { WeeklyFigures } from '../../contract/calls/reports';
import { chineseDate, wan, weekLabel } from './format';

/**
 * The report's words, shared by the DOCX and the PDF so both say exactly the same thing (and the
 * tests can check the extracted text of each against the figures).
 */
export type Narrative = {
  title: string;
  subtitle: string;
  paragraphs: { heading: string; text: string }[];
};

export function reportTitle(f: WeeklyFigures): string {
  return `${f.courtName}交叉执行工作周报`;
}

export function narrative(f: WeeklyFigures): Narrative {
  const h = f.headline;
  const modes = f.byMode.filter((m) => m.total > 0).map((m) => `${m.mode}${m.total}件`).join('、') || '无';
  const dirs = f.byDirection.filter((d) => d.total > 0).map((d) => `${d.direction}${d.total}件`).join('、') || '无';
  const closed = f.closedByType.length ? f.closedByType.map((c) => `${c.closureType}${c.total}件`).join('、') : '无';
  const overdueKinds = ['立案', '六个月', '督促期限', '终本', '案款发放'] as const;
  const overdueText = f.overdue.length
    ? overdueKinds
        .map((k) => [k, f.overdue.filter((o) => o.kind === k).length] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${KIND_LABEL[k]}${n}项`)
        .join('、')
    : '无';
  const paragraphs = [
    {
      heading: '一、总体情况',
      text:
        `本周新增交叉执行案件${h.casesWeek}件，累计${h.casesTotal}件，其中在办${h.activeCases}件；` +
        `本周取得实质进展或者化解${h.progressWeek}件，累计${h.progressTotal}件；` +
        `本周执行到位金额${wan(h.amountWeekFen)}万元，累计${wan(h.amountTotalFen)}万元。` +
        elsewhereText(f),
    },
    {
      heading: '二、案件构成',
      text:
        `按交叉执行方式分：${modes}；按移送方向分：${dirs}。` +
        `提级执行${f.escalation.tiji}件，占交叉执行案件的${f.escalation.sharePercent.toFixed(1)}%。`,
    },
    {
      heading: '三、结案情况',
      text:
        `本周结案${f.closure.closedWeek}件，累计结案${f.closure.closedTotal}件（${closed}）；` +
        (f.closure.avgDaysToClose === null ? '暂无可计算的结案用时。' : `自收案至结案平均用时${f.closure.avgDaysToClose}日。`),
    },
    {
      heading: '四、需关注事项',
      text:
        `逾期事项${f.overdue.length}项（${overdueText}）；本周无进展登记的在办案件${f.noProgress.length}件；` +
        `一案双查案件${f.doubleChecks.length}件。` +
        (f.corrections.length ? `前期数据更正${f.corrections.length}项，详见更正说明。` : '前期数据无更正。'),
    },
  ];
  return {
    title: reportTitle(f),
    subtitle: `（${weekLabel(f.week)}：${chineseDate(f.startOn)}至${f.endOn.slice(0, 4) === f.startOn.slice(0, 4) ? chineseDate(f.endOn).slice(5) : chineseDate(f.endOn)}）`,
    paragraphs,
  };
}

/**
 * Money on cases whose enforcement power is at another court (sent out, or only assisted): stated
 * apart, never added to our 执行到位金额 (the holding court reports it; weeklyFigures.ts says why).
 */
function elsewhereText(f: WeeklyFigures): string {
  const e = f.elsewhere;
  if (!e || e.amountTotalFen === 0) return '';
  return `另有执行权在他院的案件（本院移出或仅协助执行）${e.cases}件，累计到位${wan(e.amountTotalFen)}万元（本周${wan(e.amountWeekFen)}万元），由现承办法院统计，未计入本院执行到位金额。`;
}

export const KIND_LABEL: Record<'立案' | '六个月' | '督促期限' | '终本' | '案款发放', string> = {
  立案: '收案后逾期未立案',
  六个月: '超过六个月未执结',
  督促期限: '督促期限届满未执结',
  终本: '立案未满三个月即终本',
  案款发放: '案款逾期未发放',
};

/** Column headings of the per-case table (DOCX, PDF, XLSX). */
/** Relative widths of those columns in the printed table (landscape A4). */
// 案号 wide enough for （2025）鄂0505执1234号 on one line at 8 pt (issue 13: a case number never wraps).
export const CASE_COLUMN_WIDTHS = [0.035, 0.155, 0.08, 0.08, 0.07, 0.085, 0.085, 0.125, 0.065, 0.065, 0.055, 0.1];

export const CASE_COLUMNS = ['序号', '案号', '申请执行人', '被执行人', '交叉方式', '原执行法院', '现承办法院', '本周进展', '本周到位（万元）', '累计到位（万元）', '状态', '承办人'] as const;

export function caseCells(f: WeeklyFigures): string[][] {
  return f.rows.map((r, i) => [
    String(i + 1),
    r.caseNo,
    r.applicants,
    r.debtors,
    `${r.mode}（${r.direction}）`,
    r.originalCourt,
    r.currentCourt,
    r.progressText || '—',
    wan(r.amountWeekFen),
    wan(r.amountTotalFen),
    r.state,
    r.handler,
  ]);
}
