/**
 * The layer rule of DESIGN.md, as a lint rule, so that a wrong import fails `npm test`:
 *
 *   domain        imports only domain (and zod, the schema library)
 *   documents     imports domain and yjs
 *   persistence   imports domain, dexie, y-dexie (and yjs types)
 *   i18n          imports domain
 *   ui            imports i18n and svelte, never a feature
 *   features      import anything below them, and other features only through their index.ts;
 *                 never Dexie or y-dexie (persistence is the only place for them), and Yjs for
 *                 types only (the documents layer is the only place that edits a Y.Doc)
 *   lib           never imports from routes
 */
import path from 'node:path';

const LIB = `${path.sep}src${path.sep}lib${path.sep}`;
const ROUTES = `${path.sep}src${path.sep}routes${path.sep}`;

/** @type {Record<string, { layers: string[] | null; packages: string[] | null }>} */
const allowed = {
	domain: { layers: ['domain'], packages: ['zod'] },
	documents: { layers: ['domain', 'documents'], packages: ['yjs'] },
	persistence: { layers: ['domain', 'persistence'], packages: ['dexie', 'y-dexie', 'yjs'] },
	i18n: { layers: ['domain', 'i18n'], packages: [] },
	ui: { layers: ['ui', 'i18n', 'domain'], packages: ['svelte'] },
	integrations: { layers: ['integrations', 'domain'], packages: null },
	features: { layers: null, packages: null }
};

/** Packages a layer may not import at all, or only for types. */
const denied = { features: ['dexie', 'y-dexie'] };
const typeOnly = { features: ['yjs'] };

/** @param {any} node */
function isTypeOnly(node) {
	if (node.importKind === 'type' || node.exportKind === 'type') return true;
	const specifiers = node.specifiers ?? [];
	return (
		specifiers.length > 0 && specifiers.every((/** @type {any} */ s) => s.importKind === 'type')
	);
}

/** @param {string} file */
function layerOf(file) {
	const i = file.indexOf(LIB);
	if (i < 0) return null;
	const rest = file.slice(i + LIB.length).split(path.sep);
	return { layer: rest[0] ?? '', feature: rest[0] === 'features' ? (rest[1] ?? '') : null, rest };
}

/** @param {string} source @param {string} file */
function resolveTarget(source, file) {
	if (source.startsWith('#lib/'))
		return path.join(file.slice(0, file.indexOf(LIB) + LIB.length), source.slice(5));
	if (source.startsWith('.')) return path.resolve(path.dirname(file), source);
	return null;
}

/** @param {string} source */
function packageName(source) {
	if (source.startsWith('.') || source.startsWith('#') || source.startsWith('$')) return null;
	const parts = source.split('/');
	return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
	meta: {
		type: 'problem',
		docs: { description: 'Keep the layers of src/lib apart (see DESIGN.md, "Shape of the code")' },
		schema: []
	},
	create(context) {
		const file = context.filename;
		const layer = layerOf(file);
		// Tests may compose layers freely: they check the seams.
		if (!layer || /\.test\.ts$/.test(file)) return {};
		const from = layer;
		/** @param {import('estree').Node} node @param {unknown} source */
		function check(node, source) {
			if (typeof source !== 'string') return;
			const target = resolveTarget(source, file);
			if (target && target.includes(ROUTES)) {
				context.report({
					node,
					message: `src/lib must not import from src/routes ('${source}'): routes compose lib, never the reverse.`
				});
				return;
			}
			const rule = allowed[from.layer];
			if (!rule) return;
			if (target) {
				const to = layerOf(target);
				if (!to) return;
				if (rule.layers && !rule.layers.includes(to.layer)) {
					context.report({
						node,
						message: `'${from.layer}' may not import from '${to.layer}' ('${source}'): ${from.layer} stays below ${to.layer} so that it can be tested and reused without it.`
					});
				} else if (
					from.layer === 'features' &&
					to.layer === 'features' &&
					to.feature !== from.feature
				) {
					const name = to.rest[to.rest.length - 1] ?? '';
					if (to.rest.length !== 3 || !/^index\.ts$/.test(name)) {
						context.report({
							node,
							message: `Feature '${from.feature}' may use feature '${to.feature}' only through its index.ts ('${source}'), so that a feature can change its insides freely.`
						});
					}
				}
				return;
			}
			const pkg = packageName(source);
			const layerKey = /** @type {keyof typeof denied} */ (from.layer);
			if (pkg && denied[layerKey]?.includes(pkg)) {
				context.report({
					node,
					message: `'${from.layer}' may not import '${pkg}': only persistence talks to the database, so that storage can change in one place.`
				});
				return;
			}
			if (pkg && typeOnly[layerKey]?.includes(pkg) && !isTypeOnly(node)) {
				context.report({
					node,
					message: `'${from.layer}' may import '${pkg}' for types only (import type …): documents/ holds the code that edits a Y.Doc.`
				});
				return;
			}
			if (pkg && rule.packages && !rule.packages.includes(pkg)) {
				context.report({
					node,
					message: `'${from.layer}' may not import the package '${pkg}': allowed here are ${rule.packages.join(', ') || 'no packages'}. Keep ${from.layer} pure; put adapters in features or integrations.`
				});
			}
		}
		return {
			ImportDeclaration(node) {
				check(node, node.source.value);
			},
			ImportExpression(node) {
				if (node.source.type === 'Literal') check(node, node.source.value);
			},
			ExportNamedDeclaration(node) {
				if (node.source) check(node, node.source.value);
			},
			ExportAllDeclaration(node) {
				check(node, node.source.value);
			}
		};
	}
};
