/**
 * The bundled skill for writing skills. Its name, description and interface are the ones the
 * reference reports for its own; the instructions are Weft's.
 */
export const SKILL_CREATOR: Record<string, string | Buffer> = {
  'SKILL.md': `---
name: skill-creator
description: Guide for creating effective skills. This skill should be used when users want to create a new skill (or update an existing skill) that extends Codex's capabilities with specialized knowledge, workflows, or tool integrations.
metadata:
  short-description: Create or update a skill
---

# Writing a skill

A skill is a folder that teaches the agent one job: a \`SKILL.md\` with instructions, plus any
scripts, reference notes or templates the job needs. Only the skill's name and description are
shown up front; the rest is read when the skill is used, so put the knowledge where it is cheap to
skip.

## Where skills live

- \`$CODEX_HOME/skills/<name>/\` (usually \`~/.codex/skills\`) or \`~/.agents/skills/<name>/\`: for the user, in every project.
- \`<repo>/.agents/skills/<name>/\` or \`<repo>/.codex/skills/<name>/\`: for everyone working in that repository.

Ask which one the user wants when it is not obvious. Folder names use lowercase letters, digits
and hyphens.

## SKILL.md

Start with YAML frontmatter between two \`---\` lines:

\`\`\`markdown
---
name: release-notes
description: Drafts release notes from merged pull requests. Use when the user asks for a changelog, release notes or a summary of what shipped.
metadata:
  short-description: Draft release notes
---
\`\`\`

- \`name\`: at most 64 characters; defaults to the folder name.
- \`description\`: required, at most 1024 characters, one paragraph. Say what the skill does and
  when to use it: this sentence is all the agent sees when deciding whether the skill applies.
- \`metadata.short-description\`: optional, a few words for user interfaces.

Below the frontmatter, write the steps the agent should follow:

- Lead with the workflow in order, as short imperative steps.
- State inputs, outputs and how to check the result.
- Name the files in the folder and when to open each (\`references/api.md\` for field details,
  \`scripts/build.sh\` to produce the bundle). Paths are relative to the skill's folder.
- Leave out what a capable engineer already knows; keep what is specific to this job.
- Keep SKILL.md short (a few hundred lines at most); move long material into \`references/\`.

## Optional folders

- \`scripts/\`: programs for steps that must be exact or are long to retype. Make them runnable
  on their own, with \`--help\`, and test them once.
- \`references/\`: documentation to read only when needed (schemas, API notes, policies).
- \`assets/\`: files used in the output (templates, images, boilerplate).

## agents/openai.yaml

Optional settings for clients, beside SKILL.md:

\`\`\`yaml
interface:
  display_name: "Release Notes"
  short_description: "Draft release notes"
  icon_small: "./assets/icon-small.svg"
  icon_large: "./assets/icon.png"
  brand_color: "#3B6ED8"
  default_prompt: "Draft release notes for the latest tag"
policy:
  allow_implicit_invocation: true
\`\`\`

Icons must be inside \`assets/\`; \`brand_color\` is \`#RRGGBB\`. With
\`allow_implicit_invocation: false\` the skill is used only when the user names it (\`$name\`).

## Steps

1. Ask for two or three concrete requests the skill should handle, and what a good result looks like.
2. Decide what belongs in SKILL.md, in scripts and in references.
3. Create the folder and files; write the description last, once the job is clear.
4. Check the frontmatter (the \`---\` lines, a description present, lengths within limits).
5. Try the skill on one of the example requests and tighten the instructions where the agent hesitated.
`,
  'agents/openai.yaml': `interface:
  display_name: "Skill Creator"
  short_description: "Create or update a skill"
  icon_small: "./assets/skill-creator-small.svg"
  icon_large: "./assets/skill-creator.png"
`,
  'assets/skill-creator-small.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="1" y="1" width="14" height="14" rx="3" fill="#3B6ED8"/><path d="M8 4v8M4 8h8" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/></svg>
`,
  'assets/skill-creator.png': Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAT0lEQVR42u3PQQkAAAgEsOtlJ/Maxwi+hcEKLNXzWgQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQELgtlRhFpxZPg7AAAAABJRU5ErkJggg==',
    'base64',
  ),
};
