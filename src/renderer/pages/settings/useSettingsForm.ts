import { useEffect } from 'react';
import { useForm, type UseFormInput } from '@mantine/form';
import { useCall, useCommand } from '../../api/client';

/**
 * A settings form: the fields of `initialValues`, filled from the stored settings once they arrive
 * (and again when they change), with a save command that reports `success`.
 */
export function useSettingsForm<V extends Record<string, unknown>>(opts: { initialValues: V; validate?: UseFormInput<V>['validate']; success: string }) {
  const settings = useCall('settings.get', {});
  const save = useCommand('settings.update', { success: opts.success });
  const form = useForm<V>({ initialValues: opts.initialValues, validate: opts.validate });
  useEffect(() => {
    if (settings.data) {
      const stored = settings.data as unknown as V;
      form.setValues(Object.fromEntries(Object.keys(opts.initialValues).map((k) => [k, stored[k]])) as V);
      form.resetDirty();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.data]);
  return { form, save };
}
