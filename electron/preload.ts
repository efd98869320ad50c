import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to the app: one `call` for the whole contract, plus what only the main
 * process can do (native file dialogs, opening a generated file, reading and saving e-file documents).
 */
contextBridge.exposeInMainWorld('xdesk', {
  call: (name: string, input: unknown) => ipcRenderer.invoke('xdesk:call', String(name), input),
  openFiles: (opts: unknown) => ipcRenderer.invoke('xdesk:openFiles', opts),
  openPath: (p: string) => ipcRenderer.invoke('xdesk:openPath', String(p)),
  stageFiles: (opts: unknown) => ipcRenderer.invoke('xdesk:stageFiles', opts),
  saveDownload: (token: string) => ipcRenderer.invoke('xdesk:saveDownload', String(token)),
  readEfile: (id: number, begin: number, end: number) => ipcRenderer.invoke('xdesk:readEfile', Number(id), Number(begin), Number(end)),
  saveEfile: (id: number) => ipcRenderer.invoke('xdesk:saveEfile', Number(id)),
  // First run: 本机数据 or 连接局内服务器 (electron/bureauConnection.ts checks the fingerprint).
  connection: () => ipcRenderer.invoke('xdesk:connection'),
  chooseLocal: () => ipcRenderer.invoke('xdesk:chooseLocal'),
  connectBureau: (address: string, fingerprint: string) => ipcRenderer.invoke('xdesk:connectBureau', String(address), String(fingerprint)),
});
