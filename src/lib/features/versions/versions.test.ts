import type { Observable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { blankContent, type EngagementContent } from '#lib/domain/engagement/profile.ts';
import { makeEngagementFile } from '#lib/domain/formats/engagement-file.ts';
import { makeReadOnly, openDb, READ_ONLY_ERROR, type WorkbenchDb } from '#lib/persistence/db.ts';
import { getEngagement, purgeDeleted, softDeleteEngagement } from '#lib/persistence/engagements.ts';
import { setSetting } from '#lib/persistence/settings.ts';
import {
	addVersion,
	KEEP_AUTOMATIC_VERSIONS,
	keepVersionOnOpen,
	PAUSE_MS,
	watchOrphanVersions,
	watchVersions
} from '#lib/persistence/versions.ts';
import { sampleContent } from '../../../../test/reports.ts';
import {
	createFromContent,
	importReplacing,
	readEngagementContent
} from '../engagements/actions.ts';
import { buildBackup, restoreBackup } from '../engagements/backup.ts';
import { readBackupFile } from '#lib/domain/formats/backup-file.ts';
import { changesSince, readVersion, restoreAsCopy, saveNamedVersion } from './versions.ts';

const dbs: WorkbenchDb[] = [];
afterEach(() => {
	for (const db of dbs.splice(0)) db.close();
});
const fresh = () => {
	const db = openDb(`versions-${Math.random()}`);
	dbs.push(db);
	return db;
};
const HOUR = 60 * 60 * 1000;

/** The first value a live query gives. */
function firstValueFrom<T>(o: Observable<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const sub = o.subscribe({
			next: (v) => {
				resolve(v);
				queueMicrotask(() => sub.unsubscribe());
			},
			error: reject
		});
	});
}
const T0 = Date.parse('2026-11-23T09:00:00Z');

describe('versions of an engagement', () => {
	it('saves a named version, lists it, and restores it as a copy equal to it', async () => {
		const db = fresh();
		const content = sampleContent('zh-TW');
		const id = await createFromContent(db, content);
		const vid = await saveNamedVersion(db, id, content, '  Before the board  ', T0);
		const list = await firstValueFrom(watchVersions(db, id));
		expect(list).toEqual([
			{
				id: vid,
				engagementId: id,
				engagementName: content.profile.name,
				createdAt: T0,
				kind: 'named',
				name: 'Before the board'
			}
		]);
		const read = await readVersion(db, vid);
		expect(read.ok && read.content).toEqual(content);
		const stored = await readEngagementContent(db, id);
		const copy = await restoreAsCopy(db, content, 'Bank (version of 23 Nov)');
		expect(copy).not.toBe(id);
		expect(await readEngagementContent(db, copy)).toEqual({
			...stored,
			profile: { ...stored.profile, name: 'Bank (version of 23 Nov)' }
		});
		// The engagement the version came from is untouched.
		expect(await readEngagementContent(db, id)).toEqual(stored);
	});

	it('says what changed since a version, area by area', async () => {
		const before = blankContent('Acme', 'en');
		const after: EngagementContent = {
			...before,
			profile: { ...before.profile, client: 'Acme Ltd' },
			segments: [{ ...sampleContent('en').segments[0]!, needs: [] }]
		};
		expect(await changesSince(before, after)).toEqual([
			{ area: 'profile', added: 0, removed: 0, changed: 1 },
			{ area: 'segments', added: 1, removed: 0, changed: 0 }
		]);
	});

	it('refuses to read a version whose content no longer fits, without changing it', async () => {
		const db = fresh();
		const id = await createFromContent(db, blankContent('Acme', 'en'));
		const vid = await addVersion(db, {
			engagementId: id,
			engagementName: 'Acme',
			createdAt: T0,
			kind: 'named',
			name: 'odd',
			content: { profile: { name: 42 } }
		});
		expect(await readVersion(db, vid)).toEqual({ ok: false, reason: 'unreadable' });
		expect(await readVersion(db, 'nope')).toEqual({ ok: false, reason: 'missing' });
		expect((await db.versions.get(vid))?.content).toEqual({ profile: { name: 42 } });
	});

	it('keeps the state an engagement is opened in after a pause, once per state', async () => {
		const db = fresh();
		const content = blankContent('Acme', 'en');
		const id = await createFromContent(db, content);
		const updatedAt = T0;
		expect(await keepVersionOnOpen(db, id, content, updatedAt, T0 + PAUSE_MS - 1)).toBe(false);
		expect(await keepVersionOnOpen(db, id, content, updatedAt, T0 + PAUSE_MS)).toBe(true);
		// Opened again later with no change in between: that state is already kept.
		expect(await keepVersionOnOpen(db, id, content, updatedAt, T0 + 5 * HOUR)).toBe(false);
		// Changed after that version, then left for an hour: a new one.
		expect(await keepVersionOnOpen(db, id, content, T0 + 6 * HOUR, T0 + 7 * HOUR)).toBe(true);
		const kinds = (await firstValueFrom(watchVersions(db, id))).map((v) => [v.kind, v.createdAt]);
		expect(kinds).toEqual([
			['opened', T0 + 7 * HOUR],
			['opened', T0 + PAUSE_MS]
		]);
	});

	it('keeps the newest automatic versions and every named one', async () => {
		const db = fresh();
		const content = blankContent('Acme', 'en');
		const id = await createFromContent(db, content);
		await saveNamedVersion(db, id, content, 'Kick-off', T0);
		for (let i = 1; i <= KEEP_AUTOMATIC_VERSIONS + 5; i++)
			await addVersion(db, {
				engagementId: id,
				engagementName: 'Acme',
				createdAt: T0 + i,
				kind: 'opened',
				name: '',
				content
			});
		const list = await firstValueFrom(watchVersions(db, id));
		expect(list.filter((v) => v.kind === 'opened')).toHaveLength(KEEP_AUTOMATIC_VERSIONS);
		expect(list.at(-1)).toMatchObject({ kind: 'named', name: 'Kick-off' });
		expect(list[0]!.createdAt).toBe(T0 + KEEP_AUTOMATIC_VERSIONS + 5);
	});

	it('keeps the content a file replaces as a version first', async () => {
		const db = fresh();
		const old = blankContent('Acme', 'en');
		const id = await createFromContent(db, old);
		const incoming = sampleContent('en');
		const file = makeEngagementFile(
			{ id: 'other', createdAt: T0, updatedAt: T0, archived: false },
			incoming,
			'test',
			new Date(T0)
		);
		await importReplacing(db, id, file, T0);
		const [version] = await firstValueFrom(watchVersions(db, id));
		expect(version).toMatchObject({ kind: 'beforeImport', createdAt: T0 });
		const read = await readVersion(db, version!.id);
		expect(read.ok && read.content).toEqual(old);
		expect((await readEngagementContent(db, id)).segments).toEqual(incoming.segments);
	});

	it('keeps every engagement a replacing restore removes, reachable when it is gone', async () => {
		const source = fresh();
		await createFromContent(source, sampleContent('en'), { id: 'in-backup' });
		const backup = readBackupFile((await buildBackup(source)).text, 'en');
		if (!backup.ok) throw new Error('backup');

		const device = fresh();
		const onlyHere = blankContent('Only on this device', 'zh-CN');
		await createFromContent(device, onlyHere, { id: 'only-here' });
		// Deleted a moment ago (its deletion could still be undone): kept too.
		await createFromContent(device, blankContent('Deleted just now', 'en'), { id: 'deleted' });
		await softDeleteEngagement(device, 'deleted', T0);
		await createFromContent(device, blankContent('Older copy', 'en'), { id: 'in-backup' });
		await restoreBackup(device, backup.file, 'replace', (n) => n, T0);

		expect(await getEngagement(device, 'only-here')).toBeUndefined();
		const orphans = (await firstValueFrom(watchOrphanVersions(device))).sort((a, b) =>
			a.engagementId.localeCompare(b.engagementId)
		);
		expect(orphans.map((v) => v.engagementName)).toEqual([
			'Deleted just now',
			'Only on this device'
		]);
		orphans.shift();
		expect(orphans[0]).toMatchObject({
			engagementId: 'only-here',
			engagementName: 'Only on this device',
			kind: 'beforeRestore'
		});
		const read = await readVersion(device, orphans[0]!.id);
		expect(read.ok && read.content).toEqual(onlyHere);
		const kept = await firstValueFrom(watchVersions(device, 'in-backup'));
		expect(kept.map((v) => [v.kind, v.engagementName])).toEqual([['beforeRestore', 'Older copy']]);
	});

	it('goes with its engagement when that is deleted for good', async () => {
		const db = fresh();
		const content = blankContent('Acme', 'en');
		const id = await createFromContent(db, content);
		await saveNamedVersion(db, id, content, 'v1', T0);
		await softDeleteEngagement(db, id, T0);
		await purgeDeleted(db, T0);
		expect(await db.versions.count()).toBe(0);
	});
});

describe('a read-only database', () => {
	it('refuses every write, changes nothing, and still reads', async () => {
		const db = fresh();
		const id = await createFromContent(db, blankContent('Acme', 'en'));
		makeReadOnly(db, 'storageFull');
		const before = await db.engagements.toArray();
		const refused = { name: READ_ONLY_ERROR };
		await expect(setSetting(db, 'locale', 'en')).rejects.toMatchObject(refused);
		await expect(createFromContent(db, blankContent('More', 'en'))).rejects.toMatchObject(refused);
		await expect(
			saveNamedVersion(db, id, blankContent('Acme', 'en'), 'v', T0)
		).rejects.toMatchObject(refused);
		expect(await db.engagements.toArray()).toEqual(before);
		expect(await db.settings.count()).toBe(0);
		expect(await db.versions.count()).toBe(0);
		expect((await readEngagementContent(db, id)).profile.name).toBe('Acme');
	});
});
