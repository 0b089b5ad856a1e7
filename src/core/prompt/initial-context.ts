import type { ResponseItem } from '../../model/index.ts';
import { collaborationModeSection } from './collaboration-mode.ts';
import { AGENTS_MD_PREFIX } from './context-markers.ts';
import { currentDate, environmentContextText, localTimezone } from './environment-context.ts';
import { textMessage } from './messages.ts';
import { permissionsText } from './permissions.ts';
import { skillsSection } from './skills-section.ts';
import type { TurnContext } from './turn-context.ts';

/**
 * What a thread's history starts with (and starts with again after a compaction): a developer
 * message (permissions, developer instructions, collaboration mode instructions), then a user
 * message with the AGENTS.md instructions, when there are any, and the environment context.
 */
export function initialContextItems(ctx: TurnContext): ResponseItem[] {
  const developer = [permissionsText(ctx.approvalPolicy, ctx.sandboxPolicy, ctx.cwd, ctx.env, { additionalPermissions: ctx.features.request_permissions })];
  if (ctx.developerInstructions) developer.push(ctx.developerInstructions);
  if (ctx.collaborationInstructions) developer.push(collaborationModeSection(ctx.collaborationInstructions));
  const user = [environmentText(ctx)];
  const instructions = userInstructionsText(ctx);
  if (instructions) user.unshift(instructions);
  return [textMessage('developer', developer), textMessage('user', user)];
}

export function environmentText(ctx: TurnContext): string {
  return environmentContextText({
    cwd: ctx.cwd,
    shell: ctx.shell.name,
    currentDate: ctx.currentDate ?? currentDate(),
    timezone: ctx.timezone ?? localTimezone(ctx.env),
  });
}

/** The AGENTS.md text and the skills list, under the header clients recognise. */
function userInstructionsText(ctx: TurnContext): string | null {
  const body = [ctx.userInstructions, skillsSection(ctx.skills)].filter(Boolean).join('\n\n');
  return body ? `${AGENTS_MD_PREFIX}${ctx.cwd}\n\n<INSTRUCTIONS>\n${body}\n</INSTRUCTIONS>` : null;
}
