/**
 * `npm ci` accepts the committed lockfile on every machine a team uses:
 * Linux, macOS and Windows, on x64 and arm64. npm records a package's
 * platform-only optional dependencies (native bindings such as
 * `@astrojs/compiler-binding-*`, `@rolldown/binding-*`, `@esbuild/*`) from
 * whatever it resolved, and an `npm install` on one machine has dropped other
 * platforms' entries before; `npm ci` elsewhere then refuses the lock
 * ("Missing: … from lock file"). These checks fail on such a lock.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/** The machines a team develops and runs CI on. */
const TARGETS = [
  ['linux', 'x64'],
  ['linux', 'arm64'],
  ['darwin', 'x64'],
  ['darwin', 'arm64'],
  ['win32', 'x64'],
  ['win32', 'arm64'],
] as const;

/**
 * Where npm finds `name` when `from` requires it: the nearest
 * `node_modules/name` walking up from `from`'s own folder.
 */
function resolveEntry(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (key in lock.packages) return key;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** True when an entry's `os`/`cpu` fields (npm's `!x` exclusions included) allow the platform. */
function allows(field: string[] | undefined, value: string): boolean {
  if (!field || field.length === 0) return true;
  if (field.includes(`!${value}`)) return false;
  const positive = field.filter((item) => !item.startsWith('!'));
  return positive.length === 0 || positive.includes(value);
}

/** An entry that installs on some platforms only. */
function isPlatformOnly(entry: LockEntry): boolean {
  return Boolean(entry.os?.length || entry.cpu?.length);
}

/**
 * Families of platform packages: a package's optional dependencies that are
 * platform-only, keyed by the package that declares them.
 */
function platformFamilies(): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    const members = Object.keys(entry.optionalDependencies ?? {})
      .map((name) => resolveEntry(key, name))
      .filter((found): found is string => found !== undefined && isPlatformOnly(lock.packages[found]!));
    if (members.length > 0) families.set(key || '(root)', members);
  }
  return families;
}

describe('package-lock.json', () => {
  it('is a lockfile v3 that records every dependency of package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    const declared = { ...manifest.dependencies, ...manifest.devDependencies };
    const recorded = { ...lock.packages['']?.dependencies, ...(lock.packages[''] as { devDependencies?: Record<string, string> })?.devDependencies };
    expect(recorded).toEqual(declared);
  });

  it('records every optional dependency a package declares, for any platform', () => {
    const missing = Object.entries(lock.packages).flatMap(([key, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => resolveEntry(key, name) === undefined)
        .map((name) => `${key || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds the platform families (native bindings) it is meant to guard', () => {
    const families = [...platformFamilies().keys()];
    // At least the Astro compiler's bindings and the bundlers' natives are there today.
    expect(families).toEqual(expect.arrayContaining(['node_modules/@astrojs/compiler-binding', 'node_modules/esbuild']));
  });

  it('carries, for every multi-platform family, a binding for Linux, macOS and Windows on x64 and arm64', () => {
    const gaps: string[] = [];
    for (const [family, members] of platformFamilies()) {
      const entries = members.map((key) => lock.packages[key]!);
      // A family for one operating system only (fsevents is macOS's) has nothing to carry for the others.
      const systems = new Set(entries.flatMap((entry) => entry.os ?? []).filter((os) => !os.startsWith('!')));
      if (systems.size < 2) continue;
      for (const [os, cpu] of TARGETS) {
        const covered = entries.some(
          (entry) => allows(entry.os, os) && allows(entry.cpu, cpu) && (os !== 'linux' || allows(entry.libc, 'glibc')),
        );
        if (!covered) gaps.push(`${family}: no entry for ${os}-${cpu}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('pins each platform binding to a version and an integrity hash, as optional', () => {
    const incomplete = [...platformFamilies().values()]
      .flat()
      .filter((key) => {
        const entry = lock.packages[key] as LockEntry & { integrity?: string };
        return !entry.version || !entry.integrity || entry.optional !== true;
      });
    expect(incomplete).toEqual([]);
  });
});
