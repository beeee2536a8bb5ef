// An item of the mobile or street-feature menu; pressing it opens the order sheet.
import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';

export const MobileItemCard_ServiceItemFragment = graphql(`
  fragment MobileItemCard_ServiceItemFragment on ServiceItem {
    id
    name
    category
    menu
    description
    fee
    provider
    audience
  }
`);

export function MobileItemCard({
  item: itemRef,
  onOrder,
}: {
  item: FragmentType<typeof MobileItemCard_ServiceItemFragment>;
  onOrder: (id: string) => void;
}) {
  const item = useFragment(MobileItemCard_ServiceItemFragment, itemRef);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  return (
    // the whole card is the tap target; the button inside is its keyboard and screen-reader handle
    <li
      className="card mobile-item"
      data-testid="mobile-item"
      data-service-id={item.id}
      onClick={() => onOrder(item.id)}
    >
      <h3 className="card-title">{item.name}</h3>
      <div className="tag-row">
        <Tag tone="primary">{label('category', item.category)}</Tag>
        {item.fee && <Tag tone="success">{item.fee}</Tag>}
      </div>
      {item.description && <p className="card-text mobile-item-text">{item.description}</p>}
      {item.provider && (
        <dl className="info-list info-list-compact">
          <div className="info-row">
            <dt className="info-label">{t('provider')}</dt>
            <dd className="info-value">{item.provider}</dd>
          </div>
        </dl>
      )}
      {item.audience.length > 0 && (
        <div className="tag-row">
          <span className="muted">{t('audience')}</span>
          {item.audience.map((a) => (
            <Tag key={a}>{label('audience', a)}</Tag>
          ))}
        </div>
      )}
      <button type="button" className="big-button mobile-item-order" data-testid="mobile-order-button">
        {t('mobileOrderButton')}
      </button>
    </li>
  );
}
