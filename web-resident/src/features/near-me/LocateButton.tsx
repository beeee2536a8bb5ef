// "使用我的位置": asks the browser for the resident's position (WGS-84, as the API expects).
import { EnvironmentOutline } from 'antd-mobile-icons';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineLoading } from '../../ui/StateViews';
import { NAMESPACES } from '../../i18n';

type GeoState = { status: 'idle' } | { status: 'locating' } | { status: 'error'; reason: GeoFailure };
export type GeoFailure = 'unsupported' | 'denied' | 'failed';

export function geoFailureOf(error: Pick<GeolocationPositionError, 'code'> | null): GeoFailure {
  if (!error) return 'unsupported';
  return error.code === 1 /* PERMISSION_DENIED */ ? 'denied' : 'failed';
}

const MESSAGE_KEY = {
  unsupported: 'geoUnsupported',
  denied: 'geoDenied',
  failed: 'geoFailed',
} as const;

export function LocateButton({ onLocated }: { onLocated: (point: { lat: number; lng: number }) => void }) {
  const { t } = useTranslation(NAMESPACES);
  const [state, setState] = useState<GeoState>({ status: 'idle' });
  const requestId = useRef(0);

  const locate = useCallback(() => {
    if (!('geolocation' in navigator) || !navigator.geolocation) {
      setState({ status: 'error', reason: 'unsupported' });
      return;
    }
    const id = ++requestId.current;
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        if (id !== requestId.current) return;
        setState({ status: 'idle' });
        onLocated({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      (err) => {
        if (id !== requestId.current) return;
        setState({ status: 'error', reason: geoFailureOf(err) });
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 },
    );
  }, [onLocated]);

  return (
    <div className="locate">
      <button
        type="button"
        className="big-button big-button-primary"
        onClick={locate}
        disabled={state.status === 'locating'}
        data-testid="locate-button"
      >
        {state.status === 'locating' ? (
          <InlineLoading label={t('locating')} />
        ) : (
          <>
            <EnvironmentOutline aria-hidden="true" />
            <span>{t('useMyLocation')}</span>
          </>
        )}
      </button>
      {state.status === 'error' && (
        <p className="notice notice-warning" role="alert" data-testid="locate-error">
          {t(MESSAGE_KEY[state.reason])}
        </p>
      )}
    </div>
  );
}
