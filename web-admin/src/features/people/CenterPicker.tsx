// A searchable select of the centers in a region (typed text searches the server), for forms that
// name one center (an account's, a team's).
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';

const CenterPickerQuery = graphql(`
  query CenterPicker($regionId: ID, $search: String) {
    centers(filter: { regionId: $regionId, search: $search }, first: 50) {
      edges {
        node {
          id
          name
          street {
            id
            name
          }
        }
      }
    }
  }
`);

export function CenterPicker({
  regionId,
  value,
  onChange,
  testId,
}: {
  regionId: string | null | undefined;
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: CenterPickerQuery,
    variables: { regionId: regionId ?? undefined, search: search || undefined },
  });
  const options = (data?.centers.edges ?? []).map((e) => ({
    value: e.node.id,
    label: `${e.node.name}（${e.node.street.name}）`,
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={fetching}
      options={options}
      placeholder={t('admin:teamPickCenter')}
      style={{ minWidth: 260 }}
      virtual={false}
      data-testid={testId}
    />
  );
}
