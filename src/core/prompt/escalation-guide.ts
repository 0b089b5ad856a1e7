/**
 * How to ask for a command to run outside the sandbox: part of the permissions message whenever
 * the user can be asked (on-request, and the granular reject policy). With the
 * `request_permissions` feature a command may instead ask for a few extra permissions and stay
 * sandboxed, which the guide then puts first.
 */
const INTRO = `A command runs without sandbox restrictions only when the user approves it or an approved rule already covers it. Shell operators split a command line into segments (pipes \`|\`, \`&&\` and \`||\`, \`;\`, subshells \`(...)\` and \`$(...)\`), and each segment is checked on its own: \`git pull | tee log.txt\` is checked as \`git pull\` and as \`tee log.txt\`.`;

const HOW_TO_ESCALATE = `- Set \`sandbox_permissions\` to \`"require_escalated"\`.
- Put one short question for the user in \`justification\`, e.g. "Allow downloading the project's dependencies?".
- Optionally suggest a \`prefix_rule\`; the user can approve it for similar commands in later sessions too.`;

const WHEN_TO_ASK = `## When to ask

- The command must write somewhere the sandbox does not allow (for example tests writing under /var).
- It opens a GUI program (open, xdg-open, osascript and the like).
- It matters for the task and failed because of the sandbox, or with an error that looks like blocked network access (name resolution, package registry, download failures): run it again with \`"require_escalated"\`.
- It is destructive (\`rm\`, \`git reset\`, ...) and the user did not explicitly ask for it.

Escalate only when the task needs it, and never try to get around the sandbox or an approval with other tools.`;

const WHEN_TO_ASK_FOR_PERMISSIONS = `## When to ask

- The command must read or write somewhere the sandbox does not allow: ask for those paths.
- It matters for the task and failed with an error that looks like blocked network access (name resolution, package registry, download failures): run it again with \`network.enabled\`.
- It opens a GUI program (open, xdg-open, osascript and the like): that takes \`"require_escalated"\`.
- It is destructive (\`rm\`, \`git reset\`, ...) and the user did not explicitly ask for it.

Ask only when the task needs it, and never try to get around the sandbox or an approval with other tools.`;

const PREFIX_RULES = `## Choosing a prefix_rule

Suggest a prefix that covers this kind of request in the future without being broad: \`["npm", "run", "dev"]\`, \`["cargo", "test"]\`, \`["pytest"]\` are good; \`["python3"]\` or \`["bash", "-c"]\` would let almost anything through and should not be asked for. It is rarely the whole command. Never suggest one for destructive commands such as \`rm\`, nor when the command uses a heredoc or here-string.`;

export const ESCALATION_GUIDE = `# Running commands outside the sandbox

${INTRO}

## How to ask

${HOW_TO_ESCALATE}

Ask through these parameters directly; do not first send the user a message about it.

${WHEN_TO_ASK}

${PREFIX_RULES}`;

export const ADDITIONAL_PERMISSIONS_GUIDE = `# Asking for more than the sandbox allows

${INTRO}

## First choice: extra permissions, still sandboxed

When a command needs only a little more than the sandbox gives, keep it in the sandbox and ask for exactly that:

- Set \`sandbox_permissions\` to \`"with_additional_permissions"\`.
- List what it needs in \`additional_permissions\`, any of:
  - \`network.enabled\`: \`true\` for network access;
  - \`file_system.read\`, \`file_system.write\`: paths it must read or write (absolute, or relative to \`workdir\`);
  - on macOS only: \`macos.preferences\` (\`read_only\` or \`read_write\`), \`macos.automations\` (bundle ids of the apps it scripts), \`macos.accessibility\` and \`macos.calendar\` (\`true\` for access).

The user approves these permissions for this one command; everything else stays as the sandbox has it. A command an approved rule already allows runs without asking, and the rule decides whether it leaves the sandbox.

## Last resort: leaving the sandbox

Only when extra permissions cannot do the job:

${HOW_TO_ESCALATE}

Ask through these parameters directly; do not first send the user a message about it.

${WHEN_TO_ASK_FOR_PERMISSIONS}

${PREFIX_RULES}`;
