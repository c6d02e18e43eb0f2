import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from './schemas.ts';

describe('published JSON Schemas', () => {
	it.each(schemaFiles())(
		'$path matches the code (run `npm run schemas` after a format change)',
		({ path, text }) => {
			expect(fs.readFileSync(path, 'utf8')).toBe(text);
		}
	);
});
