import type { z } from 'zod';
import { FIELD_LABELS } from './labels';

/** Turns a zod error into one Chinese sentence naming the field the user sees. */
export function formatZodError(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: '输入无效' };
  const path = issue.path.map(String);
  const key = [...path].reverse().find((p) => !/^\d+$/.test(p));
  const label = key ? (FIELD_LABELS[key] ?? key) : undefined;
  const row = path.find((p) => /^\d+$/.test(p));
  const where = label ? `「${label}」${row !== undefined ? `（第 ${Number(row) + 1} 项）` : ''}` : '';
  const message = where ? `${where}${issue.message}` : issue.message;
  return { message, field: path.join('.') || undefined };
}
