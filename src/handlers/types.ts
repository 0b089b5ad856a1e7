import type { App } from '../app.ts';
import type { Handler } from '../rpc/handler.ts';

export type AppHandler<P = any, R = unknown> = Handler<App, P, R>;
