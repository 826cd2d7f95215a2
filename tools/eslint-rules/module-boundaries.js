// Enforces the tags in each project.json (constraints in eslint.config.js): an import may only reach a project whose tags the importer's tags allow.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const projectCache = new Map();

/** The nearest enclosing project (folder with project.json) of a file, with its name and tags. */
function projectOf(file, root) {
  let dir = path.dirname(file);
  while (dir.startsWith(root) && dir !== root) {
    if (projectCache.has(dir)) return projectCache.get(dir);
    const manifest = path.join(dir, 'project.json');
    if (existsSync(manifest)) {
      const { name, tags = [] } = JSON.parse(readFileSync(manifest, 'utf8'));
      const project = { name, tags, dir };
      projectCache.set(dir, project);
      return project;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

function allowed(sourceTags, targetTags, depConstraints) {
  for (const { sourceTag, onlyDependOnLibsWithTags } of depConstraints) {
    if (!sourceTags.includes(sourceTag)) continue;
    if (!targetTags.some((t) => onlyDependOnLibsWithTags.includes(t))) return { sourceTag, onlyDependOnLibsWithTags };
  }
  return undefined;
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Projects may import only projects their tags allow, and only through @ttx/<lib>.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          depConstraints: { type: 'array' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{source}} ({{sourceTag}}) may only depend on projects tagged {{allowedTags}}; {{target}} is tagged {{targetTags}}.',
      deep: 'Import {{target}} through its package name "@ttx/{{target}}", not a relative path into it.',
    },
  },
  create(context) {
    const { root, depConstraints } = context.options[0];
    const file = context.filename;
    const source = projectOf(file, root);
    if (!source) return {};
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      let target;
      if (specifier.startsWith('@ttx/')) {
        const name = specifier.slice(5).split('/')[0];
        for (const base of ['libs', 'apps', 'tools']) {
          const dir = path.join(root, base, name);
          if (existsSync(path.join(dir, 'project.json'))) target = projectOf(path.join(dir, 'x'), root);
        }
      } else if (specifier.startsWith('.')) {
        target = projectOf(path.resolve(path.dirname(file), specifier), root);
        if (target && target.dir !== source.dir) {
          context.report({ node, messageId: 'deep', data: { target: target.name } });
          return;
        }
      }
      if (!target || target.dir === source.dir) return;
      const broken = allowed(source.tags, target.tags, depConstraints);
      if (broken)
        context.report({
          node,
          messageId: 'forbidden',
          data: {
            source: source.name,
            sourceTag: broken.sourceTag,
            allowedTags: broken.onlyDependOnLibsWithTags.join(', '),
            target: target.name,
            targetTags: target.tags.join(', ') || '(none)',
          },
        });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
