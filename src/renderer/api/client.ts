import { useMutation, useQuery, useQueryClient, type MutateOptions, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { createClient, CallFailed } from '../../contract/client';
import type { CallInput, CallName, CallOutput } from '../../contract';
import { transport } from './transport';

export const api = createClient(transport);
export { CallFailed };

/** Reads through the contract, cached by call name and input. */
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N>,
  options: Omit<UseQueryOptions<CallOutput<N>, CallFailed>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallOutput<N>, CallFailed>({
    queryKey: [name, input],
    queryFn: () => api.run(name, input),
    ...options,
  });
}

/**
 * Changes something; on success every cached read is refreshed (cheap: the core answers in
 * milliseconds) and an optional notice is shown; on failure the Chinese message is shown.
 * One call at a time: while one is in flight, a second `mutate` (a double click, Enter pressed
 * twice) is dropped and `mutateAsync` returns the call already running — buttons also show
 * `loading={x.isPending}`, but the rule holds even where a button forgets it.
 */
export function useCommand<N extends CallName>(name: N, opts: { success?: string | ((v: CallOutput<N>) => string); silent?: boolean } = {}) {
  const qc = useQueryClient();
  const inflight = useRef<Promise<CallOutput<N>> | null>(null);
  const m = useMutation<CallOutput<N>, CallFailed, CallInput<N>>({
    mutationFn: (input) => api.run(name, input),
    onSuccess: (v) => {
      void qc.invalidateQueries();
      const msg = typeof opts.success === 'function' ? opts.success(v) : opts.success;
      if (msg) notifications.show({ color: 'teal', message: msg });
    },
    onError: (e) => {
      if (!opts.silent) showError(e);
    },
  });
  type Options = MutateOptions<CallOutput<N>, CallFailed, CallInput<N>>;
  const { mutateAsync: run } = m;
  const mutateAsync = useCallback(
    (input: CallInput<N>, o?: Options): Promise<CallOutput<N>> =>
      (inflight.current ??= run(input, o).finally(() => {
        inflight.current = null;
      })),
    [run],
  );
  const mutate = useCallback((input: CallInput<N>, o?: Options) => void mutateAsync(input, o).catch(() => undefined), [mutateAsync]);
  return { ...m, mutate, mutateAsync };
}

/**
 * `run(fn)` for actions that are not one contract call (download, several calls, file pick): runs
 * `fn` unless one is already running, and `pending` drives the button's `loading`.
 */
export function useSingleFlight() {
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    try {
      return await fn();
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  return { run, pending };
}

export function showError(e: unknown): void {
  const message = e instanceof CallFailed ? e.error.message : e instanceof Error ? e.message : String(e);
  notifications.show({ color: 'red', title: '操作未完成', message, autoClose: 8000 });
}
