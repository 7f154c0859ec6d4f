import { describe, expect, it } from 'vitest';
import { readStored, THEME_KEY, writeStored } from '../../src/browser/stored-choice.ts';
import { THEME_INIT } from '../../src/site/theme-init.ts';

/** A storage that keeps values in a map. */
function memory(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value), removeItem: (key) => void values.delete(key) };
}

const throwing = {
  getItem: () => { throw new DOMException('denied', 'SecurityError'); },
  setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
  removeItem: () => { throw new DOMException('denied', 'SecurityError'); },
};

describe('remembered choices', () => {
  it('stores, reads and forgets a value', () => {
    const storage = memory();
    writeStored('k', 'dark', storage);
    expect(readStored(storage, 'k')).toBe('dark');
    writeStored('k', undefined, storage);
    expect(storage.values.has('k')).toBe(false);
    expect(readStored(storage, 'k')).toBeUndefined();
  });

  it('never throws when storage is off, full or missing', () => {
    expect(readStored(throwing, 'k')).toBeUndefined();
    expect(readStored(undefined, 'k')).toBeUndefined();
    expect(() => writeStored('k', 'dark', throwing)).not.toThrow();
    expect(() => writeStored('k', undefined, throwing)).not.toThrow();
    expect(() => writeStored('k', 'dark', undefined)).not.toThrow();
  });

  it('the script applying the theme before the first paint reads the key the switch writes', () => {
    expect(THEME_INIT).toContain(`localStorage.getItem('${THEME_KEY}')`);
  });
});
