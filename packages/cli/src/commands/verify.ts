// `ksim verify`: checks that folding the event log gives exactly the stored projection (the invariant of the
// event-sourced store); exit code 1 and every mismatch printed when it does not.
import type { Command } from 'commander';
import { fromLogStart, withStore } from '../context.js';
import { CliError, withErrors } from '../errors.js';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check that the event log folds to the stored projection')
    .action(
      withErrors(async () => {
        const result = await withStore((store) => fromLogStart(store, 'verify', () => store.verify()));
        if (result.ok) {
          process.stdout.write(`OK: the event log folds to the projection at revision ${result.revision}\n`);
          return;
        }
        process.stdout.write(
          `MISMATCH at revision ${result.revision}:\n${result.mismatches.map((m) => `  ${m}\n`).join('')}`,
        );
        throw new CliError(
          `${result.mismatches.length} mismatch(es) between the event log and the projection`,
        );
      }),
    );
}
