// Preload of the app window (sandboxed: it may only use what Electron gives a
// sandboxed preload). It exposes nothing to the page. It only carries the
// page's end of a MessageChannel to main, where the workstation is served on
// it; everything after that goes over the port.
//
// The page posts CONNECT_CHANNEL with its port (renderer/src/rpc.ts).
import { ipcRenderer } from 'electron';
import { CONNECT_CHANNEL as CONNECT } from '#contract/channel.ts';

window.addEventListener('message', (event: MessageEvent) => {
  // Only this window (not a frame or another window), only this exact message, only one port.
  if (event.source !== window || event.data !== CONNECT || event.ports.length !== 1) return;
  ipcRenderer.postMessage(CONNECT, null, [...event.ports]);
});
