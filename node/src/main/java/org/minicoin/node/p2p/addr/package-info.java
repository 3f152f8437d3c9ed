/**
 * Where to connect and whom to refuse: the {@link org.minicoin.node.p2p.addr.AddressManager} (Core's addrman: the
 * addresses peers gossip, bucketed into "new" and "tried" tables so that no single source can fill it) and the
 * {@link org.minicoin.node.p2p.addr.BanList} (Core's BanMan: manual bans of subnets, persisted, and a rolling
 * in-memory set of addresses discouraged for misbehaviour). Both persist in the ledger database
 * ({@code Column.PEERS}, {@code Column.BANS}).
 *
 * <p>{@link org.minicoin.node.p2p.addr.AddrRelay} is the address gossip of the peer logic (getaddr, addr, addrv2,
 * with Core's rate limit and relay rules), and {@link org.minicoin.node.p2p.addr.OutboundPlanner} chooses the next
 * outbound address and seed node. This package opens no connections: the connection manager asks the planner
 * whom to connect to, and reports failed attempts to the address manager.
 */
package org.minicoin.node.p2p.addr;
