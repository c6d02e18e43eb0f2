export { default as TouchpointMapPage } from './TouchpointMapPage.svelte';
export { default as JourneyPage } from './JourneyPage.svelte';
export { default as WorkflowPage } from './WorkflowPage.svelte';
export { default as FreeDiagramsPage } from './FreeDiagramsPage.svelte';
export { default as DiagramView } from './DiagramView.svelte';
