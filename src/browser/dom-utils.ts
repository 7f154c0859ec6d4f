/**
 * Small DOM helpers shared by the matcher page and the search box; kept
 * apart from the matcher so pages can load them without the index code.
 */

/** Calls `fn` after `wait` ms without a newer call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, wait);
  };
}

/** True when keystrokes go to a text field, so single-key shortcuts must stay quiet. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * True while an IME is composing, so Enter confirms a candidate rather than
 * acting. Safari reports the composition-ending Enter only through keyCode 229.
 */
export function isComposing(event: KeyboardEvent): boolean {
  return event.isComposing || (event as { keyCode?: number }).keyCode === 229;
}
