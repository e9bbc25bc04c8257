/* global performance */
// The performance marks of the given names, as {at, detail} (null for one not set yet), by name.
names => Object.fromEntries(names.map(n => {
    const mark = performance.getEntriesByName(n)[0];
    return [n, mark ? {at: mark.startTime, detail: mark.detail} : null]; }))
