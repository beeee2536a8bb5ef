import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../gql';
import { CenterServices, CenterServices_CenterFragment } from './CenterServices';
import { OfferingCard_ServiceOfferingFragment } from './OfferingCard';

function offering(id: string, name: string, category: string) {
  const service = {
    id: `s-${id}`,
    name,
    category,
    description: null,
    fee: '免费',
    audience: ['ELDERLY_80_PLUS'],
    provider: null,
  };
  return {
    id,
    service,
    ...makeFragmentData(
      {
        id,
        fee: null,
        schedule: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '11:30' }],
        service,
      } as never,
      OfferingCard_ServiceOfferingFragment,
    ),
  };
}

const center = makeFragmentData(
  {
    offerings: [
      offering('1', '家庭医生签约', 'HEALTH'),
      offering('2', '老年助餐', 'DAILY_LIFE'),
      offering('3', '血压测量', 'HEALTH'),
    ],
  } as never,
  CenterServices_CenterFragment,
);

afterEach(cleanup);

describe('CenterServices', () => {
  it('groups services by category in menu order, with a tab per category', () => {
    render(<CenterServices center={center} />);
    const box = screen.getByTestId('center-services');
    expect(
      within(box)
        .getAllByTestId('category-tab')
        .map((t) => t.textContent),
    ).toEqual(['全部（3）', '生活（1）', '健康（2）']);
    expect(
      within(box)
        .getAllByTestId('service-group')
        .map((g) => g.dataset.category),
    ).toEqual(['DAILY_LIFE', 'HEALTH']);
    expect(within(box).getAllByTestId('service-item')).toHaveLength(3);
    expect(box.textContent).toContain('周一至周五');
    expect(box.textContent).toContain('80岁以上老人');
  });

  it('shows one category when its tab is pressed', () => {
    render(<CenterServices center={center} />);
    fireEvent.click(screen.getByText('健康（2）'));
    const items = screen.getAllByTestId('service-item');
    expect(items.map((i) => i.querySelector('h4')?.textContent)).toEqual(['家庭医生签约', '血压测量']);
  });

  it('says so when the center lists no service', () => {
    render(<CenterServices center={makeFragmentData({ offerings: [] }, CenterServices_CenterFragment)} />);
    expect(screen.getByTestId('center-services-empty').textContent).toContain('该阵地暂未登记服务项目');
  });
});
