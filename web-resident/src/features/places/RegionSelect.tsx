// A large native select of the regions at one level under one parent (district → street →
// community). It owns its small options query so any page can drop it in.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, useFragment } from '../../gql';
import type { RegionLevel } from '../../gql/graphql';
import { BigSelect } from '../../ui/BigSelect';
import { errorMessageKey } from '../../ui/errors';
import { NAMESPACES } from '../../i18n';

export const RegionSelect_RegionFragment = graphql(`
  fragment RegionSelect_RegionFragment on Region {
    id
    code
    name
    location {
      lat
      lng
    }
  }
`);

const RegionSelectOptionsQuery = graphql(`
  query RegionSelectOptions($level: RegionLevel!, $parentId: ID) {
    regions(level: $level, parentId: $parentId) {
      id
      ...RegionSelect_RegionFragment
    }
  }
`);

export interface RegionChoice {
  id: string;
  name: string;
  location: { lat: number; lng: number } | null;
}

function toChoices(
  regions: ReadonlyArray<{
    id: string;
    code: string;
    name: string;
    location?: { lat: number; lng: number } | null;
  }>,
): RegionChoice[] {
  return [...regions]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => ({
      id: r.id,
      name: r.name,
      location: r.location ? { lat: r.location.lat, lng: r.location.lng } : null,
    }));
}

export function RegionSelect({
  level,
  parentId,
  needsParent,
  value,
  onChange,
  label,
  placeholder,
  waitingPlaceholder,
  autoSelectSingle,
  testId,
}: {
  level: RegionLevel;
  parentId?: string;
  /** true when the list only makes sense under a chosen parent (streets, communities) */
  needsParent?: boolean;
  value: string;
  onChange: (id: string, region: RegionChoice | undefined) => void;
  label: string;
  placeholder: string;
  /** shown while the parent is not chosen yet */
  waitingPlaceholder?: string;
  /** choose the only option automatically (a city app with one district) */
  autoSelectSingle?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation(NAMESPACES);
  const waiting = !!needsParent && !parentId;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RegionSelectOptionsQuery,
    variables: { level, parentId: parentId || null },
    pause: waiting,
  });
  const regions = useFragment(RegionSelect_RegionFragment, data?.regions);
  const choices = useMemo(() => (regions ? toChoices(regions) : []), [regions]);

  useEffect(() => {
    if (autoSelectSingle && !value && choices.length === 1) onChange(choices[0].id, choices[0]);
  }, [autoSelectSingle, value, choices, onChange]);

  let shownPlaceholder = placeholder;
  if (waiting) shownPlaceholder = waitingPlaceholder ?? placeholder;
  else if (fetching && !data) shownPlaceholder = t('common:loading');
  else if (error) shownPlaceholder = t(errorMessageKey(error));
  else if (data && choices.length === 0) shownPlaceholder = t('noOptions');

  return (
    <div className="region-select">
      <BigSelect
        label={label}
        value={value}
        placeholder={shownPlaceholder}
        options={choices.map((c) => ({ value: c.id, label: c.name }))}
        disabled={waiting || (!data && fetching)}
        loading={fetching}
        testId={testId}
        onChange={(id) =>
          onChange(
            id,
            choices.find((c) => c.id === id),
          )
        }
      />
      {error && (
        <button
          type="button"
          className="link-button"
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
        >
          {t('common:retry')}
        </button>
      )}
    </div>
  );
}
