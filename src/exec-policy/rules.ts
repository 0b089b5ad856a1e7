/**
 * Rules files: `prefix_rule(pattern=[...], decision=..., justification=..., match=[...],
 * not_match=[...])`, `network_rule(...)` and `host_executable(...)` calls, evaluated into an
 * ExecPolicy with the reference's checks and error texts. Several files build one policy; the
 * first error anywhere rejects them all (the caller then falls back to an empty policy).
 */
import { rustDebugString } from '../protocol/decode-format.ts';
import { shellJoin } from '../store/rollout/shell-join.ts';
import { shlexSplit } from '../tools/shell/shlex.ts';
import { emptyPolicy, executableName, matchesFor } from './policy.ts';
import { callDiagnostic, plainDiagnostic, rangeOf } from './rules-diagnostic.ts';
import { parseModule, SyntaxProblem, type Expr, type Span, type Statement } from './rules-syntax.ts';
import type { Decision, ExecPolicy, NetworkRule, PatternToken, PrefixRule, RuleMatch, TextRange } from './types.ts';

export interface RulesFile {
  /** The file's path; it names the file in error texts. */
  identifier: string;
  source: string;
}

export interface RulesError {
  identifier: string;
  /** The reference's text for the error (what follows "failed to parse rules file PATH: "). */
  message: string;
  range: TextRange | null;
}

export type RulesResult = { ok: true; policy: ExecPolicy } | { ok: false; error: RulesError };

export function parseRules(source: string, identifier: string): RulesResult {
  return parseRulesFiles([{ identifier, source }]);
}

export function parseRulesFiles(files: readonly RulesFile[]): RulesResult {
  const builder = new PolicyBuilder();
  for (const file of files) {
    const error = evaluateFile(builder, file);
    if (error) return { ok: false, error };
  }
  return { ok: true, policy: builder.build() };
}

// ---------------------------------------------------------------- values

type Value = string | number | boolean | null | { list: Value[] } | { tuple: Value[] } | { builtin: Builtin };
type Builtin = 'prefix_rule' | 'network_rule' | 'host_executable';

const BUILTINS: Record<Builtin, readonly string[]> = {
  prefix_rule: ['pattern', 'decision', 'match', 'not_match', 'justification'],
  network_rule: ['host', 'protocol', 'decision', 'justification'],
  host_executable: ['name', 'paths'],
};
const REQUIRED: Record<Builtin, number> = { prefix_rule: 1, network_rule: 3, host_executable: 2 };
const CONSTANTS: Record<string, Value> = { True: true, False: false, None: null };
/** Names the reference's evaluator knows besides ours; only used to suggest a fix for a typo. */
const STANDARD_GLOBALS = ['abs', 'all', 'any', 'bool', 'chr', 'dict', 'dir', 'enumerate', 'fail', 'filter', 'float', 'getattr', 'hasattr', 'hash', 'int', 'len', 'list', 'map', 'max', 'min', 'ord', 'print', 'range', 'repr', 'reversed', 'sorted', 'str', 'tuple', 'type', 'zip'];

function typeName(v: Value): string {
  if (v === null) return 'NoneType';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'int';
    case 'boolean':
      return 'bool';
    default:
      return 'list' in v ? 'list' : 'tuple' in v ? 'tuple' : 'function';
  }
}

function repr(v: Value): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if ('list' in v) return `[${v.list.map(repr).join(', ')}]`;
  if ('tuple' in v) return v.tuple.length === 1 ? `(${repr(v.tuple[0]!)},)` : `(${v.tuple.map(repr).join(', ')})`;
  return `<built-in function ${v.builtin}>`;
}

const isList = (v: Value): v is { list: Value[] } => typeof v === 'object' && v !== null && 'list' in v;

// ---------------------------------------------------------------- errors

/** An error of the Starlark evaluation; `call` is set when a builtin raised it. */
class EvalProblem extends Error {
  constructor(
    message: string,
    readonly span: Span,
    readonly call: Span | null,
  ) {
    super(message);
  }
}

/** A rule's `match` / `not_match` examples disagree with it; reported without a snippet. */
class ExampleProblem extends Error {
  constructor(
    message: string,
    readonly call: Span,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- evaluation

interface PendingExamples {
  rules: PrefixRule[];
  matches: string[][];
  notMatches: string[][];
  call: Span;
}

class PolicyBuilder {
  readonly rulesByProgram = new Map<string, PrefixRule[]>();
  readonly networkRules: NetworkRule[] = [];
  readonly hostExecutables = new Map<string, string[]>();

  addRule(rule: PrefixRule): void {
    this.rulesByProgram.set(rule.first, [...(this.rulesByProgram.get(rule.first) ?? []), rule]);
  }

  build(): ExecPolicy {
    return { rulesByProgram: new Map(this.rulesByProgram), networkRules: [...this.networkRules], hostExecutables: new Map(this.hostExecutables) };
  }
}

function evaluateFile(builder: PolicyBuilder, file: RulesFile): RulesError | null {
  const { identifier, source } = file;
  const fail = (message: string, span: Span): RulesError => ({ identifier, message, range: rangeOf(source, span) });
  let statements: Statement[];
  try {
    statements = parseModule(source);
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    return fail(plainDiagnostic(identifier, source, err.span, err.message), err.span);
  }
  const unknown = firstUnknownName(statements);
  if (unknown) return fail(plainDiagnostic(identifier, source, unknown.span, unknown.message), unknown.span);
  const pending: PendingExamples[] = [];
  try {
    const scope = new Map<string, Value>();
    for (const statement of statements) {
      if (statement.kind === 'assign') scope.set(statement.name, evaluate(statement.value, scope, builder, pending));
      else evaluate(statement.expr, scope, builder, pending);
    }
    for (const examples of pending) checkExamples(examples, builder);
  } catch (err) {
    if (err instanceof ExampleProblem) return fail(err.message, err.call);
    if (!(err instanceof EvalProblem)) throw err;
    const text = err.call ? callDiagnostic(identifier, source, err.call, err.message) : plainDiagnostic(identifier, source, err.span, err.message);
    return fail(text, err.call ?? err.span);
  }
  return null;
}

/** Starlark resolves names before running anything: an unknown one fails the whole file first. */
function firstUnknownName(statements: Statement[]): { message: string; span: Span } | null {
  const assigned = new Set(statements.flatMap((s) => (s.kind === 'assign' ? [s.name] : [])));
  const known = (name: string) => assigned.has(name) || name in BUILTINS || name in CONSTANTS;
  for (const statement of statements) {
    const found = unknownIn(statement.kind === 'assign' ? statement.value : statement.expr, known);
    if (found) {
      const suggestion = didYouMean(found.name, [...Object.keys(CONSTANTS), ...STANDARD_GLOBALS, ...Object.keys(BUILTINS), ...assigned]);
      return { message: `Variable \`${found.name}\` not found${suggestion ? `, did you mean \`${suggestion}\`?` : ''}`, span: found.span };
    }
  }
  return null;
}

function unknownIn(expr: Expr, known: (name: string) => boolean): { name: string; span: Span } | null {
  switch (expr.kind) {
    case 'name':
      return known(expr.name) ? null : { name: expr.name, span: expr.span };
    case 'list':
    case 'tuple':
      return firstOf(expr.items, known);
    case 'call':
      return unknownIn(expr.callee, known) ?? firstOf(expr.args.map((a) => a.value), known);
    case 'add':
      return unknownIn(expr.left, known) ?? unknownIn(expr.right, known);
    case 'negate':
      return unknownIn(expr.operand, known);
    default:
      return null;
  }
}

const firstOf = (exprs: Expr[], known: (name: string) => boolean) => exprs.reduce<{ name: string; span: Span } | null>((found, e) => found ?? unknownIn(e, known), null);

/** The closest name by edit distance, as the reference suggests one (within 1 edit for short names, else 2). */
function didYouMean(name: string, candidates: string[]): string | null {
  const limit = name.length <= 2 ? 1 : 2;
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate ?? null;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function evaluate(expr: Expr, scope: Map<string, Value>, builder: PolicyBuilder, pending: PendingExamples[]): Value {
  const value = (e: Expr) => evaluate(e, scope, builder, pending);
  switch (expr.kind) {
    case 'string':
    case 'int':
      return expr.value;
    case 'name':
      if (expr.name in CONSTANTS) return CONSTANTS[expr.name]!;
      if (scope.has(expr.name)) return scope.get(expr.name)!;
      if (expr.name in BUILTINS) return { builtin: expr.name as Builtin };
      throw new EvalProblem(`Local variable \`${expr.name}\` referenced before assignment`, expr.span, null);
    case 'list':
      return { list: expr.items.map(value) };
    case 'tuple':
      return { tuple: expr.items.map(value) };
    case 'negate': {
      const operand = value(expr.operand);
      if (typeof operand !== 'number') throw new EvalProblem(`Operation \`-\` not supported on type \`${typeName(operand)}\``, expr.span, null);
      return -operand;
    }
    case 'add':
      return add(value(expr.left), value(expr.right), expr.span);
    case 'call': {
      const callee = value(expr.callee);
      if (typeof callee !== 'object' || callee === null || !('builtin' in callee)) {
        throw new EvalProblem(`Operation \`call\` not supported on type \`${typeName(callee)}\``, expr.span, null);
      }
      const args = expr.args.map((a) => ({ name: a.name, value: value(a.value) }));
      callBuiltin(callee.builtin, bindArgs(callee.builtin, args, expr.span), expr.span, builder, pending);
      return null;
    }
  }
}

function add(left: Value, right: Value, span: Span): Value {
  if (typeof left === 'string' && typeof right === 'string') return left + right;
  if (typeof left === 'number' && typeof right === 'number') return left + right;
  if (isList(left) && isList(right)) return { list: [...left.list, ...right.list] };
  if (typeof left === 'object' && left && 'tuple' in left && typeof right === 'object' && right && 'tuple' in right) return { tuple: [...left.tuple, ...right.tuple] };
  throw new EvalProblem(`Operation \`+\` not supported for types \`${typeName(left)}\` and \`${typeName(right)}\``, span, null);
}

/** Arguments by parameter name; absent optional ones are missing from the map. */
function bindArgs(fn: Builtin, args: { name: string | null; value: Value }[], call: Span): Map<string, Value> {
  const params = BUILTINS[fn];
  const bound = new Map<string, Value>();
  const positional = args.filter((a) => a.name === null);
  if (positional.length > params.length) throw new EvalProblem(`Found ${positional.length - params.length} extra positional parameter(s) for call to ${fn}`, call, call);
  positional.forEach((a, i) => bound.set(params[i]!, a.value));
  const extra: string[] = [];
  for (const a of args) {
    if (a.name === null) continue;
    if (!params.includes(a.name)) extra.push(a.name);
    else if (bound.has(a.name)) throw new EvalProblem(`Multiple values for parameter \`${a.name}\` in call to \`${fn}\``, call, call);
    else bound.set(a.name, a.value);
  }
  if (extra.length) throw new EvalProblem(`Found ${extra.map((n) => `\`${n}\``).join(', ')} extra named parameter(s) for call to ${fn}`, call, call);
  const missing = params.slice(0, REQUIRED[fn]).find((p) => !bound.has(p));
  if (missing) throw new EvalProblem(`Missing parameter \`${missing}\` for call to \`${fn}\``, call, call);
  return bound;
}

function callBuiltin(fn: Builtin, args: Map<string, Value>, call: Span, builder: PolicyBuilder, pending: PendingExamples[]): void {
  const raise = (message: string): never => {
    throw new EvalProblem(message, call, call);
  };
  const str = (name: string, v: Value | undefined): string | undefined => {
    if (v === undefined || typeof v === 'string') return v;
    return raise(`Type of parameter \`${name}\` doesn't match, expected \`str\`, actual \`${typeName(v)} (repr: ${repr(v)})\``);
  };
  const list = (name: string, v: Value | undefined): Value[] | undefined => {
    if (v === undefined) return undefined;
    if (isList(v)) return v.list;
    return raise(`Type of parameter \`${name}\` doesn't match, expected \`list\`, actual \`${typeName(v)} (repr: ${repr(v)})\``);
  };
  const justificationOf = (v: Value | undefined) => {
    const text = str('justification', v);
    if (text !== undefined && text.trim() === '') raise('invalid rule: justification cannot be empty');
    return text ?? null;
  };

  switch (fn) {
    case 'prefix_rule': {
      const pattern = list('pattern', args.get('pattern'))!;
      const decisionText = str('decision', args.get('decision'));
      const matches = list('match', args.get('match'));
      const notMatches = list('not_match', args.get('not_match'));
      const rawJustification = args.get('justification');
      str('justification', rawJustification);
      const decision = decisionText === undefined ? 'allow' : parseDecision(decisionText) ?? raise(`invalid decision: ${decisionText}`);
      const justification = justificationOf(rawJustification);
      const tokens = pattern.map((v) => patternToken(v, raise));
      if (tokens.length === 0) raise('invalid pattern element: pattern cannot be empty');
      const matchExamples = (matches ?? []).map((v) => example(v, raise));
      const notMatchExamples = (notMatches ?? []).map((v) => example(v, raise));
      const [head, ...rest] = tokens;
      const rules = alternatives(head!).map((first): PrefixRule => ({ first, rest, decision, justification }));
      pending.push({ rules, matches: matchExamples, notMatches: notMatchExamples, call });
      rules.forEach((rule) => builder.addRule(rule));
      return;
    }
    case 'network_rule': {
      const host = str('host', args.get('host'))!;
      const protocolText = str('protocol', args.get('protocol'))!;
      const decisionText = str('decision', args.get('decision'))!;
      const protocol = networkProtocol(protocolText) ?? raise(`invalid rule: network_rule protocol must be one of http, https, socks5_tcp, socks5_udp (got ${protocolText})`);
      const decision = decisionText === 'deny' ? 'forbidden' : parseDecision(decisionText) ?? raise(`invalid decision: ${decisionText}`);
      const justification = justificationOf(args.get('justification'));
      const normalized = normalizeNetworkHost(host);
      if ('error' in normalized) return raise(`invalid rule: ${normalized.error}`);
      builder.networkRules.push({ host: normalized.host, protocol, decision, justification });
      return;
    }
    case 'host_executable': {
      const name = str('name', args.get('name'))!;
      const paths = list('paths', args.get('paths'))!;
      if (name === '') raise('invalid rule: host_executable name cannot be empty');
      if (executableName(name) !== name || name.includes('/')) raise(`invalid rule: host_executable name must be a bare executable name (got ${name})`);
      const accepted: string[] = [];
      for (const v of paths) {
        if (typeof v !== 'string') return raise(`invalid rule: host_executable paths must be strings (got ${typeName(v)})`);
        if (!v.startsWith('/')) raise(`invalid rule: host_executable paths must be absolute (got ${v})`);
        if (executableName(v) !== name) raise(`invalid rule: host_executable path \`${v}\` must have basename \`${name}\``);
        if (!accepted.includes(v)) accepted.push(v);
      }
      builder.hostExecutables.set(name, accepted);
      return;
    }
  }
}

function parseDecision(text: string): Decision | null {
  return text === 'allow' || text === 'prompt' || text === 'forbidden' ? text : null;
}

function patternToken(v: Value, raise: (message: string) => never): PatternToken {
  if (typeof v === 'string') return { single: v };
  if (!isList(v)) return raise(`invalid pattern element: pattern element must be a string or list of strings (got ${typeName(v)})`);
  const alts = v.list.map((alt) => (typeof alt === 'string' ? alt : raise(`invalid pattern element: pattern alternative must be a string (got ${typeName(alt)})`)));
  if (alts.length === 0) raise('invalid pattern element: pattern alternatives cannot be empty');
  return alts.length === 1 ? { single: alts[0]! } : { alts };
}

const alternatives = (token: PatternToken): string[] => ('single' in token ? [token.single] : token.alts);

function example(v: Value, raise: (message: string) => never): string[] {
  if (typeof v === 'string') {
    const words = shlexSplit(v) ?? raise('invalid example: example string has invalid shell syntax');
    return words.length ? words : raise('invalid example: example cannot be an empty string');
  }
  if (!isList(v)) return raise(`invalid example: example must be a string or list of strings (got ${typeName(v)})`);
  const words = v.list.map((w) => (typeof w === 'string' ? w : raise(`invalid example: example tokens must be strings (got ${typeName(w)})`)));
  return words.length ? words : raise('invalid example: example cannot be an empty list');
}

function networkProtocol(text: string): NetworkRule['protocol'] | null {
  if (text === 'http' || text === 'socks5_tcp' || text === 'socks5_udp') return text;
  return text === 'https' || text === 'https_connect' || text === 'http-connect' ? 'https' : null;
}

function normalizeNetworkHost(raw: string): { host: string } | { error: string } {
  let host = raw.trim();
  if (host === '') return { error: 'network_rule host cannot be empty' };
  if (/:\/\/|[/?#]/.test(host)) return { error: 'network_rule host must be a hostname or IP literal (without scheme or path)' };
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1) return { error: 'network_rule host has an invalid bracketed IPv6 literal' };
    const rest = host.slice(close + 1);
    if (rest !== '' && !/^:\d+$/.test(rest)) return { error: `network_rule host contains an unsupported suffix: ${raw}` };
    host = host.slice(1, close);
  } else if ((host.match(/:/g) ?? []).length === 1 && /^.+:\d+$/.test(host)) {
    host = host.slice(0, host.lastIndexOf(':'));
  }
  const normalized = host.replace(/\.+$/, '').trim().toLowerCase();
  if (normalized === '') return { error: 'network_rule host cannot be empty' };
  if (normalized.includes('*')) return { error: 'network_rule host must be a specific host; wildcards are not allowed' };
  if (/\s/.test(normalized)) return { error: 'network_rule host cannot contain whitespace' };
  return { host: normalized };
}

/** A rule's own examples, checked against it alone (plus the host executables known by then). */
function checkExamples(examples: PendingExamples, builder: PolicyBuilder): void {
  const rulesByProgram = new Map<string, PrefixRule[]>();
  for (const rule of examples.rules) rulesByProgram.set(rule.first, [...(rulesByProgram.get(rule.first) ?? []), rule]);
  const policy: ExecPolicy = { ...emptyPolicy(), rulesByProgram, hostExecutables: new Map(builder.hostExecutables) };
  for (const words of examples.notMatches) {
    const found = matchesFor(policy, words)[0];
    if (found) throw new ExampleProblem(`expected example to not match rule \`${debugMatch(found)}\`: ${renderExample(words)}`, examples.call);
  }
  const unmatched = examples.matches.filter((words) => matchesFor(policy, words).length === 0).map(renderExample);
  if (unmatched.length) {
    const rules = examples.rules.map(debugRule);
    throw new ExampleProblem(`expected every example to match at least one rule. rules: ${debugList(rules)}; unmatched examples: ${debugList(unmatched)}`, examples.call);
  }
}

const renderExample = (words: string[]) => (words.some((w) => w.includes('\0')) ? 'unable to render example' : shellJoin(words));
const debugList = (items: string[]) => `[${items.map(rustDebugString).join(', ')}]`;
const debugDecision = (d: Decision) => ({ allow: 'Allow', prompt: 'Prompt', forbidden: 'Forbidden' })[d];
const debugOption = (v: string | null, wrap = (s: string) => s) => (v === null ? 'None' : `Some(${wrap(rustDebugString(v))})`);
const debugToken = (t: PatternToken) => ('single' in t ? `Single(${rustDebugString(t.single)})` : `Alts(${debugList(t.alts)})`);

function debugRule(rule: PrefixRule): string {
  const pattern = `PrefixPattern { first: ${rustDebugString(rule.first)}, rest: [${rule.rest.map(debugToken).join(', ')}] }`;
  return `PrefixRule { pattern: ${pattern}, decision: ${debugDecision(rule.decision)}, justification: ${debugOption(rule.justification)} }`;
}

function debugMatch(m: RuleMatch): string {
  if (m.kind === 'heuristics') return `HeuristicsRuleMatch { command: ${debugList(m.command)}, decision: ${debugDecision(m.decision)} }`;
  const program = debugOption(m.resolvedProgram, (s) => `AbsolutePathBuf(${s})`);
  return `PrefixRuleMatch { matched_prefix: ${debugList(m.matchedPrefix)}, decision: ${debugDecision(m.decision)}, resolved_program: ${program}, justification: ${debugOption(m.justification)} }`;
}
