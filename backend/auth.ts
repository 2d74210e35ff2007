// Authentication for /v1/*: `Authorization: Bearer <token>`. Device routes take
// the token a device received at enrolment; POST /v1/signals takes an
// assistant integration's token. Neither opens the other's routes. Missing or
// unknown tokens are 401; a revoked device or integration is 403 with a
// message saying what to do (the workstation shows the device's as is).
import type { MiddlewareHandler } from 'hono';
import type { Clock } from './clock.ts';
import type { BackendDb } from './db/connect.ts';
import type { Device, Integration, User } from './db/schema.ts';
import { HttpError } from './http.ts';
import { authenticateIntegration } from './integrations.ts';
import { authenticate } from './people.ts';
import { DEVICE_TOKEN_PATTERN, INTEGRATION_TOKEN_PATTERN } from './secrets.ts';

export interface AuthVariables {
  /** Set on every authenticated request. */
  device: Device;
  user: User;
  /** For the request log: set as soon as a token names a device, also when it was revoked. */
  deviceId: string | undefined;
  /** Set on POST /v1/signals, authenticated by an integration token. */
  integration: Integration;
  /** For the request log, like deviceId. */
  integrationId: string | undefined;
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="advisor-workstation"' };

export const DEVICE_REVOKED_MESSAGE = 'This device was revoked by your administrator. Enrol it again to resume syncing.';
export const INTEGRATION_REVOKED_MESSAGE = "This integration's token was revoked by the backend's administrator. " +
  'Ask for a new integration (npm run backend -- create-integration NAME) and send signals with its token.';

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
    if (INTEGRATION_TOKEN_PATTERN.test(token)) {
      throw new HttpError(401, 'unauthorized',
        "This is an assistant integration's token: it opens only POST /v1/signals. Device routes need the device token from enrolment.", { headers: CHALLENGE });
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

/** Integration authentication for POST /v1/signals; a device token is refused by its shape, before any lookup. */
export function requireIntegration(deps: { db: BackendDb; clock: Clock }): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      throw new HttpError(401, 'unauthorized',
        "This route needs an assistant integration's token: send the header Authorization: Bearer <token> with the token create-integration printed.", { headers: CHALLENGE });
    }
    if (DEVICE_TOKEN_PATTERN.test(token)) {
      throw new HttpError(401, 'unauthorized',
        "This is a device token: signals are sent with an assistant integration's token (npm run backend -- create-integration NAME).", { headers: CHALLENGE });
    }
    const result = INTEGRATION_TOKEN_PATTERN.test(token)
      ? await authenticateIntegration(deps.db, token, deps.clock.now())
      : { ok: false as const, reason: 'unknown' as const };
    if (!result.ok) {
      if (result.reason === 'revoked') {
        c.set('integrationId', result.integrationId);
        throw new HttpError(403, 'integration_revoked', INTEGRATION_REVOKED_MESSAGE);
      }
      throw new HttpError(401, 'unauthorized', 'The integration token is not valid. Check that it was copied whole, or ask for a new integration.', { headers: CHALLENGE });
    }
    c.set('integration', result.integration);
    c.set('integrationId', result.integration.id);
    await next();
  };
}
