/** After this long without a backup, the engagements page reminds the user to make one. */
export const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether to remind the user to back up: something has changed since the last backup (or
 * there never was one), and that backup (or, without one, the oldest work not in any backup)
 * is at least a week old. A device with nothing on it needs no reminder.
 */
export function backupDue(
	lastBackupAt: number | null,
	engagements: ReadonlyArray<{ createdAt: number; updatedAt: number }>,
	now: number
): boolean {
	if (engagements.length === 0) return false;
	if (lastBackupAt === null)
		return now - Math.min(...engagements.map((e) => e.createdAt)) >= REMIND_AFTER_MS;
	const changedSince = engagements.some((e) => e.updatedAt > lastBackupAt);
	return changedSince && now - lastBackupAt >= REMIND_AFTER_MS;
}
