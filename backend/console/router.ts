// The console's API (contract/console.ts) over oRPC, for the manufacturer's
// person the session cookie names (session.ts). Every procedure needs one;
// a refusal carries the domain's code, so the page says it in its language.
import { implement, ORPCError, ValidationError } from '@orpc/server';
import { desc, eq } from 'drizzle-orm';
import { consoleContract } from '#contract/console.ts';
import type { PropensitiesDocument } from '#core/manufacturer.ts';
import type { Clock } from '../clock.ts';
import type { BackendDb } from '../db/connect.ts';
import { manufacturerDocuments, priceRangePublications, type User } from '../db/schema.ts';
import { latestRatings } from '../rating.ts';
import { signalsReport } from '../signal-counts.ts';
import { decideApproval } from './decide.ts';
import { approvalViews, deviationsByRetailer, listApprovals } from './views.ts';

export interface ConsoleContext { user: User | null }

const os = implement(consoleContract).$context<ConsoleContext>();

/** The HTTP status for a refusal by the rules: an approval nobody has, a decision that stands, or bad input. */
const STATUS: Record<string, number> = { not_found: 404, approval_decided: 409 };

/** The contract's own check of the input, as `{ path, message }` per problem, like the backend's other routes. */
function publicError(error: unknown): unknown {
  if (error instanceof ORPCError && error.code === 'BAD_REQUEST' && error.cause instanceof ValidationError) {
    const issues = error.cause.issues.map((i) => ({ path: (i.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.') || 'input', message: i.message }));
    return new ORPCError('BAD_REQUEST', { message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), data: { code: 'invalid_request', issues } });
  }
  return error;
}

const signedIn = os.middleware(async ({ context, next }) => {
  if (!context.user) {
    throw new ORPCError('UNAUTHORIZED', { message: 'Sign in to the console with your name and password (POST /console/session).', data: { code: 'unauthorized' } });
  }
  try {
    return await next({ context: { user: context.user } });
  } catch (error) {
    throw publicError(error);
  }
});

export function consoleRouter(deps: { db: BackendDb; clock: Clock }) {
  const { db, clock } = deps;
  const base = os.use(signedIn);
  return os.router({
    me: base.me.handler(({ context }) => ({ id: context.user.id, displayName: context.user.displayName })),
    approvals: {
      list: base.approvals.list.handler(({ input }) => listApprovals(db, input.status)),
      decide: base.approvals.decide.handler(async ({ input, context }) => {
        const verdict = await decideApproval(db, { id: context.user.id, roles: context.user.roles }, input, clock.now());
        if (verdict.status === 'rejected') {
          throw new ORPCError(verdict.code, { status: STATUS[verdict.code] ?? 400, message: verdict.message, data: { code: verdict.code } });
        }
        return (await approvalViews(db, [input.id]))[0]!;
      }),
    },
    deviations: base.deviations.handler(({ input }) => deviationsByRetailer(db, input.retailerId)),
    ratings: base.ratings.handler(async () => {
      const run = await latestRatings(db);
      return { computedAt: run?.computedAt.getTime() ?? null, ratings: run?.ratings ?? [] };
    }),
    signals: base.signals.handler(async ({ input }) => (await signalsReport(db, input.since)).map((r) => ({
      integration: r.name, revoked: r.revoked, received: r.received, kept: r.kept, alerts: r.alerts,
      // Evidence added to an alert already open is what the rules call a duplicate: kept, but no new alert.
      dropped: { ...r.dropped, duplicate: r.merged },
    }))),
    propensities: base.propensities.handler(async () => {
      const rows = await db.select().from(manufacturerDocuments).where(eq(manufacturerDocuments.kind, 'propensities')).orderBy(desc(manufacturerDocuments.version));
      const versions = rows.map((r) => {
        const body = r.body as PropensitiesDocument;
        const outcomes = Object.values(body.outcomes).flatMap((o) => Object.values(o)).reduce((a, b) => a + b, 0);
        return { version: r.version, publishedAt: r.publishedAt.getTime(), learnedAt: body.learnedAt, outcomes };
      });
      return { versions, rates: (rows[0]?.body as PropensitiesDocument | undefined)?.rates ?? {} };
    }),
    documents: base.documents.handler(async () => {
      const docs = await db.select({ kind: manufacturerDocuments.kind, version: manufacturerDocuments.version, publishedAt: manufacturerDocuments.publishedAt })
        .from(manufacturerDocuments).orderBy(manufacturerDocuments.kind, desc(manufacturerDocuments.version));
      const ranges = await db.select().from(priceRangePublications).orderBy(desc(priceRangePublications.version));
      return [
        ...docs.map((d) => ({ kind: d.kind, version: d.version, publishedAt: d.publishedAt.getTime() })),
        ...ranges.map((r) => ({ kind: 'price_ranges' as const, version: r.version, publishedAt: r.publishedAt.getTime() })),
      ];
    }),
  });
}
