import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './test.ts';

/** The engagements list, as a user sees it. */
export class EngagementsList {
	readonly page: Page;
	constructor(page: Page) {
		this.page = page;
	}

	async goto() {
		await this.page.goto('/');
		await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
	}

	row(name: string) {
		return this.page
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
	}

	async create(name: string, starter?: RegExp) {
		await this.page.getByRole('button', { name: 'New engagement' }).first().click();
		const dialog = this.page.getByRole('dialog');
		if (starter) await dialog.getByRole('radio', { name: starter }).check();
		await dialog.getByLabel('Engagement name').fill(name);
		await dialog.getByRole('button', { name: 'Create' }).click();
		await expect(this.page).toHaveURL(/#\/e\/[0-9a-f-]+$/);
		await expect(this.page.getByLabel('Engagement name')).toHaveValue(name);
	}
}

/** An open engagement. */
export class Workspace {
	readonly page: Page;
	constructor(page: Page) {
		this.page = page;
	}

	field(label: string) {
		return this.page.getByLabel(label, { exact: true });
	}

	async expectSaved() {
		await expect(this.page.getByText('All changes saved')).toBeVisible();
	}

	async export(): Promise<{ name: string; json: Record<string, unknown>; text: string }> {
		const download = this.page.waitForEvent('download');
		await this.page.getByRole('button', { name: 'Export', exact: true }).click();
		const file = await download;
		const text = fs.readFileSync((await file.path())!, 'utf8');
		return { name: file.suggestedFilename(), text, json: JSON.parse(text) };
	}
}

/** Chooses a file in the import dialog (from the list page). */
export async function chooseImportFile(page: Page, name: string, content: string | Buffer) {
	await page.getByRole('button', { name: 'Import…' }).first().click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Engagement file').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: typeof content === 'string' ? Buffer.from(content) : content
	});
	return dialog;
}
