import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestJsonSchemaText } from '../../../src/core/exchange/manifestJsonSchema';
import { documentPath, PathSet, safeSegment, unsafePathReason, volumePath } from '../../../src/core/exchange/naming';

describe('published manifest schema', () => {
  it('docs/manifest.schema.json equals the schema generated from zod (regenerate with --write)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../../docs/manifest.schema.json'), 'utf8');
    expect(committed).toBe(manifestJsonSchemaText());
  });
});

describe('path naming rule', () => {
  it('makes 案号 safe and keeps them readable', () => {
    expect(safeSegment('（2025）鄂0505执100号')).toBe('(2025)鄂0505执100号');
    expect(safeSegment('〔2025〕鄂05执复1号')).toBe('(2025)鄂05执复1号');
    expect(safeSegment('执行裁定书/查封:冻结*?')).toBe('执行裁定书_查封_冻结');
    expect(safeSegment('  ..  ')).toBe('未命名');
    expect(safeSegment('CON')).toBe('_CON');
    expect(Array.from(safeSegment('长'.repeat(200))).length).toBe(80);
  });
  it('builds the fixed layout', () => {
    expect(volumePath('鄂0505', '（2025）鄂0505执1号', '正卷')).toBe('鄂0505/案件/(2025)鄂0505执1号/正卷/(2025)鄂0505执1号_正卷.pdf');
    expect(documentPath('鄂0505', '（2025）鄂0505执1号', '副卷', 3, '合议庭评议笔录', '评议 笔录', 'pdf')).toBe('鄂0505/案件/(2025)鄂0505执1号/副卷/003_合议庭评议笔录_评议_笔录.pdf');
  });
  it('never repeats a path', () => {
    const s = new PathSet();
    expect([s.claim('a/x.pdf'), s.claim('a/x.pdf'), s.claim('a/X.pdf')]).toEqual(['a/x.pdf', 'a/x_2.pdf', 'a/X_3.pdf']);
  });
  it('names unsafe paths', () => {
    expect(unsafePathReason('a/../b')).toContain('..');
    expect(unsafePathReason('/etc/x')).toContain('绝对路径');
    expect(unsafePathReason('a\\b')).toContain('反斜杠');
    expect(unsafePathReason('a/b.pdf')).toBeNull();
  });
});
