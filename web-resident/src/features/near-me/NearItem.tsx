import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { displayDistance, displayWalkingMinutes } from '../../ui/format';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { NAMESPACES } from '../../i18n';

export const NearItem_CenterDistanceFragment = graphql(`
  fragment NearItem_CenterDistanceFragment on CenterDistance {
    distanceMeters
    walkingMinutes
    center {
      id
      name
      kind
      brand
      address
    }
  }
`);

/** Walking distance as text: "850 米" or "1.2 公里". */
export function useDistanceText(): (meters: number) => string {
  const { t } = useTranslation(NAMESPACES);
  return (meters) => {
    const d = displayDistance(meters);
    return d.unit === 'meters' ? t('common:meters', { count: d.count }) : t('kilometers', { count: d.count });
  };
}

/** One nearby center: the whole row is one large link to the center's page. */
export function NearItem(props: {
  item: FragmentType<typeof NearItem_CenterDistanceFragment>;
  rank: number;
}) {
  const item = useFragment(NearItem_CenterDistanceFragment, props.item);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const distanceText = useDistanceText();
  const { center } = item;
  return (
    <li className="near-row">
      <Link
        to={`/centers/${encodeURIComponent(center.id)}`}
        className="near-item"
        data-testid="near-item"
        data-center-id={center.id}
        data-rank={props.rank}
      >
        <div className="near-item-main">
          <div className="near-item-name">{center.name}</div>
          <div className="tag-row">
            <Tag tone="primary">{label('centerKind', center.kind)}</Tag>
            {center.brand && <Tag>{center.brand}</Tag>}
          </div>
          <div className="near-item-address">{center.address}</div>
          <div className="near-item-distance">
            <strong data-testid="near-item-minutes">
              {t('common:walkingMinutes', { count: displayWalkingMinutes(item.walkingMinutes) })}
            </strong>
            <span className="near-item-meters">{distanceText(item.distanceMeters)}</span>
          </div>
        </div>
        <RightOutline className="near-item-arrow" aria-hidden="true" />
      </Link>
    </li>
  );
}
