// The pure parts of menu import: row planning and the zip guard.
import 'reflect-metadata';
import { deflateRawSync } from 'node:zlib';
import { audiencesOfCell, categoryOfCell, columnOfHeader, type ColumnKey, type RawRow } from '../menu-excel';
import { planImport, type ExistingItem } from '../menu-import.plan';
import { zipProblem } from '../zip-guard';

const ALL: Set<ColumnKey> = new Set([
  'code',
  'name',
  'category',
  'description',
  'audience',
  'fee',
  'provider',
  'department',
]);

const item = (id: number, name: string, more: Partial<ExistingItem> = {}): ExistingItem => ({
  id,
  code: `C-${id}`,
  name,
  category: 'DAILY_LIFE',
  description: null,
  audience: [],
  fee: null,
  provider: null,
  department: null,
  retired: false,
  ...more,
});

const row = (n: number, cells: RawRow['cells']): RawRow => ({ row: n, cells });

describe('cells', () => {
  it('reads headers, categories and audiences as labels or codes', () => {
    expect(columnOfHeader(' 名称 ')).toBe('name');
    expect(columnOfHeader('名称（必填）')).toBe('name');
    expect(columnOfHeader('*类别')).toBe('category');
    expect(columnOfHeader('Department')).toBe('department');
    expect(columnOfHeader('备注')).toBeNull();
    expect(categoryOfCell('社区管理')).toBe('COMMUNITY_MANAGEMENT');
    expect(categoryOfCell('daily_life')).toBe('DAILY_LIFE');
    expect(categoryOfCell('娱乐')).toBe('娱乐');
    expect(audiencesOfCell('80岁以上老人、少年儿童, DISABLED；残障人士')).toEqual([
      'ELDERLY_80_PLUS',
      'CHILDREN',
      'DISABLED',
    ]);
    expect(audiencesOfCell('老年人')).toEqual(['老年人']);
  });
});

describe('planImport', () => {
  it('matches by code, then by name; unchanged rows are told apart', () => {
    const existing = [item(1, '理发', { fee: '免费' }), item(2, '助浴')];
    const plan = planImport(
      [
        row(2, { code: 'C-1', name: '理发服务', category: '生活', fee: '免费' }),
        row(3, { code: '', name: '助浴', category: '生活' }),
        row(4, { code: '', name: '新项目', category: 'HEALTH', audience: '少年儿童' }),
      ],
      new Set(['code', 'name', 'category', 'fee', 'audience']),
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.action, r.itemId])).toEqual([
      [2, 'UPDATE', 1],
      [3, 'UNCHANGED', 2],
      [4, 'CREATE', null],
    ]);
    // a column the file lacks is left alone; an empty cell of a present column clears
    expect(plan.rows[0].fields).toEqual({
      name: '理发服务',
      category: 'DAILY_LIFE',
      fee: '免费',
      audience: [],
    });
    expect(plan.rows[2].fields.audience).toEqual(['CHILDREN']);
  });

  it('refuses renames onto another item, retired items, and two rows for one item', () => {
    const existing = [item(1, '甲'), item(2, '乙'), item(3, '丙', { retired: true })];
    const plan = planImport(
      [
        row(2, { code: 'C-1', name: '乙', category: '生活' }),
        row(3, { code: '', name: '丙', category: '生活' }),
        row(4, { code: 'C-2', name: '乙二', category: '生活' }),
        row(5, { code: '', name: '乙', category: '生活' }),
        row(6, { code: 'C-2', name: '乙三', category: '生活' }),
      ],
      ALL,
      existing,
    );
    const reasons = plan.errors.map((e) => [e.row, e.field]);
    expect(reasons).toEqual([
      [2, '名称 (name)'], // 乙 belongs to item 2
      [3, '名称 (name)'], // 丙 is retired
      [5, '名称 (name)'], // item 2 again (by name) …
      [5, '名称 (name)'], // … and the same name as row 2
      [6, '编号 (code)'], // code repeated
      [6, '编号 (code)'], // item 2 again
    ]);
    expect(plan.rows.map((r) => r.row)).toEqual([4]);
    expect(plan.totalRows).toBe(5);
  });
});

/** A one-entry zip, optionally lying about the unpacked size. */
function zipOf(content: Buffer, declaredSize = content.length): Buffer {
  const name = Buffer.from('xl/sheet.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

describe('zipProblem', () => {
  const limits = { maxEntries: 10, maxTotalBytes: 1024 * 1024 };
  it('accepts a small zip and refuses what is not one', () => {
    expect(zipProblem(zipOf(Buffer.from('<x/>')), limits)).toBeNull();
    expect(zipProblem(Buffer.from('名称,类别\n'), limits)).toBe('not a zip file');
    expect(zipProblem(Buffer.alloc(0), limits)).toBe('not a zip file');
  });
  it('refuses a bomb even when its header claims a small size', () => {
    const bomb = zipOf(Buffer.alloc(4 * 1024 * 1024), 100);
    expect(bomb.length).toBeLessThan(10 * 1024);
    expect(zipProblem(bomb, limits)).toBe('unpacks too large');
  });
});
