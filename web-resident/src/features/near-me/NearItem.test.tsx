import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../gql';
import i18n from '../../i18n';
import { NearItem, NearItem_CenterDistanceFragment } from './NearItem';

const item = makeFragmentData(
  {
    distanceMeters: 853.2,
    walkingMinutes: 11.376,
    center: { id: 'ctr-1', name: '桃浦东片区邻里中心', kind: 'HUB', brand: '邻聚里', address: '桃浦路1号' },
  },
  NearItem_CenterDistanceFragment,
);

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

function renderItem() {
  return render(
    <MemoryRouter>
      <ul>
        <NearItem item={item} rank={1} />
      </ul>
    </MemoryRouter>,
  );
}

describe('NearItem', () => {
  it('shows name, kind label, brand, address, rounded walking minutes and distance in Chinese', () => {
    renderItem();
    const row = screen.getByTestId('near-item');
    expect(row.getAttribute('href')).toBe('/centers/ctr-1');
    expect(row.textContent).toContain('桃浦东片区邻里中心');
    expect(row.textContent).toContain('片区中心');
    expect(row.textContent).toContain('邻聚里');
    expect(row.textContent).toContain('桃浦路1号');
    expect(screen.getByTestId('near-item-minutes').textContent).toBe('步行约 11 分钟');
    expect(row.textContent).toContain('850 米');
    expect(row.textContent).not.toMatch(/[A-Za-z]/);
  });

  it('switches to English', async () => {
    await i18n.changeLanguage('en');
    renderItem();
    expect(screen.getByTestId('near-item-minutes').textContent).toBe('About 11 min walk');
    expect(screen.getByTestId('near-item').textContent).toContain('Hub');
  });
});
