import type { z } from 'zod';
import type { Access } from './roles';

/**
 * One call of the contract. `mutates` calls run in a transaction and are written to the audit log.
 */
export type CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  mutates: boolean;
  /** Short Chinese description, shown in the audit log and the docs. */
  title: string;
};

export function defineCall<I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> {
  return def;
}
