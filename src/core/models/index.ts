/** The reference's bundled model catalogue: what `model/list` shows and per-model facts the engine uses. */
export { contextWindowFor } from './context-window.ts';
export { listModels } from './list.ts';
export { defaultModel } from './list.ts';
