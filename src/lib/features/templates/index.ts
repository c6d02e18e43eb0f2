/** The template files bundled with the app, loaded and checked on demand. */
export { loadBundledTemplates, type BundledTemplates } from './bundled.ts';
