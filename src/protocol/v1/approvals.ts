/**
 * Approval server requests (v2 `item/<kind>/requestApproval` and the legacy v1 `applyPatchApproval` /
 * `execCommandApproval`) with the permission and network types they carry. The reference lists these at
 * the top level of its bundle, not in the v2 namespace.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Experimental, OneOf, Opt, StrEnum, Tagged } from '../schema-kit.ts';
import { CommandAction } from '../v2/item.ts';
import { AbsolutePathBuf, ThreadId } from '../v2/shared.ts';

export const AdditionalFileSystemPermissions = Type.Object({
  read: Opt(Type.Array(AbsolutePathBuf)),
  write: Opt(Type.Array(AbsolutePathBuf)),
}, { $id: 'AdditionalFileSystemPermissions' });
export type AdditionalFileSystemPermissions = Static<typeof AdditionalFileSystemPermissions>;

export const MacOsPreferencesPermission = StrEnum(['none', 'read_only', 'read_write'], {
  $id: 'MacOsPreferencesPermission',
});
export type MacOsPreferencesPermission = Static<typeof MacOsPreferencesPermission>;

export const MacOsAutomationPermission = OneOf([
  StrEnum(['none', 'all']),
  Type.Object({ bundle_ids: Type.Array(Type.String()) }, { additionalProperties: false }),
], { $id: 'MacOsAutomationPermission' });
export type MacOsAutomationPermission = Static<typeof MacOsAutomationPermission>;

export const AdditionalMacOsPermissions = Type.Object({
  preferences: MacOsPreferencesPermission,
  automations: MacOsAutomationPermission,
  accessibility: Type.Boolean(),
  calendar: Type.Boolean(),
}, { $id: 'AdditionalMacOsPermissions' });
export type AdditionalMacOsPermissions = Static<typeof AdditionalMacOsPermissions>;

export const AdditionalNetworkPermissions = Type.Object({
  enabled: Opt(Type.Boolean()),
}, { $id: 'AdditionalNetworkPermissions' });
export type AdditionalNetworkPermissions = Static<typeof AdditionalNetworkPermissions>;

export const AdditionalPermissionProfile = Type.Object({
  network: Opt(AdditionalNetworkPermissions),
  fileSystem: Opt(AdditionalFileSystemPermissions),
  macos: Opt(AdditionalMacOsPermissions),
}, { $id: 'AdditionalPermissionProfile' });
export type AdditionalPermissionProfile = Static<typeof AdditionalPermissionProfile>;

export const FileChange = Tagged(
  'type',
  {
    add: { content: Type.String() },
    delete: { content: Type.String() },
    update: { unified_diff: Type.String(), move_path: Opt(Type.String()) },
  },
  { $id: 'FileChange' },
);
export type FileChange = Static<typeof FileChange>;

export const ApplyPatchApprovalParams = Type.Object({
  conversationId: ThreadId,
  callId: Type.String(),
  fileChanges: Dict(FileChange),
  reason: Opt(Type.String()),
  grantRoot: Opt(Type.String()),
}, { $id: 'ApplyPatchApprovalParams' });
export type ApplyPatchApprovalParams = Static<typeof ApplyPatchApprovalParams>;

export const NetworkPolicyRuleAction = StrEnum(['allow', 'deny'], { $id: 'NetworkPolicyRuleAction' });
export type NetworkPolicyRuleAction = Static<typeof NetworkPolicyRuleAction>;

export const NetworkPolicyAmendment = Type.Object({
  host: Type.String(),
  action: NetworkPolicyRuleAction,
}, { $id: 'NetworkPolicyAmendment' });
export type NetworkPolicyAmendment = Static<typeof NetworkPolicyAmendment>;

export const CommandExecutionApprovalDecision = OneOf([
  StrEnum(['accept']),
  StrEnum(['acceptForSession']),
  Type.Object({
    acceptWithExecpolicyAmendment: Type.Object({ execpolicy_amendment: Type.Array(Type.String()) }),
  }, { additionalProperties: false }),
  Type.Object({
    applyNetworkPolicyAmendment: Type.Object({ network_policy_amendment: NetworkPolicyAmendment }),
  }, { additionalProperties: false }),
  StrEnum(['decline']),
  StrEnum(['cancel']),
], { $id: 'CommandExecutionApprovalDecision' });
export type CommandExecutionApprovalDecision = Static<typeof CommandExecutionApprovalDecision>;

export const NetworkApprovalProtocol = StrEnum(['http', 'https', 'socks5Tcp', 'socks5Udp'], {
  $id: 'NetworkApprovalProtocol',
});
export type NetworkApprovalProtocol = Static<typeof NetworkApprovalProtocol>;

export const NetworkApprovalContext = Type.Object({
  host: Type.String(),
  protocol: NetworkApprovalProtocol,
}, { $id: 'NetworkApprovalContext' });
export type NetworkApprovalContext = Static<typeof NetworkApprovalContext>;

export const CommandExecutionRequestApprovalSkillMetadata = Type.Object(
  { pathToSkillsMd: Type.String() },
  { $id: 'CommandExecutionRequestApprovalSkillMetadata' },
);
export type CommandExecutionRequestApprovalSkillMetadata = Static<typeof CommandExecutionRequestApprovalSkillMetadata>;

export const CommandExecutionRequestApprovalParams = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  approvalId: Opt(Type.String()),
  reason: Opt(Type.String()),
  networkApprovalContext: Opt(NetworkApprovalContext),
  command: Opt(Type.String()),
  cwd: Opt(Type.String()),
  commandActions: Opt(Type.Array(CommandAction)),
  additionalPermissions: Experimental(
    'item/commandExecution/requestApproval.additionalPermissions',
    Opt(AdditionalPermissionProfile),
  ),
  skillMetadata: Experimental(
    'item/commandExecution/requestApproval.skillMetadata',
    Opt(CommandExecutionRequestApprovalSkillMetadata),
  ),
  proposedExecpolicyAmendment: Opt(Type.Array(Type.String())),
  proposedNetworkPolicyAmendments: Opt(Type.Array(NetworkPolicyAmendment)),
  availableDecisions: Experimental(
    'item/commandExecution/requestApproval.availableDecisions',
    Opt(Type.Array(CommandExecutionApprovalDecision)),
  ),
}, { $id: 'CommandExecutionRequestApprovalParams' });
export type CommandExecutionRequestApprovalParams = Static<typeof CommandExecutionRequestApprovalParams>;

export const ParsedCommand = Tagged(
  'type',
  {
    read: { cmd: Type.String(), name: Type.String(), path: Type.String() },
    list_files: { cmd: Type.String(), path: Opt(Type.String()) },
    search: { cmd: Type.String(), query: Opt(Type.String()), path: Opt(Type.String()) },
    unknown: { cmd: Type.String() },
  },
  { $id: 'ParsedCommand' },
);
export type ParsedCommand = Static<typeof ParsedCommand>;

export const ExecCommandApprovalParams = Type.Object({
  conversationId: ThreadId,
  callId: Type.String(),
  approvalId: Opt(Type.String()),
  command: Type.Array(Type.String()),
  cwd: Type.String(),
  reason: Opt(Type.String()),
  parsedCmd: Type.Array(ParsedCommand),
}, { $id: 'ExecCommandApprovalParams' });
export type ExecCommandApprovalParams = Static<typeof ExecCommandApprovalParams>;

export const FileChangeRequestApprovalParams = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  reason: Opt(Type.String()),
  grantRoot: Opt(Type.String()),
}, { $id: 'FileChangeRequestApprovalParams' });
export type FileChangeRequestApprovalParams = Static<typeof FileChangeRequestApprovalParams>;

export const PermissionsRequestApprovalParams = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  reason: Opt(Type.String()),
  permissions: AdditionalPermissionProfile,
}, { $id: 'PermissionsRequestApprovalParams' });
export type PermissionsRequestApprovalParams = Static<typeof PermissionsRequestApprovalParams>;

export const ReviewDecision = OneOf([
  StrEnum(['approved']),
  Type.Object({
    approved_execpolicy_amendment: Type.Object({ proposed_execpolicy_amendment: Type.Array(Type.String()) }),
  }, { additionalProperties: false }),
  StrEnum(['approved_for_session']),
  Type.Object({
    network_policy_amendment: Type.Object({ network_policy_amendment: NetworkPolicyAmendment }),
  }, { additionalProperties: false }),
  StrEnum(['denied']),
  StrEnum(['abort']),
], { $id: 'ReviewDecision' });
export type ReviewDecision = Static<typeof ReviewDecision>;

export const CommandExecutionRequestApprovalResponse = Type.Object(
  { decision: CommandExecutionApprovalDecision },
  { $id: 'CommandExecutionRequestApprovalResponse' },
);
export type CommandExecutionRequestApprovalResponse = Static<typeof CommandExecutionRequestApprovalResponse>;

export const FileChangeApprovalDecision = OneOf([
  StrEnum(['accept']),
  StrEnum(['acceptForSession']),
  StrEnum(['decline']),
  StrEnum(['cancel']),
], { $id: 'FileChangeApprovalDecision' });
export type FileChangeApprovalDecision = Static<typeof FileChangeApprovalDecision>;

export const FileChangeRequestApprovalResponse = Type.Object({
  decision: FileChangeApprovalDecision,
}, { $id: 'FileChangeRequestApprovalResponse' });
export type FileChangeRequestApprovalResponse = Static<typeof FileChangeRequestApprovalResponse>;

export const GrantedMacOsPermissions = Type.Object({
  preferences: Opt(MacOsPreferencesPermission),
  automations: Opt(MacOsAutomationPermission),
  accessibility: Opt(Type.Boolean()),
  calendar: Opt(Type.Boolean()),
}, { $id: 'GrantedMacOsPermissions' });
export type GrantedMacOsPermissions = Static<typeof GrantedMacOsPermissions>;

export const GrantedPermissionProfile = Type.Object({
  network: Opt(AdditionalNetworkPermissions),
  fileSystem: Opt(AdditionalFileSystemPermissions),
  macos: Opt(GrantedMacOsPermissions),
}, { $id: 'GrantedPermissionProfile' });
export type GrantedPermissionProfile = Static<typeof GrantedPermissionProfile>;

export const PermissionsRequestApprovalResponse = Type.Object({
  permissions: GrantedPermissionProfile,
}, { $id: 'PermissionsRequestApprovalResponse' });
export type PermissionsRequestApprovalResponse = Static<typeof PermissionsRequestApprovalResponse>;

export const ApplyPatchApprovalResponse = Type.Object({
  decision: ReviewDecision,
}, { $id: 'ApplyPatchApprovalResponse' });
export type ApplyPatchApprovalResponse = Static<typeof ApplyPatchApprovalResponse>;

export const ExecCommandApprovalResponse = Type.Object({
  decision: ReviewDecision,
}, { $id: 'ExecCommandApprovalResponse' });
export type ExecCommandApprovalResponse = Static<typeof ExecCommandApprovalResponse>;
