import type { z } from 'zod';

/** One thing wrong inside a file: where (a dotted path) and what (already in the user's language). */
export interface Problem {
	path: string;
	message: string;
}

export function pathToString(path: readonly PropertyKey[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out || '(root)';
}

export function problemsFromZod(error: z.ZodError, limit = 20): Problem[] {
	return error.issues.slice(0, limit).map((issue) => ({
		path: pathToString(issue.path),
		message: issue.message
	}));
}
