/**
 * What an app process tells the bench: its port, or why it could not start; and, when
 * asked, the CPU time it has used so far (user + system, microseconds).
 */
export type AppMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; reason: string }
  | { type: 'cpu'; micros: number };

/** What the bench tells an app process. */
export const CLOSE_APP = 'close';
export const REPORT_CPU = 'cpu';

/** Every contender app answers this route with this body. */
export const ROUTE = '/';
export const BODY = 'ok';

/** The bulwark app's decorated route, next to its undecorated `ROUTE` in the same app. */
export const PROTECTED_ROUTE = '/protected';
