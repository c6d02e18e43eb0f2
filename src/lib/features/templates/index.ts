/** The template files bundled with the app, loaded and checked on demand. */
export { loadBundledTemplates, type BundledTemplates } from './bundled.ts';
export { loadBusinessCaseTemplates, type BundledCaseTemplates } from './bundled.ts';
export { loadRoadmapTemplates, type BundledRoadmapTemplates } from './bundled.ts';
