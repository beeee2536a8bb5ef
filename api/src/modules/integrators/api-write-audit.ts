// Every write made with an API key is recorded in the audit log (action API_WRITE): the operation,
// its variables' names, and whether it succeeded. An Apollo plugin, so no mutation can miss it.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../context';
import { logger } from '../../logger';
import { recordAudit } from '../audit-log/audit-log.service';

export const apiKeyWriteAudit: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
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
