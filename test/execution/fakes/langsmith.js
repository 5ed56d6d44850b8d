// Fake of `langsmith/traceable`: `traceable(fn, config)` returns a function that calls `fn` with the
// same arguments, once per call, and returns its value, as the real wrapper does (it also records a
// trace run, which sends no model request).
export function traceable(wrappedFunc) {
  return (...args) => wrappedFunc(...args);
}
