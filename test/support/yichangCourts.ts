import type { CoreApp } from '../../src/core/app';

/** Test helper: the courts of 宜昌 as the ledger core seeds them, when the table is still empty. */
export function ensureYichangCourts(app: CoreApp): void {
  const n = (app.sqlite.prepare('SELECT count(*) AS n FROM courts').get() as { n: number }).n;
  if (n > 0) return;
  const ins = app.sqlite.prepare('INSERT INTO courts (code, name, level, parent_code) VALUES (?, ?, ?, ?)');
  ins.run('鄂', '湖北省高级人民法院', '高级', null);
  ins.run('鄂05', '湖北省宜昌市中级人民法院', '中级', '鄂');
  for (const [code, name] of [
    ['鄂0502', '宜昌市西陵区人民法院'],
    ['鄂0503', '宜昌市伍家岗区人民法院'],
    ['鄂0504', '宜昌市点军区人民法院'],
    ['鄂0505', '宜昌市猇亭区人民法院'],
    ['鄂0506', '宜昌市夷陵区人民法院'],
  ]) ins.run(code, name, '基层', '鄂05');
}
