import { createRequire } from 'node:module';
import { canvasLib, pdfkit } from '../lazyModules';
import type { DemoStep } from '../demo/demo';
import { fontBytes } from '../approvals/documents/fonts';
import { getSettings } from '../settings/settings';
import { appendAudit } from '../audit/audit';
import { insertDocument, requireSection } from './documents';
import { storeBytes } from './store';
import { indexMissingText } from './text/catchUp';

/**
 * Demo e-files (fictional): for a few demo cases, generated 正卷 documents with a real Chinese
 * text layer (执行通知书, 报告财产令, 查封裁定书, 协助执行通知书, 拘留决定书 …), a scanned-looking 送达回证
 * (a JPEG with no text, for OCR) and a two-page scan PDF, and 副卷 documents (执行方案, 审查报告,
 * 合议庭评议笔录). Runs inside the demo transaction, so everything here is synchronous; the text
 * index is built right after the transaction by the catch-up (text/catchUp.ts).
 * Skips quietly when there are no cases (the ledger demo step did not run).
 */
type Case = { id: number; caseNo: string; handlerId: number | null; filedOn: string | null; cause: string | null; applicant: string; debtor: string; firstDebtor: string; debtorIsOrg: number };

function pdf(pages: { title: string; lines: string[] }[], court: string): Buffer {
  const doc = new (pdfkit())({ size: 'A4', margins: { top: 90, bottom: 80, left: 80, right: 80 }, autoFirstPage: false, info: { Title: pages[0]?.title ?? '', Author: court } });
  doc.registerFont('serif', fontBytes('serif'));
  doc.registerFont('bold', fontBytes('serifBold'));
  for (const p of pages) {
    doc.addPage();
    doc.font('bold').fontSize(20).text(court, { align: 'center' });
    doc.moveDown(0.3).fontSize(26).text(p.title, { align: 'center', characterSpacing: 4 });
    doc.moveDown(1).font('serif').fontSize(15);
    for (const l of p.lines) doc.text(l, { indent: l.startsWith('　') ? 0 : 30, lineGap: 8, paragraphGap: 6, align: l.startsWith('　') ? 'right' : 'justify' });
  }
  doc.end();
  const chunks: Buffer[] = [];
  let c: Buffer | null;
  // pdfkit pushes the whole file on end(); reading it back is synchronous.
  while ((c = doc.read() as Buffer | null) !== null) chunks.push(c);
  return Buffer.concat(chunks);
}

let fontReady = false;
/** A page as a scanner would give it: off-white, slightly skewed, speckled, with a red seal. */
function scanJpeg(title: string, lines: string[], court: string, seed: number): Buffer {
  const { createCanvas, GlobalFonts } = canvasLib();
  if (!fontReady) {
    GlobalFonts.registerFromPath(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 'XdeskDemoSerif');
    fontReady = true;
  }
  const W = 1240;
  const H = 1754;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f3efe4';
  g.fillRect(0, 0, W, H);
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  g.fillStyle = 'rgba(60,50,40,0.18)';
  for (let i = 0; i < 2500; i++) g.fillRect(rnd() * W, rnd() * H, 1 + rnd() * 2, 1 + rnd() * 2);
  g.save();
  g.translate(W / 2, H / 2);
  g.rotate((rnd() - 0.5) * 0.02);
  g.translate(-W / 2, -H / 2);
  g.fillStyle = '#1d1d1d';
  g.textAlign = 'center';
  g.font = '44px XdeskDemoSerif';
  g.fillText(court, W / 2, 190);
  g.font = '58px XdeskDemoSerif';
  g.fillText(title, W / 2, 280);
  g.textAlign = 'left';
  g.font = '32px XdeskDemoSerif';
  let y = 400;
  for (const l of lines) {
    for (let i = 0; i < l.length; i += 30) {
      g.fillText(l.slice(i, i + 30), 150, y);
      y += 56;
    }
    y += 12;
  }
  g.strokeStyle = 'rgba(200,30,30,0.75)';
  g.lineWidth = 8;
  g.beginPath();
  g.arc(900, y + 110, 110, 0, Math.PI * 2);
  g.stroke();
  g.fillStyle = 'rgba(200,30,30,0.75)';
  g.font = '24px XdeskDemoSerif';
  g.textAlign = 'center';
  g.fillText('★', 900, y + 122);
  g.fillText(court.slice(-8), 900, y + 180);
  g.restore();
  return canvas.toBuffer('image/jpeg', 72);
}

function scanPdf(jpegs: Buffer[]): Buffer {
  const doc = new (pdfkit())({ size: 'A4', margin: 0, autoFirstPage: false });
  for (const j of jpegs) {
    doc.addPage();
    doc.image(j, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  const chunks: Buffer[] = [];
  let c: Buffer | null;
  while ((c = doc.read() as Buffer | null) !== null) chunks.push(c);
  return Buffer.concat(chunks);
}

/** 2025-03-04 → 2025年3月4日, as court documents write dates. */
const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

export const efilesDemoStep: DemoStep = (app, { admin }) => {
  const cases = app.sqlite
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.handler_id AS handlerId, c.filed_on AS filedOn, c.cause,
         COALESCE((SELECT group_concat(name, '、') FROM parties p WHERE p.case_id = c.id AND p.side = '申请执行人'), '申请执行人') AS applicant,
         COALESCE((SELECT group_concat(name, '、') FROM parties p WHERE p.case_id = c.id AND p.side = '被执行人'), '被执行人') AS debtor,
         COALESCE((SELECT name FROM parties p WHERE p.case_id = c.id AND p.side = '被执行人' ORDER BY p.id LIMIT 1), '被执行人') AS firstDebtor,
         COALESCE((SELECT p.kind = '法人或其他组织' FROM parties p WHERE p.case_id = c.id AND p.side = '被执行人' ORDER BY p.id LIMIT 1), 0) AS debtorIsOrg
       FROM cases c WHERE NOT EXISTS (SELECT 1 FROM efile_documents d WHERE d.case_id = c.id) ORDER BY c.id LIMIT 4`,
    )
    .all() as Case[];
  if (!cases.length) return;
  const court = getSettings(app).courtName;
  const ids: number[] = [];
  const file = (c: Case, volume: '正卷' | '副卷', sectionId: string, title: string, name: string, bytes: Buffer, kind: 'pdf' | 'image', pages: number, docDate: string | null) => {
    const blob = storeBytes(app, bytes);
    requireSection(app, sectionId, volume);
    const row = insertDocument(app, {
      caseId: c.id, volume, sectionId, title, name, size: blob.size, sha256: blob.sha256,
      mime: kind === 'pdf' ? 'application/pdf' : 'image/jpeg', kind, pages, docDate, source: 'import', userId: c.handlerId ?? admin.id,
      // 文号 and 责任者 for the 卷内目录: the demo's documents are the court's own, numbered by the case.
      docNo: c.caseNo, author: court,
    });
    ids.push(row.id);
  };

  cases.forEach((c, i) => {
    const filed = c.filedOn ?? '2025-03-04';
    const cause = c.cause ?? '民间借贷纠纷';
    const head = `${c.caseNo}`;
    // A company cannot be detained: its legal representative (主要负责人) is (民诉法 第一百一十四条第二款、
    // 第一百一十八条). The demo's person is fictional.
    const detainee = c.debtorIsOrg ? `周某（系被执行人${c.firstDebtor}的法定代表人）` : c.firstDebtor;
    const detained = c.debtorIsOrg ? `被执行人${c.firstDebtor}的法定代表人周某` : `被执行人${c.firstDebtor}`;
    file(c, '正卷', '正卷-6', '执行通知书', '执行通知书.pdf', pdf([
      { title: '执行通知书', lines: [head, `${c.debtor}：`, `${c.applicant}与你（单位）${cause}一案，申请执行人已向本院申请执行。依照《中华人民共和国民事诉讼法》第二百五十一条的规定，责令你（单位）自本通知送达之日起立即履行生效法律文书确定的义务，并负担申请执行费。`, '逾期不履行的，本院将依法强制执行，并可依法对你（单位）采取限制消费、纳入失信被执行人名单、罚款、拘留等措施。', `　${court}`, `　${cn(filed)}`] },
      { title: '报告财产令', lines: [head, `${c.debtor}：`, '依照《中华人民共和国民事诉讼法》第二百五十二条的规定，责令你（单位）在收到本令后五日内，如实向本院报告当前以及收到执行通知之日前一年的财产情况。拒绝报告或者虚假报告的，本院将根据情节轻重予以罚款、拘留。', `　${court}`, `　${cn(filed)}`] },
    ], court), 'pdf', 2, filed);
    file(c, '正卷', '正卷-8', '网络查控反馈（扫描件）', '网络查控反馈.pdf', scanPdf([
      scanJpeg('网络执行查控反馈', [head, `被查询人：${c.debtor}`, '查询结果：中国工商银行账户一个，余额 3,261.40 元；中国建设银行账户一个，余额 0.00 元。', '不动产登记信息：名下房产一处，位于宜昌市猇亭区。', '车辆登记信息：无。'], court, 11 + i),
      scanJpeg('网络执行查控反馈（续）', ['证券、保险、网络资金：均未查询到财产信息。', `查询日期：${cn(addDays(filed, 3))}`], court, 23 + i),
    ]), 'pdf', 2, addDays(filed, 3));
    file(c, '正卷', '正卷-9', '查封裁定书', '执行裁定书（查封）.pdf', pdf([
      { title: '执行裁定书', lines: [head, `申请执行人：${c.applicant}。`, `被执行人：${c.debtor}。`, `本院在执行${c.applicant}与${c.debtor}${cause}一案中，因被执行人未按执行通知履行法律文书确定的义务，依照《中华人民共和国民事诉讼法》第二百五十五条的规定，裁定如下：`, '查封被执行人名下位于宜昌市猇亭区的房产一处，查封期限为三年。', '本裁定立即执行。', `　${court}`, `　${cn(addDays(filed, 10))}`] },
    ], court), 'pdf', 1, addDays(filed, 10));
    file(c, '正卷', '正卷-9', '协助执行通知书（不动产登记中心）', '协助执行通知书.pdf', pdf([
      { title: '协助执行通知书', lines: [head, '宜昌市不动产登记中心：', `本院在执行${c.applicant}与${c.debtor}${cause}一案中，依照《中华人民共和国民事诉讼法》第二百五十五条的规定，请协助查封被执行人${c.debtor}名下房产一处，查封期限三年。`, `　${court}`, `　${cn(addDays(filed, 10))}`] },
    ], court), 'pdf', 1, addDays(filed, 10));
    if (i === 0) {
      file(c, '正卷', '正卷-11', '拘留决定书', '拘留决定书.pdf', pdf([
        { title: '拘留决定书', lines: [head, `被拘留人：${detainee}。`, `本院在执行过程中查明，${c.debtorIsOrg ? '被执行人有能力履行而拒不履行生效法律文书确定的义务，且拒不报告财产，其法定代表人对此负有直接责任' : '被拘留人有能力履行而拒不履行生效法律文书确定的义务，且拒不报告财产'}。依照《中华人民共和国民事诉讼法》第一百一十四条、第一百一十八条的规定，决定如下：`, `对${detained}司法拘留十五日。`, '如不服本决定，可以在收到决定书之日起三日内，口头或者书面向上一级人民法院申请复议一次。复议期间，不停止决定的执行。', `　${court}`, `　${cn(addDays(filed, 40))}`] },
      ], court), 'pdf', 1, addDays(filed, 40));
    }
    file(c, '正卷', '正卷-16', '送达回证（扫描件）', '送达回证.jpg', scanJpeg('送达回证', [head, `送达文书：执行通知书、报告财产令`, `受送达人：${c.debtor}`, `送达地点：宜昌市猇亭区`, `送达日期：${cn(addDays(filed, 2))}`, '受送达人签收：（签名）'], court, 37 + i), 'image', 1, addDays(filed, 2));
    file(c, '副卷', '副卷-4', '执行方案', '执行方案.pdf', pdf([
      { title: '执行方案', lines: [head, `一、案件概况：申请执行人${c.applicant}，被执行人${c.debtor}，案由${cause}。`, '二、财产线索：网络查控发现银行存款少量，名下房产一处。', `三、执行措施：1. 冻结、扣划银行存款；2. 查封房产并启动评估拍卖；3. 被执行人拒不报告财产的，依法对${c.debtorIsOrg ? '其法定代表人或主要负责人' : '其'}予以罚款、拘留。`, '四、时间安排：立案后十日内完成查控，三十日内完成查封。'] },
    ], court), 'pdf', 1, addDays(filed, 5));
    file(c, '副卷', '副卷-7', '合议庭评议笔录', '合议庭评议笔录.pdf', pdf([
      { title: '合议庭评议笔录', lines: [head, `评议事项：是否对${detained}采取司法拘留措施。`, `合议意见：被执行人有能力履行而拒不履行，且拒不报告财产，合议庭一致同意对${detained}司法拘留十五日。`, '（以上为虚构的演示内容）'] },
    ], court), 'pdf', 1, addDays(filed, 39));
  });
  appendAudit(app, { userId: admin.id > 0 ? admin.id : null, userName: admin.displayName, call: 'demo.load', recordType: 'efile', summary: `演示电子卷宗：${cases.length} 件案件共 ${ids.length} 份文件` });
  // Index after the demo transaction has committed (this step runs inside it). The catch-up indexes
  // every document without text yet; the CLI's `demo` awaits the same run before it exits.
  setTimeout(() => {
    if (app.sqlite.open) void indexMissingText(app);
  }, 0);
};
