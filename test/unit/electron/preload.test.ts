// The two preloads, run under Node with Electron's renderer modules faked.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECT_CHANNEL, UNLOCK_CHANNEL } from '../../../electron/wiring.ts';

const electron = vi.hoisted(() => ({
  ipcRenderer: { postMessage: vi.fn(), invoke: vi.fn(async () => ({ ok: true })) },
  contextBridge: { exposeInMainWorld: vi.fn() },
}));
vi.mock('electron', () => electron);

type MessageListener = (event: { source: unknown; data: unknown; ports: readonly unknown[] }) => void;

const fakeWindow = {
  listeners: [] as MessageListener[],
  addEventListener(type: string, listener: MessageListener) {
    if (type === 'message') this.listeners.push(listener);
  },
};
const post = (event: Parameters<MessageListener>[0]) => fakeWindow.listeners.forEach((listener) => listener(event));

// Loaded by a computed path: the preloads are type-checked with the DOM types
// (electron/tsconfig.preload.json), which the tests' project does not have.
const load = (name: string) => import(new URL(`../../../electron/${name}`, import.meta.url).href);

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = fakeWindow;
  await load('preload.ts');
  await load('unlock-preload.ts');
});
afterAll(() => { delete (globalThis as { window?: unknown }).window; });
beforeEach(() => {
  electron.ipcRenderer.postMessage.mockClear();
  electron.ipcRenderer.invoke.mockClear();
});

describe('app preload', () => {
  it('forwards the page\'s port to main on the connect channel', () => {
    const port = { name: 'port' };
    post({ source: fakeWindow, data: CONNECT_CHANNEL, ports: [port] });
    expect(electron.ipcRenderer.postMessage).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.postMessage).toHaveBeenCalledWith(CONNECT_CHANNEL, null, [port]);
  });

  it.each([
    ['from another window or frame', { source: {}, data: CONNECT_CHANNEL, ports: [{}] }],
    ['without a source', { source: null, data: CONNECT_CHANNEL, ports: [{}] }],
    ['with other data', { source: fakeWindow, data: `${CONNECT_CHANNEL} `, ports: [{}] }],
    ['with an object that looks alike', { source: fakeWindow, data: { toString: (): string => CONNECT_CHANNEL }, ports: [{}] }],
    ['without a port', { source: fakeWindow, data: CONNECT_CHANNEL, ports: [] }],
    ['with two ports', { source: fakeWindow, data: CONNECT_CHANNEL, ports: [{}, {}] }],
  ])('ignores a message %s', (_what, event) => {
    post(event);
    expect(electron.ipcRenderer.postMessage).not.toHaveBeenCalled();
  });

  it('exposes nothing to the page', () => {
    const exposed = electron.contextBridge.exposeInMainWorld.mock.calls.map(([name]) => name);
    expect(exposed).toEqual(['workstationUnlock']);
  });
});

describe('unlock preload', () => {
  const api = () => {
    const call = electron.contextBridge.exposeInMainWorld.mock.calls.find(([name]) => name === 'workstationUnlock');
    return call?.[1] as { unlock(passphrase: unknown): Promise<unknown> };
  };

  it('exposes only unlock()', () => {
    expect(Object.keys(api())).toEqual(['unlock']);
  });

  it('sends the passphrase on the unlock channel and returns main\'s answer', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: 'falsch' } as never);
    await expect(api().unlock('geheim geheim')).resolves.toEqual({ ok: false, error: 'falsch' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(UNLOCK_CHANNEL, 'geheim geheim');
  });

  it('does not send anything but a string', async () => {
    await expect(api().unlock({ passphrase: 'x' })).resolves.toMatchObject({ ok: false });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
