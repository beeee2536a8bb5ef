// Renders its children only with a session; otherwise sends the user to /login and back after.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAuth } from './AuthProvider';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, restoreError, retryRestore, viewer } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <LoadingState />;
  if (status === 'error') return <ErrorState error={restoreError} onRetry={retryRestore} />;
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  // an account on its one-time password sets its own first (the server refuses everything else)
  if (viewer?.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}
