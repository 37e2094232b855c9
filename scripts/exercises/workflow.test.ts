import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';

const file = path.resolve(__dirname, '../../.github/workflows/exercises.yml');
const text = readFileSync(file, 'utf8');

interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  if?: string;
  strategy?: {matrix: {section: string[]; leg: string[]; include: Record<string, string>[]}};
  steps: {uses?: string; run?: string}[];
}
const workflow = parse(text) as {permissions: Record<string, string>; jobs: Record<string, Job>};

describe('the exercises workflow', () => {
  it('runs every exercise but 11 on x86-64 with both image stores and on arm64; 11 has its own job', () => {
    const {matrix} = workflow.jobs.run!.strategy!;
    expect(matrix.section).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    const legs = matrix.include.map((i) => [i.runner, i['containerd-snapshotter']]);
    expect(legs).toEqual([
      ['ubuntu-24.04', 'false'],
      ['ubuntu-24.04', 'true'],
      ['ubuntu-24.04-arm', ''],
    ]);
    expect(matrix.leg).toEqual(matrix.include.map((i) => i.leg));
    const build = workflow.jobs['exercise-11']!.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build).toMatchObject({with: {platforms: 'linux/amd64,linux/arm64'}});
  });

  it('pins every action by a 40-hex commit with its version in a comment', () => {
    const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(10);
    for (const [, action, comment] of uses) {
      expect(action, action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(comment, action).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('reads by default; only the exercise-11 job writes packages and only the tracking job writes issues', () => {
    expect(workflow.permissions).toEqual({contents: 'read'});
    const writers = Object.entries(workflow.jobs).flatMap(([name, job]) =>
      Object.entries(job.permissions ?? {})
        .filter(([, level]) => level === 'write')
        .map(([scope]) => `${name}:${scope}`),
    );
    expect(writers).toEqual(['exercise-11:packages', 'tracking-issue:issues']);
    expect(workflow.jobs['tracking-issue']!.if).toContain("github.event_name == 'schedule'");
  });

  it('installs the tools through .ci/install and keeps the logs of every leg', () => {
    const runSteps = workflow.jobs.run!.steps;
    expect(runSteps.some((s) => s.run === 'bash .ci/install exercises')).toBe(true);
    expect(runSteps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))).toMatchObject({if: 'always()'});
  });
});
