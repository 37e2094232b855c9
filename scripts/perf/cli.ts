import {promises as fs} from 'node:fs';
import {parseBudgetConfig, type BudgetConfig} from './budgetCore';

/**
 * Runs a script's argument parser under our scripts' contract: a bad option prints the
 * problem and the help (exit 2); `--help` prints the help (exit 0). Otherwise the values.
 */
export function parseUsage<V extends {help?: boolean}>(help: string, parse: () => V): V | number {
  let values: V;
  try {
    values = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (values.help) {
    console.log(help);
    return 0;
  }
  return values;
}

/** Reads budgets.json (or another file); an unreadable or invalid file is a usage error, reported here. */
export async function loadBudgetConfig(file: string, tool: string): Promise<BudgetConfig | undefined> {
  try {
    return parseBudgetConfig(JSON.parse(await fs.readFile(file, 'utf8')));
  } catch (error) {
    console.error(`${tool}: cannot use ${file}: ${(error as Error).message}`);
    return undefined;
  }
}
