import ExcelJS from 'exceljs';

/**
 * Realistic bureau ledgers as .xlsx bytes, built with exceljs the way Excel writes them: a title
 * row, merged cells, header variants, serial and text dates, amounts in 万元. Used by the import
 * tests and the 10k-row benchmark.
 */

/** An 18-digit 居民身份证号 with a correct check digit (GB 11643). */
export function idNumber(seed: number): string {
  const body = `420505${1960 + (seed % 40)}${String((seed % 12) + 1).padStart(2, '0')}${String((seed % 28) + 1).padStart(2, '0')}${String(seed % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** An 18-character 统一社会信用代码 with a correct check character (GB 32100). */
export function creditCode(seed: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = `91420505MA${String(seed).padStart(7, '0').slice(-7)}`;
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = w.reduce((a, x, i) => a + x * chars.indexOf(body[i]!), 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** The same code with a different (wrong) check character. */
export const wrongCheck = (code: string) => code.slice(0, 17) + (code[17] === '1' ? '2' : '1');

/** Excel's serial number of a date (1900 system). */
export const serial = (iso: string) => Math.round((Date.parse(iso + 'T00:00:00Z') - Date.UTC(1899, 11, 30)) / 86_400_000);

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/**
 * A ledger as a bureau keeps it: title and unit rows above a header with variant names, a case
 * whose 执行案号 is merged over two rows (two debtors), full-width characters, serial and text
 * dates, amounts in 万元, and a 合计 / 填表人 footer.
 */
export async function bureauLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025年交叉执行台账');
  ws.addRow(['宜昌市猇亭区人民法院交叉执行案件台账']);
  ws.mergeCells('A1:N1');
  ws.addRow(['填报单位：执行局', null, null, null, null, null, null, null, null, null, null, '填报日期：2025年6月30日']);
  ws.addRow([]);
  ws.addRow(['序号', '执行案号', '申请人', '被执行人', '被执行人证件号码', '标的金额（万元）', '交叉方式', '原执行法院', '承办法院', '承办人', '立案日期', '收到申请执行书日期', '结案日期', '到位金额(元)']);
  // 1: ordinary 移出 指令 case, serial dates, 万元
  ws.addRow([1, '（2025）鄂0505执12号', '宜昌某建材有限公司', '张三', idNumber(1), 12.5, '指令执行', '猇亭区法院', '鄂0506', '张承办', serial('2025-01-10'), '2025-01-06', null, 30000]);
  // 2: half-width brackets and full-width digits, text dates in several spellings, two debtors in merged rows
  ws.addRow([2, '(２０２５)鄂0505执恢3号', '李四、王五', '宜昌某物流有限公司', creditCode(7), '8万元', '提级', '宜昌市猇亭区人民法院', '宜昌中院', '刘承办', '2025/2/3', '2025.1.28', '2025年5月6日', null]);
  ws.addRow([null, null, null, '赵六', idNumber(2), null, null, null, null, null, null, null, null, null]);
  ws.mergeCells('A6:A7');
  ws.mergeCells('B6:B7');
  ws.mergeCells('C6:C7');
  ws.mergeCells('F6:F7');
  ws.mergeCells('G6:G7');
  ws.mergeCells('H6:H7');
  ws.mergeCells('I6:I7');
  ws.mergeCells('J6:J7');
  ws.mergeCells('K6:K7');
  ws.mergeCells('L6:L7');
  ws.mergeCells('M6:M7');
  // 3: received case (移入) from 西陵, date cell typed as a real Excel date
  ws.addRow([3, '（2024）鄂0502执88号', '钱七', '孙八', null, 3.2, '指令', '西陵区法院', '猇亭', '张承办', new Date(Date.UTC(2024, 10, 5)), serial('2024-11-01'), null, '0']);
  ws.getCell('K8').numFmt = 'yyyy-mm-dd';
  ws.addRow(['合计', null, null, null, null, 23.7, null, null, null, null, null, null, null, 30000]);
  ws.addRow(['填表人：李书记员', null, null, null, null, null, null, null, null, '审核人：王局长']);
  return toBuffer(wb);
}

/** Rows each with one mistake, plus one good row. */
export async function badRowsLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['案号', '申请执行人', '被执行人', '证件号码', '执行标的', '立案日期', '结案日期', '结案方式', '交叉方式', '原执行法院', '承办法院']);
  ws.addRow(['（2025）鄂0505执1号', '甲', '乙', idNumber(3), 1000, '2025-03-04', null, null, null, null, null]); // good (plain case)
  ws.addRow(['2025鄂0505执2号', '甲', '乙', null, 1000, '2025-03-04', null, null, null, null, null]); // bad 案号
  ws.addRow(['（2025）鄂0505执3号', '甲', '乙', '420505199001011234', 1000, '2025-03-04', null, null, null, null, null]); // bad ID checksum
  ws.addRow(['（2025）鄂0505执4号', '甲', '乙', null, 1000, '2025-02-30', null, null, null, null, null]); // impossible date
  ws.addRow(['（2025）鄂0505执5号', '甲', '乙', null, 1000, '2025-03-04', '2025-03-01', '执行完毕', null, null, null]); // closed before filed
  ws.addRow(['（2025）鄂0505执6号', '甲', '乙', null, -5, '2025-03-04', null, null, null, null, null]); // negative amount
  ws.addRow(['（2025）鄂0505执7号', '甲', '乙', null, '十万', '2025-03-04', null, null, null, null, null]); // not a number
  ws.addRow(['（2025）鄂0505执8号', '甲', '乙', null, 1000, '2025-03-04', null, null, '指令', '猇亭', '火星区法院']); // unknown court
  ws.addRow(['（2025）鄂0505执1号', '丙', '丁', null, 2000, '2025-03-05', null, null, null, null, null]); // same 案号 twice
  ws.addRow(['（2025）鄂0505执9号', '甲', '乙', wrongCheck(creditCode(9)), 1000, '2025-03-04', null, null, null, null, null]); // bad credit code
  return toBuffer(wb);
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const MODES = ['督促', '指令', '提级', '集中', '协同', '委托', '院内交叉'];
const BASIC = ['鄂0502', '鄂0503', '鄂0504', '鄂0506'];

/** n rows of a plausible ledger (for the 10k benchmark): every row valid and distinct. */
export async function generatedLedger(n: number, opts: { year?: number } = {}): Promise<Buffer> {
  const year = opts.year ?? 2024;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([`${year}年交叉执行案件台账（共 ${n} 件）`]);
  ws.mergeCells(1, 1, 1, 16);
  ws.addRow(['序号', '案号', '案由', '申请执行人', '被执行人', '被执行人证件号码', '执行标的（元）', '交叉方式', '原执行法院', '承办法院', '立案日期', '收到申请日期', '结案日期', '结案方式', '到位金额（元）', '进展情况']);
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : '');
  for (let i = 1; i <= n; i++) {
    const mode = pick(MODES);
    const outgoing = mode === '院内交叉' ? true : rnd() < 0.6;
    const other = pick(BASIC);
    const filed = new Date(Date.UTC(year, 0, 1) + Math.floor(rnd() * 330) * 86_400_000).toISOString().slice(0, 10);
    const received = new Date(Date.parse(filed) - Math.floor(rnd() * 7) * 86_400_000).toISOString().slice(0, 10);
    const closed = rnd() < 0.3 ? new Date(Date.parse(filed) + Math.floor(20 + rnd() * 200) * 86_400_000).toISOString().slice(0, 10) : null;
    const org = rnd() < 0.4;
    ws.addRow([
      i,
      `（${year}）鄂0505执${i}号`,
      pick(['借款合同纠纷', '买卖合同纠纷', '劳务合同纠纷', '租赁合同纠纷', '民间借贷纠纷']),
      person(),
      org ? `宜昌某${pick(['建材', '物流', '商贸', '置业'])}有限公司${i}` : person(),
      org ? creditCode(i) : idNumber(i),
      Math.round(rnd() * 100_000_000) / 100,
      mode,
      mode === '院内交叉' ? '鄂0505' : outgoing ? '鄂0505' : other,
      mode === '院内交叉' ? '鄂0505' : outgoing ? other : '鄂0505',
      serial(filed),
      received,
      closed ? serial(closed) : null,
      closed ? pick(['执行完毕', '终本', '终结执行']) : null,
      closed ? Math.round(rnd() * 1_000_000) : null,
      closed ? '已结案' : pick(['已网络查控', '已查封房产一处', '已冻结存款', '正在评估']),
    ]);
  }
  return toBuffer(wb);
}

/** The 案号 of each row of `variantsLedger`, in order. */
export const VARIANT_CASES = {
  ownCourtOut: '（2025）鄂0505执21号',
  ownCourtIn: '（2025）鄂0505执22号',
  internalChange: '（2025）鄂0505执23号',
  internalTeam: '（2025）鄂0505执24号',
  raisedLevel: '（2025）鄂0505执25号',
  filedBeforeReceived: '（2025）鄂0505执26号',
  unknownMode: '（2025）鄂0505执27号',
} as const;

/** The mode word no built-in table knows: the preview offers "把「…」视为…" for it. */
export const UNKNOWN_MODE = '异地交叉执行（上级安排）';

/**
 * A ledger written the way bureaus really write theirs (issue 14): the own court called 本院 /
 * 我院 / 本院执行局, the mode in local words (指定执行, 内部交叉（变更承办人）, 院内交叉（更换承办团队）,
 * 提级管辖执行, and one no table knows), a 类型 column saying 移出/移入/院内, and 收到卷宗日期 beside
 * 立案日期 — once in the right order (the new filing), once the wrong way round.
 */
export async function variantsLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('交叉执行台账');
  ws.addRow(['猇亭区法院执行局交叉执行案件登记表']);
  ws.mergeCells('A1:L1');
  ws.addRow(['序号', '案号', '申请执行人', '被执行人', '执行标的（元）', '交叉方式', '类型', '原执行法院', '承办法院', '收到卷宗日期', '立案日期', '承办人']);
  const C = VARIANT_CASES;
  ws.addRow([1, C.ownCourtOut, '宜昌某建材有限公司', '张甲', 120000, '指定执行', '移出', '本院', '鄂0506', null, '2025-01-10', '张承办']);
  ws.addRow([2, C.ownCourtIn, '钱乙', '孙丙', 52000, '指令执行', '移入', '西陵区法院', '我院', '2025-03-01', '2025-03-05', '张承办']);
  ws.addRow([3, C.internalChange, '周丁', '吴戊', 8000, '内部交叉（变更承办人）', '院内', '本院执行局', '本院执行局', null, '2025-02-11', '张承办']);
  ws.addRow([4, C.internalTeam, '郑己', '王庚', 9100, '院内交叉（更换承办团队）', '院内', '本院', '本院', null, '2025-02-12', '张承办']);
  ws.addRow([5, C.raisedLevel, '冯辛', '陈壬', 2_500_000, '提级管辖执行', '移出', '我院', '宜昌中院', null, '2025-01-20', '张承办']);
  ws.addRow([6, C.filedBeforeReceived, '褚癸', '卫子', 30000, '指令', '移入', '伍家岗区法院', '本院', '2025-04-10', '2025-04-02', '张承办']);
  ws.addRow([7, C.unknownMode, '蒋丑', '沈寅', 45000, UNKNOWN_MODE, '移出', '本院', '鄂0503', null, '2025-03-15', '张承办']);
  return toBuffer(wb);
}
