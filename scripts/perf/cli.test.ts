import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadBudgetConfig, parseUsage} from './cli';

const options = {runs: {type: 'string', default: '1'}, help: {type: 'boolean', short: 'h', default: false}} as const;
const parse = (args: string[]) => () => parseArgs({args, options}).values;

afterEach(() => vi.restoreAllMocks());

describe('parseUsage', () => {
  it('returns the values of good arguments', () => {
    expect(parseUsage('HELP', parse(['--runs', '3']))).toMatchObject({runs: '3'});
  });

  it('prints the help for --help and exits 0', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(parseUsage('HELP', parse(['-h']))).toBe(0);
    expect(log).toHaveBeenCalledWith('HELP');
  });

  it('prints the problem and the help for a bad option and exits 2', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(parseUsage('HELP', parse(['--nope']))).toBe(2);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/--nope[\s\S]*HELP$/);
  });
});

describe('loadBudgetConfig', () => {
  it('names the tool and the file when the config cannot be used', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'budget-')), 'budgets.json');
    writeFileSync(file, '{"pages": ');
    expect(await loadBudgetConfig(file, 'budget')).toBeUndefined();
    expect(String(error.mock.calls[0]?.[0])).toContain(`budget: cannot use ${file}:`);
  });

  it('reads the checked-in budgets', async () => {
    const config = await loadBudgetConfig(path.resolve(__dirname, '../../budgets.json'), 'budget');
    expect(config?.pages.length).toBeGreaterThan(0);
  });
});
