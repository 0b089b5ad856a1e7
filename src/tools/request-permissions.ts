/**
 * `request_permissions` (feature `request_permissions_tool`): the model asks the user for more
 * than the sandbox allows — network access, paths to read or write. The thread's clients get
 * `item/permissions/requestApproval`; what they grant, within what was asked, applies to the
 * turn's later commands (see PermissionGrants) and goes back to the model as JSON. No thread item
 * records it. Texts are the reference's.
 */
import { homedir } from 'node:os';
import { realpath } from '../sandbox/resolve.ts';
import { parseRequestPermissionsArgs } from './permissions/args.ts';
import { approvalProfile, grantedProfile, grantForModel, intersectProfiles, isEmptyProfile, normalizeRequest, NO_PERMISSIONS } from './permissions/profile.ts';
import { toolOutput, type ToolHandler } from './registry.ts';

export const requestPermissionsHandler: ToolHandler = async (call, ctx) => {
  // Without the feature the reference has no such tool.
  if (!ctx.features.request_permissions_tool) return toolOutput(call, `unsupported call: ${call.name}`);
  if (call.kind !== 'function') return toolOutput(call, 'request_permissions handler received unsupported payload');
  const parsed = parseRequestPermissionsArgs(call.input, { cwd: ctx.cwd, home: homedir() });
  if (!parsed.ok) return toolOutput(call, parsed.message);
  const requested = normalizeRequest(parsed.value.permissions, realpath);
  if (isEmptyProfile(requested)) return toolOutput(call, 'request_permissions requires at least one permission');

  const answer = await ctx.ask(
    'item/permissions/requestApproval',
    { itemId: call.callId, reason: parsed.value.reason, permissions: approvalProfile(requested) },
    { flag: 'waitingOnApproval' },
  );
  // An error answer grants nothing, like an empty grant.
  const granted = intersectProfiles(requested, answer.kind === 'result' ? grantedProfile(answer.result) : NO_PERMISSIONS);
  ctx.permissionGrants.record(granted);
  return toolOutput(call, grantForModel(granted));
};
