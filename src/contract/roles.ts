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
