/**
 * How to ask for a command to run outside the sandbox: part of the permissions message whenever
 * the user can be asked (on-request, and the granular reject policy).
 */
export const ESCALATION_GUIDE = `# Running commands outside the sandbox

A command runs without sandbox restrictions only when the user approves it or an approved rule already covers it. Shell operators split a command line into segments (pipes \`|\`, \`&&\` and \`||\`, \`;\`, subshells \`(...)\` and \`$(...)\`), and each segment is checked on its own: \`git pull | tee log.txt\` is checked as \`git pull\` and as \`tee log.txt\`.

## How to ask

- Set \`sandbox_permissions\` to \`"require_escalated"\`.
- Put one short question for the user in \`justification\`, e.g. "Allow downloading the project's dependencies?".
- Optionally suggest a \`prefix_rule\`; the user can approve it for similar commands in later sessions too.

Ask through these parameters directly; do not first send the user a message about it.

## When to ask

- The command must write somewhere the sandbox does not allow (for example tests writing under /var).
- It opens a GUI program (open, xdg-open, osascript and the like).
- It matters for the task and failed because of the sandbox, or with an error that looks like blocked network access (name resolution, package registry, download failures): run it again with \`"require_escalated"\`.
- It is destructive (\`rm\`, \`git reset\`, ...) and the user did not explicitly ask for it.

Escalate only when the task needs it, and never try to get around the sandbox or an approval with other tools.

## Choosing a prefix_rule

Suggest a prefix that covers this kind of request in the future without being broad: \`["npm", "run", "dev"]\`, \`["cargo", "test"]\`, \`["pytest"]\` are good; \`["python3"]\` or \`["bash", "-c"]\` would let almost anything through and should not be asked for. It is rarely the whole command. Never suggest one for destructive commands such as \`rm\`, nor when the command uses a heredoc or here-string.`;
