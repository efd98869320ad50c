import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../test/support/core';

let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
});
afterEach(() => t.cleanup());

describe('court directory', () => {
  it('is seeded with the Hubei high court, 宜昌中院 and its 13 basic courts', async () => {
    const staff = t.as('staff');
    const { courts } = await staff.run('courts.list', {});
    const codes = courts.map((c) => c.code);
    expect(codes.slice(0, 2)).toEqual(['鄂', '鄂05']);
    expect(codes).toEqual(expect.arrayContaining(['鄂0502', '鄂0503', '鄂0504', '鄂0505', '鄂0506', '鄂0525', '鄂0526', '鄂0527', '鄂0528', '鄂0529', '鄂0581', '鄂0582', '鄂0583']));
    expect(courts).toHaveLength(15);
    expect(courts.find((c) => c.code === '鄂0505')).toMatchObject({ name: '宜昌市猇亭区人民法院', level: '基层', parentCode: '鄂05', active: true });
  });

  it('admins add and deactivate courts; others are refused; bad codes get a Chinese message', async () => {
    const admin = t.as('admin');
    const staff = t.as('staff');
    const denied = await staff.call('courts.save', { courtCode: '鄂0602', courtName: '襄阳市襄城区人民法院', level: '基层', parentCode: '鄂05' });
    expect(denied.ok).toBe(false);
    await admin.run('courts.save', { courtCode: '鄂06', courtName: '湖北省襄阳市中级人民法院', level: '中级', parentCode: '鄂' });
    expect(await admin.run('courts.save', { courtCode: '鄂0602', courtName: '襄阳市襄城区人民法院', level: '基层', parentCode: '鄂06' })).toEqual({ code: '鄂0602', created: true });
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ courtCode: '湖北05', courtName: '某某人民法院', level: '中级' }, /「法院代字」应为法院代字/],
      [{ courtCode: '鄂0603', courtName: '某某人民法院', level: '中级', parentCode: '鄂06' }, /「法院级别」代字 鄂0603 对应的级别应为基层或专门/],
      [{ courtCode: '鄂0603', courtName: '某某人民法院', level: '基层', parentCode: '鄂07' }, /「上级法院」鄂07 不在法院名录中/],
      [{ courtCode: '鄂0603', courtName: '某某人民法院', level: '基层', parentCode: '鄂05' }, /「上级法院」鄂05 与代字 鄂0603 不对应/],
      [{ courtCode: '鄂0603', courtName: '宜昌市猇亭区人民法院', level: '基层', parentCode: '鄂06' }, /已用于代字 鄂0505/],
      [{ courtCode: '鄂0603', courtName: '樊城', level: '基层', parentCode: '鄂06' }, /「法院名称」应为法院全称/],
    ];
    for (const [input, msg] of bad) {
      const r = await admin.call('courts.save', input as never);
      expect(r.ok === false && r.error.message, JSON.stringify(input)).toMatch(msg);
    }
    await admin.run('courts.save', { courtCode: '鄂0602', courtName: '襄阳市襄城区人民法院', level: '基层', parentCode: '鄂06', active: false });
    expect((await staff.run('courts.list', {})).courts.some((c) => c.code === '鄂0602')).toBe(false);
    expect((await staff.run('courts.list', { includeInactive: true })).courts.find((c) => c.code === '鄂0602')?.active).toBe(false);
  });

  it('case and transfer forms refuse a court missing from the directory', async () => {
    const staff = t.as('staff');
    const r = await staff.call('ledger.edit.saveCase', { caseNo: '（2026）鄂0599执1号' });
    expect(r.ok === false && r.error.message).toMatch(/「案件中的法院代字」鄂0599 不在法院名录中|法院代字.*鄂0599 不在法院名录中/);
    const { id: caseId } = await staff.run('ledger.edit.saveCase', { caseNo: '（2026）鄂0505执1号' });
    const tr = await staff.call('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移入', reasons: ['消极执行'], originalCourtCode: '鄂0799' });
    expect(tr.ok === false && tr.error.message).toMatch(/「原执行法院」鄂0799 不在法院名录中/);
  });

  it('admins register the abbreviations of pre-2016 案号, and a legacy number then finds its court', async () => {
    const admin = t.as('admin');
    const staff = t.as('staff');
    const seeded = (await staff.run('courts.list', {})).courts.find((c) => c.code === '鄂0505')!;
    expect(seeded.legacyNames).toEqual(['鄂猇亭', '宜猇']);
    expect((await staff.call('ledger.edit.saveCase', { caseNo: '（2013）猇执字第8号' })).ok).toBe(false);
    await admin.run('courts.save', { courtCode: '鄂0505', courtName: '宜昌市猇亭区人民法院', level: '基层', parentCode: '鄂05', legacyNames: ['鄂猇亭', '宜猇', '猇'] });
    const { id } = await staff.run('ledger.edit.saveCase', { caseNo: '（2013）猇执字第8号' });
    expect(t.app.sqlite.prepare('SELECT court_code AS c FROM cases WHERE id = ?').get(id)).toEqual({ c: '鄂0505' });
    // One abbreviation names one court; a wrong one gets a Chinese message naming the field.
    const clash = await admin.call('courts.save', { courtCode: '鄂0506', courtName: '宜昌市夷陵区人民法院', level: '基层', parentCode: '鄂05', legacyNames: ['猇'] });
    expect(!clash.ok && clash.error.message).toBe('「旧式简称」猇 已登记为 宜昌市猇亭区人民法院（鄂0505）的简称');
    const bad = await admin.call('courts.save', { courtCode: '鄂0506', courtName: '宜昌市夷陵区人民法院', level: '基层', parentCode: '鄂05', legacyNames: ['Yiling'] });
    expect(!bad.ok && bad.error.message).toMatch(/^「旧式简称」.*旧式简称应为 1–12 个汉字/);
    // Leaving the list out keeps it.
    await admin.run('courts.save', { courtCode: '鄂0505', courtName: '宜昌市猇亭区人民法院', level: '基层', parentCode: '鄂05' });
    expect((await staff.run('courts.list', {})).courts.find((c) => c.code === '鄂0505')!.legacyNames).toEqual(['鄂猇亭', '宜猇', '猇']);
  });
});
