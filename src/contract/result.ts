/** Every call answers with this shape; `message` is Chinese text meant for the user. */
export type CallError = { code: ErrorCode; message: string; field?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const ERROR_CODES = [
  'UNKNOWN_CALL',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'LOCKED_OUT',
  'BAD_CREDENTIALS',
  'RATE_LIMITED',
  'NOT_INITIALIZED',
  'CSRF',
  'DAMAGED',
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

/** Largest JSON body a call accepts (contract rule: > 10 MB is refused). */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
