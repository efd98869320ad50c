import type { z } from 'zod';
import { FIELD_LABELS } from '../../../../contract';

/**
 * Validates a form as the user types with the very schema the core checks (the contract's input),
 * so the form and the server never disagree. Returns Mantine-form errors keyed by field path,
 * each message naming nothing more than the problem (the field's label sits next to it).
 */
export function zodErrors<S extends z.ZodType>(schema: S, values: unknown): Record<string, string> {
  const r = schema.safeParse(values);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key || '_form'] = issue.message;
  }
  return out;
}

/** The label of a field as messages elsewhere name it. */
export const labelOf = (key: string) => FIELD_LABELS[key] ?? key;
