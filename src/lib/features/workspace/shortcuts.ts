/** Ctrl+Z (Cmd+Z on a Mac) undoes; Shift+Ctrl+Z, Shift+Cmd+Z or Ctrl+Y redoes. */
type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export function isUndo(e: Keys): boolean {
	return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z';
}

export function isRedo(e: Keys): boolean {
	if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
	const key = e.key.toLowerCase();
	return (e.shiftKey && key === 'z') || (!e.shiftKey && e.ctrlKey && key === 'y');
}
