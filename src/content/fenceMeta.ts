/**
 * The options an author may write after a code fence's language (its "meta string"),
 * shared by the build (src/remark/codeBlocks.ts) and `npm run lint:examples`:
 *
 * - `excerpt=apps/v1/Deployment` or `excerpt=v1/Pod.spec.containers[]`: the block is part of
 *   a Kubernetes object and is validated against that part of its schema.
 * - `wrong="reason"`: a deliberate "don't do this" example; not checked, listed in the report.
 * - `unchecked="reason"`: correct but not checkable (no schema exists); listed in the report.
 * - `norun="reason"`: `npm run exercises` does not run this block of an exercise (it needs a second
 *   terminal, a GitHub account…); listed in the runner's plan. It can go with any option above.
 * - `after="03/setup 03/files"`: on a set-up block of an exercise's introduction, what the learner who
 *   starts without the earlier exercises does first; `npm run exercises` reads the syntax
 *   (scripts/exercises/README.md). It goes with any option above.
 *
 * Anything else is an error, so an option the site would silently drop never gets in.
 */

/** Where an excerpt sits: an object type and a path of fields inside it. */
export interface ExcerptTarget {
  /** `apps/v1`, `v1`, `networking.istio.io/v1`. */
  apiVersion: string;
  kind: string;
  /** Field names from the object's top; `[]` marks one item of a list, e.g. `['spec', 'containers', '[]']`. */
  path: string[];
  /** As written, for messages. */
  text: string;
}

export interface FenceMeta {
  excerpt?: ExcerptTarget;
  wrong?: string;
  unchecked?: string;
  norun?: string;
  after?: string;
}

export type FenceMetaResult = {ok: true; meta: FenceMeta} | {ok: false; error: string};

export const FENCE_OPTIONS = ['excerpt', 'wrong', 'unchecked', 'norun', 'after'] as const;
/** What a block is to the examples check: one of these at most. `norun` and `after` are about running, so they go with any. */
const EXCLUSIVE_OPTIONS = ['excerpt', 'wrong', 'unchecked'] as const;
type FenceOption = (typeof FENCE_OPTIONS)[number];

const TOKEN = /\s*([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|([^\s"]+)))?/y;
const EXCERPT =
  /^((?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?)\/([A-Z][A-Za-z0-9]*)((?:\.[A-Za-z][A-Za-z0-9]*(?:\[\])?)*)$/;

export const EXCERPT_SYNTAX =
  'excerpt=<apiVersion>/<Kind>[.<field>…], e.g. excerpt=apps/v1/Deployment or excerpt=v1/Pod.spec.containers[]';

export function parseExcerpt(text: string): ExcerptTarget | undefined {
  const match = EXCERPT.exec(text);
  if (!match) return undefined;
  const path: string[] = [];
  for (const field of match[3]!.split('.').slice(1)) {
    if (field.endsWith('[]')) path.push(field.slice(0, -2), '[]');
    else path.push(field);
  }
  return {apiVersion: match[1]!, kind: match[2]!, path, text};
}

export function parseFenceMeta(meta: string | null | undefined): FenceMetaResult {
  const result: FenceMeta = {};
  const source = (meta ?? '').trim();
  const seen = new Set<string>();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      return {
        ok: false,
        error: `Cannot read the code fence options at "${source.slice(start)}": write key=value or key="value with spaces"`,
      };
    }
    const [, key, quoted, bare] = match;
    const value = quoted ?? bare;
    if (value === undefined && source[TOKEN.lastIndex] === '=') {
      return {
        ok: false,
        error: `Cannot read the code fence options at "${source.slice(start).trim()}": a value in quotes must end with a quote`,
      };
    }
    if (!(FENCE_OPTIONS as readonly string[]).includes(key!)) {
      return {
        ok: false,
        error: `Unknown code fence option "${key}": the options are ${FENCE_OPTIONS.join(', ')} (see CONTRIBUTING.md#code-examples)`,
      };
    }
    if (seen.has(key!)) return {ok: false, error: `Code fence option "${key}" is given twice`};
    seen.add(key!);
    const option = key as FenceOption;
    if (option === 'excerpt') {
      const target = value === undefined ? undefined : parseExcerpt(value);
      if (!target)
        return {ok: false, error: `Code fence option excerpt${value ? `=${value}` : ''} is not ${EXCERPT_SYNTAX}`};
      result.excerpt = target;
    } else {
      if (!value?.trim()) {
        return {
          ok: false,
          error:
            option === 'after'
              ? 'Code fence option after needs what the set-up builds on: after="01/files" (see scripts/exercises/README.md)'
              : `Code fence option ${option} needs a reason: ${option}="why this block is not ${option === 'norun' ? 'run' : 'checked'}"`,
        };
      }
      result[option] = value.trim();
    }
    const next = source[TOKEN.lastIndex];
    if (next !== undefined && !/\s/.test(next)) {
      return {
        ok: false,
        error: `Cannot read the code fence options at "${source.slice(TOKEN.lastIndex)}": separate options with a space`,
      };
    }
  }
  const given = EXCLUSIVE_OPTIONS.filter((o) => result[o] !== undefined);
  if (given.length > 1) {
    return {
      ok: false,
      error: `Code fence options ${given.join(' and ')} cannot be combined: a block is an excerpt, wrong or unchecked`,
    };
  }
  return {ok: true, meta: result};
}

/**
 * A `# lint:examples <options>` comment in a shell block: fence options for the heredoc whose command
 * starts on the next line (scripts/lint/examples/heredoc.ts). It steers the check, not the example,
 * so readers never see it: the build leaves its line out.
 */
export const EXAMPLES_DIRECTIVE = /^#\s*lint:examples\b\s*(.*)$/;

/** The code as readers see it: without the lines that hold only an examples directive. */
export function withoutExamplesDirectives(code: string): string {
  return code
    .split('\n')
    .filter((line) => !EXAMPLES_DIRECTIVE.test(line.trim()))
    .join('\n');
}
