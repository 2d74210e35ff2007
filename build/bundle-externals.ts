// Packages the bundles leave in node_modules and load at run time.
// - better-sqlite3 (installed as better-sqlite3-multiple-ciphers): native code.
// - pdfkit: it finds its font metrics through its own package.json "imports"
//   (`#standard-fonts/…`), which resolve only from inside its package; bundled,
//   every PDF failed with "cannot find #standard-fonts/Helvetica".
// electron-builder ships production dependencies beside the bundle, so the
// desktop app finds them as browser mode does.
export const RUNTIME_PACKAGES = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfkit'];
