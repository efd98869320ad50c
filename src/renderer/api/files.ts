import type { CallName } from '../../contract';
import type { Result } from '../../contract/result';
import { CallFailed } from '../../contract/client';
import { csrfToken, isDesktop } from './transport';

/**
 * Files to and from the core, the same way in both hosts: an upload becomes an upload id that a
 * call consumes (browser mode POSTs the file to /api/file/upload; Electron stages the file picked in
 * its native dialog), and a generated file is fetched by its download token.
 */
export type StagedUpload = { uploadId: string; name: string; size: number; sha256: string };
export type DownloadRef = { token: string; name: string; size?: number };

type FileBridge = {
  stageFiles?: (opts: { forCall: string; multiple?: boolean; filters?: { name: string; extensions: string[] }[] }) => Promise<Result<StagedUpload[]>>;
  saveDownload?: (token: string) => Promise<Result<{ saved: string | null }>>;
};
const bridge = () => (typeof window !== 'undefined' ? (window.xdesk as unknown as FileBridge | undefined) : undefined);

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new CallFailed(r.error);
  return r.value;
};

/** Browser mode: streams one File to the staging area for `forCall`. */
export async function uploadFile(file: File, forCall: CallName): Promise<StagedUpload> {
  let res: Response;
  try {
    res = await fetch(`/api/file/upload?for=${encodeURIComponent(forCall)}&name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': await csrfToken() },
      body: file,
    });
  } catch {
    throw new CallFailed({ code: 'INTERNAL', message: '无法连接到工作台服务，文件未上传' });
  }
  return unwrap((await res.json()) as Result<StagedUpload>);
}

/** Electron only: the native open dialog, staged in the main process. [] when cancelled. */
export async function pickAndStage(forCall: CallName, filters: { name: string; extensions: string[] }[]): Promise<StagedUpload[]> {
  const b = bridge();
  if (!b?.stageFiles) throw new CallFailed({ code: 'INTERNAL', message: '当前版本不支持选择文件' });
  return unwrap(await b.stageFiles({ forCall, filters }));
}

export const canPickNatively = () => isDesktop() && !!bridge()?.stageFiles;

/** Saves a generated file: Electron asks where; the browser downloads it. Returns the saved path in Electron. */
export async function saveDownload(d: DownloadRef): Promise<string | null> {
  const b = bridge();
  if (isDesktop() && b?.saveDownload) return unwrap(await b.saveDownload(d.token)).saved;
  const a = document.createElement('a');
  a.href = `/api/file/download/${encodeURIComponent(d.token)}?csrf=${encodeURIComponent(await csrfToken())}`;
  a.download = d.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return null;
}
