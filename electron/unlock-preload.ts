// Preload of the unlock window (sandboxed). The page gets one function and no
// access to IPC itself; main checks that the call comes from the unlock page.
import { contextBridge, ipcRenderer } from 'electron';

const UNLOCK = 'workstation:unlock';

type UnlockResult = { ok: true } | { ok: false; error: string };

contextBridge.exposeInMainWorld('workstationUnlock', {
  unlock: (passphrase: unknown): Promise<UnlockResult> => {
    if (typeof passphrase !== 'string') return Promise.resolve({ ok: false, error: 'invalid' });
    return ipcRenderer.invoke(UNLOCK, passphrase) as Promise<UnlockResult>;
  },
});
