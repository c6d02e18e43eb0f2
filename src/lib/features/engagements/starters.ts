import type { Starter } from '#lib/domain/formats/starter.ts';
import type { Problem } from '#lib/domain/formats/problems.ts';
import type { Locale } from '#lib/domain/locales.ts';

const files = import.meta.glob<unknown>('/templates/engagements/*.json', { import: 'default' });

export interface StarterLoad {
	starters: Starter[];
	broken: Array<{ file: string; problems: Problem[] }>;
}

/** Loads the starter files bundled from templates/engagements/, checking each one. */
export async function loadStarters(locale: Locale): Promise<StarterLoad> {
	const { readStarter } = await import('#lib/domain/formats/starter.ts');
	const starters: Starter[] = [];
	const broken: StarterLoad['broken'] = [];
	for (const [path, load] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const file = path.replace(/^\//, '');
		const result = readStarter(file, await load(), locale);
		if (result.ok) starters.push(result.starter);
		else broken.push({ file, problems: result.problems });
	}
	starters.sort((a, b) => Number(b.sample) - Number(a.sample));
	return { starters, broken };
}
