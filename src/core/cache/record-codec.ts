// A loaded graph as flat arrays, and back: what the graph cache stores. V8's own serializer
// (node:v8) and JSON were measured on a 100,000-node graph and take 1.4 to 2 s and 1 s to read
// back, longer than a third of parsing the YAML again: they write every copy of a string (a
// node's id is in its record, its edges and every index) and rebuild objects key by key. Here
// every distinct string is written once, in one JSON array (which V8 reads fastest), every
// object's keys once per shape, and everything else as integers.
//
// Decoding gives back the same value: the same keys in the same order, present or absent alike,
// the same numbers (-0 and NaN too), typed arrays of the same type, and an object reached twice
// is one object again (the graph's indexes share its records). Only plain data is written:
// anything else (a class instance, a function, a symbol) is refused with UncacheableValue, and
// the caller then loads without a cache rather than get a different value back. Properties
// keyed by symbols are not data (nothing parsed from YAML has them) and are not written.

/** The encoded value: the strings, the object shapes, the tokens and the numbers that are not int32. */
export interface EncodedRecords {
  readonly strings: readonly string[];
  readonly shapes: readonly (readonly string[])[];
  readonly tokens: Int32Array;
  readonly numbers: Float64Array;
}

/** A value the codec will not write: the caller loads without the cache. */
export class UncacheableValue extends Error {}

/** Malformed tokens (the caller has checked a checksum, so this is a bug or a foreign file). */
export class CorruptRecords extends Error {}

enum Tag {
  Undefined = 0,
  Null = 1,
  False = 2,
  True = 3,
  Int = 4,
  Float = 5,
  String = 6,
  Array = 7,
  Object = 8,
  NullObject = 9,
  Map = 10,
  Set = 11,
  Ref = 12,
  Int32Array = 13,
  Int8Array = 14,
  Uint8Array = 15,
  Float64Array = 16,
  Date = 17,
}

/**
 * Objects already written, by identity. A Map holds at most 2^24 entries, and a graph of a
 * million nodes has more objects than that: full maps are kept and a new one begun.
 */
export class Seen {
  constructor(private readonly perMap = 1 << 23) {}
  readonly #full: Map<object, number>[] = [];
  #current = new Map<object, number>();
  size = 0;
  get(value: object): number | undefined {
    const found = this.#current.get(value);
    if (found !== undefined || this.#full.length === 0) return found;
    for (const map of this.#full) {
      const old = map.get(value);
      if (old !== undefined) return old;
    }
    return undefined;
  }
  add(value: object): void {
    if (this.#current.size >= this.perMap) {
      this.#full.push(this.#current);
      this.#current = new Map();
    }
    this.#current.set(value, this.size++);
  }
}

class Tokens {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

export function encodeRecords(value: unknown): EncodedRecords {
  const tokens = new Tokens();
  const numbers: number[] = [];
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shapes: string[][] = [];
  const seen = new Seen();

  const string = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  // Looked up by the first key (or none), then compared key by key: property names are
  // internalised strings, so comparing them costs a pointer each, and nothing is built per object.
  const byFirstKey = new Map<string | undefined, number[]>();
  const shape = (keys: string[]) => {
    let candidates = byFirstKey.get(keys[0]);
    if (candidates === undefined) {
      candidates = [];
      byFirstKey.set(keys[0], candidates);
    }
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c] as number;
      if (sameKeys(shapes[i] as string[], keys)) return i;
    }
    const i = shapes.length;
    shapes.push(keys);
    candidates.push(i);
    return i;
  };

  const write = (v: unknown): void => {
    switch (typeof v) {
      case "undefined":
        tokens.push(Tag.Undefined);
        return;
      case "boolean":
        tokens.push(v ? Tag.True : Tag.False);
        return;
      case "number":
        if ((v | 0) === v && !Object.is(v, -0)) {
          tokens.push(Tag.Int);
          tokens.push(v);
        } else {
          tokens.push(Tag.Float);
          tokens.push(numbers.length);
          numbers.push(v);
        }
        return;
      case "string":
        tokens.push(Tag.String);
        tokens.push(string(v));
        return;
      case "object":
        break;
      default:
        throw new UncacheableValue(`a ${typeof v} cannot be cached`);
    }
    if (v === null) {
      tokens.push(Tag.Null);
      return;
    }
    const ref = seen.get(v);
    if (ref !== undefined) {
      tokens.push(Tag.Ref);
      tokens.push(ref);
      return;
    }
    seen.add(v);
    if (Array.isArray(v)) {
      tokens.push(Tag.Array);
      tokens.push(v.length);
      for (let i = 0; i < v.length; i++) write(v[i]);
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      const keys = Object.keys(v);
      tokens.push(proto === null ? Tag.NullObject : Tag.Object);
      tokens.push(shape(keys));
      const record = v as Record<string, unknown>;
      for (const key of keys) write(record[key]);
      return;
    }
    if (proto === Map.prototype) {
      const map = v as Map<unknown, unknown>;
      tokens.push(Tag.Map);
      tokens.push(map.size);
      for (const [key, item] of map) {
        write(key);
        write(item);
      }
      return;
    }
    if (proto === Set.prototype) {
      const set = v as Set<unknown>;
      tokens.push(Tag.Set);
      tokens.push(set.size);
      for (const item of set) write(item);
      return;
    }
    if (
      proto === Int32Array.prototype ||
      proto === Int8Array.prototype ||
      proto === Uint8Array.prototype
    ) {
      const array = v as Int32Array | Int8Array | Uint8Array;
      tokens.push(
        proto === Int32Array.prototype
          ? Tag.Int32Array
          : proto === Int8Array.prototype
            ? Tag.Int8Array
            : Tag.Uint8Array,
      );
      tokens.push(array.length);
      for (let i = 0; i < array.length; i++) tokens.push(array[i] as number);
      return;
    }
    if (proto === Float64Array.prototype) {
      const array = v as Float64Array;
      tokens.push(Tag.Float64Array);
      tokens.push(array.length);
      tokens.push(numbers.length);
      for (let i = 0; i < array.length; i++) numbers.push(array[i] as number);
      return;
    }
    if (proto === Date.prototype) {
      // A YAML timestamp (a catalog's `2024-01-01`) is a Date: its time, as a number.
      tokens.push(Tag.Date);
      tokens.push(numbers.length);
      numbers.push((v as Date).getTime());
      return;
    }
    throw new UncacheableValue(
      `a ${proto?.constructor?.name ?? "value"} instance cannot be cached: only plain data`,
    );
  };

  write(value);
  return {
    strings,
    shapes,
    tokens: tokens.data.subarray(0, tokens.length),
    numbers: Float64Array.from(numbers),
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function decodeRecords(encoded: EncodedRecords): unknown {
  const { strings, shapes, tokens, numbers } = encoded;
  const refs: object[] = [];
  let p = 0;
  const next = (): number => {
    if (p >= tokens.length) throw new CorruptRecords("the records end early");
    return tokens[p++] as number;
  };
  const read = (): unknown => {
    const tag = next();
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return next();
      case Tag.Float:
        return numbers[next()];
      case Tag.String: {
        const s = strings[next()];
        if (s === undefined) throw new CorruptRecords("a string out of range");
        return s;
      }
      case Tag.Array: {
        const length = next();
        const array = new Array(length);
        refs.push(array);
        for (let i = 0; i < length; i++) array[i] = read();
        return array;
      }
      case Tag.Object:
      case Tag.NullObject: {
        const keys = shapes[next()];
        if (keys === undefined) throw new CorruptRecords("a shape out of range");
        const object: Record<string, unknown> = tag === Tag.Object ? {} : Object.create(null);
        refs.push(object);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i] as string;
          // Assigning `__proto__` would set the prototype: it is defined as the own key it was.
          if (key === "__proto__")
            Object.defineProperty(object, key, {
              value: read(),
              writable: true,
              enumerable: true,
              configurable: true,
            });
          else object[key] = read();
        }
        return object;
      }
      case Tag.Map: {
        const size = next();
        const map = new Map<unknown, unknown>();
        refs.push(map);
        for (let i = 0; i < size; i++) {
          const key = read();
          map.set(key, read());
        }
        return map;
      }
      case Tag.Set: {
        const size = next();
        const set = new Set<unknown>();
        refs.push(set);
        for (let i = 0; i < size; i++) set.add(read());
        return set;
      }
      case Tag.Ref: {
        const ref = refs[next()];
        if (ref === undefined) throw new CorruptRecords("a reference out of range");
        return ref;
      }
      case Tag.Int32Array:
      case Tag.Int8Array:
      case Tag.Uint8Array: {
        const length = next();
        if (p + length > tokens.length) throw new CorruptRecords("the records end early");
        const values = tokens.subarray(p, p + length);
        p += length;
        // slice copies an Int32Array's bytes at once; the others convert in one native pass.
        const array =
          tag === Tag.Int32Array
            ? values.slice()
            : tag === Tag.Int8Array
              ? new Int8Array(values)
              : new Uint8Array(values);
        refs.push(array);
        return array;
      }
      case Tag.Float64Array: {
        const length = next();
        const start = next();
        if (start + length > numbers.length) throw new CorruptRecords("the numbers end early");
        const array = numbers.slice(start, start + length);
        refs.push(array);
        return array;
      }
      case Tag.Date: {
        const time = numbers[next()];
        if (time === undefined) throw new CorruptRecords("a number out of range");
        const date = new Date(time);
        refs.push(date);
        return date;
      }
      default:
        throw new CorruptRecords(`an unknown tag ${tag}`);
    }
  };
  const value = read();
  if (p !== tokens.length) throw new CorruptRecords("tokens left over");
  return value;
}
