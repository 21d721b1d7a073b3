/** What an app process tells the bench: its port, or why it could not start. */
export type AppMessage = { type: 'ready'; port: number } | { type: 'failed'; reason: string };

/** What the bench tells an app process. */
export const CLOSE_APP = 'close';

/** Every contender app answers this route with this body. */
export const ROUTE = '/';
export const BODY = 'ok';

/** The bulwark app's decorated route, next to its undecorated `ROUTE` in the same app. */
export const PROTECTED_ROUTE = '/protected';
