// What API keys add to every GraphQL request (an Apollo plugin, so no operation can miss it):
//  - the key's own query-cost budget: one operation may cost at most the key's budget per minute
//    and the signed-in budget (QUERY_TOO_COMPLEX otherwise), and the operations of a minute together at most that budget
//    (RATE_LIMITED with retryAfterSeconds otherwise), costs from graphql/query-cost.ts;
//  - every write made with a key is recorded in the audit log (action API_WRITE).
import type { ApolloServerPlugin } from '@apollo/server';
import { config } from '../../config';
import type { Context } from '../../context';
import { operationCost } from '../../graphql/query-cost';
import { logger } from '../../logger';
import { recordAudit } from '../audit-log/audit-log.service';
import { apiKeyService } from './api-key.service';
import { rateLimitedRefusal } from './request-viewer';

export const apiKeyPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const grant = contextValue.viewer?.apiKey;
    if (!grant) return;
    // one operation: at most the signed-in budget, and never more than the key's whole minute
    contextValue.costBudget = Math.min(grant.costBudgetPerMinute, config.costBudgetSignedIn);
    return {
      async didResolveOperation({ schema, document, operation, request, contextValue: ctx }) {
        if (!operation || !ctx.viewer) return;
        const cost =
          ctx.queryCost ??
          operationCost({ schema, document, operation, variables: request.variables ?? undefined });
        if (cost > ctx.costBudget!) return; // the limits plugin refuses it as QUERY_TOO_COMPLEX
        const usage = await apiKeyService.consume(ctx.db, ctx.viewer, { requests: 0, cost });
        if (usage.limited) throw rateLimitedRefusal(usage);
      },

      async willSendResponse({ contextValue: ctx, operation, request, response, errors }) {
        if (!ctx.viewer?.apiKey || operation?.operation !== 'mutation') return;
        const fields = operation.selectionSet.selections
          .map((s) => (s.kind === 'Field' ? s.name.value : null))
          .filter((x): x is string => x !== null);
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        const codes = (errors ?? body?.errors ?? []).map((e) => String(e.extensions?.code ?? 'ERROR'));
        try {
          await recordAudit(ctx.db, ctx, {
            action: 'API_WRITE',
            targetType: 'MUTATION',
            targetLabel: fields.join(', '),
            districtId: ctx.viewer.districtId,
            streetId: ctx.viewer.streetId,
            after: body?.data ?? null,
            detail: {
              operationName: request.operationName ?? null,
              variables: Object.keys(request.variables ?? {}),
              ok: codes.length === 0,
              errors: codes,
            },
          });
        } catch (err) {
          logger.error({ err }, 'could not record an API key write');
        }
      },
    };
  },
};
