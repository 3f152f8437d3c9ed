/**
 * The connection-level protocol of one peer, as plain classes fed with events: {@link
 * org.minicoin.node.p2p.peer.Peer} runs the version handshake (version, verack, wtxidrelay, sendaddrv2),
 * ping/pong latency, the handshake, ping and inactivity timeouts, and turns misbehaviour into Core's
 * disconnect/discourage decision. Time comes in through {@code tick}, bytes go out through a
 * {@link org.minicoin.node.p2p.peer.PeerOutput}, so tests run many peers deterministically without sockets;
 * {@link org.minicoin.node.p2p.peer.PeerChannelHandler} is the thin Netty adapter.
 *
 * <p>Left to others: headers and block sync, transaction and address relay, the address manager, bans and the
 * connection manager. They see a peer through {@link org.minicoin.node.p2p.peer.PeerListener} once its
 * handshake is complete.
 */
package org.minicoin.node.p2p.peer;
