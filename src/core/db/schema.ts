import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** Foundation tables (users, settings, audit). Modules keep their tables in their own schema.ts. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['staff', 'clerk', 'chief', 'leader', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordSalt: text('password_salt').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
  lastLoginAt: text('last_login_at'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey(),
  at: text('at').notNull(),
  userId: integer('user_id'),
  userName: text('user_name').notNull(),
  call: text('call').notNull(),
  recordType: text('record_type'),
  recordId: text('record_id'),
  summary: text('summary').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
