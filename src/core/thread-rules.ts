import { join } from 'node:path';
import { projectDirs } from '../config/index.ts';
import type { ConfigWarningNotification } from '../protocol/index.ts';
import { appendAllowRule, loadExecPolicy, type ExecPolicy } from '../exec-policy/index.ts';

/**
 * A thread's execpolicy rules: `$CODEX_HOME/rules` and the project's `.codex/rules`, read when the
 * thread is loaded, as the reference reads them per session. An amendment the user accepts is
 * written to `$CODEX_HOME/rules/default.rules` and applies to this thread at once (other loaded
 * threads see it when next loaded, as there).
 */
export class ThreadRules {
  constructor(
    private readonly codexHome: string,
    public policy: ExecPolicy,
  ) {}

  static load(codexHome: string, cwd: string): { rules: ThreadRules; warning: ConfigWarningNotification | null } {
    const { policy, warning } = loadExecPolicy(codexHome, projectDirs(cwd).map((dir) => join(dir, '.codex')));
    return { rules: new ThreadRules(codexHome, policy), warning };
  }

  /** Allows commands starting with `prefix` from now on; the error text when the file could not be written. */
  amend(prefix: readonly string[]): string | null {
    const result = appendAllowRule(this.codexHome, this.policy, prefix);
    if (!result.ok) return result.error;
    this.policy = result.policy;
    return null;
  }
}
