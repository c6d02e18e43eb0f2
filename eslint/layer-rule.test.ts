import { RuleTester } from 'eslint';
import ts from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './layer-rule.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
	languageOptions: { parser: ts.parser, ecmaVersion: 2024, sourceType: 'module' }
});
const lib = '/repo/src/lib';

tester.run('workbench/layers', rule, {
	valid: [
		{
			filename: `${lib}/domain/a.ts`,
			code: "import { z } from 'zod'; import { b } from './b.ts';"
		},
		{
			filename: `${lib}/documents/d.ts`,
			code: "import * as Y from 'yjs'; import { p } from '../domain/p.ts';"
		},
		{
			filename: `${lib}/features/x/A.ts`,
			code: "import { y } from '#lib/features/y/index.ts'; import { z } from 'zod';"
		},
		{
			filename: `${lib}/features/x/A.ts`,
			code: "import type * as Y from 'yjs'; import { type Doc } from 'yjs';"
		},
		{
			filename: `${lib}/domain/a.test.ts`,
			code: "import { it } from 'vitest'; import { db } from '../persistence/db.ts';"
		}
	],
	invalid: [
		{ filename: `${lib}/domain/a.ts`, code: "import Dexie from 'dexie';", errors: 1 },
		{ filename: `${lib}/domain/a.ts`, code: "import { s } from '../features/x/s.ts';", errors: 1 },
		{
			filename: `${lib}/documents/d.ts`,
			code: "import { db } from '#lib/persistence/db.ts';",
			errors: 1
		},
		{
			filename: `${lib}/persistence/p.ts`,
			code: "import { d } from '../documents/d.ts';",
			errors: 1
		},
		{
			filename: `${lib}/features/x/A.ts`,
			code: "import B from '#lib/features/y/B.svelte';",
			errors: 1
		},
		{ filename: `${lib}/ui/B.ts`, code: "import { r } from '../../routes/r.ts';", errors: 1 },
		{ filename: `${lib}/features/x/A.ts`, code: "import Dexie from 'dexie';", errors: 1 },
		{
			filename: `${lib}/features/x/A.ts`,
			code: "import { DexieYProvider } from 'y-dexie';",
			errors: 1
		},
		{ filename: `${lib}/features/x/A.ts`, code: "import * as Y from 'yjs';", errors: 1 }
	]
});
