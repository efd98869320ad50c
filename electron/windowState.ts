import fs from 'node:fs';
import path from 'node:path';

export type WindowState = { x?: number; y?: number; width: number; height: number; maximized: boolean };
const DEFAULT: WindowState = { width: 1360, height: 860, maximized: false };

/** The window's size and position, kept between runs in the data folder. */
export function loadWindowState(dir: string): WindowState {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as WindowState;
    if (s.width >= 640 && s.height >= 480) return s;
  } catch {
    /* first run or unreadable file: use the default */
  }
  return DEFAULT;
}

export function saveWindowState(dir: string, s: WindowState): void {
  fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(s));
}
