import type { DemoStep } from '../demo/demo';
import { DemoLedger } from './demoBuilder';

/**
 * The ledger's demo (issue 3 item 10): a fictional (虚构) 猇亭 (鄂0505) enforcement bureau ledger
 * with ~40 cases, transfers in every mode, direction and state (walked through the state machine, so
 * every step has its event), progress with measures and money, deductible intervals, 督办 and
 * 一案双查, and the domain brief §8 synthetic scenarios (a)–(d). All dates are relative to
 * app.now() and spread over the last 14 weeks, so every screen always looks current.
 * Handlers are the demo users 张承办 (zhangcb) and 刘承办 (liucb); 王局长 (wangjz) approves.
 */
export const ledgerDemo: DemoStep = (app, { users }) => {
  // Loading the demo twice (CLI `demo` on a filled database) must not duplicate it.
  if (app.sqlite.prepare("SELECT 1 FROM cases WHERE source = 'demo' LIMIT 1").get()) return;
  const d = new DemoLedger(app, users);
  scenarioA(d);
  scenarioB(d);
  scenarioC(d);
  scenarioD(d);
  proposals(d);
  received(d);
  delegations(d);
  plainCases(d);
};

const OURS = '鄂0505';
const Z = 'zhangcb';
const L = 'liucb';
const judgment = (court: string, year: string, kind = '民初') => `（${year}）${court}${kind}${300 + (year.charCodeAt(3) % 7) * 41}号`;

/** (a) 超六个月 with property seized and not sold → 宜昌中院 督促执行令 (30 days) → not done → 裁定指令 夷陵. */
function scenarioA(d: DemoLedger): void {
  const filed = d.ago(300);
  const c = d.addCase({
    caseNo: d.caseNo(OURS, filed),
    cause: '买卖合同纠纷',
    basis: ['民事判决书', judgment(OURS, filed.slice(0, 4))],
    receivedOn: d.ago(305),
    filedOn: filed,
    propertyFoundOn: d.ago(250),
    amountYuan: 863_400,
    handler: Z,
    applicants: [d.org('宜昌峡光演示建材有限公司', { isSmb: true })],
    debtors: [d.org('猇亭江畔演示物流有限公司'), d.person('高建波', '男')],
  });
  d.progress(c.id, Z, 250, ['网络查控', '查封'], '查封被执行人名下猇亭区仓库一处（演示）');
  d.deduction(c.id, Z, '鉴定评估', 210, 190, '仓库评估（演示）');
  d.progress(c.id, Z, 96, ['限制消费'], '对被执行人法定代表人高建波限制消费');
  d.supervision(c.id, 'wangjz', '督办', 95, '宜昌中院督办：申请执行人反映立案超六个月查封财产未处置', [60, '中院已裁定指令夷陵区法院执行，督办事项办结']);
  const urge = d.addTransfer(
    c.id, Z,
    { mode: '督促', direction: '移出', reasons: ['超六个月未执行'], initiatedBy: '上级交办', decidingCourtCode: '鄂05', decisionDocType: '督促执行令', decisionDocNo: '（2026）鄂05执督21号', decisionOn: d.ago(95), deadlineOn: d.ago(65), theirContact: '宜昌中院执行局 周法官', theirPhone: '0717-6231234' },
    95,
    [['办理中', 93], ['已退出', 60, { reason: '督促期限届满仍未执结，宜昌中院裁定指令夷陵区法院执行（执行程序解释 第十二条）' }]],
  );
  d.progress(c.id, Z, 80, ['评估拍卖'], '仓库进入司法拍卖程序，第一次拍卖流拍', { transferId: urge.id });
  const order = d.addTransfer(
    c.id, Z,
    { mode: '指令', direction: '移出', reasons: ['消极执行', '超六个月未执行'], initiatedBy: '上级交办', decidingCourtCode: '鄂05', decisionDocType: '裁定书', decisionDocNo: '（2026）鄂05执监27号', decisionOn: d.ago(58), receivingCourtCode: '鄂0506', ourContact: '张承办', ourPhone: '0717-6760101', theirContact: '夷陵法院执行局 陈法官', theirPhone: '0717-7821234' },
    58,
    [['已移送', 52], ['已立案', 47, { newCaseNo: d.caseNo('鄂0506', d.ago(47)) }], ['办理中', 45]],
  );
  d.progress(c.id, Z, 30, ['评估拍卖'], '夷陵法院反馈：仓库第二次拍卖已挂网（纸质卷宗、电子卷宗及查封财产均已移交）', { transferId: order.id, substantive: true });
}

/** (b) 宜昌中院决定：12 件追索劳动报酬案件（同一被执行人）集中由猇亭法院执行. */
function scenarioB(d: DemoLedger): void {
  const debtor = d.org('猇亭天工演示机电制造有限公司', { isSmb: true });
  const courts = ['鄂0502', '鄂0503', '鄂0504', '鄂0506', '鄂0525', '鄂0582', '鄂0502', '鄂0503', '鄂0506', '鄂0583', '鄂0504', '鄂0581'];
  const workers: [string, '男' | '女'][] = [
    ['陈志强', '男'], ['刘秀英', '女'], ['杨国庆', '男'], ['黄丽华', '女'], ['赵德明', '男'], ['吴桂芳', '女'],
    ['周建军', '男'], ['徐春燕', '女'], ['孙永红', '女'], ['马卫东', '男'], ['胡晓梅', '女'], ['郭长青', '男'],
  ];
  courts.forEach((court, i) => {
    const [name, sex] = workers[i]!;
    const filedHere = d.ago(74 - (i % 3));
    const wage = 18_000 + d.int(0, 40) * 1_000;
    const own = d.caseNo(OURS, filedHere);
    const c = d.addCase({
      caseNo: own,
      cause: '追索劳动报酬纠纷',
      basis: ['劳动人事争议仲裁裁决书', `宜劳人仲裁字〔${Number(filedHere.slice(0, 4)) - 1}〕${60 + i}号`],
      receivedOn: d.ago(240 + i * 5),
      filedOn: filedHere,
      amountYuan: wage,
      handler: i % 2 ? L : Z,
      applicants: [d.person(name, sex, '420505', { isLivelihood: true })],
      debtors: [debtor],
    });
    const resolved = i < 5;
    const closed = i < 3;
    const t = d.addTransfer(
      c.id, i % 2 ? L : Z,
      { mode: '集中', direction: '移入', reasons: ['关联案件'], initiatedBy: '上级交办', decidingCourtCode: '鄂05', decisionDocType: '决定书', decisionDocNo: '（2026）鄂05执他9号', decisionOn: d.ago(84), originalCourtCode: court, originalCaseNo: d.caseNo(court, d.ago(260)), theirContact: '原执行法院联络人', theirPhone: '0717-6000000' },
      84,
      [
        ['已移送', 80],
        ['已立案', 74 - (i % 3), { newCaseNo: own }],
        ['办理中', 73 - (i % 3)],
        ...(resolved ? ([['已化解', 20]] as const) : []),
        ...(closed ? ([['已结案', 10]] as const) : []),
      ],
      { receivedAgo: 79 },
    );
    d.progress(c.id, i % 2 ? L : Z, 70, ['网络查控'], '集中执行：统一网络查控被执行人财产', { transferId: t.id });
    if (i % 4 === 0) d.progress(c.id, Z, 56, ['查封', '限制消费'], '查封被执行人厂房设备，对法定代表人限制消费', { transferId: t.id, substantive: true });
    if (resolved) d.progress(c.id, i % 2 ? L : Z, 20, ['扣划'], '执行和解：被执行人应收账款到账后按分配方案全额支付劳动报酬', { transferId: t.id, amountYuan: wage, substantive: true, resolved: true });
    if (closed) d.closeCase(c.id, d.ago(10), '执行完毕');
  });
}

/** (c) 协同执行：猇亭请西陵法院协助扣押被执行人车辆. */
function scenarioC(d: DemoLedger): void {
  const filed = d.ago(150);
  const c = d.addCase({
    caseNo: d.caseNo(OURS, filed),
    cause: '民间借贷纠纷',
    basis: ['民事调解书', judgment(OURS, filed.slice(0, 4), '民初')],
    receivedOn: d.ago(154),
    filedOn: filed,
    amountYuan: 226_000,
    handler: L,
    applicants: [d.person('彭小兰', '女')],
    debtors: [d.person('曾德胜', '男', '420502')],
  });
  d.progress(c.id, L, 120, ['网络查控'], '查得被执行人名下小型轿车一辆，停放于西陵区');
  const t = d.addTransfer(
    c.id, L,
    { mode: '协同', direction: '移出', reasons: ['力量不足'], initiatedBy: '依职权', receivingCourtCode: '鄂0502', decisionDocType: '函', ourContact: '刘承办', ourPhone: '0717-6760102', theirContact: '西陵法院执行局 何法官', theirPhone: '0717-6221234' },
    40,
    [['待审批', 39], ['已批准', 37, { opinion: '同意请西陵法院协助扣押车辆' }], ['已决定', 35], ['办理中', 34]],
  );
  d.progress(c.id, L, 28, ['扣押'], '西陵法院协助扣押被执行人车辆（鄂E·演示01）', { transferId: t.id, substantive: true });
  d.progress(c.id, L, 6, ['评估拍卖'], '车辆委托评估，已收到评估报告', { transferId: t.id });
}

/** (d) 院内交叉：疑有不当干预，更换承办人，执行局长审批同意. */
function scenarioD(d: DemoLedger): void {
  const filed = d.ago(220);
  const c = d.addCase({
    caseNo: d.caseNo(OURS, filed),
    cause: '建设工程施工合同纠纷',
    basis: ['民事判决书', judgment('鄂05', filed.slice(0, 4), '民终')],
    receivedOn: d.ago(226),
    filedOn: filed,
    amountYuan: 1_420_000,
    handler: Z,
    applicants: [d.org('宜昌长帆演示建筑劳务有限公司', { isSmb: true })],
    debtors: [d.org('猇亭临港演示置业有限公司')],
  });
  d.progress(c.id, Z, 180, ['网络查控', '冻结'], '冻结被执行人银行账户，余额不足');
  const t = d.addTransfer(
    c.id, Z,
    { mode: '院内交叉', direction: '院内', reasons: ['不当干预'], initiatedBy: '依职权', receivingTeam: '执行二团队（刘承办）', decisionDocType: '内部审批' },
    30,
    [['待审批', 29], ['已批准', 28, { opinion: '同意更换承办人，原承办人说明情况' }], ['已决定', 27], ['办理中', 27]],
  );
  d.changeHandler(c.id, t.id, Z, L, 27);
  d.progress(c.id, L, 14, ['扣划'], '扣划被执行人账户新进款项', { transferId: t.id, amountYuan: 310_000, substantive: true });
  d.progress(c.id, L, 3, ['评估拍卖'], '被执行人名下商铺委托评估', { transferId: t.id });
}

/** Our own proposals at every approval state (草稿 … 已结案), in the modes that move a case out. */
function proposals(d: DemoLedger): void {
  const debtors = ['宜昌雅程演示商贸有限公司', '猇亭顺远演示运输有限公司', '宜昌鼎和演示化工有限公司', '宜昌汇川演示食品有限公司', '猇亭金石演示矿业有限公司', '宜昌恒信演示装饰工程有限公司', '宜昌安泰演示船务有限公司', '猇亭新港演示仓储有限公司'];
  const specs: { mode: '指令' | '提级' | '委托' | '集中'; filedAgo: number; recv?: string; createdAgo: number; steps: Parameters<DemoLedger['addTransfer']>[4]; reasons: ('消极执行' | '疑难复杂' | '超六个月未执行' | '力量不足' | '关联案件')[]; decided?: boolean; closed?: [number, '销案'] }[] = [
    { mode: '指令', filedAgo: 230, recv: '鄂0506', createdAgo: 3, steps: [], reasons: ['超六个月未执行'] },
    { mode: '提级', filedAgo: 400, recv: '鄂05', createdAgo: 12, steps: [['待审批', 10]], reasons: ['疑难复杂'] },
    { mode: '提级', filedAgo: 330, recv: '鄂05', createdAgo: 25, steps: [['待审批', 24], ['已批准', 20, { opinion: '同意报请宜昌中院提级执行' }]], reasons: ['疑难复杂', '超六个月未执行'] },
    { mode: '指令', filedAgo: 260, recv: '鄂0503', createdAgo: 33, steps: [['待审批', 32], ['已退回', 30, { opinion: '执行经过不清楚，请补充财产调查情况后重新提交' }]], reasons: ['消极执行'] },
    { mode: '指令', filedAgo: 110, recv: '鄂0504', createdAgo: 50, steps: [['待审批', 49], ['不予批准', 46, { opinion: '立案不足四个月，尚未穷尽财产调查措施，不符合报请条件' }]], reasons: ['超六个月未执行'] },
    {
      mode: '提级', filedAgo: 360, recv: '鄂05', createdAgo: 70, reasons: ['疑难复杂'],
      steps: [['待审批', 69], ['已批准', 66], ['已决定', 55], ['已移送', 50]],
    },
    {
      mode: '提级', filedAgo: 420, recv: '鄂05', createdAgo: 97, reasons: ['疑难复杂', '超六个月未执行'], closed: [80, '销案'],
      steps: [['待审批', 96], ['已批准', 94], ['已决定', 88], ['已移送', 85], ['已立案', 80], ['办理中', 80], ['已化解', 25], ['已结案', 18]],
    },
    { mode: '集中', filedAgo: 190, recv: '鄂0506', createdAgo: 26, decided: true, steps: [['已移送', 21]], reasons: ['关联案件'] },
  ];
  specs.forEach((s, i) => {
    const handler = i % 2 ? L : Z;
    const filed = d.ago(s.filedAgo);
    const amount = 150_000 + d.int(0, 60) * 10_000;
    const c = d.addCase({
      caseNo: d.caseNo(OURS, filed),
      cause: d.pick(['金融借款合同纠纷', '买卖合同纠纷', '租赁合同纠纷', '承揽合同纠纷']),
      basis: ['民事判决书', judgment(OURS, filed.slice(0, 4))],
      receivedOn: d.ago(s.filedAgo + 4),
      filedOn: filed,
      closed: s.closed ? [d.ago(s.closed[0]), s.closed[1]] : undefined,
      amountYuan: amount,
      handler,
      applicants: [i % 3 ? d.org(`宜昌农商演示银行${['猇亭', '伍家岗', '西陵'][i % 3]}支行`) : d.person('谭明辉', '男')],
      debtors: [d.org(debtors[i]!, { isSmb: i % 2 === 0 }), d.person(d.pick(['雷振华', '田玉兰', '邓海波', '覃春生']), i % 2 ? '女' : '男')],
    });
    d.progress(c.id, handler, Math.min(s.filedAgo - 10, 98), ['网络查控'], '网络查控：未发现可供执行的存款');
    const decided = s.decided || s.steps!.some(([to]) => to === '已决定');
    const steps = s.steps!.map(([to, ago, extra]) =>
      to === '已立案' ? ([to, ago, { ...extra, newCaseNo: d.caseNo('鄂05', d.ago(ago)) }] as const) : ([to, ago, extra] as const),
    );
    const t = d.addTransfer(
      c.id, handler,
      {
        mode: s.mode, direction: '移出', reasons: s.reasons, receivingCourtCode: s.recv,
        initiatedBy: s.decided ? '上级交办' : '依职权',
        ...(decided ? { decidingCourtCode: '鄂05', decisionDocType: s.mode === '集中' ? ('决定书' as const) : ('裁定书' as const), decisionDocNo: `（2026）鄂05执监${30 + i}号` } : {}),
        ...(s.decided ? { decisionOn: d.ago(s.createdAgo) } : {}),
        ourContact: handler === Z ? '张承办' : '刘承办', ourPhone: '0717-6760101',
      },
      s.createdAgo,
      steps.map((x) => [...x]) as Parameters<DemoLedger['addTransfer']>[4],
    );
    if (t.state === '已化解' || t.state === '已结案') {
      d.progress(c.id, handler, 25, ['执行和解'], '宜昌中院反馈：双方达成执行和解，被执行人已付清', { transferId: t.id, amountYuan: amount, substantive: true, resolved: true });
    }
  });
}

/** Cases other courts sent us (指令 移入, 协同 移入), including 一案双查 after a long stall there. */
function received(d: DemoLedger): void {
  const incoming: { from: string; decisionAgo: number; steps: Parameters<DemoLedger['addTransfer']>[4]; mode: '指令' | '协同'; doubleCheck?: 'done' | 'open'; filedHere: boolean }[] = [
    { from: '鄂0502', decisionAgo: 16, mode: '指令', steps: [['已移送', 10], ['已立案', 6]], filedHere: true },
    { from: '鄂0503', decisionAgo: 4, mode: '指令', steps: [], filedHere: false },
    { from: '鄂0506', decisionAgo: 90, mode: '指令', steps: [['已移送', 86], ['已立案', 82], ['办理中', 81], ['已化解', 40]], filedHere: true, doubleCheck: 'done' },
    { from: '鄂0504', decisionAgo: 60, mode: '指令', steps: [['已移送', 57], ['已立案', 53], ['办理中', 52]], filedHere: true, doubleCheck: 'open' },
    { from: '鄂0506', decisionAgo: 77, mode: '协同', steps: [['办理中', 76], ['已结案', 48]], filedHere: false },
  ];
  incoming.forEach((s, i) => {
    const handler = i % 2 ? Z : L;
    const origFiled = d.ago(380 + i * 20);
    const theirs = d.caseNo(s.from, origFiled);
    const filedAt = s.steps!.find(([to]) => to === '已立案')?.[1];
    const ours = s.filedHere && filedAt !== undefined ? d.caseNo(OURS, d.ago(filedAt)) : null;
    const amount = 90_000 + d.int(0, 50) * 5_000;
    const c = d.addCase({
      caseNo: ours ?? theirs,
      cause: d.pick(['民间借贷纠纷', '机动车交通事故责任纠纷', '房屋买卖合同纠纷']),
      basis: ['民事判决书', judgment(s.from, origFiled.slice(0, 4))],
      receivedOn: d.ago(385 + i * 20),
      filedOn: ours ? d.ago(filedAt!) : origFiled,
      amountYuan: amount,
      handler,
      applicants: [d.person(['龚丽萍', '韩志刚', '罗永福', '童雪梅', '付国平'][i]!, i % 2 ? '男' : '女', '420503')],
      debtors: [d.person(['伍大勇', '聂桂香', '易建华', '丁胜利', '万小军'][i]!, i % 2 ? '女' : '男', '420506')],
      note: '演示数据：人物、单位、案件均为虚构（外院移入）',
    });
    const steps = s.steps!.map(([to, ago, extra]) => (to === '已立案' && ours ? ([to, ago, { ...extra, newCaseNo: ours }] as const) : ([to, ago, extra] as const)));
    const t = d.addTransfer(
      c.id, handler,
      {
        mode: s.mode, direction: '移入', reasons: s.mode === '协同' ? ['力量不足'] : ['消极执行', '超六个月未执行'], initiatedBy: '上级交办',
        decidingCourtCode: '鄂05', decisionDocType: s.mode === '协同' ? '函' : '裁定书', decisionDocNo: `（2026）鄂05执监${50 + i}号`, decisionOn: d.ago(s.decisionAgo),
        originalCourtCode: s.from, originalCaseNo: theirs, theirContact: '原执行法院联络人', theirPhone: '0717-6000001',
      },
      s.decisionAgo,
      steps.map((x) => [...x]) as Parameters<DemoLedger['addTransfer']>[4],
      s.steps!.some(([to]) => to === '已移送') ? { receivedAgo: s.steps!.find(([to]) => to === '已移送')![1] } : {},
    );
    if (i === 2) {
      d.progress(c.id, handler, 78, ['网络查控', '冻结'], '移入后网络查控，冻结被执行人银行存款', { transferId: t.id, substantive: true });
      d.progress(c.id, handler, 68, ['扣划'], '扣划冻结存款，执行款已到账', { transferId: t.id, amountYuan: amount, substantive: true, resolved: true });
      d.supervision(c.id, 'wangjz', '一案双查', 67, '移入两周即扣划到位，原执行法院此前一年余无实质进展', [30, '经核查：原承办人未及时采取查控措施，已按规定通报原执行法院'], t.id);
    }
    if (i === 3) {
      d.progress(c.id, handler, 40, ['搜查'], '对被执行人住所依法搜查', { transferId: t.id });
      d.progress(c.id, handler, 15, ['扣押', '评估拍卖'], '扣押被执行人车辆并委托评估', { transferId: t.id, substantive: true });
      d.supervision(c.id, 'wangjz', '一案双查', 14, '移入后取得实质进展，原执行法院长期未处置', undefined, t.id);
    }
    if (i === 4) d.progress(c.id, handler, 60, ['查封'], '协助夷陵法院查封被执行人在猇亭区的房产', { transferId: t.id, substantive: true });
  });
}

/** 委托执行 both ways (委托执行规定 第一条至第十一条): the entrusted court registers, the entrusting court closes as 销案. */
function delegations(d: DemoLedger): void {
  const mk = (handler: string, caseNo: string, filed: string, closed?: [string, '销案']) =>
    d.addCase({
      caseNo,
      cause: '借款合同纠纷',
      basis: ['民事判决书', judgment(caseNo.slice(6, caseNo.indexOf('执')), filed.slice(0, 4))],
      receivedOn: d.ago(Math.round((Date.parse(d.today) - Date.parse(filed)) / 86_400_000) + 3),
      filedOn: filed,
      closed,
      amountYuan: 78_000 + d.int(0, 30) * 1_000,
      handler,
      applicants: [d.person('钟文斌', '男')],
      debtors: [d.person('谢红梅', '女', '420581')],
    });
  // 委托 out to 宜都 → 已结案, our case 销案 after their registration notice.
  const out = mk(Z, d.caseNo(OURS, d.ago(140)), d.ago(140), [d.ago(55), '销案']);
  const t1 = d.addTransfer(out.id, Z, { mode: '委托', direction: '移出', reasons: ['其他'], reasonOther: '被执行人财产在宜都，委托当地法院执行', initiatedBy: '依职权', receivingCourtCode: '鄂0581', decisionDocType: '函' }, 64, [
    ['待审批', 63], ['已批准', 62], ['已决定', 61], ['已移送', 60], ['已立案', 56, { newCaseNo: d.caseNo('鄂0581', d.ago(56)) }], ['办理中', 56], ['已结案', 9],
  ]);
  d.progress(out.id, Z, 9, ['扣划'], '宜都法院反馈：已扣划全部执行款', { transferId: t1.id, amountYuan: 78_000, substantive: true, resolved: true });
  // 委托 in from 枝江 → 办理中; we registered within 7 days of the letter.
  const inFiled = d.ago(36);
  const inn = mk(L, d.caseNo(OURS, inFiled), inFiled);
  const theirs = d.caseNo('鄂0583', d.ago(200));
  const t2 = d.addTransfer(inn.id, L, { mode: '委托', direction: '移入', reasons: ['其他'], reasonOther: '被执行人财产在猇亭区', initiatedBy: '依申请', originalCourtCode: '鄂0583', originalCaseNo: theirs, decisionDocType: '函', decisionOn: d.ago(42) }, 42, [
    ['已移送', 40], ['已立案', 36, { newCaseNo: inn.caseNo }], ['办理中', 35],
  ], { receivedAgo: 40 });
  d.progress(inn.id, L, 21, ['冻结'], '冻结被执行人在猇亭区的银行账户', { transferId: t2.id, amountYuan: 12_000 });
  // 委托 out withdrawn (已退出): the debtor paid first.
  const gone = mk(Z, d.caseNo(OURS, d.ago(170)), d.ago(170));
  d.addTransfer(gone.id, Z, { mode: '委托', direction: '移出', reasons: ['其他'], reasonOther: '被执行人财产在当阳', initiatedBy: '依职权', receivingCourtCode: '鄂0582', decisionDocType: '函' }, 45, [
    ['待审批', 44], ['已批准', 43], ['已退出', 38, { reason: '被执行人主动履行，无需委托执行' }],
  ]);
  d.progress(gone.id, Z, 38, ['执行和解'], '被执行人主动履行部分款项', { amountYuan: 30_000, substantive: true });
  // 督促 still running, deadline a week ahead (the reminder list shows it).
  const urgedFiled = d.ago(240);
  const urged = mk(L, d.caseNo(OURS, urgedFiled), urgedFiled);
  d.addTransfer(urged.id, L, { mode: '督促', direction: '移出', reasons: ['超六个月未执行'], initiatedBy: '上级交办', decidingCourtCode: '鄂05', decisionDocType: '督促执行令', decisionDocNo: '（2026）鄂05执督33号', decisionOn: d.ago(22), deadlineOn: d.ago(-8) }, 22, [['办理中', 20]]);
  d.progress(urged.id, L, 12, ['网络查控', '拘传'], '拘传被执行人到庭说明财产情况');
  // 院内交叉 ended early (已退出).
  const innerFiled = d.ago(205);
  const inner = mk(Z, d.caseNo(OURS, innerFiled), innerFiled);
  d.addTransfer(inner.id, Z, { mode: '院内交叉', direction: '院内', reasons: ['力量不足'], initiatedBy: '依职权', receivingTeam: '执行一团队', decisionDocType: '内部审批' }, 21, [
    ['待审批', 20], ['已批准', 19], ['已决定', 18], ['已退出', 8, { reason: '当事人达成执行和解，由原承办人继续办理' }],
  ]);
}

/** Cases without a transfer: discovery candidates (超六个月, 终本 in priority classes, one debtor with several cases) and ordinary ones. */
function plainCases(d: DemoLedger): void {
  const serial = d.person('石大海', '男', '420505');
  const plain: { filedAgo: number; closed?: [number, '终结本次执行程序' | '执行完毕']; debtor: ReturnType<DemoLedger['person']>; applicant: ReturnType<DemoLedger['person']>; amount: number; cause: string }[] = [
    { filedAgo: 420, closed: [300, '终结本次执行程序'], debtor: d.org('猇亭晨光演示五金加工厂', { isSmb: true }), applicant: d.person('廖春花', '女', '420505', { isLivelihood: true }), amount: 46_000, cause: '追索劳动报酬纠纷' },
    { filedAgo: 380, closed: [270, '终结本次执行程序'], debtor: serial, applicant: d.person('夏国栋', '男'), amount: 120_000, cause: '民间借贷纠纷' },
    { filedAgo: 200, debtor: serial, applicant: d.person('江美玲', '女'), amount: 65_000, cause: '民间借贷纠纷' },
    { filedAgo: 160, debtor: serial, applicant: d.org('宜昌顺达演示小额贷款有限公司'), amount: 38_000, cause: '小额借款合同纠纷' },
    { filedAgo: 200, debtor: d.person('冉光荣', '男'), applicant: d.person('包玉珍', '女'), amount: 52_000, cause: '机动车交通事故责任纠纷' },
    { filedAgo: 260, debtor: d.org('宜昌锦程演示家具有限公司', { isSmb: true }), applicant: d.org('宜昌林海演示木业有限公司', { isSmb: true }), amount: 318_000, cause: '买卖合同纠纷' },
    { filedAgo: 20, debtor: d.person('熊志明', '男'), applicant: d.person('邹小红', '女'), amount: 24_000, cause: '民间借贷纠纷' },
    { filedAgo: 95, closed: [30, '执行完毕'], debtor: d.person('柯文涛', '男'), applicant: d.org('宜昌清江演示物业服务有限公司'), amount: 8_600, cause: '物业服务合同纠纷' },
    { filedAgo: 130, debtor: d.person('苏建平', '男'), applicant: d.person('姚丽君', '女', '420505', { isLivelihood: true }), amount: 33_000, cause: '赡养费纠纷' },
  ];
  plain.forEach((p, i) => {
    const handler = i % 2 ? L : Z;
    const filed = d.ago(p.filedAgo);
    const c = d.addCase({
      caseNo: d.caseNo(OURS, filed),
      cause: p.cause,
      basis: ['民事判决书', judgment(OURS, filed.slice(0, 4))],
      receivedOn: d.ago(p.filedAgo + 3),
      filedOn: filed,
      closed: p.closed ? [d.ago(p.closed[0]), p.closed[1]] : undefined,
      amountYuan: p.amount,
      handler,
      applicants: [p.applicant],
      debtors: [p.debtor],
    });
    if (i === 4) d.deduction(c.id, handler, '公告', 150, 120, '公告送达执行通知书');
    if (i === 8) d.deduction(c.id, handler, '中止', 40, null, '被执行人下落不明，裁定中止执行');
    if (i === 6) d.progress(c.id, handler, 2, ['网络查控', '冻结'], '冻结被执行人银行账户', { amountYuan: 6_000, substantive: true });
    if (i === 7) d.progress(c.id, handler, 30, ['扣划'], '扣划全部执行款，案件执行完毕', { amountYuan: p.amount, substantive: true, resolved: true });
    if (i === 8) d.progress(c.id, handler, 60, ['失信', '限制消费'], '将被执行人纳入失信被执行人名单');
    if (i === 2 || i === 3) d.progress(c.id, handler, 35 + i * 7, ['网络查控'], '网络查控未发现可供执行财产');
  });
}
