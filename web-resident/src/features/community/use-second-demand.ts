// "附议 +1" from the list and from the similar-demand suggestions: once per resident (a repeat
// changes nothing); the answer's Demand refreshes every list showing it.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { showToast } from '../account/toast';
import { mutationErrorText } from '../orders/mutation-errors';
import type { SecondAction } from './DemandCard';

export const SecondDemandMutation = graphql(`
  mutation CommunitySecondDemand($id: ID!) {
    secondDemand(id: $id) {
      id
      seconds
      status
      viewerSeconded
      viewerCanSecond
    }
  }
`);

/** +1 with a thank-you toast; resolves to the message to show when it was refused. */
export function useSecondDemand(): SecondAction {
  const { t, i18n } = useTranslation(NAMESPACES);
  const [, second] = useMutation(SecondDemandMutation);
  return useCallback(
    async (id: string) => {
      const result = await second({ id });
      if (result.error || !result.data) {
        return result.error ? mutationErrorText(result.error, t, i18n.language) : t('common:error');
      }
      showToast(t('demandSecondThanks'), 'success');
      return null;
    },
    [second, t, i18n],
  );
}
