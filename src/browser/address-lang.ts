/**
 * The root 404 in one language: the address's (`/en/…`), else the browser's. The page is rendered in
 * the default language with both languages' sections; BaseLayout's `langTitles` puts the other
 * language's skip link, header and footer in a `<template data-lang-shell>`, swapped in here before the
 * header's scripts bind (this runs from the head; module scripts run in document order).
 */
import { pageLang } from './choose-lang.ts';
import { BASE, LOCALES } from '../i18n/lang.ts';

/** Parts of the page shell a `<template data-lang-shell>` may replace. */
const SHELL_PARTS = ['.skip-link', 'header.site-header', 'footer.site-footer'];

export function speakAddressLang(doc: Document = document): void {
  const lang = pageLang(window.location, navigator.languages ?? [navigator.language], BASE);
  const shell = doc.querySelector<HTMLTemplateElement>(`template[data-lang-shell="${lang}"]`);
  if (!shell) return;
  doc.documentElement.lang = LOCALES[lang];
  doc.body.dataset.lang = lang;
  if (shell.dataset.title) doc.title = shell.dataset.title;
  for (const selector of SHELL_PARTS) {
    const part = shell.content.querySelector(selector);
    if (part) doc.querySelector(selector)?.replaceWith(part);
  }
  // The heading in this language only; both sections stay, this language's first.
  for (const other of doc.querySelectorAll(`h1 [data-lang]:not([data-lang="${lang}"])`)) other.remove();
  doc.querySelector(`h1 [data-lang="${lang}"]`)?.classList.remove('title-en');
  const first = doc.querySelector(`.notfound-langs > [data-lang="${lang}"]`);
  first?.parentElement?.prepend(first);
}
