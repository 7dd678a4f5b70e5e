/**
 * `make(object, key)` made once per object and key, and kept while the object lives: the
 * scoring API scores a few customers per request with the same model, and deriving from the
 * model (flat arrays, prepared tables) would otherwise cost more than the scoring.
 * The object must not change once passed.
 */
export function keptPerObject<Owner extends object, Key, Value>(make: (object: Owner, key: Key) => Value): (object: Owner, key: Key) => Value {
  const kept = new WeakMap<Owner, Map<Key, Value>>();
  return (object, key) => {
    let byKey = kept.get(object);
    if (!byKey) kept.set(object, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = make(object, key)));
    return value;
  };
}
