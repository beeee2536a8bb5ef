// One move of a delivery order (transitionDeliveryOrder), answering the new status or the error.
import type { DeliveryStatus } from '@lc/domain';
import { useCallback } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { errorCodeOf } from '../../ui/graphqlErrors';

const TransitionDeliveryOrderMutation = graphql(`
  mutation TransitionDeliveryOrder($id: ID!, $to: DeliveryStatus!, $reason: String, $scheduledFor: DateTime) {
    transitionDeliveryOrder(id: $id, to: $to, reason: $reason, scheduledFor: $scheduledFor) {
      id
      status
      scheduledFor
      reason
      deliveredAt
      updatedAt
      viewerTransitions
      events {
        id
        fromStatus
        toStatus
        at
        reason
        scheduledFor
        rating
      }
    }
  }
`);

export type MoveResult = { status: DeliveryStatus } | { error: CombinedError };

export function useOrderTransition() {
  const [state, execute] = useMutation(TransitionDeliveryOrderMutation);
  const move = useCallback(
    async (
      id: string,
      to: DeliveryStatus,
      extra: { reason?: string; scheduledFor?: string } = {},
    ): Promise<MoveResult> => {
      const res = await execute({ id, to, reason: extra.reason, scheduledFor: extra.scheduledFor });
      if (res.error || !res.data) return { error: res.error as CombinedError };
      return { status: res.data.transitionDeliveryOrder.status };
    },
    [execute],
  );
  return { move, fetching: state.fetching };
}

/** Someone else moved the order first (or it left the caller's view): refresh instead of retrying. */
export function isStale(error: CombinedError | null | undefined): boolean {
  return errorCodeOf(error) === 'CONFLICT';
}
