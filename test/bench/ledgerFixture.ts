import { performance } from 'node:perf_hooks';
import type { CoreApp } from '../../src/core/app';
import { withIdCheckDigit } from '../../src/core/ledger/idNumber';
import { TRANSFER_MODES, TRANSFER_STATES, MEASURES } from '../../src/contract/vocabulary';

/**
 * A large generated ledger in a real SQLite file (issue 3 benchmarks): by default 100k cases
 * (200k parties), 20k transfers with their creation events and 1M progress entries. Written with
 * prepared statements in one transaction (synchronous=OFF while it runs), which takes seconds,
 * not minutes. Deterministic (seeded), so figures are comparable between runs. Reusable by any
 * benchmark that needs a full-size ledger: pass a freshly opened core (testCore().app).
 */
export type LedgerFixtureSize = { cases: number; transfers: number; progress: number };
export const FULL_SIZE: LedgerFixtureSize = { cases: 100_000, transfers: 20_000, progress: 1_000_000 };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌海波春梅玉兰德胜永福';
const COMPANY = ['建材', '物流', '机电', '商贸', '置业', '食品', '化工', '装饰', '运输', '船务', '矿业', '五金'];
const CAUSES = ['民间借贷纠纷', '买卖合同纠纷', '金融借款合同纠纷', '追索劳动报酬纠纷', '机动车交通事故责任纠纷', '租赁合同纠纷', '建设工程施工合同纠纷'];
const OTHER_COURTS = ['鄂0502', '鄂0503', '鄂0504', '鄂0506', '鄂0525', '鄂0526', '鄂0527', '鄂0528', '鄂0529', '鄂0581', '鄂0582', '鄂0583'];

export function buildLedgerFixture(app: CoreApp, size: LedgerFixtureSize = FULL_SIZE, seed = 7): { ms: number; handlers: number[] } {
  const t0 = performance.now();
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const pick = <T>(a: readonly T[] | string): T => (a as readonly T[])[Math.floor(rnd() * a.length)] as T;
  const ch = (a: string): string => a[Math.floor(rnd() * a.length)]!;
  const day = (from: string, span: number) => {
    const d = new Date(from + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + int(0, span));
    return d.toISOString().slice(0, 10);
  };
  const db = app.sqlite;
  db.pragma('synchronous = OFF');
  const now = '2026-11-23T02:00:00.000Z';
  const handlers: number[] = [];
  const insUser = db.prepare(
    "INSERT INTO users (username, display_name, role, password_hash, password_salt, created_at) VALUES (?, ?, 'staff', 'x', 'x', ?)",
  );
  const insCase = db.prepare(
    `INSERT INTO cases (id, case_no, year, court_code, type_code, seq, cause, basis_title, basis_doc_no, application_received_on, filed_on, closed_on,
       closure_type, amount_due_fen, handler_id, source, created_at, updated_at)
     VALUES (?, ?, ?, '鄂0505', ?, ?, ?, '民事判决书', ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)`,
  );
  const insParty = db.prepare('INSERT INTO parties (case_id, side, kind, name, id_number, is_smb, is_livelihood) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insTransfer = db.prepare(
    `INSERT INTO transfers (id, case_id, mode, direction, reasons, initiated_by, deciding_court_code, decision_on, deadline_on, original_court_code,
       receiving_court_code, original_case_no, state, handler_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, '["消极执行"]', '依职权', '鄂05', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvent = db.prepare(
    "INSERT INTO transfer_events (transfer_id, at, effective_on, user_name, kind, to_state) VALUES (?, ?, ?, 'bench', 'created', ?)",
  );
  const insProgress = db.prepare(
    `INSERT INTO progress_entries (case_id, transfer_id, on_date, measures, amount_fen, substantive, resolved, text, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const seqs = new Map<string, number>();
  const caseDates: string[] = [];
  const transferOf = new Map<number, number>();
  db.transaction(() => {
    for (let i = 0; i < 8; i++) handlers.push(Number(insUser.run(`bench${i}_${seed}`, `承办人${i + 1}`, now).lastInsertRowid));
    for (let id = 1; id <= size.cases; id++) {
      const year = int(2016, 2026);
      const type = rnd() < 0.85 ? '执' : rnd() < 0.7 ? '执恢' : '执保';
      const key = `${year}${type}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      const filed = day(`${year}-01-01`, year === 2026 ? 320 : 364);
      caseDates[id] = filed;
      const closed = rnd() < 0.45 ? day(filed, 200) : null;
      const closedOn = closed && closed <= '2026-11-23' ? closed : null;
      insCase.run(
        id, `（${year}）鄂0505${type}${seq}号`, year, type, seq, pick(CAUSES), `（${year - 1}）鄂0505民初${int(1, 9999)}号`, filed, filed,
        closedOn, closedOn ? pick(['执行完毕', '终结本次执行程序', '终结执行']) : null, int(1_000, 5_000_000) * 100, pick(handlers), now, now,
      );
      const person = ch(SURNAMES) + ch(GIVEN) + (rnd() < 0.6 ? ch(GIVEN) : '');
      insParty.run(id, '申请执行人', '自然人', person, withIdCheckDigit(`420505${int(1960, 1999)}0${int(1, 9)}1${int(0, 9)}${int(100, 999)}`), 0, rnd() < 0.1 ? 1 : 0);
      if (rnd() < 0.5) insParty.run(id, '被执行人', '法人或其他组织', `宜昌${ch(SURNAMES)}${ch(GIVEN)}${pick(COMPANY)}有限公司`, null, rnd() < 0.3 ? 1 : 0, 0);
      else insParty.run(id, '被执行人', '自然人', ch(SURNAMES) + ch(GIVEN) + ch(GIVEN), null, 0, 0);
    }
    for (let id = 1; id <= size.transfers; id++) {
      let caseId = int(1, size.cases);
      while (transferOf.has(caseId)) caseId = int(1, size.cases);
      transferOf.set(caseId, id);
      const mode = pick(TRANSFER_MODES);
      const direction = mode === '院内交叉' ? '院内' : rnd() < 0.6 ? '移出' : '移入';
      const other = pick(OTHER_COURTS);
      const decided = day(caseDates[caseId]! < '2024-01-01' ? '2024-01-01' : caseDates[caseId]!, 300);
      const on = decided > '2026-11-23' ? '2026-11-23' : decided;
      const state = pick(TRANSFER_STATES);
      insTransfer.run(
        id, caseId, mode, direction, on, mode === '督促' ? day(on, 60) : null,
        direction === '移入' ? other : '鄂0505', direction === '移出' ? other : '鄂0505', `（${on.slice(0, 4)}）${other}执${id}号`, state, pick(handlers), now, now,
      );
      insEvent.run(id, now, on, state);
    }
    // Progress: three quarters on transferred cases (where handlers report weekly), the rest spread over all cases.
    const transferred = [...transferOf.keys()];
    const measures = MEASURES.filter((m) => m !== '其他');
    for (let i = 0; i < size.progress; i++) {
      const caseId = rnd() < 0.75 ? pick(transferred) : int(1, size.cases);
      const on = day(caseDates[caseId]!, 700);
      insProgress.run(
        caseId, transferOf.get(caseId) ?? null, on > '2026-11-23' ? '2026-11-23' : on, JSON.stringify([pick(measures)]),
        rnd() < 0.1 ? int(1, 100_000) * 100 : 0, rnd() < 0.05 ? 1 : 0, rnd() < 0.01 ? 1 : 0, '执行进展', now, pick(handlers),
      );
    }
  })();
  db.pragma('synchronous = NORMAL');
  db.exec('ANALYZE');
  return { ms: performance.now() - t0, handlers };
}
