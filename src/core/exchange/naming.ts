/**
 * The fixed naming rule for paths inside an upward package (documented in docs/upward-package.md).
 * Every path is built here, so the receiver's software can rely on the layout without guesswork:
 *
 *   manifest.json, manifest.sig                                   package root
 *   <法院代字>/周报/<法院代字>_周报_<期间>.<docx|xlsx|pdf>
 *   <法院代字>/台账/<法院代字>_台账_<期间>.<xlsx|json>
 *   <法院代字>/案件/<案号>/<正卷|副卷>/<案号>_<正卷|副卷>.pdf          bound volume
 *   <法院代字>/案件/<案号>/<正卷|副卷>/<NNN>_<目录章节>_<标题>.<ext>   individual document
 *
 * Each segment is made safe by `safeSegment`; a name already used in the same folder gets `_2`, `_3` ….
 */

/** Characters Windows, macOS and Linux refuse or treat specially in a file name. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_SEGMENT = 80;

/**
 * One path segment: NFC, full-width brackets of a 案号 turned into ASCII ones (（2025）→ (2025)),
 * forbidden characters and whitespace runs → `_`, no leading/trailing dots or spaces, at most 80
 * characters (code points), never empty and never a Windows device name.
 */
export function safeSegment(raw: string, fallback = '未命名'): string {
  let s = raw.normalize('NFC').replace(/（/g, '(').replace(/）/g, ')').replace(/〔/g, '(').replace(/〕/g, ')');
  s = s.replace(FORBIDDEN, '_').replace(/\s+/g, '_').replace(/_+/g, '_');
  s = s.replace(/^[.\s_]+|[.\s_]+$/g, '');
  s = Array.from(s).slice(0, MAX_SEGMENT).join('').replace(/[.\s]+$/g, '');
  if (!s) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** The file extension (lowercase, without dot) of a name, or a default. */
export function extOf(name: string, fallback = 'bin'): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : fallback;
}

export const reportPath = (court: string, period: string, ext: string) => `${safeSegment(court)}/周报/${safeSegment(`${court}_周报_${period}`)}.${ext}`;
export const ledgerPath = (court: string, period: string, ext: 'xlsx' | 'json') => `${safeSegment(court)}/台账/${safeSegment(`${court}_台账_${period}`)}.${ext}`;
export const volumePath = (court: string, caseNo: string, volume: string) => {
  const c = safeSegment(caseNo);
  return `${safeSegment(court)}/案件/${c}/${safeSegment(volume)}/${c}_${safeSegment(volume)}.pdf`;
};
export const documentPath = (court: string, caseNo: string, volume: string, order: number, section: string | null, title: string, ext: string) =>
  `${safeSegment(court)}/案件/${safeSegment(caseNo)}/${safeSegment(volume)}/${String(order).padStart(3, '0')}_${safeSegment(section ?? '未分类', '未分类')}_${safeSegment(title)}.${ext}`;

/** Makes each path unique within the package: a repeated one gets `_2`, `_3` … before its extension. */
export class PathSet {
  private used = new Set<string>();
  claim(p: string): string {
    let out = p;
    for (let i = 2; this.used.has(out.toLowerCase()); i++) out = p.replace(/(\.[^./]+)?$/, (ext) => `_${i}${ext}`);
    this.used.add(out.toLowerCase());
    return out;
  }
}

/** Why a path inside a package is unacceptable, or null when it is fine (used by verification). */
export function unsafePathReason(p: string): string | null {
  if (p.length === 0) return '路径为空';
  if (p.includes('\u0000')) return '路径含空字符';
  if (p.includes('\\')) return '路径含反斜杠“\\”';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return '使用了绝对路径';
  if (p.split('/').some((s) => s === '..')) return '含“..”，会跳出包目录';
  if (p.split('/').some((s) => s === '' || s === '.')) return '含空的或“.”路径段';
  return null;
}
