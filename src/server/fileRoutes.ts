import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreApp } from '../core/app';
import { uploadRoute } from './uploads';
import { downloadRoute } from './downloads';
import { efileContentRoute } from './efileContent';

/**
 * Routes that move files rather than JSON (uploads into the e-file store, downloads of generated
 * documents). They sit behind the same Host, Origin and CSRF checks as calls, and must check the
 * caller's role through the core themselves. Modules add theirs here.
 */
export type FileRoute = {
  match: (pathname: string, method: string) => boolean;
  handle: (c: { app: CoreApp; sessionKey: string; req: IncomingMessage; res: ServerResponse; url: URL }) => Promise<void> | void;
};

export const fileRoutes: FileRoute[] = [uploadRoute, downloadRoute, efileContentRoute];
