/** Building what the model is sent: request, initial context, settings updates, user input. */
export { buildRequest, instructionsFor } from './build-request.ts';
export type { BuildOptions } from './build-request.ts';
export { isContextMessage } from './context-markers.ts';
export { turnAbortedMessage } from './turn-aborted.ts';
export { initialContextItems } from './initial-context.ts';
export { modelTraits } from './model-traits.ts';
export type { ModelTraits } from './model-traits.ts';
export { settingsUpdateItems } from './settings-update.ts';
export type { SkillRef } from './skills-section.ts';
export type { TurnContext } from './turn-context.ts';
export { userInputItems } from './user-input.ts';
export type { UserInputOptions } from './user-input.ts';
export { loadUserInstructions } from './user-instructions.ts';
export type { ProjectDocSettings } from './user-instructions.ts';
export { userShell } from './user-shell.ts';
export type { UserShell } from './user-shell.ts';
