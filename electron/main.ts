import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { resumeOcr } from '../src/core/efiles/text/ocrRunner';
import { openCore, type CoreApp } from '../src/core/app';
import { resolveDataDir } from '../src/core/db/dataDir';
import { dispatch } from '../src/core/api/dispatch';
import { CSP } from '../src/server/security';
import { contentTypeOf } from '../src/server/static';
import { MAX_PAYLOAD_BYTES, err, ok, isCallName } from '../src/contract';
import { DomainError } from '../src/core/errors';
import { sessionUser, userForCall } from '../src/core/files/access';
import { stageFile } from '../src/core/files/uploads';
import { openDownload } from '../src/core/files/downloads';
import { openSessionDocument, readDocumentRange } from '../src/core/efiles/content';
import fs from 'node:fs';
import { loadWindowState, saveWindowState } from './windowState';
import { connectBureauCall, forgetConnection, loadConnection, onBureauOrigin, saveConnection, verifyBureauCertificate } from './bureauConnection';
import { APP_INDEX, APP_SCHEME, appFilePath, externalUrlAllowed, isAppUrl, openablePath, permissionAllowed } from './policy';

// One data folder for the desktop, the CLI and browser mode (see src/core/db/dataDir.ts).
const dataDir = resolveDataDir(process.argv);
app.setPath('userData', dataDir);

// The renderer is served from app://xdesk (policy.ts), a secure standard origin of our own, instead of
// file:// (which would make every local file same-origin). Registered before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
/** Packaged builds: no DevTools, no default menu (issue 12 §6); a developer's run keeps both. */
const packaged = app.isPackaged;

if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

let core: CoreApp;
let win: BrowserWindow | null = null;
/** 本机数据 or 连接局内服务器 (null: not chosen yet; the renderer asks, see auth/ConnectionChoice.tsx). */
const connection = loadConnection(dataDir);
const rendererRoot = path.join(__dirname, '../renderer');
/** One session key per window: closing the window ends its login. */
const windowKeys = new WeakMap<Electron.WebContents, string>();

function fromOurWindow(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame;
  // Only the main frame of our own window, showing our own page, may call the core.
  return !!win && e.sender === win.webContents && !!frame && frame === e.sender.mainFrame && isAppUrl(frame.url);
}

/** Every way a page can go elsewhere — navigation, redirect, a frame — stays within `allowed`. */
function guardNavigation(contents: WebContents, allowed: (url: string) => boolean): void {
  contents.on('will-navigate', (e, url) => {
    if (!allowed(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!allowed(url)) e.preventDefault();
  });
  contents.on('will-frame-navigate', (e) => {
    if (!allowed(e.url)) e.preventDefault();
  });
  // Links open in the system browser only for the allow-listed sites (policy.ts); nothing opens a window.
  contents.setWindowOpenHandler(({ url }) => {
    if (!allowed(url) && externalUrlAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** No permission is ever granted or reported as granted (camera, notifications, clipboard …). */
function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(permissionAllowed()));
  session.defaultSession.setPermissionCheckHandler(() => permissionAllowed());
}

/**
 * A workstation connected to the bureau server: the window shows the server's pages over TLS,
 * trusted through the pinned fingerprint only (bureauConnection.ts); no local core is opened and
 * the page gets no preload bridge — it talks to the server as browser mode does (HTTP + cookie +
 * CSRF + server-sent events). The menu lets the user change the choice (asked again at restart).
 */
function createBureauWindow(c: Extract<NonNullable<typeof connection>, { mode: 'bureau' }>): void {
  session.defaultSession.setCertificateVerifyProc((req, cb) => cb(verifyBureauCertificate(c, req.hostname, req.certificate.data)));
  denyPermissions();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '连接',
        submenu: [
          { label: `局内服务器：${new URL(c.url).host}`, enabled: false },
          {
            label: '更改连接方式…（重新启动）',
            click: () => {
              forgetConnection(dataDir);
              app.relaunch();
              app.exit(0);
            },
          },
        ],
      },
      { role: 'editMenu' },
      packaged
        ? { label: '视图', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] }
        : { role: 'viewMenu' },
    ]),
  );
  // The bureau's pages get no preload: they talk to the server over HTTPS, never to this process.
  win = openHardenedWindow('交叉执行工作台（局内服务器）');
  guardNavigation(win.webContents, (url) => onBureauOrigin(c, url));
  win.webContents.on('did-fail-load', (_e, code, description) => {
    if (code === -3) return; // aborted by a navigation of our own
    dialog.showErrorBox('无法连接局内服务器', `${c.url}\n${description}（${code}）\n\n请确认服务器已启动；若证书指纹已更换，请在菜单“连接”中更改连接方式并核对新指纹。`);
  });
  void win.loadURL(c.url);
}

/** The one way a window is made: hardened web preferences, remembered size and place, shown when ready. */
function openHardenedWindow(title: string, preload?: string): BrowserWindow {
  const state = loadWindowState(dataDir);
  const w = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: !packaged },
  });
  if (state.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());
  w.on('close', () => saveWindowState(dataDir, { ...w.getNormalBounds(), maximized: w.isMaximized() }));
  w.on('closed', () => {
    if (win === w) win = null;
  });
  return w;
}

function createWindow(): void {
  win = openHardenedWindow('交叉执行工作台', path.join(__dirname, '../preload/preload.cjs'));
  windowKeys.set(win.webContents, randomBytes(16).toString('hex'));
  // No navigation away from the app and no new windows.
  guardNavigation(win.webContents, isAppUrl);
  void win.loadURL(APP_INDEX);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(() => {
  if (connection?.mode === 'bureau') return createBureauWindow(connection);
  try {
    core = openCore({ dataDir });
    // Pick up OCR work left queued by an earlier run (the queue is a table; see src/core/efiles/text).
    resumeOcr(core);
    // Weekly-report versions a killed run committed but did not file into the e-files (issue 12 §10);
    // loaded after start-up so no document library delays the first page.
    setTimeout(() => void import('../src/core/reports/efilesFiling').then((m) => m.fileUnfiledReports(core!)).catch((e) => console.error('[xdesk] filing pending weekly reports', e)), 0);
  } catch (e) {
    dialog.showErrorBox('无法打开数据', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // app://xdesk/<path> → the built renderer (policy.ts appFilePath refuses anything outside it), with the CSP.
  protocol.handle(APP_SCHEME, async (req) => {
    const file = appFilePath(rendererRoot, req.url);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('Not found', { status: 404 });
    return new Response(await fs.promises.readFile(file), {
      headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
  denyPermissions();
  if (packaged) Menu.setApplicationMenu(null);

  ipcMain.handle('xdesk:call', async (e, name: unknown, input: unknown) => {
    if (!fromOurWindow(e)) return err('FORBIDDEN', '调用来源不被允许');
    const size = Buffer.byteLength(JSON.stringify(input ?? {}) ?? '');
    if (size > MAX_PAYLOAD_BYTES) return err('PAYLOAD_TOO_LARGE', '提交的数据超过 10 MB 上限，操作未执行');
    return dispatch(core, windowKeys.get(e.sender) ?? 'none', String(name), input, { payloadBytes: size });
  });
  ipcMain.handle('xdesk:openFiles', async (e, opts: { directory?: boolean; filters?: { name: string; extensions: string[] }[] } | undefined) => {
    if (!fromOurWindow(e) || !win) return [];
    const r = await dialog.showOpenDialog(win, {
      properties: opts?.directory ? ['openDirectory'] : ['openFile', 'multiSelections'],
      filters: opts?.filters,
    });
    return r.canceled ? [] : r.filePaths;
  });
  ipcMain.handle('xdesk:openPath', async (e, p: unknown) => {
    // Only documents the app generated (policy.ts openablePath): never the database, keys or backups.
    if (!fromOurWindow(e) || typeof p !== 'string' || !openablePath(dataDir, p)) return;
    await shell.openPath(p);
  });
  // Files into the core: the user picks them in the native dialog and main stages them under an
  // upload id (src/core/files/uploads.ts) — the renderer never handles paths or bytes.
  ipcMain.handle('xdesk:stageFiles', async (e, opts: { forCall?: unknown; multiple?: boolean; filters?: { name: string; extensions: string[] }[] } | undefined) => {
    if (!fromOurWindow(e) || !win) return err('FORBIDDEN', '调用来源不被允许');
    const forCall = String(opts?.forCall ?? '');
    if (!isCallName(forCall)) return err('INVALID_INPUT', '上传用途未知');
    try {
      const user = userForCall(core, windowKeys.get(e.sender) ?? 'none', forCall);
      const r = await dialog.showOpenDialog(win, { properties: opts?.multiple ? ['openFile', 'multiSelections'] : ['openFile'], filters: opts?.filters });
      if (r.canceled) return ok([]);
      const staged = [];
      for (const p of r.filePaths) staged.push(await stageFile(core, user, forCall, p));
      return ok(staged);
    } catch (x) {
      return x instanceof DomainError ? err(x.code, x.message, x.field) : err('INTERNAL', '内部错误，文件未读取');
    }
  });
  // Generated files out of the core: saved where the user chooses (src/core/files/downloads.ts).
  ipcMain.handle('xdesk:saveDownload', async (e, token: unknown) => {
    if (!fromOurWindow(e) || !win) return err('FORBIDDEN', '调用来源不被允许');
    try {
      const d = openDownload(core, sessionUser(core, windowKeys.get(e.sender) ?? 'none'), String(token));
      const r = await dialog.showSaveDialog(win, { defaultPath: path.join(app.getPath('downloads'), d.name) });
      if (r.canceled || !r.filePath) return ok({ saved: null });
      fs.copyFileSync(d.file, r.filePath);
      return ok({ saved: r.filePath });
    } catch (x) {
      return x instanceof DomainError ? err(x.code, x.message, x.field) : err('INTERNAL', '文件保存失败');
    }
  });
  // E-file documents for the viewer and "下载原文件" (browser mode: GET /api/file/efile/<id>). The
  // core checks the session, the 副卷 rule and audits (openSessionDocument); main only moves bytes.
  ipcMain.handle('xdesk:readEfile', (e, id: unknown, begin: unknown, end: unknown) => {
    if (!fromOurWindow(e)) return err('FORBIDDEN', '调用来源不被允许');
    try {
      const r = readDocumentRange(core, windowKeys.get(e.sender) ?? 'none', id, begin, end);
      return ok({ length: r.length, bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length) });
    } catch (x) {
      return x instanceof DomainError ? err(x.code, x.message, x.field) : err('INTERNAL', '文件读取失败');
    }
  });
  ipcMain.handle('xdesk:saveEfile', async (e, id: unknown) => {
    if (!fromOurWindow(e) || !win) return err('FORBIDDEN', '调用来源不被允许');
    try {
      const c = openSessionDocument(core, windowKeys.get(e.sender) ?? 'none', id, 'download');
      const r = await dialog.showSaveDialog(win, { defaultPath: path.join(app.getPath('downloads'), c.name) });
      if (r.canceled || !r.filePath) return ok({ saved: null });
      fs.copyFileSync(c.file, r.filePath);
      return ok({ saved: r.filePath });
    } catch (x) {
      return x instanceof DomainError ? err(x.code, x.message, x.field) : err('INTERNAL', '文件保存失败');
    }
  });
  // The first-run choice (auth/ConnectionChoice.tsx): asked once, before anything else.
  ipcMain.handle('xdesk:connection', (e) => (fromOurWindow(e) ? { chosen: connection !== null } : { chosen: true }));
  ipcMain.handle('xdesk:chooseLocal', (e) => {
    if (!fromOurWindow(e)) return err('FORBIDDEN', '调用来源不被允许');
    saveConnection(dataDir, { mode: 'local' });
    return ok(null);
  });
  ipcMain.handle('xdesk:connectBureau', async (e, address: unknown, fingerprint: unknown) => {
    if (!fromOurWindow(e)) return err('FORBIDDEN', '调用来源不被允许');
    const r = await connectBureauCall(dataDir, address, fingerprint);
    if (!r.ok) return r;
    // The local core was open for the choice page; the bureau window starts clean without it.
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 300);
    return ok(null);
  });
  createWindow();
});

app.on('window-all-closed', () => {
  core?.close();
  app.quit();
});
