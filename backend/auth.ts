// Device authentication for /v1/*: `Authorization: Bearer <token>`, the token
// a device received at enrolment. Missing or unknown tokens are 401; a token
// of a revoked device is 403 with a message the workstation shows as is.
import type { MiddlewareHandler } from 'hono';
import type { Clock } from './clock.ts';
import type { BackendDb } from './db/connect.ts';
import type { Device, User } from './db/schema.ts';
import { HttpError } from './http.ts';
import { authenticate } from './people.ts';
import { DEVICE_TOKEN_PATTERN } from './secrets.ts';

export interface AuthVariables {
  /** Set on every authenticated request. */
  device: Device;
  user: User;
  /** For the request log: set as soon as a token names a device, also when it was revoked. */
  deviceId: string | undefined;
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="advisor-workstation"' };

export const DEVICE_REVOKED_MESSAGE = 'This device was revoked by your administrator. Enrol it again to resume syncing.';

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export function requireDevice(deps: { db: BackendDb; clock: Clock }): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      throw new HttpError(401, 'unauthorized',
        'This request needs a device token: send the header Authorization: Bearer <token> with the token from enrolment.', { headers: CHALLENGE });
    }
    const result = DEVICE_TOKEN_PATTERN.test(token)
      ? await authenticate(deps.db, token, deps.clock.now())
      : { ok: false as const, reason: 'unknown' as const };
    if (!result.ok) {
      if (result.reason === 'revoked') {
        c.set('deviceId', result.deviceId);
        throw new HttpError(403, 'device_revoked', DEVICE_REVOKED_MESSAGE);
      }
      throw new HttpError(401, 'unauthorized', 'The device token is not valid. Enrol this device again to get a new one.', { headers: CHALLENGE });
    }
    c.set('device', result.device);
    c.set('user', result.user);
    c.set('deviceId', result.device.id);
    await next();
  };
}
