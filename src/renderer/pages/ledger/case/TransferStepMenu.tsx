import { Button, Menu, Modal } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import type { CaseViewTransfer } from '../../../../contract/calls/ledgerView';
import { STEP_LABEL, TransferStateForm, type ManualState } from '../forms/TransferStateForm';

/**
 * 办理下一步: only the steps the core's state machine allows from the transfer's present state
 * (`nextStates`, the manual ones; approval steps happen in 审批). Each opens a small form for its
 * date and, where needed, the reason.
 */
export function TransferStepMenu({ t }: { t: CaseViewTransfer }) {
  const [to, setTo] = useState<ManualState | null>(null);
  const steps = t.nextStates.filter((s): s is ManualState => s in STEP_LABEL);
  if (!steps.length) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} />} data-testid="transfer-step">
            办理下一步
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>当前：{t.state}</Menu.Label>
          {steps.map((s) => (
            <Menu.Item key={s} color={s === '已退出' ? 'red' : undefined} onClick={() => setTo(s)} data-testid={`step-${s}`}>
              {STEP_LABEL[s]}（→ {s}）
            </Menu.Item>
          ))}
          {(t.state === '草稿' || t.state === '已退回') && <Menu.Label>提交审批请在“审批”中办理</Menu.Label>}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={to !== null} onClose={() => setTo(null)} title={to ? STEP_LABEL[to] : ''}>
        {to && <TransferStateForm t={t} to={to} onDone={() => setTo(null)} />}
      </Modal>
    </>
  );
}
