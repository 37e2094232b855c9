import {describe, expect, it} from 'vitest';
import {filesToHint, type ChunkFacts} from './compileHints';

function chunk(files: string[], {initial = false, runtime = false} = {}): ChunkFacts {
  return {canBeInitial: () => initial, hasRuntime: () => runtime, files};
}

describe('filesToHint', () => {
  it('picks the JS of the entry chunk, not its CSS', () => {
    expect(filesToHint([chunk(['assets/js/main.1a2b.js', 'assets/css/styles.3c4d.css'], {initial: true})])).toEqual(['assets/js/main.1a2b.js']);
  });

  it('leaves out the runtime chunk and the lazily loaded chunks', () => {
    const chunks = [
      chunk(['assets/js/runtime~main.5e6f.js'], {initial: true, runtime: true}),
      chunk(['assets/js/main.1a2b.js'], {initial: true}),
      chunk(['assets/js/17896441.7a8b.js']),
      chunk(['assets/js/search.9c0d.js']),
    ];
    expect(filesToHint(chunks)).toEqual(['assets/js/main.1a2b.js']);
  });

  it('gives nothing when there is no entry chunk', () => {
    expect(filesToHint([chunk(['assets/js/17896441.7a8b.js'])])).toEqual([]);
  });
});
