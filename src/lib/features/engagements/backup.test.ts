import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blankContent } from '#lib/domain/engagement/profile.ts';
import { checkAssessmentTemplate } from '#lib/domain/formats/assessment-template.ts';
import {
	BACKUP_FILE_KIND,
	readBackupFile,
	type BackupFile
} from '#lib/domain/formats/backup-file.ts';
import { openDb, type WorkbenchDb } from '#lib/persistence/db.ts';
import { softDeleteEngagement } from '#lib/persistence/engagements.ts';
import { getSetting, setSetting } from '#lib/persistence/settings.ts';
import { saveImportedTemplate } from '#lib/persistence/templates.ts';
import { sampleContent } from '../../../../test/reports.ts';
import { createFromContent, readEngagementContent, renameEngagement } from './actions.ts';
import { LAST_BACKUP_KEY, buildBackup, previewRestore, restoreBackup } from './backup.ts';

const dbs: WorkbenchDb[] = [];
afterEach(() => {
	for (const db of dbs.splice(0)) db.close();
});
const fresh = () => {
	const db = openDb(`backup-${Math.random()}`);
	dbs.push(db);
	return db;
};

const template = () => {
	const raw = JSON.parse(
		fs.readFileSync('templates/assessments/crm-strategy-maturity.json', 'utf8')
	);
	const r = checkAssessmentTemplate({ ...raw, id: 'firm-model', version: '2.0.0' }, 'en');
	if (!r.ok) throw new Error('template');
	return r.template;
};

/** A device with three engagements (one archived, one deleted), settings and a template. */
async function filled(): Promise<WorkbenchDb> {
	const db = fresh();
	await createFromContent(db, sampleContent('zh-CN'), { id: 'bank-cn', createdAt: 1000 });
	await createFromContent(db, sampleContent('en'), { id: 'bank-en', archived: true });
	const gone = await createFromContent(db, blankContent('Deleted one', 'en'));
	await softDeleteEngagement(db, gone);
	await setSetting(db, 'locale', 'zh-TW');
	await setSetting(db, 'reportBranding', { company: 'Harbour <b>', accent: '#123456' });
	await saveImportedTemplate(db, template(), 5000);
	return db;
}

const read = (text: string) => {
	const r = readBackupFile(text, 'en');
	if (!r.ok) throw new Error(JSON.stringify(r.error));
	return r.file;
};
const withoutTime = (file: BackupFile) => ({ ...file, exportedAt: '' });

describe('full backup and restore', () => {
	it('restores into an empty device exactly what was backed up', async () => {
		const source = await filled();
		const backup = await buildBackup(source, new Date('2026-11-23T10:00:00Z'));
		expect(backup.name).toBe('crm-workbench-backup-2026-11-23.crmbackup.json');
		const file = read(backup.text);
		expect(file.engagements.map((e) => e.id).sort()).toEqual(['bank-cn', 'bank-en']);

		const target = fresh();
		const plan = await restoreBackup(target, file, 'replace', (n) => `${n} (copy)`);
		expect(plan.engagements.map((e) => e.action)).toEqual(['add', 'add']);
		const again = read((await buildBackup(target, new Date('2026-11-24T10:00:00Z'))).text);
		expect(withoutTime(again)).toEqual(withoutTime(file));
		expect(await readEngagementContent(target, 'bank-cn')).toEqual(
			await readEngagementContent(source, 'bank-cn')
		);
		expect(await getSetting(target, 'reportBranding')).toEqual({
			company: 'Harbour <b>',
			accent: '#123456'
		});
	});

	it('replacing leaves only the backup; merging adds what is missing and overwrites nothing', async () => {
		const source = await filled();
		const file = read((await buildBackup(source)).text);

		const device = fresh();
		await createFromContent(device, blankContent('Only here', 'en'), { id: 'local' });
		await setSetting(device, 'locale', 'en');
		const replacePlan = await previewRestore(device, file, 'replace');
		expect(replacePlan.removed.map((e) => e.name)).toEqual(['Only here']);

		// Merge: the device's own engagement and setting stay.
		const merged = await restoreBackup(device, file, 'merge', (n) => `${n} (from backup)`);
		expect(merged.engagements.map((e) => e.action)).toEqual(['add', 'add']);
		expect(merged.settings).toEqual({ write: ['reportBranding'], keep: ['locale'] });
		expect(await getSetting(device, 'locale')).toBe('en');
		expect((await readEngagementContent(device, 'local')).profile.name).toBe('Only here');

		// The same backup again changes nothing; after an edit here, it comes back as a copy.
		const same = await previewRestore(device, file, 'merge');
		expect(same.engagements.map((e) => e.action)).toEqual(['skip', 'skip']);
		expect(same.templates).toEqual({ add: [], same: 1, conflicting: [] });
		await renameEngagement(device, 'bank-cn', 'Edited here');
		const copies = await restoreBackup(device, file, 'merge', (n) => `${n} (from backup)`);
		const cn = file.engagements.findIndex((e) => e.id === 'bank-cn');
		expect(
			copies.engagements.map((e) => (e.index === cn ? e.action : `other ${e.action}`))
		).toEqual(cn === 0 ? ['copy', 'other skip'] : ['other skip', 'copy']);
		expect((await readEngagementContent(device, 'bank-cn')).profile.name).toBe('Edited here');
		const names = (await device.engagements.toArray()).map((r) => r.name).sort();
		expect(names).toContain(`${file.engagements[cn]!.content.profile.name} (from backup)`);

		// Replace: exactly the backup.
		await restoreBackup(device, file, 'replace', (n) => n);
		expect((await device.engagements.toArray()).map((r) => r.id).sort()).toEqual([
			'bank-cn',
			'bank-en'
		]);
		expect(await getSetting(device, 'locale')).toBe('zh-TW');
	});

	it('notes when the last backup was made, and does not carry that note to another device', async () => {
		const db = await filled();
		const backup = await buildBackup(db, new Date('2026-11-23T10:00:00Z'));
		await backup.done();
		expect(await getSetting(db, LAST_BACKUP_KEY)).toBe(Date.parse('2026-11-23T10:00:00Z'));
		const next = read((await buildBackup(db)).text);
		expect(next.settings.map((s) => s.key)).not.toContain(LAST_BACKUP_KEY);
	});
});

describe('reading a backup file', () => {
	const valid = (): Record<string, unknown> => ({
		kind: BACKUP_FILE_KIND,
		formatVersion: 1,
		exportedAt: '2026-11-23T10:00:00.000Z',
		generator: 'test',
		engagements: [],
		settings: [],
		templates: []
	});
	const code = (text: string) => {
		const r = readBackupFile(text, 'en');
		return r.ok ? 'ok' : r.error.code;
	};

	it('names what is wrong', () => {
		expect(code(JSON.stringify(valid()))).toBe('ok');
		expect(code('{nope')).toBe('notJson');
		expect(code('[]')).toBe('wrongKind');
		expect(code(JSON.stringify({ ...valid(), kind: 'crm-strategy-workbench/engagement' }))).toBe(
			'engagementFile'
		);
		expect(code(JSON.stringify({ ...valid(), formatVersion: 2 }))).toBe('newerVersion');
		expect(code(JSON.stringify({ ...valid(), formatVersion: '1' }))).toBe('badVersion');
		expect(code('{"kind":' + '['.repeat(100) + ']'.repeat(100) + '}')).toBe('tooDeep');
		expect(code('{"__proto__":{"polluted":1}}')).toBe('forbiddenKey');
		expect(code(JSON.stringify({ ...valid(), settings: [{ key: 'a', value: 1, extra: 2 }] }))).toBe(
			'invalid'
		);
		const twice = { ...valid(), engagements: [1, 2].map(() => ({ id: 'x' })) };
		expect(code(JSON.stringify(twice))).toBe('invalid');
	});

	it('refuses generated malformed files without throwing, and nothing reaches a prototype', () => {
		const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'kind', 'x');
		const anyJson = fc.letrec((tie) => ({
			value: fc.oneof(
				{ depthSize: 'small' },
				fc.constant(null),
				fc.boolean(),
				fc.double(),
				fc.string(),
				fc.array(tie('value'), { maxLength: 4 }),
				fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('value'), { maxKeys: 4 })
			)
		})).value;
		// Whole files: any JSON, and the valid frame with one part swapped for anything.
		const parts = ['kind', 'formatVersion', 'exportedAt', 'engagements', 'settings', 'templates'];
		const frames = fc
			.tuple(fc.constantFrom(...parts), anyJson, hostileKey)
			.map(([part, value, key]) => {
				const text = JSON.stringify({ ...valid(), [part]: value });
				// A hostile key written as raw text (JSON.stringify drops __proto__ set by spread).
				return text.replace('"generator"', `"${key}":{"polluted":true},"generator"`);
			});
		fc.assert(
			fc.property(
				fc.oneof(
					anyJson.map((v) => JSON.stringify(v) ?? 'null'),
					frames
				),
				(text) => {
					const r = readBackupFile(text, 'en');
					if (r.ok) expect(r.file.kind).toBe(BACKUP_FILE_KIND);
					expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				}
			),
			{ numRuns: 1500 }
		);
	});
});
