package org.minicoin.node.p2p.peer;

/**
 * What the peer told us about itself in the handshake, and the features it asked for; what sync and relay need.
 *
 * @param version        the peer's protocol version
 * @param commonVersion  min(peer's version, 70016): the version both sides speak
 * @param services       the peer's service bits
 * @param userAgent      the peer's user agent, with characters outside Core's SAFE_CHARS removed
 * @param startHeight    the peer's best height when it connected (-1 if not sent)
 * @param relay          false when the peer asked not to be sent transaction announcements (BIP-0037)
 * @param wtxidRelay     the peer announces and wants transactions by wtxid (BIP-0339)
 * @param sendAddrV2     the peer wants addresses as {@code addrv2} (BIP-0155)
 * @param prefersHeaders the peer wants new blocks announced by {@code headers} (BIP-0130)
 * @param feeFilter      the lowest fee rate, sat/kvB, of transactions the peer wants announced (BIP-0133), 0 if none
 */
public record PeerInfo(int version, int commonVersion, long services, String userAgent, int startHeight,
        boolean relay, boolean wtxidRelay, boolean sendAddrV2, boolean prefersHeaders, long feeFilter) {
}
