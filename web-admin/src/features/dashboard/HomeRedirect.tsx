// The signed-in landing page: the dashboard for street and district leaders, the centers list
// for everyone else.
import { Navigate } from 'react-router-dom';
import { useViewer } from '../auth/AuthProvider';
import { landingPath } from './dashboardModel';

export function HomeRedirect() {
  const viewer = useViewer();
  return <Navigate to={landingPath(viewer.role)} replace />;
}
