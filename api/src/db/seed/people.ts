// Demo data of the 3+X teams (运营专班): members, AB pairs and a rota around the day the demo data
// is written (four weeks back, four ahead), for 桃浦东片区 and two hubs of 长征镇. Named people are
// invented; phone numbers are in the demo range 1390000xxxx.
import type { EntityManager } from 'typeorm';
import { maskPhone } from '@lc/domain';
import { encryptPersonal, keyedHash } from '../../auth/phone-crypto';

interface DemoMember {
  name: string;
  role: 'FULL_TIME' | 'SOCIAL_WORKER' | 'VOLUNTEER' | 'RESIDENT_OFFICER';
  phone?: string;
  username?: string;
}

const TEAMS: { center: string; members: DemoMember[] }[] = [
  {
    center: '桃浦东片区',
    members: [
      { name: '桃浦东片区专职工作人员', role: 'FULL_TIME', username: 'taopudong_staff' },
      { name: '陈静', role: 'FULL_TIME', phone: '13900001001' },
      { name: '刘晓燕', role: 'SOCIAL_WORKER', phone: '13900001002' },
      { name: '周建国', role: 'VOLUNTEER', phone: '13900001003' },
      { name: '吴美华', role: 'VOLUNTEER' },
      { name: '郑伟', role: 'RESIDENT_OFFICER', phone: '13900001004' },
    ],
  },
];

/** Pairs by member position: [duty, A, B, shifts]. */
const PAIRS: [string, number, number, string[]][] = [
  ['前台接待', 0, 1, ['MORNING', 'AFTERNOON']],
  ['帮办代办', 2, 5, ['MORNING', 'AFTERNOON']],
  ['活动组织', 3, 4, ['EVENING']],
];

export async function writePeopleDemo(em: EntityManager): Promise<void> {
  const hubs: { name: string }[] = await em.query(
    `SELECT c.name FROM center c JOIN region s ON s.id = c.street_id
     WHERE s.name = '长征镇' AND c.kind = 'HUB' ORDER BY c.id LIMIT 2`,
  );
  const teams: { center: string; members: DemoMember[] }[] = [
    ...TEAMS,
    ...hubs.map((h, i) => ({
      center: h.name,
      members: [
        { name: ['孙丽', '马强'][i], role: 'FULL_TIME' as const, phone: `1390000201${i}` },
        { name: ['何芳', '林涛'][i], role: 'FULL_TIME' as const },
        { name: ['黄敏', '徐磊'][i], role: 'SOCIAL_WORKER' as const, phone: `1390000202${i}` },
        { name: ['胡秀英', '高志明'][i], role: 'VOLUNTEER' as const },
        { name: ['朱玉兰', '罗海'][i], role: 'VOLUNTEER' as const },
        { name: ['梁红', '宋杰'][i], role: 'RESIDENT_OFFICER' as const },
      ],
    })),
  ];
  for (const team of teams) {
    const [center] = await em.query(`SELECT id FROM center WHERE name = $1`, [team.center]);
    if (!center) continue;
    const ids: number[] = [];
    for (const m of team.members) {
      const [user] = m.username
        ? await em.query(`SELECT id FROM app_user WHERE username = $1`, [m.username])
        : [];
      const [row] = await em.query(
        `INSERT INTO team_member (center_id, user_id, name, team_role, phone_enc, phone_hash, phone_masked)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          center.id,
          user?.id ?? null,
          m.name,
          m.role,
          m.phone ? encryptPersonal(m.phone) : null,
          m.phone ? keyedHash('team-phone', [m.phone]) : null,
          m.phone ? maskPhone(m.phone) : null,
        ],
      );
      ids.push(row.id);
    }
    for (const [duty, a, b, shifts] of PAIRS) {
      const [pair] = await em.query(
        `INSERT INTO duty_pair (center_id, duty, a_member_id, b_member_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [center.id, duty, ids[a], ids[b]],
      );
      // every day of the eight weeks around today (Shanghai), evenings on weekdays only
      const entries: { id: number; day: string; shift: string }[] = await em.query(
        `INSERT INTO rota_entry (center_id, day, shift, pair_id, a_member_id, b_member_id)
         SELECT $1, d::date, s, $2, $3, $4
         FROM generate_series(date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai'))::date - 28,
                              date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai'))::date + 27, interval '1 day') d,
              unnest($5::text[]) s
         WHERE s <> 'EVENING' OR extract(isodow FROM d) < 6
         RETURNING id, to_char(day, 'YYYY-MM-DD') AS day, shift`,
        [center.id, pair.id, ids[a], ids[b], shifts],
      );
      const keys = async (memberId: number) => {
        const [m] = await em.query(`SELECT user_id, phone_hash FROM team_member WHERE id = $1`, [memberId]);
        return m.user_id ? `u:${m.user_id}` : m.phone_hash ? `p:${m.phone_hash}` : `m:${memberId}`;
      };
      const personKeys = [await keys(ids[a]), await keys(ids[b])];
      await em.query(
        `INSERT INTO rota_person_shift (person_key, day, shift, center_id, rota_entry_id)
         SELECT k, e.day::date, e.shift, $2, e.id
         FROM json_to_recordset($1::json) AS e(id int, day text, shift text), unnest($3::text[]) k`,
        [JSON.stringify(entries), center.id, personKeys],
      );
    }
  }
}
