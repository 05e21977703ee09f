import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * Enumerations written once: `export const X = graphqlEnum('X', description, { VALUE: 'what it means' })`
 * with `export type X = EnumValue<typeof X>` gives the object (`X.VALUE === 'VALUE'`, what TypeScript
 * enums are at run time) that GraphQL types and MikroORM entities (`p.enum(() => X)`) both use.
 */

/** The values of an enumeration as an object whose keys are its values. */
export type EnumObject<V extends string> = { readonly [K in V]: K };

/** The union of an enumeration's values. */
export type EnumValue<E> = E[keyof E];

/** An enumeration that GraphQL does not expose (a String field keeps it there). */
export function enumOf<const V extends string>(...values: V[]): EnumObject<V> {
  return Object.fromEntries(values.map((value) => [value, value])) as EnumObject<V>; // fromEntries loses the keys' type
}

/** An enumeration registered as a GraphQL enum, each value with its description. */
export function graphqlEnum<const V extends string>(
  name: string,
  description: string,
  values: Record<V, string>,
): EnumObject<V> {
  const object = enumOf(...(Object.keys(values) as V[])); // Object.keys types its result as string[]
  const described = Object.entries<string>(values).map(([value, meaning]) => [value, { description: meaning }]);
  registerEnumType(object, { name, description, valuesConfig: Object.fromEntries(described) });
  return object;
}

/**
 * A GraphQL enum over a catalogue's keys (analytics measures, dimensions), each value described by its
 * entry as "title: description".
 */
export function catalogueEnum<const K extends string>(
  name: string,
  description: string,
  catalogue: Record<K, { title: string; description: string }>,
): EnumObject<K> {
  const entries = Object.entries<{ title: string; description: string }>(catalogue);
  const values = Object.fromEntries(entries.map(([key, info]) => [key, `${info.title}: ${info.description}`]));
  return graphqlEnum(name, description, values as Record<K, string>); // fromEntries loses the keys' type: they are K
}
