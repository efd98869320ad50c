import type { CallInput, CallName, CallOutput } from './index';
import type { CallError, Result } from './result';

/** How a client reaches the host: Electron's preload bridge or HTTP in browser mode. */
export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>;

export class CallFailed extends Error {
  constructor(public readonly error: CallError) {
    super(error.message);
  }
}

/** A typed client of the contract. `call` returns the Result; `run` throws CallFailed. */
export function createClient(transport: Transport) {
  const call = <N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> =>
    transport(name, input) as Promise<Result<CallOutput<N>>>;
  const run = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const r = await call(name, input);
    if (!r.ok) throw new CallFailed(r.error);
    return r.value;
  };
  return { call, run };
}
export type Client = ReturnType<typeof createClient>;
