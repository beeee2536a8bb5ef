// A center's own facts: kind, brand, address, location, area, hours, phone, street,
// facilities and zones (with the zones its kind requires but lacks).
import { REQUIRED_ZONES, type CenterKind } from '@lc/domain';
import { Alert, Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { LoadingState } from '../../ui/states';

const PointMap = lazy(() => import('../../ui/PointMap'));

export const CenterProfile_CenterFragment = graphql(`
  fragment CenterProfile_CenterFragment on Center {
    id
    name
    kind
    brand
    address
    location {
      lat
      lng
    }
    floorArea
    floors
    openingHours
    phone
    street {
      id
      name
    }
    facilities
    zones
  }
`);

export function CenterProfile({ center }: { center: FragmentType<typeof CenterProfile_CenterFragment> }) {
  const { t } = useTranslation();
  const c = useFragment(CenterProfile_CenterFragment, center);
  const missingZones = (REQUIRED_ZONES[c.kind as CenterKind] ?? []).filter((z) => !c.zones.includes(z));
  const none = <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('admin:notSet')}</span>;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card title={t('admin:centerBasicInfo')} size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            column={1}
            size="small"
            bordered
            data-testid="center-profile"
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label={t('admin:centerName')}>{c.name}</Descriptions.Item>
            <Descriptions.Item label={t('admin:centerKind')}>
              {t(`enum:centerKind.${c.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:centerBrand')}>{c.brand ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('admin:centerStreet')}>{c.street.name}</Descriptions.Item>
            <Descriptions.Item label={t('admin:centerAddress')}>
              <span data-testid="center-address">{c.address}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:location')}>
              {t('admin:latLng', { lat: c.location.lat.toFixed(6), lng: c.location.lng.toFixed(6) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:centerFloorArea')}>
              {c.floorArea != null ? t('admin:areaValue', { value: c.floorArea.toLocaleString() }) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:centerFloors')}>
              {c.floors != null ? t('admin:floorsValue', { count: c.floors }) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:centerOpeningHours')}>
              <span data-testid="center-opening-hours">{c.openingHours ?? none}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:centerPhone')}>{c.phone ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('admin:centerFacilities')}>
              {c.facilities.length > 0 ? (
                <Flex gap={4} wrap data-testid="center-facilities">
                  {c.facilities.map((f) => (
                    <Tag key={f} color="processing">
                      {t(`enum:facility.${f}`, { defaultValue: f })}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                none
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:centerZones')}>
              {c.zones.length > 0 ? (
                <Flex gap={4} wrap data-testid="center-zones">
                  {c.zones.map((z) => (
                    <Tag key={z}>{t(`enum:zone.${z}`, { defaultValue: z })}</Tag>
                  ))}
                </Flex>
              ) : (
                none
              )}
            </Descriptions.Item>
          </Descriptions>
          {missingZones.length > 0 ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={t('admin:centerMissingZones', {
                kind: t(`enum:centerKind.${c.kind}`),
                zones: missingZones.map((z) => t(`enum:zone.${z}`)).join(t('admin:listSeparator')),
              })}
            />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('admin:location')} size="small" style={{ marginBottom: 16 }}>
          <Suspense fallback={<LoadingState />}>
            <PointMap
              height={360}
              testId="center-map"
              points={[
                {
                  id: c.id,
                  lat: c.location.lat,
                  lng: c.location.lng,
                  color: '#1677ff',
                  radius: 9,
                  label: c.name,
                  detail: c.address,
                },
              ]}
            />
          </Suspense>
        </Card>
      </Col>
    </Row>
  );
}
