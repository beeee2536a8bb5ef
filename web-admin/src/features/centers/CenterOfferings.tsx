// What the center offers: the offerings editor (a read-only list for viewers who do not keep
// the center's offerings).
import { graphql, useFragment, type FragmentType } from '../../gql';
import { OfferingsEditor } from '../offerings/OfferingsEditor';

export const CenterOfferings_CenterFragment = graphql(`
  fragment CenterOfferings_CenterFragment on Center {
    ...OfferingsEditor_CenterFragment
  }
`);

export function CenterOfferings({ center }: { center: FragmentType<typeof CenterOfferings_CenterFragment> }) {
  return <OfferingsEditor center={useFragment(CenterOfferings_CenterFragment, center)} />;
}
