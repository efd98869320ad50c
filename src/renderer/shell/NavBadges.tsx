/** Counts next to navigation entries (e.g. pending approvals). Modules add theirs here. */
export function NavBadges(_: { path: string }) {
  return null;
}
