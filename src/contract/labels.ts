/**
 * Chinese names of input fields, so a validation message names the field the user sees.
 * Modules add their own fields here; keys are the last path segment of the input.
 */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  displayName: '姓名',
  role: '角色',
  userId: '用户',
  courtName: '法院名称',
  courtCode: '法院代字',
  idleLockMinutes: '闲置锁定时间（分钟）',
  page: '页码',
  pageSize: '每页条数',
  from: '开始日期',
  to: '结束日期',
  call: '操作',
  q: '搜索词',
  loadDemo: '演示数据',
};
