import type { WeeklyFigures } from '../../../contract/calls/reports';
import { TRANSFER_MODES } from '../../../contract/vocabulary';
import { wanNumber } from '../format';

/**
 * The report's two charts drawn once, through a tiny painter interface, so the same geometry
 * becomes vector graphics in the PDF (pdfkit) and a PNG for the DOCX (@napi-rs/canvas):
 * 1. the last 12 weeks: new cases (bars, stacked by mode) and money recovered (line, 万元);
 * 2. the split by mode: cumulative cases per mode (horizontal bars) with money recovered.
 */
export type Painter = {
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  line(points: [number, number][], stroke: string, width: number, dash?: boolean): void;
  circle(x: number, y: number, r: number, fill: string): void;
  text(s: string, x: number, y: number, size: number, opts?: { align?: 'left' | 'center' | 'right'; color?: string; bold?: boolean }): void;
};

export const MODE_COLORS: Record<string, string> = {
  督促: '#4c6ef5',
  指令: '#12b886',
  提级: '#fa5252',
  集中: '#fab005',
  协同: '#7950f2',
  委托: '#868e96',
  院内交叉: '#fd7e14',
};
const AXIS = '#495057';
const GRID = '#dee2e6';
const MONEY = '#1c1c1c';

export const CHART_SIZE = { width: 640, height: 300 };

/** Rounds an axis maximum up to 1, 2 or 5 × 10^n so the ticks are readable. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function drawTrendChart(p: Painter, f: WeeklyFigures, W = CHART_SIZE.width, H = CHART_SIZE.height): void {
  p.rect(0, 0, W, H, '#ffffff');
  p.text('近12周新增交叉执行案件数（柱，按方式）与执行到位金额（线，万元）', W / 2, 8, 13, { align: 'center', bold: true });
  const L = 46;
  const R = W - 58;
  const T = 40;
  const B = H - 62;
  // Case counts are whole numbers: four integer gridlines at least.
  const maxCases = Math.max(4, Math.ceil(niceMax(Math.max(...f.trend.map((t) => t.newCases), 1)) / 4) * 4);
  const maxMoney = niceMax(Math.max(...f.trend.map((t) => wanNumber(t.amountFen)), 0.01));
  for (let i = 0; i <= 4; i++) {
    const y = B - ((B - T) * i) / 4;
    p.line([[L, y], [R, y]], GRID, 0.6);
    p.text(fmtTick((maxCases * i) / 4), L - 6, y - 5, 9, { align: 'right', color: AXIS });
    p.text(fmtTick((maxMoney * i) / 4), R + 6, y - 5, 9, { align: 'left', color: AXIS });
  }
  p.text('件', L - 6, T - 16, 9, { align: 'right', color: AXIS });
  p.text('万元', R + 6, T - 16, 9, { align: 'left', color: AXIS });
  const n = f.trend.length;
  const slot = (R - L) / n;
  const bw = slot * 0.55;
  const pts: [number, number][] = [];
  f.trend.forEach((t, i) => {
    const x = L + slot * i + (slot - bw) / 2;
    let y = B;
    for (const mode of TRANSFER_MODES) {
      const c = t.newByMode[mode] ?? 0;
      if (!c) continue;
      const h = ((B - T) * c) / maxCases;
      p.rect(x, y - h, bw, h, MODE_COLORS[mode]!);
      y -= h;
    }
    if (t.newCases) p.text(String(t.newCases), x + bw / 2, y - 13, 9, { align: 'center', color: AXIS });
    pts.push([L + slot * i + slot / 2, B - ((B - T) * wanNumber(t.amountFen)) / maxMoney]);
    p.text(`${Number(t.week.slice(6))}周`, L + slot * i + slot / 2, B + 5, 9, { align: 'center', color: AXIS });
  });
  p.line(pts, MONEY, 1.6);
  for (const [x, y] of pts) p.circle(x, y, 2.4, MONEY);
  p.line([[L, T], [L, B], [R, B], [R, T]], AXIS, 0.8);
  legend(p, H - 22, W, true);
}

export function drawModeChart(p: Painter, f: WeeklyFigures, W = CHART_SIZE.width, H = CHART_SIZE.height): void {
  p.rect(0, 0, W, H, '#ffffff');
  p.text('按交叉执行方式：累计案件数与累计到位金额', W / 2, 8, 13, { align: 'center', bold: true });
  const rows = TRANSFER_MODES.map((m) => f.byMode.find((x) => x.mode === m) ?? { mode: m, total: 0, amountTotalFen: 0 });
  const L = 76;
  const R = W - 150;
  const T = 40;
  const rowH = (H - T - 20) / rows.length;
  const max = Math.max(4, Math.ceil(niceMax(Math.max(...rows.map((r) => r.total), 1)) / 4) * 4);
  for (let i = 0; i <= 4; i++) {
    const x = L + ((R - L) * i) / 4;
    p.line([[x, T - 4], [x, H - 20]], GRID, 0.6);
    p.text(fmtTick((max * i) / 4), x, H - 16, 9, { align: 'center', color: AXIS });
  }
  rows.forEach((r, i) => {
    const y = T + rowH * i;
    p.text(r.mode, L - 8, y + rowH / 2 - 6, 11, { align: 'right' });
    const w = ((R - L) * r.total) / max;
    if (w > 0) p.rect(L, y + rowH * 0.18, w, rowH * 0.64, MODE_COLORS[r.mode] ?? AXIS);
    p.text(`${r.total}件  ${wanNumber(r.amountTotalFen).toFixed(2)}万元`, L + w + 6, y + rowH / 2 - 6, 10, { align: 'left', color: AXIS });
  });
  p.line([[L, T - 4], [L, H - 20]], AXIS, 0.8);
}

function legend(p: Painter, y: number, W: number, withMoney: boolean): void {
  const items = TRANSFER_MODES.map((m) => [m, MODE_COLORS[m]!] as const);
  const step = 72;
  let x = W / 2 - ((items.length + (withMoney ? 1 : 0)) * step) / 2;
  for (const [m, c] of items) {
    p.rect(x, y + 2, 10, 10, c);
    p.text(m, x + 14, y, 10, { align: 'left', color: AXIS });
    x += step;
  }
  if (withMoney) {
    p.line([[x, y + 7], [x + 14, y + 7]], MONEY, 1.6);
    p.text('到位金额', x + 18, y, 10, { align: 'left', color: AXIS });
  }
}

function fmtTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v < 10 ? v.toFixed(2) : v.toFixed(1);
}
