export { app } from './app.svelte.ts';
export { default as LanguageSwitcher } from './LanguageSwitcher.svelte';
