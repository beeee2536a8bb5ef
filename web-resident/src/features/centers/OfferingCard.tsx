import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { type ScheduleWords, scheduleParts } from './schedule';
import { NAMESPACES } from '../../i18n';

export const OfferingCard_ServiceOfferingFragment = graphql(`
  fragment OfferingCard_ServiceOfferingFragment on ServiceOffering {
    id
    fee
    schedule {
      byDay
      opens
      closes
    }
    service {
      id
      name
      category
      description
      fee
      audience
      provider
    }
  }
`);

export function useScheduleWords(): ScheduleWords {
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  return useMemo(
    () => ({
      day: (code) => label('weekday', code),
      everyDay: t('everyDay'),
      range: (from, to) => t('dayRange', { from, to }),
      separator: t('listSeparator'),
      time: (opens, closes) => t('timeRange', { opens, closes }),
    }),
    [t, label],
  );
}

/** One service as a center offers it: what, when, for whom, at what fee. */
export function OfferingCard(props: { offering: FragmentType<typeof OfferingCard_ServiceOfferingFragment> }) {
  const offering = useFragment(OfferingCard_ServiceOfferingFragment, props.offering);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const words = useScheduleWords();
  const { service } = offering;
  const fee = offering.fee || service.fee;
  return (
    <li className="card offering-card" data-testid="service-item" data-service-id={service.id}>
      <h4 className="card-title">{service.name}</h4>
      {service.description && <p className="card-text">{service.description}</p>}
      <dl className="info-list info-list-compact">
        {offering.schedule.length > 0 && (
          <div className="info-row">
            <dt className="info-label">{t('schedule')}</dt>
            <dd className="info-value">
              {offering.schedule.map((rule, i) => {
                const { days, time } = scheduleParts(rule, words);
                return (
                  <div key={i} data-testid="offering-schedule">
                    {days && <span>{days} </span>}
                    <span className="nowrap">{time}</span>
                  </div>
                );
              })}
            </dd>
          </div>
        )}
        {fee && (
          <div className="info-row">
            <dt className="info-label">{t('fee')}</dt>
            <dd className="info-value">{fee}</dd>
          </div>
        )}
        {service.provider && (
          <div className="info-row">
            <dt className="info-label">{t('provider')}</dt>
            <dd className="info-value">{service.provider}</dd>
          </div>
        )}
      </dl>
      {service.audience.length > 0 && (
        <div className="tag-row" aria-label={t('audience')}>
          <span className="muted">{t('audience')}</span>
          {service.audience.map((a) => (
            <Tag key={a}>{label('audience', a)}</Tag>
          ))}
        </div>
      )}
    </li>
  );
}
