import { z } from 'zod';
import { defineCall } from '../define';
import { done, empty, nonEmpty, userPublic } from './common';

const password = z.string().min(8, '至少 8 位').max(128, '不能超过 128 位');
/** A password typed to prove who you are: refused over 256 characters before any hashing (issue 12 §4). */
const given = (empty: string) => z.string().min(1, empty).max(256, '不能超过 256 位');
const username = z
  .string()
  .trim()
  .min(2, '至少 2 个字符')
  .max(32, '不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字、下划线、点和连字符');

export const authCalls = {
  'auth.status': defineCall({
    title: '查询登录状态',
    access: 'public',
    mutates: false,
    input: empty,
    output: z.object({
      initialized: z.boolean(),
      user: userPublic.nullable(),
      locked: z.boolean(),
      court: z.object({ name: z.string(), code: z.string() }),
      idleLockMinutes: z.number(),
    }),
  }),
  'auth.setupAdmin': defineCall({
    title: '首次运行：创建管理员',
    access: 'public',
    mutates: true,
    input: z.object({
      username,
      displayName: nonEmpty(32),
      password,
      loadDemo: z.boolean().default(false),
    }),
    output: userPublic,
  }),
  'auth.login': defineCall({
    title: '登录',
    access: 'public',
    // Not wrapped by the dispatcher: failed attempts must be stored even though the call fails.
    mutates: false,
    input: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64, '不能超过 64 个字符'), password: given('请输入密码') }),
    output: userPublic,
  }),
  'auth.unlock': defineCall({
    title: '解除闲置锁定',
    access: 'public',
    mutates: false,
    input: z.object({ password: given('请输入密码') }),
    output: userPublic,
  }),
  'auth.logout': defineCall({ title: '退出登录', access: 'public', mutates: false, input: empty, output: done }),
  'auth.changePassword': defineCall({
    title: '修改密码',
    access: 'user',
    // Its handler is an asyncHandler: a wrong old password is counted and audited although the call fails.
    mutates: true,
    input: z.object({ password: given('请输入原密码'), newPassword: password }),
    output: done,
  }),
};

export const usernameSchema = username;
export const passwordSchema = password;
