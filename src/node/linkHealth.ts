import {readFileSync} from 'node:fs';
import {parseLinkHealth, type LinkHealthMap} from '../content/linkHealth';

/** Reads the link-health data file that the weekly link check writes (src/data/link-health.json). */
export function loadLinkHealth(file: string): LinkHealthMap {
  return parseLinkHealth(readFileSync(file, 'utf8'), file);
}
