/** Browser side of code-block copy buttons: shown only where the Clipboard API exists. */

/** How long the button says "Copied" before going back to "Copy". */
export const COPIED_FEEDBACK_MS = 2000;

/** Reveals and wires every `.copy-button` next to a `<pre>`. */
export function initCopyButtons(): void {
  if (!navigator.clipboard?.writeText) return;
  let status = document.querySelector<HTMLElement>('#copy-status');
  if (!status) {
    status = document.createElement('p');
    status.id = 'copy-status';
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  const live = status;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-button')) {
    if (button.dataset.wired) continue;
    button.dataset.wired = 'true';
    const code = button.parentElement?.querySelector('pre');
    if (!code) continue;
    const label = button.textContent?.trim() ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      let message = button.dataset.copied ?? label;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
      } catch {
        message = button.dataset.failed ?? label;
      }
      button.textContent = message;
      live.textContent = message;
      setTimeout(() => {
        button.textContent = label;
        live.textContent = '';
      }, COPIED_FEEDBACK_MS);
    });
  }
}
