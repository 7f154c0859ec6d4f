/**
 * Products, affected versions and the fixing version: from `产品型号` /
 * `涉及版本` sections, from `Name(E1004P04)` in the text, and from a
 * resolution that says `E1136H04及之后版本已经解决` / `fixed in 2.3.1`.
 */

/** A product as the schema takes it. */
export interface DraftProduct {
  name: string;
  versions: string[];
  fixedIn?: string;
}

/** Vendor builds (`E1136H01`, `E2180P07H01`, ranges `E1131 - E1136H01`) and dotted versions (`v1.2.3`). */
export const VERSION = /(?<![\w.])(?:[A-Z]\d{4}(?:[A-Z]\d{2,3}){0,3}(?:\s?[-~–]\s?[A-Z]\d{4}(?:[A-Z]\d{2,3}){0,3})?|v?\d{1,3}\.\d{1,3}(?:\.\d{1,4}){0,2})(?![\w.])/g;
const NAME_WITH_VERSION = /([A-Za-z][\w-]{2,30}(?:\s[A-Z][\w-]{1,20}){0,2})\s?[（(]\s?([A-Z]\d{4}(?:[A-Z]\d{2,3}){0,3}|v?\d{1,3}\.\d{1,3}(?:\.\d{1,4}){0,2})\s?[)）]/g;
const FIXED = /及之后|及以后|及以後|之后的版本|以后版本|已经解决|已解决|已解決|已修复|已修復|fixed in|resolved in|and later|or later|upgrade to/i;

/** Product names from the lines of a products section (`H3Cloud OS (云操作系统)` → `H3Cloud OS`). */
export function productNames(lines: readonly string[]): DraftProduct[] {
  return lines
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').replace(/\s*[（(][^)）]*[)）]\s*$/u, '').trim())
    .filter((name) => name.length > 0 && name.length <= 60)
    .map((name) => ({ name, versions: [] }));
}

/** Whether a line speaks of a product: its name, or its name without a vendor prefix (`License Server`). */
function mentions(line: string, product: DraftProduct): boolean {
  if (line.includes(product.name)) return true;
  const words = product.name.split(/\s+/);
  const rest = words.slice(1).join(' ');
  return words.length >= 3 && rest.length >= 6 && line.includes(rest);
}

/** Adds the versions named in a versions section to the products they mention (the first product otherwise). */
export function addVersions(products: DraftProduct[], lines: readonly string[]): void {
  for (const line of lines) {
    const versions = [...line.matchAll(VERSION)].map((m) => m[0].replace(/\s*[-~–]\s*/, ' - '));
    if (versions.length === 0) continue;
    let product = products.find((p) => mentions(line, p));
    if (!product) {
      const name = line.split(VERSION)[0]!.replace(/[\s:：,，]+$/u, '').trim();
      product = products[0] ?? (name ? { name, versions: [] } : undefined);
      if (!product) continue;
      if (!products.includes(product)) products.push(product);
    }
    for (const version of versions) if (!product.versions.includes(version)) product.versions.push(version);
  }
}

/** `Learningspace(E1004P04)` in the text → a product with that version. */
export function productsInText(lines: readonly string[]): DraftProduct[] {
  const products: DraftProduct[] = [];
  for (const line of lines) {
    for (const match of line.matchAll(NAME_WITH_VERSION)) {
      const name = match[1]!.trim();
      const existing = products.find((p) => p.name === name);
      if (existing) {
        if (!existing.versions.includes(match[2]!)) existing.versions.push(match[2]!);
      } else products.push({ name, versions: [match[2]!] });
    }
  }
  return products;
}

/** Sets `fixedIn` from lines that say a version fixes it. */
export function addFixedIn(products: DraftProduct[], lines: readonly string[]): void {
  for (const line of lines) {
    if (!FIXED.test(line)) continue;
    const version = [...line.matchAll(VERSION)].map((m) => m[0]).find((v) => !/[-~–]/.test(v));
    if (!version) continue;
    let product = products.find((p) => mentions(line, p)) ?? products[0];
    if (!product) {
      const name = line.split(VERSION)[0]!.trim();
      if (!name || name.length > 60) continue;
      product = { name, versions: [] };
      products.push(product);
    }
    product.fixedIn ??= version;
  }
}
