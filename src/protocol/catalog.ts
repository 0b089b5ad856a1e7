/**
 * Everything the emitters print: the named definitions of every schema module, where the reference
 * layout puts each of them, and the four method unions built from the method tables. Only the
 * emitters load this module (it pulls in the large legacy `EventMsg`); the server does not.
 */
import { type TSchema } from '@sinclair/typebox';
import * as jsonrpc from './jsonrpc.ts';
import {
  CLIENT_NOTIFICATIONS,
  CLIENT_REQUESTS,
  SERVER_NOTIFICATIONS,
  SERVER_REQUESTS,
  type ClientRequestSpec,
  type NotificationSpec,
  type ServerRequestSpec,
} from './methods.ts';
import * as approvals from './v1/approvals.ts';
import * as core from './v1/core.ts';
import * as eventMsg from './v1/event-msg.ts';
import * as fuzzyFileSearch from './v1/fuzzy-file-search.ts';
import * as initialize from './v1/initialize.ts';
import * as legacy from './v1/legacy.ts';
import * as mcpElicitation from './v1/mcp-elicitation.ts';
import * as serverRequests from './v1/server-requests.ts';
import * as account from './v2/account.ts';
import * as apps from './v2/apps.ts';
import * as commandExec from './v2/command-exec.ts';
import * as config from './v2/config.ts';
import * as item from './v2/item.ts';
import * as mcp from './v2/mcp.ts';
import * as model from './v2/model.ts';
import * as notifications from './v2/notifications.ts';
import * as realtime from './v2/realtime.ts';
import * as responseItem from './v2/response-item.ts';
import * as review from './v2/review.ts';
import * as shared from './v2/shared.ts';
import * as skills from './v2/skills.ts';
import * as threadMethods from './v2/thread-methods.ts';
import * as thread from './v2/thread.ts';
import * as turn from './v2/turn.ts';
import * as windowsSandbox from './v2/windows-sandbox.ts';

/** Where the reference bundle lists a definition: at its top level or inside its `v2` namespace. */
export type Namespace = 'top' | 'v2';

interface Family {
  readonly namespace: Namespace;
  /** Folder of the family's per-type JSON files when it is not the namespace's own (`v1/`). */
  readonly typeDir?: 'v1';
  /** Printed as TypeScript only: the reference's JSON Schema does not describe these types. */
  readonly tsOnly?: boolean;
  readonly schemas: Readonly<Record<string, unknown>>;
}

const FAMILIES: readonly Family[] = [
  { namespace: 'top', schemas: jsonrpc },
  { namespace: 'top', typeDir: 'v1', schemas: initialize },
  { namespace: 'top', schemas: fuzzyFileSearch },
  { namespace: 'top', schemas: approvals },
  { namespace: 'top', schemas: serverRequests },
  { namespace: 'top', schemas: mcpElicitation },
  { namespace: 'top', schemas: core },
  { namespace: 'top', schemas: eventMsg },
  { namespace: 'top', tsOnly: true, schemas: legacy },
  // The reference lists RequestId in both places, and its refs point at the v2 copy.
  { namespace: 'v2', schemas: { RequestId: jsonrpc.RequestId } },
  { namespace: 'v2', schemas: shared },
  { namespace: 'v2', schemas: responseItem },
  { namespace: 'v2', schemas: item },
  { namespace: 'v2', schemas: turn },
  { namespace: 'v2', schemas: thread },
  { namespace: 'v2', schemas: threadMethods },
  { namespace: 'v2', schemas: realtime },
  { namespace: 'v2', schemas: review },
  { namespace: 'v2', schemas: model },
  { namespace: 'v2', schemas: mcp },
  { namespace: 'v2', schemas: skills },
  { namespace: 'v2', schemas: apps },
  { namespace: 'v2', schemas: account },
  { namespace: 'v2', schemas: commandExec },
  { namespace: 'v2', schemas: config },
  { namespace: 'v2', schemas: windowsSandbox },
  { namespace: 'v2', schemas: notifications },
];

export interface Definition {
  readonly name: string;
  /** A TypeBox schema, or (for the generated unions) a plain schema embedding TypeBox ones. */
  readonly schema: TSchema;
  readonly namespaces: ReadonlySet<Namespace>;
  /** Set for the definitions the reference also writes as a file of their own: that file's folder. */
  readonly fileDir?: '' | 'v1' | 'v2';
  readonly tsOnly: boolean;
}

export interface CatalogOptions {
  /** Include experimental methods and fields, like `generate-json-schema --experimental`. */
  readonly experimental: boolean;
  /** TypeScript also describes the legacy v1 methods, which the JSON Schema unions leave out. */
  readonly target: 'json' | 'typescript';
}

/** The definitions to print, keyed by name, in a stable order (families, then names). */
export function catalog(options: CatalogOptions): Map<string, Definition> {
  type Entry = { schema: TSchema; namespaces: Set<Namespace>; dir: '' | 'v1' | 'v2'; tsOnly: boolean };
  const defs = new Map<string, Entry>();
  for (const family of FAMILIES) {
    for (const [name, value] of Object.entries(family.schemas)) {
      if (!isNamedSchema(value, name)) continue;
      const known = defs.get(name);
      if (known) known.namespaces.add(family.namespace);
      else {
        const dir = family.typeDir ?? (family.namespace === 'v2' ? 'v2' : '');
        defs.set(name, { schema: value, namespaces: new Set([family.namespace]), dir, tsOnly: family.tsOnly === true });
      }
    }
  }
  const unions = methodUnions(options);
  for (const [name, schema] of Object.entries(unions)) {
    defs.set(name, { schema, namespaces: new Set(['top']), dir: '', tsOnly: false });
  }

  const excluded = options.experimental ? new Set<string>() : experimentalMethodTypes();
  const roots = rootNames();
  const out = new Map<string, Definition>();
  for (const [name, d] of defs) {
    if (excluded.has(name)) continue;
    const def: Definition = { name, schema: d.schema, namespaces: d.namespaces, tsOnly: d.tsOnly };
    out.set(name, roots.has(name) ? { ...def, fileDir: d.dir } : def);
  }
  return out;
}

function isNamedSchema(value: unknown, name: string): value is TSchema {
  return typeof value === 'object' && value !== null && (value as { $id?: unknown }).$id === name;
}

/** Definitions the reference writes as files of their own: envelopes, unions and method payloads. */
function rootNames(): Set<string> {
  const payloads: Array<TSchema | null> = [
    ...CLIENT_REQUESTS.filter((s) => !s.omitFromSchema).flatMap((s) => [s.params, s.result]),
    ...SERVER_REQUESTS.flatMap((s) => [s.params, s.result]),
    ...SERVER_NOTIFICATIONS.map((s) => s.params),
    ...CLIENT_NOTIFICATIONS.map((s) => s.params),
  ];
  return new Set([
    ...['RequestId', 'JSONRPCMessage', 'JSONRPCRequest', 'JSONRPCNotification', 'JSONRPCResponse', 'JSONRPCError', 'JSONRPCErrorError'],
    ...['ClientRequest', 'ServerRequest', 'ClientNotification', 'ServerNotification', 'EventMsg'],
    ...payloads.flatMap((s) => (s ? [s.$id as string] : [])),
  ]);
}

/** The reference's non-experimental output drops the payload types of experimental methods. */
function experimentalMethodTypes(): Set<string> {
  const experimental = CLIENT_REQUESTS.filter((s) => s.experimental);
  return new Set(experimental.flatMap((s) => [s.params, s.result]).flatMap((t) => (t ? [t.$id as string] : [])));
}

function methodUnions(options: CatalogOptions): Record<string, TSchema> {
  const requests = CLIENT_REQUESTS.filter(
    (s) => (options.experimental || !s.experimental) && (options.target === 'typescript' || !s.omitFromSchema),
  );
  const notifications = SERVER_NOTIFICATIONS.filter((s) => !s.omitFromSchema);
  return {
    ClientRequest: union('ClientRequest', requests.map((s) => variant(s, 'Request'))),
    ServerRequest: union('ServerRequest', SERVER_REQUESTS.map((s) => variant(s, 'Request'))),
    ClientNotification: union('ClientNotification', CLIENT_NOTIFICATIONS.map((s) => variant(s, 'Notification'))),
    ServerNotification: union('ServerNotification', notifications.map((s) => variant(s, 'Notification'))),
  };
}

function union(name: string, variants: TSchema[]): TSchema {
  return { $id: name, oneOf: variants } as unknown as TSchema;
}

/**
 * One arm of a method union, spelled like the reference: `Thread/startRequest` with a `…Method`
 * enum; requests carry an `id`; a request without params declares `params: null` (optional), a
 * notification without params has no `params` at all.
 */
function variant(spec: ClientRequestSpec | ServerRequestSpec | NotificationSpec, kind: 'Request' | 'Notification'): TSchema {
  const title = spec.method[0]!.toUpperCase() + spec.method.slice(1) + kind;
  const method = { type: 'string', enum: [spec.method], title: `${title}Method` };
  const properties: Record<string, unknown> = kind === 'Request' ? { id: jsonrpc.RequestId, method } : { method };
  const required = kind === 'Request' ? ['id', 'method'] : ['method'];
  if (spec.params) {
    properties.params = spec.params;
    required.push('params');
  } else if (kind === 'Request') {
    properties.params = { type: 'null' };
  }
  return { type: 'object', required, properties, title } as unknown as TSchema;
}
