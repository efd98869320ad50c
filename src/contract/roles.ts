/** The bureau's roles. Labels are what the UI shows. */
export const ROLES = ['staff', 'clerk', 'chief', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: '承办人',
  clerk: '书记员',
  chief: '执行局长',
  leader: '分管院领导',
  admin: '管理员',
};

/** Who may call: nobody logged in needed, any logged-in user, or the listed roles. */
export type Access = 'public' | 'user' | readonly Role[];

export const ALL_ROLES: readonly Role[] = ROLES;
/** Roles that handle cases day to day. */
export const CASE_ROLES: readonly Role[] = ['staff', 'clerk', 'chief', 'leader', 'admin'];
export const SUPERVISORS: readonly Role[] = ['chief', 'leader', 'admin'];
/** Roles that may be named a case's 承办人 (the handler sees the case's 副卷, efiles/access.ts). */
export const HANDLER_ROLES: readonly Role[] = ['staff', 'clerk', 'chief'];
/** Reassigning a case moves its 副卷 to another person: the chief's act (or an administrator's), issue 12 §1. */
export const REASSIGN_ROLES: readonly Role[] = ['chief', 'admin'];
