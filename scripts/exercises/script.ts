import type {ExercisePlan, PlannedBlock} from './plan';

/** One thing the runner does, in order: write a file the page shows, or run a shell block. */
export type Action =
  | {kind: 'write'; block: PlannedBlock; path: string}
  | {kind: 'run'; block: PlannedBlock; phase: 'set-up' | 'solution' | 'check' | 'clean-up'};

/** The order the runner works in, whatever the page order: the Solution runs before its check. */
const ORDER: PlannedBlock['part'][] = ['intro', 'Steps', 'Solution', 'Check your work', 'Clean up'];

/** The actions of a plan: set-up, the files of the Steps, the Solution, the check, then clean-up (run even after a failure). */
export function actionsOf(plan: ExercisePlan): Action[] {
  const actions: Action[] = [];
  for (const part of ORDER) {
    for (const block of plan.blocks.filter((b) => b.part === part)) {
      if (block.role.kind === 'file') actions.push({kind: 'write', block, path: block.role.path});
      else if (block.role.kind === 'run') actions.push({kind: 'run', block, phase: block.role.phase});
    }
  }
  return actions;
}

/** A heredoc delimiter that no line of the file equals. */
export function delimiterFor(text: string): string {
  let delimiter = 'EXERCISE_FILE';
  while (text.split('\n').includes(delimiter)) delimiter += '_';
  return delimiter;
}

/** Shell that writes a file exactly as the page shows it (no expansion), creating its folder. */
export function writeFileCommand(path: string, text: string): string {
  const quoted = `'${path.replace(/'/g, `'\\''`)}'`;
  const delimiter = delimiterFor(text);
  const folder = path.includes('/') ? `mkdir -p -- "$(dirname -- ${quoted})"\n` : '';
  return `${folder}cat > ${quoted} <<'${delimiter}'\n${text}\n${delimiter}`;
}

export interface PlanScript {
  text: string;
  /** For each script line (0-based), the page's `file:line` it comes from, if any. */
  origin: (string | undefined)[];
}

/** The whole plan as one bash script, each part headed by the page line it comes from: what --dry-run prints. */
export function planScript(plan: ExercisePlan): PlanScript {
  const lines: string[] = ['#!/usr/bin/env bash', `# ${plan.title} (${plan.file})`];
  const origin: (string | undefined)[] = [undefined, undefined];
  for (const action of actionsOf(plan)) {
    const {block} = action;
    const via = block.via ? ` (after, for ${block.via})` : '';
    const header =
      action.kind === 'write'
        ? `# ${block.where}: write ${action.path}${via}`
        : `# ${block.where}: ${action.phase}${via}${block.role.kind === 'run' && block.role.expected ? ' (output compared)' : ''}`;
    const body = action.kind === 'write' ? writeFileCommand(action.path, block.code) : block.code;
    lines.push('', header);
    origin.push(undefined, block.where);
    body.split('\n').forEach((text, i) => {
      lines.push(text);
      // A shell block's line i is page line fence+1+i; a written file maps to its fence.
      origin.push(action.kind === 'run' ? `${plan.file}:${block.line + 1 + i}` : block.where);
    });
  }
  for (const block of plan.blocks) {
    if (block.role.kind === 'not-run') {
      lines.push(`# not run: ${block.where} (${block.lang || 'plain'}): ${block.role.reason}`);
      origin.push(block.where);
    } else if (block.role.kind === 'covered') {
      lines.push(`# covered: ${block.where} runs as part of ${block.role.by}`);
      origin.push(block.where);
    }
  }
  return {text: `${lines.join('\n')}\n`, origin};
}
