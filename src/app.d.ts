// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** The version in package.json, written into exported files. */
	const __APP_VERSION__: string;
}

export {};
