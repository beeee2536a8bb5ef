import { connectionTypes } from '../../../common/connection';
import { ServiceOffering } from '../service-offering.entity';
import { ServiceItem } from '../service-item.entity';

export const { EdgeType: ServiceItemEdge, ConnectionType: ServiceItemConnection } = connectionTypes(
  ServiceItem,
  'ServiceItem',
);

export const { EdgeType: ServiceOfferingEdge, ConnectionType: ServiceOfferingConnection } = connectionTypes(
  ServiceOffering,
  'ServiceOffering',
);
