// A Leaflet map of WGS-84 points drawn as circle markers. Tiles are drawn only when
// VITE_TILE_URL is set (e.g. Tianditu, which is WGS-84/CGCS2000 like our points); by default
// nothing remote is loaded and the map shows the points alone, with zoom and pan.
import 'leaflet/dist/leaflet.css';
import { latLngBounds } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, MapContainer, ScaleControl, TileLayer, Tooltip, useMap } from 'react-leaflet';

export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  /** stroke and fill colour */
  color: string;
  radius?: number;
  label: string;
  /** a second tooltip line */
  detail?: string;
  onClick?: () => void;
}

/** A radius around a point, in metres (e.g. the walking range of a center). */
export interface MapArea {
  id: string;
  lat: number;
  lng: number;
  radiusMeters: number;
  color: string;
}

const TILE_URL = import.meta.env.VITE_TILE_URL;
const TILE_ATTRIBUTION = import.meta.env.VITE_TILE_ATTRIBUTION ?? '';
/** Shanghai People's Square: the view before there is anything to show. */
const DEFAULT_CENTER: [number, number] = [31.2304, 121.4737];

function FlyTo({ focus }: { focus?: { lat: number; lng: number } | null }) {
  const map = useMap();
  useEffect(() => {
    if (focus) map.flyTo([focus.lat, focus.lng], Math.max(map.getZoom(), 15), { duration: 0.5 });
  }, [map, focus]);
  return null;
}

function FitToPoints({ points }: { points: readonly MapPoint[] }) {
  const map = useMap();
  const key = points.map((p) => p.id).join(',');
  useEffect(() => {
    if (points.length === 0) return;
    if (points.length === 1) {
      map.setView([points[0].lat, points[0].lng], 15);
      return;
    }
    map.fitBounds(latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), {
      padding: [24, 24],
      maxZoom: 16,
    });
    // Only refit when the set of points changes, not on every render.
  }, [map, key]);
  return null;
}

export function PointMap({
  points,
  areas = [],
  focus,
  height = 420,
  testId,
}: {
  points: readonly MapPoint[];
  /** drawn below the points, not interactive */
  areas?: readonly MapArea[];
  /** a point to fly to (e.g. the item picked in a list) */
  focus?: { lat: number; lng: number } | null;
  height?: number;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const valid = useMemo(
    () => points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng)),
    [points],
  );
  return (
    <div
      data-testid={testId}
      style={{
        height,
        borderRadius: 8,
        overflow: 'hidden',
        border: '1px solid #f0f0f0',
        background: '#eef2f5',
      }}
    >
      <MapContainer
        center={DEFAULT_CENTER}
        zoom={12}
        zoomSnap={0.25}
        style={{ height: '100%', width: '100%', background: '#eef2f5' }}
        attributionControl={Boolean(TILE_URL)}
        preferCanvas
      >
        {TILE_URL ? <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} /> : null}
        {/* Leaflet's scale reads "m"/"km": shown in English only (the legend gives metres in Chinese). */}
        {i18n.language === 'en' ? <ScaleControl imperial={false} /> : null}
        {areas.map((a) => (
          <Circle
            key={`area-${a.id}`}
            center={[a.lat, a.lng]}
            radius={a.radiusMeters}
            interactive={false}
            pathOptions={{ color: a.color, weight: 1, opacity: 0.35, fillColor: a.color, fillOpacity: 0.06 }}
          />
        ))}
        {valid.map((p) => (
          <CircleMarker
            key={p.id}
            center={[p.lat, p.lng]}
            radius={p.radius ?? 7}
            pathOptions={{ color: p.color, fillColor: p.color, fillOpacity: 0.75, weight: 2 }}
            eventHandlers={p.onClick ? { click: p.onClick } : undefined}
          >
            <Tooltip>
              <strong>{p.label}</strong>
              {p.detail ? (
                <>
                  <br />
                  {p.detail}
                </>
              ) : null}
            </Tooltip>
          </CircleMarker>
        ))}
        <FitToPoints points={valid} />
        <FlyTo focus={focus} />
      </MapContainer>
    </div>
  );
}

export default PointMap;
