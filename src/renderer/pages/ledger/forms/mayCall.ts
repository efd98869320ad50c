import { callDef, type CallName } from '../../../../contract';
import { useCall } from '../../../api/client';

/**
 * Whether the logged-in user's role may make a call, read from the call's own `access` in the
 * contract — so an edit button is hidden exactly when the server would refuse (it checks anyway).
 */
export function useMayCall(name: CallName): boolean {
  const me = useCall('auth.status', {});
  const role = me.data?.user?.role;
  if (!role) return false;
  const access = callDef(name).access;
  return access === 'public' || access === 'user' || access.includes(role);
}
