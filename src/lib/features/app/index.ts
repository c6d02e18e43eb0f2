export { app } from './app.svelte.ts';
export { attempt, describeError } from './errors.ts';
export { default as LanguageSwitcher } from './LanguageSwitcher.svelte';
