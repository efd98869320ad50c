import type { KeyboardEvent } from 'react';

/**
 * Table rows that open something on click are reachable from the keyboard too: each row takes focus
 * (Tab), Enter opens it, ↑/↓ move between rows. Pass as mantine-datatable's `customRowAttributes`.
 */
export function openableRow<T>(open: (record: T) => void, label?: (record: T) => string) {
  return (record: T) => ({
    tabIndex: 0,
    'data-openable': true,
    ...(label ? { 'aria-label': label(record) } : {}),
    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
      if (e.target !== e.currentTarget) return; // a button inside the row handles its own keys
      if (e.key === 'Enter') {
        e.preventDefault();
        open(record);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
        if (next instanceof HTMLElement && next.tabIndex >= 0) next.focus();
      }
    },
  });
}
