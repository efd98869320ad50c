import type { Handlers } from '../context';
import { verifyAudit } from '../../audit/audit';
import { listAudit } from '../../audit/query';

export const auditHandlers: Pick<Handlers, 'audit.list' | 'audit.verify'> = {
  'audit.list': ({ app }, input) => listAudit(app, input),
  'audit.verify': ({ app }) => verifyAudit(app),
};
