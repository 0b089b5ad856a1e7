/**
 * The bundled skill for installing skills from GitHub. Its name, description and interface are
 * the ones the reference reports for its own; the instructions are Weft's.
 */
export const SKILL_INSTALLER: Record<string, string | Buffer> = {
  'SKILL.md': `---
name: skill-installer
description: Install Codex skills into $CODEX_HOME/skills from a curated list or a GitHub repo path. Use when a user asks to list installable skills, install a curated skill, or install a skill from another repo (including private repos).
metadata:
  short-description: Install curated skills from openai/skills or other repos
---

# Installing skills

Skills are folders containing a \`SKILL.md\`. Installing one means copying its folder to
\`$CODEX_HOME/skills/<name>/\` (\`~/.codex/skills\` when \`CODEX_HOME\` is not set). The curated
collection is the GitHub repository \`openai/skills\`: released skills under \`skills/.curated/\`,
experimental ones under \`skills/.experimental/\`.

## Listing what can be installed

Ask the GitHub API for the folder's entries and show the names, marking those already present
in the skills folder:

\`\`\`sh
curl -fsSL https://api.github.com/repos/openai/skills/contents/skills/.curated | grep '"name"'
ls "\${CODEX_HOME:-$HOME/.codex}/skills"
\`\`\`

Use \`skills/.experimental\` instead when the user asks for experimental skills. Without a clear
request, list the curated ones and ask which to install.

## Installing

1. Work out the repository, the ref (default \`main\`) and the folder path. A URL such as
   \`https://github.com/<owner>/<repo>/tree/<ref>/<path>\` gives all three; a bare name means
   \`openai/skills\`, \`skills/.curated/<name>\`.
2. Refuse to overwrite: if \`$CODEX_HOME/skills/<name>\` exists, say so and stop unless the user
   asks to replace it.
3. Fetch only that folder, into a temporary directory:

   \`\`\`sh
   tmp=$(mktemp -d)
   git clone --depth 1 --filter=blob:none --sparse --branch <ref> https://github.com/<owner>/<repo>.git "$tmp/repo"
   git -C "$tmp/repo" sparse-checkout set <path>
   \`\`\`

   For private repositories use the user's existing git credentials (SSH URL
   \`git@github.com:<owner>/<repo>.git\` or \`gh auth\`); never ask for or print tokens.
   Without git, download \`https://codeload.github.com/<owner>/<repo>/tar.gz/<ref>\` and extract
   the folder.
4. Check that the folder has a \`SKILL.md\` with frontmatter (\`name\` and \`description\`), then copy it:

   \`\`\`sh
   mkdir -p "\${CODEX_HOME:-$HOME/.codex}/skills"
   cp -R "$tmp/repo/<path>" "\${CODEX_HOME:-$HOME/.codex}/skills/<name>"
   rm -rf "$tmp"
   \`\`\`

5. Tell the user what was installed and where, and that new skills are picked up from the next
   session (or when the client reloads its skill list).

Network access may need approval in sandboxed sessions; ask for it rather than working around it.
`,
  'agents/openai.yaml': `interface:
  display_name: "Skill Installer"
  short_description: "Install curated skills from openai/skills or other repos"
  icon_small: "./assets/skill-installer-small.svg"
  icon_large: "./assets/skill-installer.png"
`,
  'assets/skill-installer-small.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="1" y="1" width="14" height="14" rx="3" fill="#2E9D6A"/><path d="M8 3.5v7M5 7.5l3 3 3-3M4.5 12.5h7" stroke="#fff" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>
`,
  'assets/skill-installer.png': Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAT0lEQVR42u3PQQkAAAgEsEtkMDvZ1Qi+hcEKLDX9WgQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQELgu+T1EeWah7SgAAAABJRU5ErkJggg==',
    'base64',
  ),
};
