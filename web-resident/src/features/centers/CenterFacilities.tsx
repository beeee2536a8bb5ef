import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { Section } from '../../ui/Section';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { NAMESPACES } from '../../i18n';

export const CenterFacilities_CenterFragment = graphql(`
  fragment CenterFacilities_CenterFragment on Center {
    facilities
    zones
    coveredCommunities {
      id
      name
      communityKind
    }
  }
`);

/** Facilities, zones and the communities the center serves. */
export function CenterFacilities(props: { center: FragmentType<typeof CenterFacilities_CenterFragment> }) {
  const center = useFragment(CenterFacilities_CenterFragment, props.center);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const none = <p className="muted">{t('notProvided')}</p>;
  return (
    <>
      <Section title={t('facilities')} testId="center-facilities">
        {center.facilities.length ? (
          <div className="tag-row tag-row-large">
            {center.facilities.map((f) => (
              <Tag key={f} tone="success">
                {label('facility', f)}
              </Tag>
            ))}
          </div>
        ) : (
          none
        )}
      </Section>
      <Section title={t('zones')} testId="center-zones">
        {center.zones.length ? (
          <div className="tag-row tag-row-large">
            {center.zones.map((z) => (
              <Tag key={z}>{label('zone', z)}</Tag>
            ))}
          </div>
        ) : (
          none
        )}
      </Section>
      <Section
        title={t('coveredCommunities')}
        extra={
          center.coveredCommunities.length
            ? t('coveredCount', { count: center.coveredCommunities.length })
            : null
        }
        testId="center-communities"
      >
        {center.coveredCommunities.length ? (
          <ul className="plain-list community-list">
            {center.coveredCommunities.map((c) => (
              <li key={c.id}>
                <span>{c.name}</span>
                {c.communityKind && (
                  <span className="muted"> · {label('communityKind', c.communityKind)}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Section>
    </>
  );
}
