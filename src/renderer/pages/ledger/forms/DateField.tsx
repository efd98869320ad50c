import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A date typed from the keyboard: 2025-03-04, 2025/3/4, 2025.3.4 or 20250304, normalised to
 * YYYY-MM-DD when the field is left (legal dates are stored that way).
 */
export function normaliseDateText(s: string): string {
  const t = s.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}

export function DateField(props: TextInputProps & { value?: string; onChange?: (e: React.ChangeEvent<HTMLInputElement> | string) => void }) {
  const { onBlur, onChange, ...rest } = props;
  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      inputMode="numeric"
      maxLength={12}
      {...rest}
      onChange={onChange}
      onBlur={(e) => {
        const v = normaliseDateText(e.currentTarget.value);
        // Mantine form's onChange takes a plain value as well as an event.
        if (v !== e.currentTarget.value) onChange?.(v);
        onBlur?.(e);
      }}
    />
  );
}
