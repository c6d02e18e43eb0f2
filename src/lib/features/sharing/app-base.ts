/** Where this app is served (origin and path, no fragment), for links other devices open. */
export function appBase(): string {
	return `${location.origin}${location.pathname}`;
}
