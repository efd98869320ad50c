import { headerKey } from './text';
import { unitFromHeader, type AmountUnit } from './amounts';

/**
 * The columns an imported ledger may have, each with the names bureaus actually give it.
 * Matching is on the header text with spaces, full-width forms and units removed.
 */
export type FieldKind = 'text' | 'caseNo' | 'date' | 'amount' | 'names' | 'ids' | 'court' | 'flag';
export type FieldDef = { key: ImportField; label: string; kind: FieldKind; variants: string[] };

export const IMPORT_FIELDS = [
  { key: 'caseNo', label: '案号', kind: 'caseNo', variants: ['案号', '执行案号', '本院案号', '执行案件案号', '案件号', '案件案号'] },
  { key: 'originalCaseNo', label: '原案号', kind: 'caseNo', variants: ['原案号', '原执行案号', '移送前案号', '原法院案号'] },
  { key: 'newCaseNo', label: '新案号', kind: 'caseNo', variants: ['新案号', '现案号', '交叉执行案号', '移送后案号', '新立案案号', '承办法院案号', '交叉后案号'] },
  { key: 'cause', label: '案由', kind: 'text', variants: ['案由'] },
  { key: 'basisDocNo', label: '执行依据', kind: 'text', variants: ['执行依据', '执行依据文号', '执行依据文书号', '执行依据案号', '依据文书', '执行依据文书', '生效法律文书', '执行依据文书编号'] },
  { key: 'applicants', label: '申请执行人', kind: 'names', variants: ['申请执行人', '申请人', '申请执行人名称', '申请执行人姓名', '申请执行人姓名/名称', '申请执行人姓名或名称', '权利人'] },
  { key: 'applicantIds', label: '申请执行人证件号码', kind: 'ids', variants: ['申请执行人证件号码', '申请执行人身份证号', '申请执行人身份证号码', '申请执行人统一社会信用代码', '申请人证件号码'] },
  { key: 'debtors', label: '被执行人', kind: 'names', variants: ['被执行人', '被执行人名称', '被执行人姓名', '被执行人姓名/名称', '被执行人姓名或名称', '被申请执行人', '义务人'] },
  { key: 'debtorIds', label: '被执行人证件号码', kind: 'ids', variants: ['被执行人证件号码', '被执行人身份证号', '被执行人身份证号码', '被执行人统一社会信用代码', '证件号码', '身份证号码/统一社会信用代码', '统一社会信用代码/身份证号码', '统一社会信用代码', '身份证号', '身份证号码'] },
  { key: 'amountDue', label: '执行标的', kind: 'amount', variants: ['标的额', '执行标的', '标的金额', '执行标的额', '执行标的金额', '申请执行标的', '申请执行标的额', '申请标的额', '标的'] },
  { key: 'recovered', label: '到位金额', kind: 'amount', variants: ['到位金额', '执行到位金额', '累计到位金额', '已执行到位金额', '实际到位金额', '执行到位款', '到位款', '执结金额'] },
  { key: 'mode', label: '交叉方式', kind: 'text', variants: ['交叉方式', '交叉执行方式', '交叉类型', '交叉执行类型', '移送方式', '交叉执行模式'] },
  { key: 'direction', label: '方向', kind: 'text', variants: ['方向', '移送方向', '交叉方向', '移出移入', '移出/移入', '移入/移出', '类别', '类型', '类型/方向', '方向/类型', '案件流向', '流向'] },
  { key: 'reasons', label: '交叉原因', kind: 'text', variants: ['交叉原因', '适用情形', '移送原因', '交叉执行原因', '交叉理由', '交叉执行情形'] },
  { key: 'initiatedBy', label: '启动方式', kind: 'text', variants: ['启动方式', '启动途径', '启动程序'] },
  { key: 'decidingCourt', label: '决定法院', kind: 'court', variants: ['决定法院', '决定机关'] },
  { key: 'decisionDocNo', label: '决定文书号', kind: 'text', variants: ['决定文书号', '决定文号', '决定书号', '裁定书号', '指令文号', '督促执行令文号'] },
  { key: 'decisionOn', label: '决定日期', kind: 'date', variants: ['决定日期', '裁定日期', '决定时间'] },
  { key: 'deadlineOn', label: '限期', kind: 'date', variants: ['限期', '督促期限', '限定期限', '督促限期', '办结期限'] },
  { key: 'originalCourt', label: '原执行法院', kind: 'court', variants: ['原执行法院', '原法院', '移出法院', '原承办法院', '原执行单位'] },
  { key: 'receivingCourt', label: '承办法院', kind: 'court', variants: ['承办法院', '交叉执行法院', '移入法院', '现执行法院', '受移送法院', '接收法院', '执行法院', '受指定法院'] },
  { key: 'handler', label: '承办人', kind: 'text', variants: ['承办人', '承办法官', '执行法官', '承办人员', '经办人', '执行员'] },
  { key: 'applicationReceivedOn', label: '收到申请日期', kind: 'date', variants: ['收到申请日期', '收到申请执行书日期', '收到申请执行书时间', '申请执行日期', '申请日期', '收到申请时间'] },
  { key: 'filedOn', label: '立案日期', kind: 'date', variants: ['立案日期', '立案时间', '原立案日期', '受理日期'] },
  { key: 'closedOn', label: '结案日期', kind: 'date', variants: ['结案日期', '结案时间', '办结日期', '执结日期'] },
  { key: 'closureType', label: '结案方式', kind: 'text', variants: ['结案方式', '结案类型', '结案情况'] },
  { key: 'requestedOn', label: '报请日期', kind: 'date', variants: ['报请日期', '报请时间', '申请交叉日期'] },
  { key: 'handedOverOn', label: '卷宗移交日期', kind: 'date', variants: ['卷宗移交日期', '移送日期', '移交日期', '移送时间', '卷宗移送日期'] },
  { key: 'receivedOn', label: '收到卷宗日期', kind: 'date', variants: ['收到日期', '收到卷宗日期', '接收日期', '收卷日期'] },
  { key: 'newFiledOn', label: '新立案日期', kind: 'date', variants: ['新立案日期', '移入立案日期', '交叉立案日期', '承办法院立案日期'] },
  { key: 'state', label: '状态', kind: 'text', variants: ['状态', '当前状态', '办理状态', '进展状态', '案件状态'] },
  { key: 'progress', label: '进展情况', kind: 'text', variants: ['进展情况', '执行情况', '执行进展', '办理情况', '工作进展', '进展'] },
  // 是否取得实质进展 / 是否化解: columns of the ledger's status group (domain brief §6.1, a design inference 🟡).
  { key: 'substantive', label: '是否取得实质进展', kind: 'flag', variants: ['是否取得实质进展', '取得实质进展', '实质进展', '是否实质进展', '有无实质进展'] },
  { key: 'resolved', label: '是否化解', kind: 'flag', variants: ['是否化解', '化解', '已化解', '是否已化解'] },
  { key: 'isSmb', label: '涉中小微企业', kind: 'flag', variants: ['涉中小微企业', '是否中小微企业', '中小微企业', '是否涉中小微企业'] },
  { key: 'isLivelihood', label: '涉民生', kind: 'flag', variants: ['涉民生', '是否涉民生', '民生案件'] },
  { key: 'note', label: '备注', kind: 'text', variants: ['备注', '说明'] },
] as const satisfies readonly { key: string; label: string; kind: FieldKind; variants: readonly string[] }[];

export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];
export const FIELD_BY_KEY = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f])) as Record<ImportField, (typeof IMPORT_FIELDS)[number]>;

/** Columns that are recognised but carry nothing to import. */
const IGNORED = ['序号', '编号', '序', 'no', 'no.', '原行号', '行号', '未导入原因'];

/** Strips a unit or remark in brackets at the end: "标的金额（万元）" → "标的金额", "案号(必填)" → "案号". */
function baseName(raw: string): string {
  return headerKey(raw)
    .replace(/[（(][^）)]*[）)]$/g, '')
    .replace(/[/／]?(单位[:：])?万?元$/, '')
    .replace(/[/／]$/, '');
}

const LOOKUP = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const v of f.variants) LOOKUP.set(headerKey(v), f.key);

export type ColumnMatch = { field: ImportField | null; ignored: boolean; unit: AmountUnit | null };

export function matchHeader(raw: string): ColumnMatch {
  const key = headerKey(raw);
  if (!key) return { field: null, ignored: false, unit: null };
  if (IGNORED.includes(key.toLowerCase())) return { field: null, ignored: true, unit: null };
  const field = LOOKUP.get(key) ?? LOOKUP.get(baseName(raw)) ?? null;
  return { field, ignored: false, unit: field && FIELD_BY_KEY[field].kind === 'amount' ? unitFromHeader(raw) : null };
}

/** The fields that can name the case a row belongs to. */
export const CASE_NO_FIELDS: ImportField[] = ['caseNo', 'originalCaseNo', 'newCaseNo'];
