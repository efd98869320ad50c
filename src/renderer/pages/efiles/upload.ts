import type { Result } from '../../../contract/result';
import { csrfToken } from '../../api/transport';

export type Staged = { uploadId: string; name: string; size: number; sha256: string };

/**
 * Moves one file from the browser into the core's staging area (POST /api/file/upload, see
 * src/server/uploads.ts), reporting progress and stoppable with `signal`. The call that consumes
 * the upload (`forCall`) decides what happens to it; staging only checks the right to make it.
 */
export async function uploadFile(file: File, forCall: string, onProgress: (sent: number) => void, signal: AbortSignal): Promise<Staged> {
  const csrf = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const name = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    xhr.open('POST', `/api/file/upload?for=${encodeURIComponent(forCall)}&name=${encodeURIComponent(name)}`);
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let r: Result<Staged> | null = null;
      try {
        r = JSON.parse(xhr.responseText) as Result<Staged>;
      } catch {
        /* not JSON: reported below */
      }
      if (r && r.ok) resolve(r.value);
      else reject(new Error(r && !r.ok ? r.error.message : `上传失败（HTTP ${xhr.status}）`));
    };
    xhr.onerror = () => reject(new Error('上传中断：无法连接到工作台服务'));
    xhr.onabort = () => reject(new DOMException('已取消', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    if (signal.aborted) return xhr.abort();
    xhr.send(file);
  });
}

/** The URL the viewer reads a stored document from in browser mode (same-origin, CSRF in the query). */
export async function fileUrl(path: string): Promise<string> {
  const csrf = await csrfToken();
  return `${path}${path.includes('?') ? '&' : '?'}csrf=${encodeURIComponent(csrf)}`;
}
