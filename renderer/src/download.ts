// Saving a file the core made: handed to the browser (or Electron's window) as a download.
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of base64 text, as a Blob of the given type. */
export function base64Blob(base64: string, type: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))], { type });
}

/** A file's bytes as base64, for a call into the core. */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  // In slices: one call with millions of arguments would overflow the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
}
