import { resolve } from 'node:path';
import type { AskForApproval, SandboxPolicy } from '../../protocol/index.ts';
import { ESCALATION_GUIDE } from './escalation-guide.ts';

/**
 * The developer-message section on what commands may do: the sandbox, the approval policy and,
 * for workspace-write, the directories that are writable.
 */
export function permissionsText(approval: AskForApproval, sandbox: SandboxPolicy, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const sections = [sandboxText(sandbox), approvalText(approval)];
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
      return `${lead} \`sandbox_mode\` is \`danger-full-access\`: there is no filesystem sandbox, commands may read and write anything. ${networkText(network)}`;
    }
    case 'readOnly':
      return `${lead} \`sandbox_mode\` is \`read-only\`: commands may read files but not change any. ${networkText(sandbox.networkAccess ?? false)}`;
    case 'workspaceWrite':
      return `${lead} \`sandbox_mode\` is \`workspace-write\`: commands may read any file and change files in the working directory and the writable roots; changing files anywhere else needs approval. ${networkText(sandbox.networkAccess ?? false)}`;
  }
}

const networkText = (enabled: boolean) => (enabled ? 'Network access is allowed.' : 'Network access is blocked.');

function approvalText(approval: AskForApproval): string {
  if (typeof approval === 'object') {
    const flags = Object.entries(approval.reject).map(([category, on]) => `- \`${category}\`: ${on}`);
    return [
      ESCALATION_GUIDE,
      '',
      '`approval_policy` is `reject`, set per category:',
      ...flags,
      'Requests in a category set to true are turned down without asking the user.',
    ].join('\n');
  }
  switch (approval) {
    case 'never':
      return '`approval_policy` is `never`: the user is never asked to approve anything. Do not set `sandbox_permissions`; commands that ask for escalation are rejected.';
    case 'untrusted':
      return '`approval_policy` is `untrusted`: apart from a short list of known-safe commands that only read, every command goes to the user for approval before it runs outside the sandbox.';
    case 'on-failure':
      return '`approval_policy` is `on-failure`: every command runs in the sandbox, and when one fails the user is asked whether to run it again without the sandbox.';
    case 'on-request':
      return ESCALATION_GUIDE;
  }
}

/** The roots a workspace-write sandbox lets commands write: configured ones, the cwd, and the temp directories it does not exclude. */
export function writableRoots(sandbox: Extract<SandboxPolicy, { type: 'workspaceWrite' }>, cwd: string, env: NodeJS.ProcessEnv): string[] {
  const roots = [...(sandbox.writableRoots ?? []), cwd];
  if (!sandbox.excludeSlashTmp) roots.push('/tmp');
  if (!sandbox.excludeTmpdirEnvVar && env.TMPDIR) roots.push(resolve(env.TMPDIR));
  return [...new Set(roots)];
}
