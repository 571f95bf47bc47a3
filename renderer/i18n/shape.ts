/** The same keys as the German source, with strings as leaves: a missing or extra key is a type error. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
