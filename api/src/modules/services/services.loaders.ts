import type { DataSource } from 'typeorm';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { ServiceItem } from './service-item.entity';
import { ServiceOffering } from './service-offering.entity';

export function createServicesLoaders(db: DataSource) {
  const items = db.getRepository(ServiceItem);
  const offerings = db.getRepository(ServiceOffering);
  return {
    serviceById: oneLoader<number, ServiceItem>(
      (ids) => rowsWhereAny(db, items, 'id', ids),
      (s) => s.id,
    ),
    offeringsByCenter: manyLoader<number, ServiceOffering>(
      (ids) => rowsWhereAny(db, offerings, 'center_id', ids),
      (o) => o.centerId,
    ),
    offeringsByService: manyLoader<number, ServiceOffering>(
      (ids) => rowsWhereAny(db, offerings, 'service_id', ids),
      (o) => o.serviceId,
    ),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;
