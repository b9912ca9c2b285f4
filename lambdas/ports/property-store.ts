import type { Property } from '#core/model.ts';

/** The host's properties and their settings. Every key carries the host id (R9.3). */
export interface PropertyStore {
  getProperty(hostId: string, propertyId: string): Promise<Property | undefined>;
  putProperty(property: Property): Promise<void>;
  listProperties(hostId: string): Promise<Property[]>;
}
