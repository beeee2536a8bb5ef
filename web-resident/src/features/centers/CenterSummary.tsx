import { PhoneFill } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { displayArea } from '../../ui/format';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { NAMESPACES } from '../../i18n';

export const CenterSummary_CenterFragment = graphql(`
  fragment CenterSummary_CenterFragment on Center {
    kind
    brand
    address
    openingHours
    phone
    floorArea
    floors
    street {
      id
      name
    }
  }
`);

/** Digits and a leading + only, for the tel: link. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="info-row" data-testid={testId}>
      <dt className="info-label">{label}</dt>
      <dd className="info-value">{children}</dd>
    </div>
  );
}

export function CenterSummary(props: { center: FragmentType<typeof CenterSummary_CenterFragment> }) {
  const center = useFragment(CenterSummary_CenterFragment, props.center);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const none = <span className="muted">{t('notProvided')}</span>;
  return (
    <div className="center-summary">
      <div className="tag-row">
        <Tag tone="primary">{label('centerKind', center.kind)}</Tag>
        {center.brand && <Tag>{center.brand}</Tag>}
        <Tag>{center.street.name}</Tag>
      </div>
      <dl className="info-list">
        <Row label={t('centerKind')}>{label('centerKind', center.kind)}</Row>
        <Row label={t('brand')}>{center.brand || none}</Row>
        <Row label={t('address')} testId="center-address">
          {center.address}
        </Row>
        <Row label={t('openingHours')} testId="center-opening-hours">
          {center.openingHours || none}
        </Row>
        <Row label={t('phone')}>{center.phone || none}</Row>
        <Row label={t('floorArea')}>
          {center.floorArea != null ? t('squareMeters', { value: displayArea(center.floorArea) }) : none}
          {center.floors != null && ` · ${t('floorsCount', { count: center.floors })}`}
        </Row>
      </dl>
      {center.phone && (
        <a className="big-button big-button-primary" href={telHref(center.phone)} data-testid="center-phone">
          <PhoneFill aria-hidden="true" />
          <span>{t('callPhone', { phone: center.phone })}</span>
        </a>
      )}
    </div>
  );
}
