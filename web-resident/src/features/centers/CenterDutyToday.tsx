// 今日值班: who is on duty at the center today, by shift — name and role only (the phone to call is
// the center's, shown above).
import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { Section } from '../../ui/Section';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { NAMESPACES } from '../../i18n';

export const CenterDutyToday_CenterFragment = graphql(`
  fragment CenterDutyToday_CenterFragment on Center {
    dutyToday {
      name
      teamRole
      duty
      shift
      isBackup
    }
  }
`);

export function CenterDutyToday(props: { center: FragmentType<typeof CenterDutyToday_CenterFragment> }) {
  const center = useFragment(CenterDutyToday_CenterFragment, props.center);
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  return (
    <Section title={t('dutyTodayTitle')} testId="center-duty-today">
      {center.dutyToday.length ? (
        <ul className="plain-list">
          {center.dutyToday.map((d, i) => (
            <li key={i} data-testid="duty-person">
              <Tag>{label('dutyShift', d.shift)}</Tag> {d.duty}：<strong>{d.name}</strong>（
              {label('teamRole', d.teamRole)}）
              {d.isBackup ? <Tag tone="primary">{t('dutyBackup')}</Tag> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dutyTodayEmpty')}</p>
      )}
    </Section>
  );
}
