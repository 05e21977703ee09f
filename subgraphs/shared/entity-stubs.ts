import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * Entities as a subgraph that extends them sees them: the key field only, with the owner's descriptions,
 * written once here. Each call makes a new class, because type-graphql attaches a subgraph's field
 * resolvers to the class itself: one class shared by two subgraphs would carry the fields of both.
 */

function stubWithIntId(name: string, description: string, idDescription: string) {
  @ObjectType(name, { description })
  @Directive('@key(fields: "id")')
  class Stub {
    @Field(() => Int, { description: idDescription })
    id!: number;
  }
  return Stub;
}

/** Personnel's Employee, keyed by id. */
export const employeeStub = () =>
  stubWithIntId(
    'Employee',
    'A civil servant (ASN). NIP, name and birth date are personal data (UU 27/2022).',
    'Employee id (stable; use it to join across subgraphs).',
  );

/** Personnel's ServiceUnit, keyed by id. */
export const serviceUnitStub = () =>
  stubWithIntId(
    'ServiceUnit',
    'A public-service unit (unit layanan): school, Puskesmas, Dukcapil office, kecamatan office.',
    'Service unit id.',
  );

/** Personnel's Agency, keyed by id. */
export const agencyStub = () =>
  stubWithIntId('Agency', 'A government agency (perangkat daerah: dinas, badan, kantor) of a region.', 'Agency id.');

/** Personnel's Region, keyed by its Kemendagri code. */
export function regionStub() {
  @ObjectType('Region', { description: 'An administrative region with its official Kemendagri code.' })
  @Directive('@key(fields: "code")')
  class Region {
    @Field({ description: 'Kemendagri code, e.g. "12.71" (Kota Medan); nests by prefix.' })
    code!: string;
  }
  return Region;
}
