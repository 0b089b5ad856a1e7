import { canonicalJson, type TomlValue } from '../../config/index.ts';
import type { ResponseItem } from '../../model/index.ts';
import type { SandboxPolicy } from '../../protocol/index.ts';
import { collaborationModeUpdate } from './collaboration-mode.ts';
import { environmentText } from './initial-context.ts';
import { textMessage } from './messages.ts';
import { modelTraits } from './model-traits.ts';
import { permissionsText } from './permissions.ts';
import { personalityChangeText } from './personality.ts';
import type { TurnContext } from './turn-context.ts';

/**
 * What to tell the model when a turn's settings differ from those it was last told about
 * (`prev`), recorded before the turn's input: one developer message with a section per change
 * (model, permissions, collaboration mode, personality, in that order), then a new environment
 * context when the cwd or date moved. On a thread's first turn `prev` is the thread/start
 * context the initial context was written from. A date change is only seen when `prev` keeps
 * the `currentDate` it was rendered with. `announceModel: false` leaves a new model unmentioned (a
 * thread's first turn: no earlier turn used another).
 */
export function settingsUpdateItems(prev: TurnContext, next: TurnContext, opts: { announceModel?: boolean } = {}): ResponseItem[] {
  const developer: string[] = [];
  const modelChanged = prev.model !== next.model;
  if (modelChanged && opts.announceModel !== false) developer.push(modelSwitchText(next.model));
  if (!same(prev.approvalPolicy, next.approvalPolicy) || !same(normalized(prev.sandboxPolicy), normalized(next.sandboxPolicy))) {
    developer.push(permissionsText(next.approvalPolicy, next.sandboxPolicy, next.cwd, next.env, { additionalPermissions: next.features.request_permissions }));
  }
  const mode = collaborationModeUpdate(prev, next);
  if (mode) developer.push(mode);
  // A new model brings its own style; a style change alone is announced only to models that take one.
  if (!modelChanged && next.personality && next.personality !== prev.personality && modelTraits(next.model).supportsPersonality) {
    const text = personalityChangeText(next.personality);
    if (text) developer.push(text);
  }
  const items = developer.length ? [textMessage('developer', developer)] : [];
  const environment = environmentText(next);
  if (environment !== environmentText(prev)) items.push(textMessage('user', [environment]));
  return items;
}

function modelSwitchText(model: string): string {
  return `<model_switch>\nThe conversation continues with another model, ${model}. Carry on from where it stands, following the instructions given so far.\n</model_switch>`;
}

const same = (a: unknown, b: unknown) => canonicalJson(a as TomlValue) === canonicalJson(b as TomlValue);

/** With its defaults filled in, since thread/start and turn/start spell the same policy differently. */
function normalized(policy: SandboxPolicy): unknown {
  switch (policy.type) {
    case 'dangerFullAccess':
      return policy;
    case 'externalSandbox':
      return { type: policy.type, networkAccess: policy.networkAccess ?? 'restricted' };
    case 'readOnly':
      return { type: policy.type, networkAccess: policy.networkAccess ?? false, access: policy.access ?? { type: 'fullAccess' } };
    case 'workspaceWrite':
      return {
        type: policy.type,
        writableRoots: policy.writableRoots ?? [],
        readOnlyAccess: policy.readOnlyAccess ?? { type: 'fullAccess' },
        networkAccess: policy.networkAccess ?? false,
        excludeTmpdirEnvVar: policy.excludeTmpdirEnvVar ?? false,
        excludeSlashTmp: policy.excludeSlashTmp ?? false,
      };
  }
}
