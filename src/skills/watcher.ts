import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';

/** After a change is announced, later ones are gathered and announced at most this often. */
export const CHANGE_INTERVAL_MS = 10_000;

interface RootWatch {
  owners: Set<string>;
  watcher: FSWatcher | null;
  /** The folder actually watched: the root, or its nearest existing ancestor until it exists. */
  target: string;
}

/**
 * Watches skill roots on behalf of owners (loaded threads) and reports which owners' roots
 * changed: the first change at once, later ones gathered into one report per interval, as the
 * reference does.
 */
export class SkillWatcher {
  private readonly roots = new Map<string, RootWatch>();
  private readonly pending = new Set<string>();
  private nextAllowed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly onChange: (owners: string[]) => void,
    private readonly intervalMs = CHANGE_INTERVAL_MS,
  ) {}

  watch(owner: string, roots: readonly string[]): void {
    for (const root of new Set(roots)) {
      const entry = this.roots.get(root) ?? this.start(root);
      entry.owners.add(owner);
    }
  }

  unwatch(owner: string): void {
    for (const [root, entry] of this.roots) {
      if (!entry.owners.delete(owner) || entry.owners.size) continue;
      entry.watcher?.close();
      this.roots.delete(root);
    }
    this.pending.delete(owner);
  }

  close(): void {
    for (const entry of this.roots.values()) entry.watcher?.close();
    this.roots.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private start(root: string): RootWatch {
    const entry: RootWatch = { owners: new Set(), watcher: null, target: root };
    this.roots.set(root, entry);
    this.attach(root, entry);
    return entry;
  }

  private attach(root: string, entry: RootWatch): void {
    entry.watcher?.close();
    let target = root;
    while (!existsSync(target) && dirname(target) !== target) target = dirname(target);
    entry.target = target;
    const recursive = target === root;
    try {
      entry.watcher = watch(target, { recursive, persistent: false }, () => this.event(root, entry));
      entry.watcher.on('error', () => entry.watcher?.close());
    } catch {
      entry.watcher = null;
    }
  }

  private event(root: string, entry: RootWatch): void {
    if (entry.target !== root) {
      // Watching an ancestor until the root appears; only its appearance is a change.
      if (!existsSync(root)) {
        let target = root;
        while (!existsSync(target) && dirname(target) !== target) target = dirname(target);
        if (target !== entry.target) this.attach(root, entry);
        return;
      }
      this.attach(root, entry);
    }
    for (const owner of entry.owners) this.pending.add(owner);
    this.flush();
  }

  private flush(): void {
    if (!this.pending.size || this.timer) return;
    const wait = this.nextAllowed - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      this.timer.unref();
      return;
    }
    const owners = [...this.pending];
    this.pending.clear();
    this.nextAllowed = Date.now() + this.intervalMs;
    this.onChange(owners);
  }
}
