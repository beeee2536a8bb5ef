import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client, fetchExchange, Provider } from 'urql';
import { CommunityPicker, type CommunitySelection } from './CommunityPicker';
import type { RegionChoice } from './RegionSelect';

// A real urql client whose fetch answers regions(level, parentId) from a tiny tree.
const TREE: Record<
  string,
  Array<{ id: string; code: string; name: string; location: { lat: number; lng: number } | null }>
> = {
  'DISTRICT:': [{ id: 'd-pt', code: '310107', name: '普陀区', location: null }],
  'STREET:d-pt': [
    { id: 's-cz', code: '310107014', name: '长征镇', location: null },
    { id: 's-tp', code: '310107013', name: '桃浦镇', location: null },
  ],
  'COMMUNITY:s-tp': [
    { id: 'c-1', code: '310107013001', name: '桃浦新村第一居委会', location: { lat: 31.28, lng: 121.37 } },
    { id: 'c-2', code: '310107013002', name: '无坐标村', location: null },
  ],
};

function mockClient() {
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    // POST body, or GET ?variables= (urql's default for short queries)
    const raw = init?.body
      ? JSON.parse(String(init.body)).variables
      : JSON.parse(new URL(String(url)).searchParams.get('variables') ?? '{}');
    const variables = raw as { level: string; parentId: string | null };
    const regions = (TREE[`${variables.level}:${variables.parentId ?? ''}`] ?? []).map((r) => ({
      __typename: 'Region',
      ...r,
      location: r.location && { __typename: 'GeoPoint', ...r.location },
    }));
    return new Response(JSON.stringify({ data: { regions } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return {
    client: new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch: fetchMock }),
    fetchMock,
  };
}

function Harness({ onCommunity }: { onCommunity: (c: RegionChoice | undefined) => void }) {
  const [value, setValue] = useState<CommunitySelection>({ districtId: '', streetId: '', communityId: '' });
  return (
    <CommunityPicker
      value={value}
      onChange={(next, community) => {
        setValue(next);
        if (next.communityId) onCommunity(community);
      }}
    />
  );
}

afterEach(cleanup);

describe('CommunityPicker', () => {
  it('walks district → street → community and hands back the community point', async () => {
    const { client } = mockClient();
    const onCommunity = vi.fn();
    render(
      <Provider value={client}>
        <Harness onCommunity={onCommunity} />
      </Provider>,
    );
    expect(screen.getByTestId('community-picker')).toBeTruthy();

    // the only district is chosen for the resident
    const district = screen.getByTestId('district-select') as HTMLSelectElement;
    await waitFor(() => expect(district.value).toBe('d-pt'));

    const street = screen.getByTestId('street-select') as HTMLSelectElement;
    await waitFor(() => expect(street.disabled).toBe(false));
    // streets are sorted by code: 桃浦镇 (…013) before 长征镇 (…014)
    await waitFor(() =>
      expect([...street.options].map((o) => o.text)).toEqual(['请选择街道/镇', '桃浦镇', '长征镇']),
    );

    const community = screen.getByTestId('community-select') as HTMLSelectElement;
    expect(community.disabled).toBe(true);
    await act(async () => {
      fireEvent.change(street, { target: { value: 's-tp' } });
    });
    await waitFor(() => expect(community.disabled).toBe(false));
    await waitFor(() => expect(community.options.length).toBe(3));

    await act(async () => {
      fireEvent.change(community, { target: { value: 'c-1' } });
    });
    expect(onCommunity).toHaveBeenLastCalledWith({
      id: 'c-1',
      name: '桃浦新村第一居委会',
      location: { lat: 31.28, lng: 121.37 },
    });
  });

  it('clears the lower levels when a higher one changes', async () => {
    const { client } = mockClient();
    render(
      <Provider value={client}>
        <Harness onCommunity={() => {}} />
      </Provider>,
    );
    const street = screen.getByTestId('street-select') as HTMLSelectElement;
    await waitFor(() => expect(street.disabled).toBe(false));
    await waitFor(() => expect(street.options.length).toBe(3));
    await act(async () => {
      fireEvent.change(street, { target: { value: 's-tp' } });
    });
    const community = screen.getByTestId('community-select') as HTMLSelectElement;
    await waitFor(() => expect(community.options.length).toBe(3));
    await act(async () => {
      fireEvent.change(community, { target: { value: 'c-2' } });
    });
    await act(async () => {
      fireEvent.change(street, { target: { value: 's-cz' } });
    });
    expect(community.value).toBe('');
  });
});
