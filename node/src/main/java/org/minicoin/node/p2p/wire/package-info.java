/**
 * Bitcoin's P2P wire protocol (version 70016, V1 transport) as bytes and typed messages: the 24-byte
 * {@link org.minicoin.node.p2p.wire.MessageHeader}, one record per message named after its command, the
 * {@link org.minicoin.node.p2p.wire.WireCodec} that frames and parses them with Core's limits, and the two Netty
 * handlers that put the codec on a channel. A malformed frame or payload is a
 * {@link org.minicoin.node.p2p.wire.ProtocolViolation} naming what is wrong.
 *
 * <p>This package holds no protocol state: the handshake, which message is allowed when, misbehaviour scores,
 * per-peer buffer caps and the Netty bootstrap belong to the peer logic built on top of it.
 */
package org.minicoin.node.p2p.wire;
