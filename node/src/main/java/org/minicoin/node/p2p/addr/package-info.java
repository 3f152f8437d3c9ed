/**
 * Where to connect and whom to refuse: the {@link org.minicoin.node.p2p.addr.AddressManager} (Core's addrman: the
 * addresses peers gossip, bucketed into "new" and "tried" tables so that no single source can fill it) and the
 * {@link org.minicoin.node.p2p.addr.BanList} (Core's BanMan: manual bans of subnets, persisted, and a rolling
 * in-memory set of addresses discouraged for misbehaviour). Both persist in the ledger database
 * ({@code Column.PEERS}, {@code Column.BANS}).
 *
 * <p>This package opens no connections and reads no messages: the peer logic decides when to call
 * {@code add}, {@code attempt}, {@code good}, {@code discourage}, and what to do with an address that is banned or
 * discouraged.
 */
package org.minicoin.node.p2p.addr;
