import type Redis from 'ioredis';

export const PEERS_KEY = 'klaxon:peers';
export const PEER_ADDRESSES_KEY = 'klaxon:peers:addresses';
/** A peer whose last heartbeat is older than this is no longer part of the cluster. */
export const PEER_TIMEOUT_MS = 30_000;

export interface Peer {
  name: string;
  address: string;
}

/**
 * The Klaxon processes sharing one Redis: each records a heartbeat (`ZADD klaxon:peers`,
 * score = time) and its listen address; peers seen within `PEER_TIMEOUT_MS` are the cluster.
 */
export class PeerRegistry {
  constructor(private readonly redis: Redis) {}

  async heartbeat(peer: Peer, now: number): Promise<void> {
    await this.redis
      .multi()
      .zadd(PEERS_KEY, now, peer.name)
      .hset(PEER_ADDRESSES_KEY, peer.name, peer.address)
      .exec();
  }

  /** Live peers sorted by name; forgets peers long gone. */
  async live(now: number): Promise<Peer[]> {
    const cutoff = now - PEER_TIMEOUT_MS;
    const reply = await this.redis.multi().zrangebyscore(PEERS_KEY, cutoff, '+inf').zrangebyscore(PEERS_KEY, '-inf', `(${cutoff}`).exec();
    const names = ((reply?.[0]?.[1] as string[]) ?? []).sort();
    const gone = (reply?.[1]?.[1] as string[]) ?? [];
    if (gone.length > 0) await this.redis.multi().zrem(PEERS_KEY, ...gone).hdel(PEER_ADDRESSES_KEY, ...gone).exec();
    if (names.length === 0) return [];
    const addresses = await this.redis.hmget(PEER_ADDRESSES_KEY, ...names);
    return names.map((name, i) => ({ name, address: addresses[i] ?? '' }));
  }

  async leave(name: string): Promise<void> {
    await this.redis.multi().zrem(PEERS_KEY, name).hdel(PEER_ADDRESSES_KEY, name).exec();
  }
}
