// District → street → community, three large native selects. Controlled: the page keeps the
// selection (in the URL) and receives the chosen community with its point.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type RegionChoice, RegionSelect } from './RegionSelect';
import { NAMESPACES } from '../../i18n';

export interface CommunitySelection {
  districtId: string;
  streetId: string;
  communityId: string;
}

export function CommunityPicker({
  value,
  onChange,
}: {
  value: CommunitySelection;
  /** `community` is the chosen community (with its point) when the last select changed */
  onChange: (value: CommunitySelection, community?: RegionChoice) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const { districtId, streetId, communityId } = value;

  const onDistrict = useCallback(
    (id: string) => onChange({ districtId: id, streetId: '', communityId: '' }),
    [onChange],
  );
  const onStreet = useCallback(
    (id: string) => onChange({ districtId, streetId: id, communityId: '' }),
    [onChange, districtId],
  );
  const onCommunity = useCallback(
    (id: string, region: RegionChoice | undefined) =>
      onChange({ districtId, streetId, communityId: id }, region),
    [onChange, districtId, streetId],
  );

  return (
    <div className="community-picker" data-testid="community-picker">
      <RegionSelect
        level="DISTRICT"
        value={districtId}
        onChange={onDistrict}
        label={t('district')}
        placeholder={t('chooseDistrict')}
        autoSelectSingle
        testId="district-select"
      />
      <RegionSelect
        level="STREET"
        parentId={districtId}
        needsParent
        value={streetId}
        onChange={onStreet}
        label={t('street')}
        placeholder={t('chooseStreet')}
        waitingPlaceholder={t('chooseDistrictFirst')}
        testId="street-select"
      />
      <RegionSelect
        level="COMMUNITY"
        parentId={streetId}
        needsParent
        value={communityId}
        onChange={onCommunity}
        label={t('community')}
        placeholder={t('chooseCommunity')}
        waitingPlaceholder={t('chooseStreetFirst')}
        testId="community-select"
      />
    </div>
  );
}
