import { describe, expect, it } from 'vitest';
import { canEditMenu, defaultRegion, editableMenus, isMenu, menuRegionLevel } from './menuRules';
import {
  clientItemErrors,
  localizeMessage,
  toCreateInput,
  toUpdateInput,
  type MenuItemValues,
} from './menuItemForm';

const district = { role: 'DISTRICT_ADMIN', scope: { id: 'd1', level: 'DISTRICT' } };
const street = { role: 'STREET_ADMIN', scope: { id: 's1', level: 'STREET' } };
const staff = { role: 'CENTER_STAFF', scope: { id: 's1', level: 'STREET' } };

describe('who keeps which menu', () => {
  it('the district admin keeps the district and mobile menus of their district', () => {
    expect(canEditMenu(district, 'DISTRICT', 'd1')).toBe(true);
    expect(canEditMenu(district, 'MOBILE', 'd1')).toBe(true);
    expect(canEditMenu(district, 'DISTRICT', 'd2')).toBe(false);
    expect(canEditMenu(district, 'STREET_FEATURE', 's1')).toBe(false);
    expect(editableMenus(district)).toEqual(['DISTRICT', 'MOBILE']);
  });
  it("a street admin keeps their street's feature menu only", () => {
    expect(canEditMenu(street, 'STREET_FEATURE', 's1')).toBe(true);
    expect(canEditMenu(street, 'STREET_FEATURE', 's2')).toBe(false);
    expect(canEditMenu(street, 'DISTRICT', 'd1')).toBe(false);
    expect(editableMenus(street)).toEqual(['STREET_FEATURE']);
  });
  it('center staff and viewers without scope keep none', () => {
    expect(canEditMenu(staff, 'STREET_FEATURE', 's1')).toBe(false);
    expect(canEditMenu({ role: 'DISTRICT_ADMIN', scope: null }, 'DISTRICT', 'd1')).toBe(false);
    expect(canEditMenu(district, 'DISTRICT', undefined)).toBe(false);
    expect(editableMenus(staff)).toEqual([]);
  });
  it('knows the region level of each menu and the default region', () => {
    expect(menuRegionLevel('DISTRICT')).toBe('DISTRICT');
    expect(menuRegionLevel('MOBILE')).toBe('DISTRICT');
    expect(menuRegionLevel('STREET_FEATURE')).toBe('STREET');
    expect(isMenu('MOBILE')).toBe(true);
    expect(isMenu('OTHER')).toBe(false);
    expect(isMenu(null)).toBe(false);
    expect(defaultRegion([{ id: 'a' }, { id: 'b' }], 'b')).toBe('b');
    expect(defaultRegion([{ id: 'a' }, { id: 'b' }], 'x')).toBe('a');
    expect(defaultRegion([], null)).toBeUndefined();
  });
});

const values: MenuItemValues = {
  name: '  法律咨询 ',
  category: 'LEGAL',
  audience: ['DISABLED', 'ELDERLY_80_PLUS'],
  description: ' ',
  fee: '免费',
  provider: '',
  department: ' 司法局 ',
};

describe('service item form', () => {
  it('builds the create input: trimmed, empty text as null, audience in domain order', () => {
    expect(toCreateInput('DISTRICT', 'd1', values)).toEqual({
      menu: 'DISTRICT',
      ownerRegionId: 'd1',
      name: '法律咨询',
      category: 'LEGAL',
      audience: ['ELDERLY_80_PLUS', 'DISABLED'],
      description: null,
      fee: '免费',
      provider: null,
      department: '司法局',
    });
  });
  it('sends only the changed fields on update', () => {
    const after = {
      ...values,
      name: '法律援助',
      audience: ['ELDERLY_80_PLUS', 'DISABLED'],
      provider: '律所',
    };
    expect(toUpdateInput(values, after)).toEqual({ name: '法律援助', provider: '律所' });
    expect(toUpdateInput(values, { ...values, name: '法律咨询' })).toEqual({});
    expect(toUpdateInput(values, { ...values, fee: '  ' })).toEqual({ fee: null });
  });
  it('checks the fields with the shared rules', () => {
    const errors = clientItemErrors({ ...values, name: ' ', category: undefined });
    expect(errors.map((e) => e.name).sort()).toEqual(['category', 'name']);
    expect(clientItemErrors({ ...values, name: 'x'.repeat(61) })[0].name).toBe('name');
    expect(clientItemErrors(values)).toEqual([]);
  });
  it('shows the part of a bilingual message in the UI language', () => {
    const m = '名称不能为空 / name is required';
    expect(localizeMessage(m, 'zh-CN')).toBe('名称不能为空');
    expect(localizeMessage(m, 'en')).toBe('name is required');
    expect(localizeMessage('only english', 'zh-CN')).toBe('only english');
    expect(localizeMessage('a / b', 'zh-CN')).toBe('a / b');
  });
});
