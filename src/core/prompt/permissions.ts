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
  'Nothing stops a command from doing damage here, so take the care a sandbox would:',
  '- Keep writes inside the project unless the task needs more; leave dotfiles and system directories alone.',
  '- Before deleting or overwriting anything, check exactly what it affects: list the targets, spell out paths, prefer steps that can be undone.',
  '- Do not read files holding secrets (keys, credentials, `.env`) unless the task is about them; never print them.',
];

const FULL_ACCESS_NETWORK =
  '- Fetch and run code only from sources the project already relies on; never send the user\'s code or credentials elsewhere.';

/** With approval never, nobody is there to confirm or stop anything. */
const NEVER_GUIDE = [
  'Nobody will confirm or stop your actions while you work, so:',
  '- Work autonomously and carry the task through, checks included: the user expects finished work, not a question.',
  '- When something blocks a command, find another allowed way, never a loophole.',
  '- If the task needs something you may not do, finish the rest and give the user the commands to run.',
  '- Report anything you did with lasting effects outside the project.',
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
