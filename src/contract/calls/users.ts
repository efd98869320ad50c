import { z } from 'zod';
import { defineCall } from '../define';
import { roleSchema, id, nonEmpty, userPublic, empty } from './common';
import { passwordSchema, usernameSchema } from './auth';

const userRow = userPublic.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

export const userCalls = {
  'users.list': defineCall({ title: '用户列表', access: ['admin'], mutates: false, input: empty, output: z.array(userRow) }),
  'users.directory': defineCall({
    title: '人员名录',
    access: 'user',
    mutates: false,
    input: empty,
    output: z.array(userPublic),
  }),
  'users.add': defineCall({
    title: '新增用户',
    access: ['admin'],
    mutates: true,
    input: z.object({ username: usernameSchema, displayName: nonEmpty(32), role: roleSchema, password: passwordSchema }),
    output: userPublic,
  }),
  'users.update': defineCall({
    title: '修改用户',
    access: ['admin'],
    mutates: true,
    input: z.object({ userId: id, displayName: nonEmpty(32).optional(), role: roleSchema.optional() }),
    output: userPublic,
  }),
  'users.resetPassword': defineCall({
    title: '重置密码',
    access: ['admin'],
    mutates: true,
    input: z.object({ userId: id, newPassword: passwordSchema }),
    output: userPublic,
  }),
  'users.setDisabled': defineCall({
    title: '停用/启用用户',
    access: ['admin'],
    mutates: true,
    input: z.object({ userId: id, disabled: z.boolean() }),
    output: userPublic,
  }),
};
