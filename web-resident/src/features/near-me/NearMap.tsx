// Map of the resident's point, the walking circle and the nearby centers. Tiles come only from
// VITE_TILE_URL (e.g. 天地图 Tianditu, WGS-84 like our points); unset, the map draws the points
// on a plain background and nothing is fetched from the network.
import 'leaflet/dist/leaflet.css';
import { walkingRadiusMeters } from '@lc/domain';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, MapContainer, Popup, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { displayWalkingMinutes } from '../../ui/format';
import { NAMESPACES } from '../../i18n';

export const NearMap_CenterDistanceFragment = graphql(`
  fragment NearMap_CenterDistanceFragment on CenterDistance {
    walkingMinutes
    center {
      id
      name
      location {
        lat
        lng
      }
    }
  }
`);

type LatLng = { lat: number; lng: number };

const TILE_URL = import.meta.env.VITE_TILE_URL?.trim() || '';
const TILE_LABEL_URL = import.meta.env.VITE_TILE_LABEL_URL?.trim() || '';
const TILE_SUBDOMAINS = (import.meta.env.VITE_TILE_SUBDOMAINS?.trim() || 'abc')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const TILE_ATTRIBUTION = import.meta.env.VITE_TILE_ATTRIBUTION?.trim() || '';

// High-contrast colours: the resident (red) and centers (deep blue).
const YOU = { color: '#ffffff', weight: 3, fillColor: '#c62828', fillOpacity: 1 };
const CENTER = { color: '#ffffff', weight: 2, fillColor: '#0b4fa8', fillOpacity: 1 };
const RING = { color: '#0b4fa8', weight: 2, dashArray: '6 6', fillColor: '#0b4fa8', fillOpacity: 0.06 };

function MapEffects({ point, points, radius }: { point: LatLng; points: LatLng[]; radius: number }) {
  const map = useMap();
  useEffect(() => {
    const bounds = L.latLng(point.lat, point.lng).toBounds(radius * 2);
    for (const p of points) bounds.extend([p.lat, p.lng]);
    // no animation: a map unmounted mid-animation makes Leaflet throw
    map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17, animate: false });
  }, [map, point, points, radius]);
  useEffect(() => {
    // no "Leaflet" link in the corner: every visible word goes through i18n
    map.attributionControl?.setPrefix(false);
    // elder mode and rotation change the box without a window resize
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => map.invalidateSize({ animate: false }));
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

export default function NearMap(props: {
  point: LatLng;
  withinMinutes: number;
  items: ReadonlyArray<FragmentType<typeof NearMap_CenterDistanceFragment>>;
}) {
  const items = useFragment(NearMap_CenterDistanceFragment, props.items);
  const { t } = useTranslation(NAMESPACES);
  const radius = walkingRadiusMeters(props.withinMinutes);
  const points = useMemo(() => items.map((i) => i.center.location), [items]);
  const { lat, lng } = props.point;
  const point = useMemo(() => ({ lat, lng }), [lat, lng]);

  return (
    <div
      className={`near-map${TILE_URL ? '' : ' near-map-plain'}`}
      role="region"
      aria-label={t('mapLabel')}
      data-testid="near-map"
    >
      <MapContainer
        center={[point.lat, point.lng]}
        zoom={15}
        zoomControl={false}
        attributionControl={!!TILE_ATTRIBUTION}
        scrollWheelZoom
        zoomSnap={0.25}
        className="near-map-canvas"
      >
        {TILE_URL && (
          <TileLayer
            url={TILE_URL}
            subdomains={TILE_SUBDOMAINS}
            attribution={TILE_ATTRIBUTION}
            maxZoom={18}
          />
        )}
        {TILE_URL && TILE_LABEL_URL && (
          <TileLayer url={TILE_LABEL_URL} subdomains={TILE_SUBDOMAINS} maxZoom={18} />
        )}
        <ZoomControl position="topright" zoomInTitle={t('mapZoomIn')} zoomOutTitle={t('mapZoomOut')} />
        <Circle center={[point.lat, point.lng]} radius={radius} pathOptions={RING} interactive={false} />
        {items.map((item) => (
          <CircleMarker
            key={item.center.id}
            center={[item.center.location.lat, item.center.location.lng]}
            radius={11}
            pathOptions={CENTER}
          >
            <Popup closeButton={false}>
              <div className="map-popup">
                <strong>{item.center.name}</strong>
                <span>
                  {t('common:walkingMinutes', { count: displayWalkingMinutes(item.walkingMinutes) })}
                </span>
                <Link to={`/centers/${encodeURIComponent(item.center.id)}`}>{t('openDetail')}</Link>
              </div>
            </Popup>
          </CircleMarker>
        ))}
        <CircleMarker center={[point.lat, point.lng]} radius={12} pathOptions={YOU}>
          <Popup closeButton={false}>{t('mapYouAreHere')}</Popup>
        </CircleMarker>
        <MapEffects point={point} points={points} radius={radius} />
      </MapContainer>
    </div>
  );
}
