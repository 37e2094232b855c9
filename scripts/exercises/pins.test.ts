import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {findPins, managerProblems, versionTexts, type Pin, type RegexManager} from './pins';

const ROOT = path.resolve(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(ROOT, 'renovate.json'), 'utf8')) as {
  enabledManagers?: string[];
  customManagers: RegexManager[];
};
const pages = readdirSync(path.join(ROOT, 'docs'))
  .filter((n) => /^\d\d-.*\.md$/.test(n))
  .map((n) => `docs/${n}`);
const files = [...pages, 'scripts/exercises/install-tools.sh'];
const sources = new Map(files.map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]));
const pins: Pin[] = files.flatMap((f) => findPins(config.customManagers, f, sources.get(f)!));
// Parsing the pages takes seconds (the MDX parser); done once, while the file loads, not in a test.
const versions = pages.flatMap((file) => versionTexts(file, sources.get(file)!));

describe('renovate.json', () => {
  it('is well formed for the keys this project uses, and only runs its regex managers', () => {
    expect(config.enabledManagers).toEqual(['custom.regex']);
    expect(config.customManagers.flatMap(managerProblems)).toEqual([]);
  });

  it('matches every version an exercise pins, each with exactly one manager', () => {
    const problems = versions.flatMap((v) => {
      const covering = pins.filter((p) => p.file === v.file && p.start <= v.start && v.end <= p.end);
      if (covering.length === 1) return [];
      const names = covering.map((p) => config.customManagers[p.manager]!.description).join(', ');
      return [`${v.file}:${v.line} "${v.text}" is matched by ${covering.length} managers${names ? ` (${names})` : ''}`];
    });
    expect(versions.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('finds the pins it is meant to find (a manager that matches nothing is a broken regex)', () => {
    const unused = config.customManagers.filter((_, i) => !pins.some((p) => p.manager === i));
    expect(unused.map((m) => m.description)).toEqual([]);
  });
});

describe('pinned versions', () => {
  it('are the same for a tool on every page and in install-tools.sh', () => {
    const byTool = new Map<string, Pin[]>();
    for (const pin of pins) byTool.set(pin.depName, [...(byTool.get(pin.depName) ?? []), pin]);
    const disagreements = [...byTool].flatMap(([tool, found]) => {
      const values = [...new Set(found.map((p) => p.value))];
      return values.length > 1
        ? [
            `${tool}: ${values
              .map(
                (v) =>
                  `${v} at ${found
                    .filter((p) => p.value === v)
                    .map((p) => `${p.file}:${p.line}`)
                    .join(', ')}`,
              )
              .join('; ')}`,
          ]
        : [];
    });
    expect(disagreements).toEqual([]);
  });

  it('would catch two pages that disagree', () => {
    const managers = config.customManagers;
    const found = [
      ...findPins(managers, 'docs/01-a.md', 'kind v0.33.0'),
      ...findPins(managers, 'docs/02-b.md', 'kind v0.32.0'),
    ];
    expect(new Set(found.map((p) => p.value)).size).toBe(2);
    expect(new Set(found.map((p) => p.depName))).toEqual(new Set(['kubernetes-sigs/kind']));
  });
});
