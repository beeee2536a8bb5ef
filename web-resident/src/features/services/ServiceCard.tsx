import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { NAMESPACES } from '../../i18n';

export const ServiceCard_ServiceItemFragment = graphql(`
  fragment ServiceCard_ServiceItemFragment on ServiceItem {
    id
    name
    category
    menu
    description
    fee
    audience
    offerings {
      id
      center {
        id
        name
      }
    }
  }
`);

/** Centers offering the item, each once, in the order given. */
export function distinctCenters<T extends { center: { id: string; name: string } }>(
  offerings: ReadonlyArray<T>,
): Array<{ id: string; name: string }> {
  const seen = new Set<string>();
  const out: Array<{ id: string; name: string }> = [];
  for (const o of offerings) {
    if (seen.has(o.center.id)) continue;
    seen.add(o.center.id);
    out.push({ id: o.center.id, name: o.center.name });
  }
  return out;
}

export function ServiceCard(props: { service: FragmentType<typeof ServiceCard_ServiceItemFragment> }) {
  const service = useFragment(ServiceCard_ServiceItemFragment, props.service);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const centers = distinctCenters(service.offerings);
  return (
    <li className="card service-card" data-testid="service-item" data-service-id={service.id}>
      <h3 className="card-title">{service.name}</h3>
      <div className="tag-row">
        <Tag tone="primary">{label('category', service.category)}</Tag>
        <Tag>{label('menu', service.menu)}</Tag>
        {service.fee && <Tag tone="success">{service.fee}</Tag>}
      </div>
      {service.description && <p className="card-text">{service.description}</p>}
      {service.audience.length > 0 && (
        <div className="tag-row">
          <span className="muted">{t('audience')}</span>
          {service.audience.map((a) => (
            <Tag key={a}>{label('audience', a)}</Tag>
          ))}
        </div>
      )}
      <div className="offered-at">
        <div className="offered-at-title">{t('offeredAt')}</div>
        {centers.length ? (
          <ul className="plain-list">
            {centers.map((c) => (
              <li key={c.id}>
                <Link
                  className="center-link"
                  to={`/centers/${encodeURIComponent(c.id)}`}
                  data-testid="service-center-link"
                >
                  <span>{c.name}</span>
                  <RightOutline aria-hidden="true" />
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('notOfferedYet')}</p>
        )}
      </div>
    </li>
  );
}
