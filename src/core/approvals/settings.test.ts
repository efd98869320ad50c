import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { getSettings } from '../settings/settings';
import { approvalBureau, fullDraft } from './testSupport';

/**
 * Issue 4 §2–3, the settings page's 审批 tab: the deputy who may decide in the chief's place and the
 * second level (分管院领导) for requests that go up. Only an administrator saves; the server refuses
 * choices that would leave requests without a decider, with a message naming the field.
 */
let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
});
afterEach(() => t.cleanup());

const lastSettingsAudit = () =>
  (t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'settings.update' ORDER BY id DESC`).get() as { summary: string } | undefined)?.summary;

describe('approval settings', () => {
  it('an administrator names a deputy, who then decides level 1 — audited by name', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    await b.handler.run('approvals.submit', { requestId: d.request.id });
    expect((await b.other.call('approvals.decide', { requestId: d.request.id, outcome: '同意', opinion: '' })).ok).toBe(false);

    await b.admin.run('settings.update', { approvalDeputyUserId: b.other.user.id });
    expect(lastSettingsAudit()).toBe('修改设置：代理审批人（代理审批人：王承办）');
    expect((await b.other.run('approvals.queueCount', {})).count).toBe(1);
    const done = await b.other.run('approvals.decide', { requestId: d.request.id, outcome: '同意', opinion: '局长外出，代为审批同意。' });
    expect(done.request.state).toBe('已同意');

    await b.admin.run('settings.update', { approvalDeputyUserId: null });
    expect(lastSettingsAudit()).toBe('修改设置：代理审批人（不设代理审批人）');
    expect((await b.other.run('approvals.queueCount', {})).count).toBe(0);
  });

  it('refuses a deputy who cannot decide, naming the field; nothing is saved', async () => {
    const b = await approvalBureau(t);
    const refuse = async (id: number, message: RegExp) => {
      const r = await b.admin.call('settings.update', { approvalDeputyUserId: id });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(message);
      expect(!r.ok && r.error.field).toBe('approvalDeputyUserId');
    };
    await refuse(9999, /「代理审批人」该用户不存在/);
    await refuse(b.chief.user.id, /李局长（执行局长）不能设为代理审批人：执行局长本身即可审批/);
    await refuse(b.leader.user.id, /赵院长（分管院领导）不能设为代理审批人/);
    await refuse(b.admin.user.id, /管理员账户不参与审批/);
    await b.admin.run('users.setDisabled', { userId: b.other.user.id, disabled: true });
    await refuse(b.other.user.id, /王承办 的账户已停用/);
    expect(getSettings(t.app).approvalDeputyUserId).toBeNull();
    // A clerk may be named (the contract lets staff and clerks reach the decision).
    await b.admin.run('settings.update', { approvalDeputyUserId: b.clerk.user.id });
    expect(getSettings(t.app).approvalDeputyUserId).toBe(b.clerk.user.id);
  });

  it('the second level needs a mode and an active 分管院领导 account', async () => {
    const admin = t.as('admin');
    const noLeader = await admin.call('settings.update', { approvalSecondLevel: true });
    expect(!noLeader.ok && noLeader.error.message).toMatch(/还没有启用的分管院领导账户/);
    expect(getSettings(t.app).approvalSecondLevel).toBe(false);
    t.as('leader', '赵院长');
    const noModes = await admin.call('settings.update', { approvalSecondLevel: true, approvalSecondLevelModes: [] });
    expect(!noModes.ok && noModes.error.message).toMatch(/「需分管院领导审批的方式」.*至少选择一种/);
    await admin.run('settings.update', { approvalSecondLevel: true, approvalSecondLevelModes: ['提级'] });
    expect(getSettings(t.app)).toMatchObject({ approvalSecondLevel: true, approvalSecondLevelModes: ['提级'] });
    expect(lastSettingsAudit()).toContain('提级须经分管院领导审批');
    // Saving something else does not re-check it.
    await admin.run('settings.update', { letterNoPrefix: '猇法执函' });
  });

  it('only an administrator saves approval settings (server-enforced); everyone reads them', async () => {
    const b = await approvalBureau(t);
    for (const c of [b.chief, b.leader, b.handler, b.clerk]) {
      const r = await c.call('settings.update', { approvalDeputyUserId: b.other.user.id });
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      expect((await c.run('settings.get', {})).approvalDeputyUserId).toBeNull();
    }
  });
});
