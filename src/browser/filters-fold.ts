/**
 * On phones the library's filters fold behind one button, so the first
 * screen shows records, not selects. Below 40rem CSS shows the button and
 * hides the form until it is opened (folded from the first paint, so nothing
 * shifts); wider screens always show the form. The button says
 * how many filters are set, so a folded, filtered list is never a surprise.
 */

/** Wires `button` to fold and unfold `form`; returns the function that shows the number of filters set. */
export function foldFilters(form: HTMLElement, button: HTMLButtonElement): (active: number) => void {
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    form.classList.toggle('is-open', open);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  setOpen(false);
  return (active) => {
    const template = active > 0 ? button.dataset.activeTemplate : button.dataset.label;
    button.textContent = (template ?? '').replace('{n}', String(active));
  };
}
