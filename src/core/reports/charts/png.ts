import { createRequire } from 'node:module';
import { canvasLib } from '../../lazyModules';
import type { WeeklyFigures } from '../../../contract/calls/reports';
import { CHART_SIZE, drawModeChart, drawTrendChart, type Painter } from './draw';

/** PNG charts for the DOCX (Word cannot show vector charts we draw ourselves). Rendered at 2× for print. */
const FAMILY = 'ReportSansSC';
let registered = false;
function ensureFont(): void {
  if (registered) return;
  const req = createRequire(import.meta.url);
  const { GlobalFonts } = canvasLib();
  GlobalFonts.registerFromPath(req.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), FAMILY);
  GlobalFonts.registerFromPath(req.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), FAMILY);
  registered = true;
}

export async function chartPngs(f: WeeklyFigures): Promise<{ trend: Buffer; modes: Buffer }> {
  ensureFont();
  return { trend: await render((p) => drawTrendChart(p, f)), modes: await render((p) => drawModeChart(p, f)) };
}

async function render(draw: (p: Painter) => void): Promise<Buffer> {
  const scale = 2;
  const canvas = canvasLib().createCanvas(CHART_SIZE.width * scale, CHART_SIZE.height * scale);
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.textBaseline = 'top';
  const painter: Painter = {
    rect(x, y, w, h, fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, w, h);
    },
    line(points, stroke, width) {
      if (points.length < 2) return;
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(points[0]![0], points[0]![1]);
      for (const [x, y] of points.slice(1)) ctx.lineTo(x, y);
      ctx.stroke();
    },
    circle(x, y, r, fill) {
      ctx.fillStyle = fill;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
    },
    text(s, x, y, size, o = {}) {
      ctx.font = `${o.bold ? 'bold ' : ''}${size}px ${FAMILY}`;
      ctx.fillStyle = o.color ?? '#000000';
      ctx.textAlign = o.align ?? 'left';
      ctx.fillText(s, x, y);
    },
  };
  draw(painter);
  return canvas.encode('png');
}
