// The one message a page posts to hand the core its end of a MessageChannel.
// The renderer posts it, the preload checks it, main serves the core on the port.
export const CONNECT_CHANNEL = 'workstation:connect';
