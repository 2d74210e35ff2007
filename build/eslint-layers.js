// The layer rule: each top-level folder names what it may import (an
// allow-list, as VS Code's code-layering does); everything else is refused,
// including a folder the table does not know. The table lives in
// eslint.config.js; this file only reads it. Plain JavaScript, so ESLint loads
// it without a build step.
import path from 'node:path';

/** A glob over "/"-separated paths: `*` is one segment's worth, `**` anything. */
function globToRegExp(glob) {
  const source = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** A project entry: a folder ("core" means core/ and all below it), a file, or a glob ("backend/seed/*.json"). */
function projectMatcher(entry) {
  if (entry.includes('*')) return globToRegExp(entry);
  const exact = globToRegExp(entry);
  const below = globToRegExp(`${entry}/**`);
  return { test: (target) => exact.test(target) || below.test(target) };
}

/** A package entry matches the specifier exactly, or as a glob ("node:**", "hono/**"). */
function packageMatcher(entry) {
  return globToRegExp(entry);
}

/** The top-level folder of a project path; "." for files in the project's root. */
function folderOf(relative) {
  const slash = relative.indexOf('/');
  return slash < 0 ? '.' : relative.slice(0, slash);
}

const toPosix = (p) => p.split(path.sep).join('/');

/**
 * Where an import points: { project: 'core/x.ts' } inside the project,
 * { outside: true } for a path that leaves it, { pkg: 'zod' } for a package.
 */
function resolveSpecifier(spec, fromFile, { root, imports }) {
  if (spec.startsWith('#')) {
    // package.json "imports": "#core/*" -> "./core/*". An unknown "#name/..." is
    // taken as folder name/, so the message names the layer it reaches for.
    const [head] = spec.split('/');
    const target = imports[`${head}/*`];
    const rest = spec.slice(head.length + 1);
    const base = typeof target === 'string' ? target.replace(/\*$/, '') : `./${head.slice(1)}/`;
    return { project: toPosix(path.posix.normalize(base + rest)).replace(/^\.\//, '') };
  }
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const absolute = path.resolve(path.dirname(fromFile), spec);
    const relative = toPosix(path.relative(root, absolute));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { outside: true };
    return { project: relative };
  }
  return { pkg: spec };
}

/** The string an import names, or null when it is computed at run time. */
function literalSource(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return literalSource(node.literal);
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each top-level folder may import only what its entry in the layer table allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          imports: { type: 'object' },
          layers: { type: 'object' },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { root, imports = {}, layers } = context.options[0];
    const file = context.physicalFilename ?? context.filename;
    const relative = toPosix(path.relative(root, file));
    if (relative.startsWith('..')) return {};
    const folder = folderOf(relative);
    const where = folder === '.' ? 'the project root' : `${folder}/`;
    const entry = layers[folder];

    // A folder the table does not name may import nothing: one report on the
    // file says so, rather than one per import.
    if (!entry) {
      return {
        Program(node) {
          context.report({ node, message: `${where} has no entry in the layer table of eslint.config.js, so none of its files may import anything: add an entry that names what it may import.` });
        },
      };
    }
    const projects = entry.projects.concat(folder === '.' ? [] : [folder]).map(projectMatcher);
    const packages = entry.packages.map(packageMatcher);
    const why = entry.why ? ` ${entry.why}` : '';

    function refuse(node, what, reason = `it is not on ${where}'s list in eslint.config.js`) {
      context.report({ node, message: `${where} may not import ${what}: ${reason}.${why}` });
    }

    function allowedProject(target) {
      // A root file ("package.json") belongs to the root folder ".".
      if (folderOf(target) === '.' && folder === '.') return true;
      return projects.some((re) => re.test(target));
    }

    function check(node, source, dynamic) {
      const spec = literalSource(source);
      if (spec === null) {
        if (!entry.computedImports) refuse(node, 'a module whose name is computed at run time');
        return;
      }
      if (dynamic && entry.dynamicImports === false) {
        refuse(node, `'${spec}' with import() or require()`, `${where}'s entry in eslint.config.js allows no import at run time`);
        return;
      }
      const target = resolveSpecifier(spec, file, { root, imports });
      if (target.outside) return refuse(node, `'${spec}' (outside the project)`);
      if (target.project !== undefined) {
        if (!allowedProject(target.project)) {
          const to = folderOf(target.project);
          refuse(node, `'${spec}' (${to === '.' ? 'a file in the project root' : `${to}/`})`);
        }
        return;
      }
      if (!packages.some((re) => re.test(target.pkg))) refuse(node, `the package '${spec}'`);
    }

    return {
      ImportDeclaration: (node) => check(node, node.source, false),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, false),
      ExportAllDeclaration: (node) => check(node, node.source, false),
      ImportExpression: (node) => check(node, node.source, true),
      // `typeof import('x')` in a type: the same rule as a static import.
      TSImportType: (node) => check(node, node.source ?? node.argument, false),
      // `import x = require('x')`
      TSExternalModuleReference: (node) => check(node, node.expression, false),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(node, node.arguments[0], true);
        }
      },
    };
  },
};
