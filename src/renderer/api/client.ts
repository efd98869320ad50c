import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
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
 */
export function useCommand<N extends CallName>(name: N, opts: { success?: string | ((v: CallOutput<N>) => string); silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation<CallOutput<N>, CallFailed, CallInput<N>>({
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
}

export function showError(e: unknown): void {
  const message = e instanceof CallFailed ? e.error.message : e instanceof Error ? e.message : String(e);
  notifications.show({ color: 'red', title: '操作未完成', message, autoClose: 8000 });
}
