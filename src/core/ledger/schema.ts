import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** Drizzle view of the ledger tables (the SQL lives in migrations.ts). */
export const courts = sqliteTable('courts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level', { enum: ['最高', '高级', '中级', '基层', '专门'] }).notNull(),
  parentCode: text('parent_code'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const cases = sqliteTable('cases', {
  id: integer('id').primaryKey(),
  caseNo: text('case_no').notNull(),
  year: integer('year').notNull(),
  courtCode: text('court_code').notNull(),
  typeCode: text('type_code').notNull(),
  seq: integer('seq').notNull(),
  cause: text('cause'),
  basisTitle: text('basis_title'),
  basisDocNo: text('basis_doc_no'),
  applicationReceivedOn: text('application_received_on'),
  propertyFoundOn: text('property_found_on'),
  filedOn: text('filed_on'),
  closedOn: text('closed_on'),
  closureType: text('closure_type'),
  amountDueFen: integer('amount_due_fen'),
  handlerId: integer('handler_id'),
  note: text('note'),
  source: text('source').notNull().default('manual'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const parties = sqliteTable('parties', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  side: text('side', { enum: ['申请执行人', '被执行人'] }).notNull(),
  kind: text('kind', { enum: ['自然人', '法人或其他组织'] }).notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number'),
  isSmb: integer('is_smb', { mode: 'boolean' }).notNull().default(false),
  isLivelihood: integer('is_livelihood', { mode: 'boolean' }).notNull().default(false),
  phone: text('phone'),
  address: text('address'),
});

export const transfers = sqliteTable('transfers', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  mode: text('mode').notNull(),
  direction: text('direction').notNull(),
  reasons: text('reasons').notNull().default('[]'),
  reasonOther: text('reason_other'),
  initiatedBy: text('initiated_by'),
  decidingCourtCode: text('deciding_court_code'),
  decisionDocType: text('decision_doc_type'),
  decisionDocNo: text('decision_doc_no'),
  decisionOn: text('decision_on'),
  deadlineOn: text('deadline_on'),
  originalCourtCode: text('original_court_code'),
  receivingCourtCode: text('receiving_court_code'),
  receivingTeam: text('receiving_team'),
  originalCaseNo: text('original_case_no'),
  newCaseNo: text('new_case_no'),
  requestedOn: text('requested_on'),
  handedOverOn: text('handed_over_on'),
  receivedOn: text('received_on'),
  filedOn: text('filed_on'),
  closedOn: text('closed_on'),
  ourContact: text('our_contact'),
  ourPhone: text('our_phone'),
  theirContact: text('their_contact'),
  theirPhone: text('their_phone'),
  state: text('state').notNull(),
  exitReason: text('exit_reason'),
  handlerId: integer('handler_id'),
  createdBy: integer('created_by'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const transferEvents = sqliteTable('transfer_events', {
  id: integer('id').primaryKey(),
  transferId: integer('transfer_id').notNull(),
  at: text('at').notNull(),
  effectiveOn: text('effective_on').notNull(),
  userId: integer('user_id'),
  userName: text('user_name').notNull(),
  kind: text('kind', { enum: ['created', 'state', 'edit', 'approval', 'note'] }).notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  data: text('data').notNull().default('{}'),
});

export const progressEntries = sqliteTable('progress_entries', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  transferId: integer('transfer_id'),
  onDate: text('on_date').notNull(),
  measures: text('measures').notNull().default('[]'),
  measureOther: text('measure_other'),
  amountFen: integer('amount_fen').notNull().default(0),
  substantive: integer('substantive', { mode: 'boolean' }).notNull().default(false),
  resolved: integer('resolved', { mode: 'boolean' }).notNull().default(false),
  text: text('text'),
  recordedAt: text('recorded_at').notNull(),
  recordedBy: integer('recorded_by'),
  voidedAt: text('voided_at'),
  voidedBy: integer('voided_by'),
  voidReason: text('void_reason'),
});

export const deductions = sqliteTable('deductions', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  kind: text('kind', { enum: ['公告', '鉴定评估', '管辖争议', '执行协调', '暂缓', '中止'] }).notNull(),
  startOn: text('start_on').notNull(),
  endOn: text('end_on'),
  note: text('note'),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by'),
});

export const supervisions = sqliteTable('supervisions', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  transferId: integer('transfer_id'),
  kind: text('kind', { enum: ['督办', '一案双查'] }).notNull(),
  status: text('status', { enum: ['进行中', '已办结'] }).notNull(),
  raisedOn: text('raised_on').notNull(),
  reason: text('reason'),
  result: text('result'),
  resultOn: text('result_on'),
  createdBy: integer('created_by'),
  createdAt: text('created_at').notNull(),
});

export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
  isOffDay: integer('is_off_day', { mode: 'boolean' }).notNull(),
  source: text('source').notNull(),
  importedAt: text('imported_at').notNull(),
});

export const savedViews = sqliteTable('saved_views', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull(),
  name: text('name').notNull(),
  filters: text('filters').notNull(),
  createdAt: text('created_at').notNull(),
});
