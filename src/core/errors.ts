import type { ErrorCode } from '../contract/result';

/** A refusal the user should read: the code for programs, the message (Chinese) for people. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly field?: string,
  ) {
    super(message);
  }
}

export const fail = (code: ErrorCode, message: string, field?: string): never => {
  throw new DomainError(code, message, field);
};

export const notFound = (what: string): never => fail('NOT_FOUND', `${what}不存在或已被删除`);
