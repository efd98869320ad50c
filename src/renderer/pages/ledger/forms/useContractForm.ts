import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { FIELD_LABELS, type CallInput, type CallName, type CallOutput } from '../../../../contract';
import { api, CallFailed, showError } from '../../../api/client';
import { zodErrors } from './zodValidate';

/**
 * A form bound to one contract call: the values are what the user typed (strings), `toInput` turns
 * them into the call's input (reporting conversion problems such as a bad amount), and the call's
 * own zod schema checks them on every change — the same check the core makes, in the same Chinese.
 * `rename` maps input keys to form keys where they differ (amountDueFen → amountDue).
 * A field is checked when it is left (not while the first characters are typed): one message
 * beside the field, cleared as soon as it is edited, never a toast. One submit at a time.
 */
export function useContractForm<V extends Record<string, unknown>, N extends CallName>(opts: {
  call: N;
  schema: z.ZodType;
  initialValues: V;
  toInput: (v: V) => { input: CallInput<N>; errors?: Record<string, string> };
  rename?: Record<string, string>;
  success?: string;
  onDone?: (out: CallOutput<N>) => void;
}) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const inflight = useRef(false);
  const mapKey = (k: string) => opts.rename?.[k] ?? k;
  const validate = (v: V) => {
    const { input, errors = {} } = opts.toInput(v);
    const out: Record<string, string> = { ...errors };
    for (const [k, msg] of Object.entries(zodErrors(opts.schema, input))) {
      const key = mapKey(k);
      if (!(key in out)) out[key] = msg;
    }
    return out;
  };
  const form = useForm<V>({ mode: 'controlled', initialValues: opts.initialValues, validate, validateInputOnBlur: true, clearInputErrorOnChange: true });
  const submit = form.onSubmit(async (v) => {
    if (inflight.current) return;
    inflight.current = true;
    setBusy(true);
    try {
      const out = await api.run(opts.call, opts.toInput(v).input);
      void qc.invalidateQueries();
      if (opts.success) notifications.show({ color: 'teal', message: opts.success });
      opts.onDone?.(out);
    } catch (e) {
      // The core's message names the field; show it beside that field when the form has one.
      const field = e instanceof CallFailed && e.error.field ? mapKey(e.error.field.split('.')[0]!) : null;
      if (field && field in form.getValues()) form.setFieldError(field, stripLabel(e instanceof CallFailed ? e.error.message : String(e)));
      else showError(e);
    } finally {
      inflight.current = false;
      setBusy(false);
    }
  });
  return { form, submit, busy };
}

/** "「案号」应为…" → "应为…" beside the field that already carries the label. */
function stripLabel(message: string): string {
  const m = /^「([^」]+)」(.*)$/.exec(message);
  return m && Object.values(FIELD_LABELS).includes(m[1]!) ? m[2]!.replace(/^（第 \d+ 项）/, '') : message;
}

/** '' → undefined, trimmed. */
export const opt = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : undefined);
