// `ksim` (`pnpm ksim …`): kubesim's command line, kubectl's commands against the kubesim API plus simulation
// commands that read the event log directly. Each command lives in its own module under commands/ and is
// registered here.
import { Command } from 'commander';
import { registerApplyCommand } from './commands/apply.js';
import { registerAtCommand } from './commands/at.js';
import { registerCreateCommand } from './commands/create.js';
import { registerDeleteCommand } from './commands/delete.js';
import { registerDescribeCommand } from './commands/describe.js';
import { registerEditCommand } from './commands/edit.js';
import { registerExecCommand } from './commands/exec.js';
import { registerGetCommand } from './commands/get.js';
import { registerLogCommand } from './commands/log.js';
import { registerLogsCommand } from './commands/logs.js';
import { registerNodesCommand } from './commands/nodes.js';
import { registerPatchCommand } from './commands/patch.js';
import { registerPsCommand } from './commands/ps.js';
import { registerRolloutCommand } from './commands/rollout.js';
import { registerScaleCommand } from './commands/scale.js';
import { registerSetCommand } from './commands/set-image.js';
import { registerVerifyCommand } from './commands/verify.js';

const program = new Command('ksim')
  .description('kubesim command line: inspect and drive the simulated cluster')
  .option(
    '--server <url>',
    'API server URL (default: KSIM_SERVER, the kubeconfig in KSIM_HOME, http://127.0.0.1:8080)',
  )
  .option('--token <token>', 'bearer token for the API server (default: KSIM_API_TOKEN or the kubeconfig)')
  .option('--insecure-skip-tls-verify', "don't verify the API server's certificate")
  .option(
    '-n, --namespace <namespace>',
    'the namespace to work in (default: the kubeconfig context, else default)',
  )
  .showHelpAfterError();

for (const register of [
  registerGetCommand,
  registerDescribeCommand,
  registerCreateCommand,
  registerApplyCommand,
  registerDeleteCommand,
  registerScaleCommand,
  registerSetCommand,
  registerPatchCommand,
  registerEditCommand,
  registerRolloutCommand,
  registerLogsCommand,
  registerExecCommand,
  registerNodesCommand,
  registerLogCommand,
  registerAtCommand,
  registerVerifyCommand,
  registerPsCommand,
]) {
  register(program);
}

await program.parseAsync(process.argv);
