// A center's services grouped by category, with a row of large category tabs
// ("全部" shows every group one after another).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { Chip } from '../../ui/Chip';
import { Section } from '../../ui/Section';
import { EmptyView } from '../../ui/StateViews';
import { useEnumLabel } from '../../ui/use-labels';
import { groupByCategory } from './group';
import { OfferingCard } from './OfferingCard';
import { NAMESPACES } from '../../i18n';

export const CenterServices_CenterFragment = graphql(`
  fragment CenterServices_CenterFragment on Center {
    offerings {
      id
      service {
        id
        name
        category
      }
      ...OfferingCard_ServiceOfferingFragment
    }
  }
`);

const ALL = 'ALL';

export function CenterServices(props: { center: FragmentType<typeof CenterServices_CenterFragment> }) {
  const center = useFragment(CenterServices_CenterFragment, props.center);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const [active, setActive] = useState<string>(ALL);
  const groups = useMemo(
    () => groupByCategory(center.offerings, (o) => o.service.category),
    [center.offerings],
  );
  const shown = active === ALL ? groups : groups.filter(([category]) => category === active);

  return (
    <Section title={t('centerServices')} testId="center-services">
      {groups.length === 0 ? (
        <EmptyView title={t('noCenterServices')} testId="center-services-empty" />
      ) : (
        <>
          <div className="chip-row" role="tablist" aria-label={t('categoryFilter')}>
            <Chip active={active === ALL} onClick={() => setActive(ALL)} testId="category-tab" value={ALL}>
              {t('categoryCount', { label: t('allCategories'), count: center.offerings.length })}
            </Chip>
            {groups.map(([category, items]) => (
              <Chip
                key={category}
                active={active === category}
                onClick={() => setActive(category)}
                testId="category-tab"
                value={category}
              >
                {t('categoryCount', { label: label('category', category), count: items.length })}
              </Chip>
            ))}
          </div>
          {shown.map(([category, items]) => (
            <div
              key={category}
              className="service-group"
              data-testid="service-group"
              data-category={category}
            >
              <h3 className="service-group-title">{label('category', category)}</h3>
              <ul className="card-list">
                {items.map((o) => (
                  <OfferingCard key={o.id} offering={o} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </Section>
  );
}
