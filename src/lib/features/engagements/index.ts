export { default as EngagementsPage } from './EngagementsPage.svelte';
export { default as ImportDialog } from './ImportDialog.svelte';
export { buildExport } from './actions.ts';
