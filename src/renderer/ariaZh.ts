/**
 * Chinese names for the controls Mantine and mantine-datatable draw themselves (screen readers on
 * 统信/麒麟 read them aloud). Where a library takes a prop, the theme sets it once (main.tsx);
 * labels a library hard-codes in English are renamed as they appear (`watchLibraryAriaLabels`).
 */
const DATE_ARIA = {
  previousMonth: '上个月',
  nextMonth: '下个月',
  previousYear: '上一年',
  nextYear: '下一年',
  previousDecade: '上一个十年',
  nextDecade: '下一个十年',
  monthLevelControl: '选择月份',
  yearLevelControl: '选择年份',
};
const CLOSE = { 'aria-label': '关闭' };
const CLEAR = { 'aria-label': '清除' };

/** Theme `components` entries (by component name, so the date package need not load with the sign-in page). */
export const ARIA_COMPONENT_DEFAULTS = {
  Modal: { defaultProps: { closeButtonProps: CLOSE } },
  Drawer: { defaultProps: { closeButtonProps: CLOSE } },
  Notification: { defaultProps: { closeButtonProps: CLOSE } },
  Alert: { defaultProps: { closeButtonLabel: '关闭' } },
  PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': '显示或隐藏输入' } } },
  Select: { defaultProps: { clearButtonProps: CLEAR } },
  MultiSelect: { defaultProps: { clearButtonProps: CLEAR } },
  Calendar: { defaultProps: { ariaLabels: DATE_ARIA } },
  DatePicker: { defaultProps: { ariaLabels: DATE_ARIA } },
  DatePickerInput: { defaultProps: { ariaLabels: DATE_ARIA, clearButtonProps: CLEAR } },
  DateInput: { defaultProps: { ariaLabels: DATE_ARIA, clearButtonProps: CLEAR } },
  MonthPickerInput: { defaultProps: { ariaLabels: DATE_ARIA, clearButtonProps: CLEAR } },
};

/** English labels fixed inside the libraries' code → Chinese. */
export const LIBRARY_ARIA_ZH: Record<string, string> = {
  'Toggle password visibility': '显示或隐藏输入',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Not sorted': '未排序',
  'Sorted ascending': '升序',
  'Sorted descending': '降序',
  'Select all records': '全选',
  'Toggle column': '显示或隐藏列',
  'Drag column': '拖动列',
  'Pin column': '固定列',
  'Pin left': '固定在左侧',
  'Pin right': '固定在右侧',
  Unpin: '取消固定',
  Actions: '操作',
  'Scroll left': '向左滚动',
  'Scroll right': '向右滚动',
  'Resize window': '调整窗口大小',
};

function rename(el: Element): void {
  const zh = LIBRARY_ARIA_ZH[el.getAttribute('aria-label') ?? ''];
  if (zh) el.setAttribute('aria-label', zh);
}

/** Renames library labels now and whenever one is drawn; returns the stop function. */
export function watchLibraryAriaLabels(root: HTMLElement = document.body): () => void {
  root.querySelectorAll('[aria-label]').forEach(rename);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') rename(r.target as Element);
      else
        r.addedNodes.forEach((n) => {
          if (n instanceof Element) {
            rename(n);
            n.querySelectorAll('[aria-label]').forEach(rename);
          }
        });
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
