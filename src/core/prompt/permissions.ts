import { sandboxPermissions } from '../../sandbox/index.ts';
import type { AskForApproval, SandboxPolicy } from '../../protocol/index.ts';
import { ADDITIONAL_PERMISSIONS_GUIDE, ESCALATION_GUIDE } from './escalation-guide.ts';

/**
 * The developer-message section on what commands may do: the sandbox, the approval policy and,
 * for workspace-write, the directories that are writable. `additionalPermissions` (feature
 * `request_permissions`): commands may ask for extra permissions and stay sandboxed.
 *
 * The text for danger-full-access with approval never is counted by the token estimate after a
 * rollback; its length is balanced against the reference's (see `src/core/token-parity.test.ts`).
 */
export function permissionsText(
  approval: AskForApproval,
  sandbox: SandboxPolicy,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  { additionalPermissions = false }: { additionalPermissions?: boolean } = {},
): string {
  const sections = [sandboxText(sandbox), approvalText(approval, additionalPermissions ? ADDITIONAL_PERMISSIONS_GUIDE : ESCALATION_GUIDE)];
  if (sandbox.type === 'workspaceWrite') {
    sections.push(`Writable roots: ${writableRoots(sandbox, cwd, env).map((r) => `\`${r}\``).join(', ')}.`);
  }
  return `<permissions instructions>\n${sections.join('\n')}\n</permissions instructions>`;
}

function sandboxText(sandbox: SandboxPolicy): string {
  const lead = 'The sandbox decides which files commands can read and write.';
  switch (sandbox.type) {
    // An external sandbox is not ours to describe: as far as we enforce anything, there is none.
    case 'dangerFullAccess':
    case 'externalSandbox': {
      const network = sandbox.type === 'dangerFullAccess' || sandbox.networkAccess === 'enabled';
      return [
        `${lead} \`sandbox_mode\` is \`danger-full-access\`: there is no filesystem sandbox, commands may read and write anything. ${networkText(network)}`,
        ...FULL_ACCESS_CARE,
        ...(network ? [FULL_ACCESS_NETWORK] : []),
      ].join('\n');
    }
    case 'readOnly':
      return `${lead} \`sandbox_mode\` is \`read-only\`: commands may read files but not change any. ${networkText(sandbox.networkAccess ?? false)}`;
    case 'workspaceWrite':
      return `${lead} \`sandbox_mode\` is \`workspace-write\`: commands may read any file and change files in the working directory and the writable roots; changing files anywhere else needs approval. ${networkText(sandbox.networkAccess ?? false)}`;
  }
}

const networkText = (enabled: boolean) => (enabled ? 'Network access is allowed.' : 'Network access is blocked.');

/** Without a sandbox, the care it would take is the model's own. */
const FULL_ACCESS_CARE = [
  'Nothing stops a command from doing damage here, so the care a sandbox would take is yours:',
  '- Keep writes inside the working directory and the project unless the task clearly needs more (a cache, a config file the user asked you to change). Do not touch other projects, the user\'s dotfiles or system directories on your own initiative.',
  '- Before anything that deletes, overwrites or moves data (`rm`, `mv` onto an existing file, `git clean`, `git reset --hard`, dropping a database, truncating a file), check that it affects exactly what you intend: list the targets first, spell out paths instead of relying on wildcards or variables that might be empty, and prefer steps that can be undone. Do it only when the task requires it.',
  '- Do not install software system-wide, change system settings or stop processes you did not start, unless the user asked for it.',
  '- Files outside the project may hold secrets (SSH keys, cloud credentials, `.env` files). Do not read them unless the task is about them, and never print their contents.',
  '- Servers, watchers and other processes you start keep running on the user\'s machine; stop them when you no longer need them, and do not leave anything listening on a public interface.',
];

const FULL_ACCESS_NETWORK =
  '- Network access is not a licence: fetch and run code only from sources the project already relies on, and never send the user\'s code, files or credentials to a service the task does not involve.';

/** With approval never, nobody is there to confirm or stop anything. */
const NEVER_GUIDE = [
  'Nobody will confirm or stop your actions while you work, so:',
  '- Work autonomously. Do not ask the user to approve, run or check something halfway through; carry the task through yourself, including the tests and other checks that show it works. The user expects to come back to finished work, not to a question.',
  '- When a command fails because of the sandbox or the environment (a missing tool, no network, a read-only path), look for another way within what is allowed: a different command, a tool that is already installed, a local alternative, a narrower change. Never try to reach the same effect through a loophole.',
  '- Take the request as approval for what it plainly requires and nothing more: being asked to fix a test is not permission to rewrite the module around it or to upgrade dependencies.',
  '- If the task cannot be completed without something you are not allowed to do, finish everything else, then say in your final answer what is missing and give the exact commands the user can run.',
  '- With no one reviewing commands before they run, caution is up to you: prefer commands that only read or can be undone, and never run a destructive one the user did not ask for.',
  '- In your final answer, mention anything you did with lasting effects outside the project (packages installed, services started, settings changed) so the user can review it.',
];

/** `guide`: how to ask, where the user can be asked. */
function approvalText(approval: AskForApproval, guide: string): string {
  if (typeof approval === 'object') {
    const flags = Object.entries(approval.reject).map(([category, on]) => `- \`${category}\`: ${on}`);
    return [
      guide,
      '',
      '`approval_policy` is `reject`, set per category:',
      ...flags,
      'Requests in a category set to true are turned down without asking the user.',
    ].join('\n');
  }
  switch (approval) {
    case 'never':
      return [
        '`approval_policy` is `never`: the user is never asked to approve anything. Do not set `sandbox_permissions`; commands that ask for escalation are rejected.',
        ...NEVER_GUIDE,
      ].join('\n');
    case 'untrusted':
      return '`approval_policy` is `untrusted`: apart from a short list of known-safe commands that only read, every command goes to the user for approval before it runs outside the sandbox.';
    case 'on-failure':
      return '`approval_policy` is `on-failure`: every command runs in the sandbox, and when one fails the user is asked whether to run it again without the sandbox.';
    case 'on-request':
      return guide;
  }
}

/** The roots a workspace-write sandbox lets commands write, exactly as the sandbox enforces them. */
export function writableRoots(sandbox: Extract<SandboxPolicy, { type: 'workspaceWrite' }>, cwd: string, env: NodeJS.ProcessEnv): string[] {
  return (sandboxPermissions(sandbox, cwd, env)?.writableRoots ?? []).map((w) => w.root);
}
