import { readBranding, type Branding } from '#lib/domain/reports/model.ts';
import { app } from '#lib/features/app/index.ts';
import { getSetting, setSetting } from '#lib/persistence/settings.ts';

/** The firm's branding is kept for every engagement and report on this device. */
const KEY = 'reportBranding';

export async function loadBranding(): Promise<Branding> {
	return readBranding(await getSetting(app.db, KEY));
}

export async function saveBranding(branding: Branding): Promise<void> {
	await setSetting(app.db, KEY, readBranding(branding));
}
