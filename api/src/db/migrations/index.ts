// Every migration, in order. Add one file per change and list it here.
import { PlacesAndServices1732300000000 } from './1732300000000-places-and-services';

export const migrations = [PlacesAndServices1732300000000];
