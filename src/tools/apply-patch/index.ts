/** apply_patch: the tool, the shell route into it, and the turn's aggregated diff. */
export { applyPatchHandler, renderTurnDiff, runShellApplyPatch, type ApplyPatchOptions, type PatchDecision, type PatchRequest } from './tool.ts';
export { patchFromShellCommand, type ShellPatch } from './shell.ts';
export { TurnDiffTracker } from './turn-diff.ts';
export { parsePatch, type Hunk, type ParseResult } from './parse.ts';
export { planPatch, type Plan, type PlannedChange } from './apply.ts';
