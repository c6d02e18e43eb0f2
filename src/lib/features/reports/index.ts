export { default as ReportsPage } from './ReportsPage.svelte';
export { diagramPdf } from './generate.ts';
