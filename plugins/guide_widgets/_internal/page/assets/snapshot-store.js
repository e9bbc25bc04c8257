// Where a visit keeps Python's memory for the next one: the browser's Cache Storage, in this site's own cache
// (the boot message's `snapshotCache`, named with the site's path, see storage.py). A snapshot is stored under a
// name that is never requested from the network, and in the form snapshot-format.js packs.

import { packSnapshot, unpackSnapshot } from "./snapshot-format.js";

// The way a snapshot is stored. A new way gets a new number, so a copy stored the old way is never read: it is
// not found, the reader boots plainly once, and storeSnapshot drops it.
const SNAPSHOT_FORMAT = "runs-1";

/**
 * @param {BootMessage} message
 * @param {string} library
 */
export function snapshotKey({ pyodide: base, logic, version }, library) {
  // A snapshot holds the memory of one Pyodide and one logic archive, and is restored with one
  // standard-library archive (the reduced one after a plain boot, the prepared Python's own after a prepared
  // one), stored in one format: all four name it.
  const archive = new URL(logic).pathname.split("/").pop();
  return new URL(`python-snapshot/${SNAPSHOT_FORMAT}/${version}/${archive}/${library}`, base).href;
}

/**
 * The stored snapshot of an earlier visit, if any: its response, its name, and the standard-library archive it
 * must be restored with.
 * @param {BootMessage} message
 * @param {string} cacheName
 */
export async function findSnapshot(message, cacheName) {
  if (!self.caches) return null; // not a secure context (plain http on another host): plain boots only
  const libraries = [message.stdlib, ...(message.prepared ? [message.prepared.stdlib] : [])];
  try {
    const cache = await caches.open(cacheName);
    for (const stdlib of libraries) {
      const key = snapshotKey(message, stdlib);
      const response = await cache.match(key);
      if (response) return { response, key, stdlib };
    }
  } catch (error) {
    // no cache to be read: a prepared or plain boot
  }
  return null;
}

/**
 * A found snapshot's memory. "x-snapshot-runs" says where each run of its body goes, "x-snapshot-bytes" how
 * long the whole memory is.
 * @param {Response} response
 */
export async function snapshotBytes(response) {
  const body = new Uint8Array(await response.arrayBuffer());
  return unpackSnapshot(Number(response.headers.get("x-snapshot-bytes")),
    response.headers.get("x-snapshot-runs") || "", body);
}

/**
 * @param {string} key
 * @param {string} cacheName
 */
export async function forgetSnapshot(key, cacheName) {
  try {
    await (await caches.open(cacheName)).delete(key);
  } catch (error) {
    // Nothing more to do: the next boot is a plain one either way.
  }
}

/**
 * Keeps a snapshot made at boot for the next visit, dropping those of earlier builds.
 * @param {string} key
 * @param {string} cacheName
 * @param {Uint8Array} bytes
 */
export async function storeSnapshot(key, cacheName, bytes) {
  const start = performance.now();
  const cache = await caches.open(cacheName);
  for (const old of await cache.keys()) {
    if (old.url !== key) await cache.delete(old); // snapshots of earlier builds
  }
  const packing = performance.now();
  const { body, runs } = packSnapshot(bytes);
  const putting = performance.now();
  await cache.put(key, new Response(body, {
    headers: {
      "content-type": "application/octet-stream", "x-snapshot-bytes": String(bytes.length), "x-snapshot-runs": runs,
    },
  }));
  // Where storing's time went, for the benchmark: opening and tidying the cache, packing, writing.
  const steps = {
    open: Math.round(packing - start), pack: Math.round(putting - packing), put: Math.round(performance.now() - putting),
  };
  return { stored: true, message: `${body.length} of ${bytes.length} bytes`, steps };
}
